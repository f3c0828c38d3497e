"""sitemap.xml: the live, public pages of every language, each with its versions in the other
languages as `hreflang` alternates (the same pairs as the links in each page's head)."""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from core.visibility import visible_to_public


class TranslatedSitemap(Sitemap):
    def items(self):
        home = self.get_wagtail_site().root_page
        pages = Page.objects.none()
        for root in home.get_translations(inclusive=True):
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return visible_to_public(pages).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        entries = []
        versions = defaultdict(list)
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                entries.append(url_info)
                versions[item.translation_key].append(
                    {"lang_code": languages[item.locale_id], "location": url_info["location"]}
                )
                url_info["translation_key"] = item.translation_key
        for url_info in entries:
            alternates = versions[url_info.pop("translation_key")]
            if len(alternates) > 1:
                default = next(
                    (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE),
                    alternates[0],
                )
                url_info["alternates"] = [
                    *alternates,
                    {"lang_code": "x-default", "location": default["location"]},
                ]
        last_mods = {url_info.get("lastmod") for url_info in entries}
        # None among them: a page never published, so no date can stand for the whole set.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return entries
