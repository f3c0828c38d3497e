"""Which language a page is in, for the language switcher, `lang` attributes and structured
data."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Locale

from core import page_cache

LOCALE_CODES = {}


def language_of(page):
    """The language code of `page`'s locale, without a query per page (locales are few, and
    are added far more rarely than pages are shown)."""
    if page.locale_id not in LOCALE_CODES:
        LOCALE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return LOCALE_CODES.get(page.locale_id, settings.LANGUAGE_CODE)


def locale_id_of(language_code):
    """The id of the locale of `language_code`, or None if the site has no such locale."""
    if language_code not in LOCALE_CODES.values():
        LOCALE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return next((pk for pk, code in LOCALE_CODES.items() if code == language_code), None)


def in_language_shown(pages, site, request):
    """`pages` of `site` as a visitor in the language shown looks for them: the pages of every
    language's tree of the site, less those that have a version in the language shown, so each
    page is found once, in that language where it is translated and otherwise in its own.
    Plain filters on indexed fields, which every search backend understands; the tree's roots
    and translations are kept in the cache until the next edit."""
    from wagtail.models import Page

    shown = locale_id_of(get_language())

    def tree():
        roots = site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
        translated = Page.objects.filter(locale_id=shown, depth__gt=1).values_list(
            "translation_key", flat=True
        )
        return list(roots), list(translated)

    roots, translated = page_cache.cached_until_next_publish(
        "language-tree", request, tree, site.pk
    )
    in_site = Q()
    for path in roots:
        in_site |= Q(path__startswith=path)
    return pages.filter(in_site).exclude(Q(translation_key__in=translated) & ~Q(locale_id=shown))


def in_main_language():
    """Filters that keep the main language's entries of a translated list, such as the
    approaches: the ones pages are tagged with (also their fields' `limit_choices_to`)."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


def main_language_only(model):
    """`in_main_language()` for a translatable list; nothing for a list that is not translated."""
    from wagtail.models import TranslatableMixin

    return in_main_language() if issubclass(model, TranslatableMixin) else {}


def in_language(page):
    """`page` in the language shown where it is translated and live, else `page` itself: what
    Wagtail's `page.localized` gives (and rich text's page links do), without a query when the
    page is already in it, and kept in the cache until the next edit when it is not."""
    if page is None:
        return None
    shown = get_language()
    if language_of(page) == shown:
        return page

    def version():
        found = type(page).objects.filter(
            translation_key=page.translation_key, locale_id=locale_id_of(shown)
        )
        return found.live().first() or page

    return page_cache.cached_until_next_publish("in-language", None, version, page.pk)


def main_language_version(page):
    """`page`'s version in the site's main language (itself, if it is in it or has none)."""
    if language_of(page) == settings.LANGUAGE_CODE:
        return page
    main = type(page).objects.filter(
        translation_key=page.translation_key, locale_id=locale_id_of(settings.LANGUAGE_CODE)
    )
    return main.first() or page


def terms_in_language_shown(model, request=None):
    """{translation key: entry} of the list `model` (a `core.models.Term`) in the language
    shown: one query per list and language, then kept in the cache until the next edit and
    remembered for the rest of the request."""
    shown = get_language()
    memo = request.__dict__.setdefault("terms_shown", {}) if request is not None else {}
    key = (model._meta.label, shown)
    if key not in memo:

        def entries():
            return {
                term.translation_key: term
                for term in model.objects.filter(locale_id=locale_id_of(shown))
            }

        memo[key] = page_cache.cached_until_next_publish(
            "terms", request, entries, model._meta.label
        )
    return memo[key]


def term_in_language_shown(term, request=None):
    """A list's entry (pages are tagged with the main language's) in the language shown where
    it is translated, else the entry itself; no lookup at all in the main language."""
    if term is None or get_language() == language_of(term):
        return term
    return terms_in_language_shown(type(term), request).get(term.translation_key, term)
