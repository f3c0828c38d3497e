"""Template tags for showing clinicians outside the team's own pages."""

from django import template
from django.db.models import Prefetch
from django.utils.translation import get_language
from wagtail.images import get_image_model

from core.locales import in_language, language_of
from core.visibility import listing_url, visible_among
from team.models import CARD_PHOTO, TeamMemberPage, in_language_shown

register = template.Library()


@register.simple_tag(takes_context=True)
def featured_team_members(context, page):
    """The clinicians the editors featured on `page` that anyone may see, in their order, and
    the address of the whole team, in a fixed number of queries. Works in preview too, where the
    choices are not saved yet (so which members are visible is asked of their ids)."""
    request = context.get("request")
    rendition_model = get_image_model().get_rendition_model()
    featured = (
        page.featured_team_members.all()
        .select_related("member", "member__photo")
        .prefetch_related(
            Prefetch(
                "member__photo__renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=CARD_PHOTO),
            )
        )
    )
    chosen = [item.member for item in featured if item.member is not None]
    visible = set()
    if chosen:
        visible = set(visible_among(TeamMemberPage, chosen).values_list("pk", flat=True))
    members, seen = [], set()
    for member in chosen:
        if member.pk in visible and member.pk not in seen:
            seen.add(member.pk)
            members.append(member)
    # Each in the language shown where their page is translated (one query on such a page).
    members = in_language_shown(members, card_details=False)
    return {"members": members, "team_url": team_url(members, request)}


def team_url(members, request):
    """The address of the team page in the language shown. Clinicians live directly under it,
    so a shown clinician in that language gives it with no query; failing one, the team page's
    translation is looked up (kept in the cache until the next edit)."""
    if not members:
        return ""
    shown = next((m for m in members if language_of(m) == get_language()), None)
    if shown is not None:
        return listing_url(shown, request)
    team = in_language(members[0].get_parent())
    return team.get_url(request=request) or ""
