"""Template tags used by the base layout on every page."""

import re
from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page

from core import locales
from core.locales import language_of
from core.page_cache import cached_until_next_publish
from core.routing import find_site
from core.visibility import visible_to_public

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The site's home page in the language being shown (for its address and the menu under
    it), looked up once per request and kept in the cache until the next edit."""
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_site_root", None)
    if cached is None:
        site = find_site(request)
        if site is not None:
            cached = cached_until_next_publish(
                "site-root", request, lambda: site.root_page.localized, site.pk
            )
        request._site_root = cached
    return cached


def menu_entries(root, request):
    """The pages in the menu under `root`: title, address, path and id."""

    def entries():
        pages = visible_to_public(root.get_children()).in_menu()
        return [
            (page.title, page.get_url(request=request), page.path, page.pk)
            for page in pages.only("title", "url_path", "path", "depth")
        ]

    return cached_until_next_publish("main-menu", request, entries, root.pk)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        current_path = getattr(current, "path", "")
        for title, url, path, pk in menu_entries(root, context.get("request")):
            items.append(
                {
                    "title": title,
                    "url": url,
                    "active": bool(current_path) and current_path.startswith(path),
                    "current": current is not None and current.pk == pk,
                }
            )
    return {"items": items}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's one address: its full URL, without any query string."""
    request = context.get("request")
    page = context.get("page")
    if page is not None and getattr(page, "pk", None):
        url = page.get_full_url(request=request)
        if url:
            return url
    if request is None:
        return ""
    return request.build_absolute_uri(request.path)


class SharedLayoutNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        return cached_until_next_publish(
            "layout", context.get("request"), lambda: self.nodelist.render(context), self.name
        )


@register.tag
def shared_layout(parser, token):
    """`{% shared_layout "name" %}...{% endshared_layout %}`: a part of the layout that is the
    same on every page and for every visitor, kept in the cache until the next edit."""
    try:
        _tag, name = token.split_contents()
    except ValueError as error:
        raise template.TemplateSyntaxError("shared_layout takes one name") from error
    nodelist = parser.parse(("endshared_layout",))
    parser.delete_first_token()
    return SharedLayoutNode(name.strip("\"'"), nodelist)


def page_versions(page, request):
    """{language code: (address, full address)} of the live, public versions of `page` in each
    language, itself included; kept in the cache until the next edit."""

    def versions():
        pages = visible_to_public(page.get_translations(inclusive=True)).select_related("locale")
        return {
            version.locale.language_code: (
                version.get_url(request=request),
                version.get_full_url(request=request),
            )
            for version in pages
        }

    return cached_until_next_publish("versions", request, versions, page.pk)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The page shown in each of the site's languages, for the language switcher and the
    `hreflang` links: each language's code, its own name, the address of this page in it (or,
    when it has no such page yet, of that language's home page, with `translated` false), and
    whether it is the language shown. A view that is not a page (site search) has the same
    address in every language."""
    request = context.get("request")
    page = context.get("page")
    shown = translation.get_language()
    if request is None:
        return []
    if isinstance(page, Page) and page.pk:
        found = page_versions(page, request)
    else:
        path = request.path
        found = {
            code: (url, request.build_absolute_uri(url))
            for code, _name in settings.LANGUAGES
            for url in [translate_url(path, code)]
        }
    # hreflang links only where there is another language to point to.
    alternates = len(found) > 1
    languages = []
    for code, _name in settings.LANGUAGES:
        url, full_url = found.get(code) or (translate_url("/", code), None)
        languages.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"].capitalize(),
                "url": url,
                "full_url": full_url,
                "alternate": full_url if alternates else None,
                "translated": code in found,
                "shown": code == shown,
            }
        )
    return languages


@register.filter
def tel_href(number):
    """`tel:` and the number's digits (and a leading +), for a call link."""
    return "tel:" + re.sub(r"[^\d+]", "", number or "")


@register.filter
def sms_href(line):
    """`sms:` and a crisis line's text number, with its word to send filled in (RFC 5724)."""
    href = "sms:" + re.sub(r"[^\d+]", "", line.get("text") or "")
    if line.get("text_word"):
        href += "?body=" + quote(line["text_word"])
    return href


@register.simple_tag
def text_label(line):
    """“Text 988”, or “Text AYUDA to 988” when the line asks for a word."""
    if line.get("text_word"):
        return _("Text %(word)s to %(number)s") % {
            "word": line["text_word"],
            "number": line["text"],
        }
    return _("Text %(number)s") % {"number": line["text"]}


@register.filter
def in_language(page):
    """`page` in the language shown where it is translated (core.locales.in_language)."""
    return locales.in_language(page)


@register.simple_tag(takes_context=True)
def shown_term(context, term):
    """A list's entry (a topic, a specialty) in the language shown where it is translated
    (core.locales.term_in_language_shown); `{{ entry|lang_attr }}` marks one that is not."""
    return locales.term_in_language_shown(term, memo=context.get("request"))


@register.simple_tag(takes_context=True)
def shown_terms(context, terms):
    """`shown_term` for each of `terms`."""
    request = context.get("request")
    return [locales.term_in_language_shown(term, memo=request) for term in terms]


LOWER_CASE_LANGUAGE_NAMES = {"es", "fr", "it", "pt"}


@register.filter
def language_name(language):
    """A `core.Language`'s name in the language shown (“inglés” on a Spanish page), from
    Django's own list where it knows the code, else as editors wrote it."""
    try:
        name = str(get_language_info(language.code)["name_translated"])
    except KeyError:
        return language.name
    # Spanish (like French or Italian) writes the names of languages in lower case.
    return name.lower() if translation.get_language() in LOWER_CASE_LANGUAGE_NAMES else name


@register.filter
def lang_attr(page):
    """` lang="en"` where a page's own words, or a list's entry not yet translated, appear on a
    page in another language (an English clinician's card on the Spanish home page), so screen
    readers read them rightly."""
    code = language_of(page)
    if code == translation.get_language():
        return ""
    return format_html(' lang="{}"', code)
