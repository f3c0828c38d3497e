"""Which language a page is in, for the language switcher, `lang` attributes and structured
data."""

from django.conf import settings
from django.db.models import Count, Q
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
    language's tree of the site, each found once: in the language shown where it has a public
    version there, else in the site's main language, else in its own (with several, the first
    language added). Plain filters on indexed fields, which every search backend understands; the
    tree's roots and the versions left out are kept in the cache until the next edit. Those are as
    many as the translated pages, whatever the number of pages in one language."""
    from wagtail.models import Page

    from core.visibility import visible_to_public

    shown = locale_id_of(get_language())
    main = locale_id_of(settings.LANGUAGE_CODE)

    def tree():
        roots = site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
        translated = (
            Page.objects.filter(depth__gt=1)
            .values("translation_key")
            .annotate(versions=Count("pk"))
            .filter(versions__gt=1)
            .values("translation_key")
        )
        versions = visible_to_public(Page.objects.filter(translation_key__in=translated))
        versions = list(versions.values_list("pk", "translation_key", "locale_id"))
        preferred = {}
        for pk, key, locale in versions:
            rank = (locale != shown, locale != main, locale)
            if key not in preferred or rank < preferred[key][0]:
                preferred[key] = (rank, pk)
        kept = {pk for _rank, pk in preferred.values()}
        return list(roots), [pk for pk, _key, _locale in versions if pk not in kept]

    roots, left_out = page_cache.cached_until_next_publish("language-trees", request, tree, site.pk)
    in_site = Q()
    for path in roots:
        in_site |= Q(path__startswith=path)
    return pages.filter(in_site).exclude(pk__in=left_out)


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


def terms_in_language_shown(model, memo=None):
    """{translation key: entry} of the list `model` (a `core.models.Term`) in the language
    shown: one query per list and language, then kept in the cache until the next edit (the
    same for every site), and remembered on `memo` (the request, or a form field: whatever
    shows many entries at once)."""
    shown = get_language()
    remembered = memo.__dict__.setdefault("terms_shown", {}) if memo is not None else {}
    key = (model._meta.label, shown)
    if key not in remembered:

        def entries():
            return {
                term.translation_key: term
                for term in model.objects.filter(locale_id=locale_id_of(shown))
            }

        remembered[key] = page_cache.cached_until_next_publish(
            "terms", None, entries, model._meta.label
        )
    return remembered[key]


def term_in_language_shown(term, memo=None):
    """A list's entry (pages are tagged with the main language's) in the language shown where
    it is translated, else the entry itself; no lookup at all in the main language. `memo`:
    as for `terms_in_language_shown`."""
    if term is None or get_language() == language_of(term):
        return term
    return terms_in_language_shown(type(term), memo).get(term.translation_key, term)


def pages_in_language_shown(pages, load=None):
    """`pages` (a list of the main language's pages of one type), each replaced by its public
    version in the language shown where there is one, read with `load(queryset)` (the related
    rows a listing needs). Which pages are translated is kept in the cache until the next edit,
    so a list with none costs no query, and one with some a query (and those of `load`)."""
    shown = locale_id_of(get_language())
    if not pages or shown in (None, pages[0].locale_id):
        return pages
    from core.visibility import visible_to_public

    model = type(pages[0])

    def public_translations():
        translated = visible_to_public(model.objects.filter(locale_id=shown))
        return dict(translated.values_list("translation_key", "pk"))

    translations = page_cache.cached_until_next_publish(
        "translated-pages", None, public_translations, model._meta.label
    )
    wanted = [
        translations[page.translation_key] for page in pages if page.translation_key in translations
    ]
    if not wanted:
        return pages
    queryset = model.objects.filter(pk__in=wanted)
    found = {page.translation_key: page for page in (load(queryset) if load else queryset)}
    return [found.get(page.translation_key, page) for page in pages]
