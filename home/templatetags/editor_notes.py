"""Notes for editors on the public pages: which details are still the demo content's fictional
ones, and where to change them. Never for visitors.

`{% editor_notes %}` renders nothing unless the request is an editor's: someone logged in, or a
preview in the admin. Those requests never reach the whole-page cache (core/page_cache.py keeps
only requests without a session cookie, and previews are the admin's), and the notes sit in the
page's own content, never in a part of the layout kept for everyone (`shared_layout`), so a page
kept for anonymous visitors never carries a note, and an editor never misses one.

A detail counts as the demo's while it is still what home/demo_data/*.toml gave it, or is a
number or address reserved for fiction (a 555-01xx phone number, an example.org address); the
note goes by itself once an editor replaces it.
"""

import re

from django import template
from django.apps import apps
from django.utils.html import format_html, format_html_join
from django.utils.text import get_text_list

from core.locales import main_language_version
from core.models import PracticeSettings
from home.demo import demo_page, demo_value

register = template.Library()

PRACTICE = "core.PracticeSettings"
PRACTICE_DETAILS = [("phone", "phone number"), ("email", "email address"), ("address", "address")]
# Reserved for fiction and documentation: 555-0100 to 555-0199 (NANP), example.* (RFC 2606).
FICTIONAL_PHONE = re.compile(r"55501\d\d$")
FICTIONAL_DOMAINS = ("example.org", "example.com", "example.net")
FICTIONAL_SUFFIXES = (".example", ".test", ".invalid")


def is_editors_request(request):
    if request is None:
        return False
    if getattr(request, "is_preview", False):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def squeezed(text):
    return " ".join(str(text or "").split())


def one_line(text):
    """A value of several lines (an address) on one line, its lines separated by commas."""
    return ", ".join(squeezed(line) for line in str(text).splitlines() if line.strip())


def listed(found):
    """“phone number ((555) 010-0199) and email address (office@example.org)”."""
    return get_text_list([f"{label} ({one_line(value)})" for label, value in found], "and")


def is_fictional(name, value):
    if name == "phone":
        return bool(FICTIONAL_PHONE.search(re.sub(r"\D", "", value)))
    if name in ("email", "to_address", "from_address"):
        domain = value.rpartition("@")[2].lower()
        return domain in FICTIONAL_DOMAINS or domain.endswith(FICTIONAL_SUFFIXES)
    return False


def demo_details(thing, details, demo):
    """The (label, value) of each of `details` of `thing` that is still the demo's (as in the
    dictionary `demo`), or reserved for fiction."""
    found = []
    for name, label in details:
        value = getattr(thing, name, "") or ""
        if value.strip() and (
            squeezed(value) == squeezed(demo.get(name)) or is_fictional(name, value)
        ):
            found.append((label, value))
    return found


def is_demo_page(page, fields):
    """Whether `page` still reads as the demo wrote it: any of `fields` unchanged (in the main
    language: a translation of a page that reads as the demo's is the demo's too)."""
    page = main_language_version(page)
    entry = demo_page(page._meta.label, page.slug)
    if entry is None:
        return False
    return any(
        entry.get(name) and squeezed(getattr(page, name, "")) == squeezed(entry[name])
        for name in fields
    )


def practice_note(request, context):
    practice = context.get("practice") or PracticeSettings.load(request_or_site=request)
    demo = {name: demo_value(PRACTICE, name) for name, _label in PRACTICE_DETAILS}
    found = demo_details(practice, PRACTICE_DETAILS, demo)
    if not found:
        return None
    return format_html(
        "The practice's {}, at the foot of every page, {} the demo content's fictional "
        "{}. Replace {} with the practice's own under Settings › Practice settings.",
        listed(found),
        "are" if len(found) > 1 else "is",
        "details" if len(found) > 1 else "one",
        "them" if len(found) > 1 else "it",
    )


def fictional_members(page):
    label = page._meta.label
    if label == "team.TeamMemberPage":
        members = [page]
    elif label == "team.TeamIndexPage":
        member_page = apps.get_model("team", "TeamMemberPage")
        members = member_page.objects.child_of(page).live().order_by("title")
    elif getattr(page, "featured_team_members", None) is not None:
        members = [item.member for item in page.featured_team_members.all() if item.member]
    else:
        return []
    return [member for member in members if is_demo_page(member, ("short_bio", "bio"))]


def page_notes(page):
    """The notes for `page`. Other apps' page types are named by label, as the apps' imports
    point only toward core (tests/test_structure.py)."""
    label = page._meta.label
    notes = []
    members = fictional_members(page)
    if label == "team.TeamMemberPage" and members:
        notes.append(
            format_html(
                "{} is a fictional clinician from the demo content. Replace this profile with a "
                "real clinician's own words, details and photo, or unpublish it.",
                page.title,
            )
        )
    elif members:
        notes.append(
            format_html(
                "The profiles of {} are fictional, from the demo content. Replace them with real "
                "clinicians' profiles, or unpublish them, under Pages › Our Experts.",
                get_text_list([member.title for member in members], "and"),
            )
        )
    if label == "careers.JobPage" and is_demo_page(page, ("summary", "responsibilities")):
        notes.append(
            "This opening is fictional, from the demo content. Rewrite it for a real position, "
            "or unpublish it."
        )
    if label == "home.ContactPage":
        addresses = demo_details(
            page,
            [("to_address", "“To address”"), ("from_address", "“From address”")],
            demo_page(page._meta.label, page.slug) or {},
        )
        if addresses:
            notes.append(
                format_html(
                    "The email that tells staff a message arrived uses the demo's {}. Change "
                    "{} under “Notification email” when you edit this page.",
                    listed(addresses),
                    "them" if len(addresses) > 1 else "it",
                )
            )
    return notes


@register.simple_tag(takes_context=True)
def editor_notes(context):
    """The notes for editors on this page, or nothing for anyone else."""
    request = context.get("request")
    if not is_editors_request(request):
        return ""
    notes = [practice_note(request, context)]
    page = context.get("page")
    if page is not None and getattr(page, "pk", None) is not None:
        notes += page_notes(page)
    notes = [note for note in notes if note]
    if not notes:
        return ""
    return format_html(
        '<aside class="notice editor-note" aria-label="Note for editors">'
        "<p><strong>For editors only.</strong> Visitors do not see this note.</p>"
        "<ul>{}</ul></aside>",
        format_html_join("", "<li>{}</li>", ((note,) for note in notes)),
    )
