"""The words every page shows that change with the language: the crisis lines, the tagline, the
opening hours and the footer's note. One row per language, translated with wagtail-localize like
any snippet (Wagtail's settings cannot be translated, so the practice's details that stay the
same in every language, such as its name, phone and pages, stay in PracticeSettings)."""

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin

from core import page_cache
from core.blocks import CrisisLineBlock, default_crisis_lines


class SiteText(TranslatableMixin, models.Model):
    tagline = models.CharField(
        max_length=160,
        default="Pragmatic Help without Judgement",
        help_text="A short line about the practice, shown to search engines for pages that have "
        "no description of their own.",
    )
    crisis_lines = StreamField(
        [("line", CrisisLineBlock())],
        default=default_crisis_lines,
        collapsed=True,
        help_text="Shown in the crisis banner on every page, in this order. Open a line to "
        "change it; check the numbers still work whenever you review the site, and say in each "
        "language whether the line answers in it.",
    )
    hours = models.TextField(blank=True, help_text="Opening hours, one line per line.")
    footer_text = models.TextField(
        blank=True,
        help_text="A short line at the foot of every page, such as a land acknowledgement.",
    )

    panels = [
        FieldPanel("crisis_lines", heading="Crisis lines"),
        FieldPanel("tagline"),
        FieldPanel("hours"),
        FieldPanel("footer_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "crisis lines and footer"
        verbose_name_plural = "crisis lines and footer"
        constraints = [
            models.UniqueConstraint(fields=["locale"], name="one_site_text_per_language")
        ]

    def __str__(self):
        return f"Crisis lines and footer ({self.locale.get_display_name()})"

    @classmethod
    def for_request(cls, request):
        """The words in the language shown (in the site's main language while a language has
        none of its own yet), kept in the cache until the next edit."""
        if not isinstance(request, HttpRequest):
            return cls.current()
        if not hasattr(request, "_site_text"):
            request._site_text = page_cache.cached_until_next_publish(
                "site-text", request, cls.current
            )
        return request._site_text

    @classmethod
    def load(cls, request_or_site=None):
        """As a setting's `load()` (the demo loader fills it like one)."""
        return cls.for_request(request_or_site)

    @classmethod
    def current(cls):
        found = {text.locale.language_code: text for text in cls.objects.select_related("locale")}
        text = found.get(get_language()) or found.get(settings.LANGUAGE_CODE)
        if text is None:
            text, _created = cls.objects.get_or_create(locale=Locale.get_default())
        return text

    @property
    def hours_lines(self):
        return [line.strip() for line in self.hours.splitlines() if line.strip()]
