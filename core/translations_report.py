"""Reports › Translations: each live page of the main language and, for every other language,
whether it is translated, and whether the main language's page changed after the translation
was last brought in step with it (wagtail-localize's "Sync translated pages"). The admin shows
one page's translations at a time; this is the whole site at a glance."""

from django.db.models import Exists, OuterRef, Subquery
from django.urls import path, reverse
from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from core.review import PageReportMenuItem, page_columns

TRANSLATE_PERMISSIONS = ["change"]


def other_locales():
    return list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))


def translation_status(page, locale):
    """“Not translated”, “Changed since <date>” or “Up to date” for `page` in `locale`."""
    if not getattr(page, f"in_{locale.language_code}"):
        return "Not translated"
    synced = getattr(page, "synced_at", None)
    if synced and page.last_published_at and page.last_published_at > synced:
        return f"Changed since {date_format(synced.date(), 'DATE_FORMAT')}: sync and translate"
    return "Up to date"


class TranslationsView(PageReportView):
    page_title = "Translations"
    header_icon = "globe"
    index_url_name = "translations:report"
    index_results_url_name = "translations:report_results"
    results_template_name = "core/translations_results.html"
    any_permission_required = TRANSLATE_PERMISSIONS
    list_export = ["title"]

    @property
    def columns(self):
        columns = page_columns()
        for locale in other_locales():
            columns.append(
                Column(
                    f"status_{locale.language_code}",
                    label=locale.get_display_name(),
                    accessor=lambda page, locale=locale: translation_status(page, locale),
                )
            )
        return columns

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        main = Locale.get_default()
        versions = {
            f"in_{locale.language_code}": Exists(
                Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
            )
            for locale in other_locales()
        }
        # When the page's words were last taken in for translation (its translation source).
        synced_at = TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"), locale=main
        ).values("last_updated_at")[:1]
        self.queryset = (
            pages.live()
            .filter(locale=main, depth__gt=1)
            .annotate(**versions, synced_at=Subquery(synced_at))
            .order_by("path")
        )
        return super().get_queryset()


def translations_menu_item():
    return PageReportMenuItem(
        "Translations",
        reverse("translations:report"),
        name="translations",
        icon_name="globe",
        order=1060,
        permissions=TRANSLATE_PERMISSIONS,
    )


urlpatterns = [
    path("", TranslationsView.as_view(), name="report"),
    path("results/", TranslationsView.as_view(results_only=True), name="report_results"),
]
