from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core import page_cache
from core.dates import add_months
from core.validators import validate_phone_number


@register_setting(icon="cog")
class PracticeSettings(BaseGenericSetting):
    """The practice's details, the same in every language, edited once here and shown on every
    page: name and how to reach it, where the quick exit goes, the pages on browsing safely and
    privacy that the quick exit, the forms and the footer link to, when the crisis lines were last
    checked, and how often pages are checked again after a review. The words that change with the
    language (the crisis lines themselves, the footer) are in SiteText."""

    # Every page links to both (quick exit, footer): loaded with the settings, not one by one.
    select_related = ["browsing_safely_page", "privacy_page", "accessibility_page", "fees_page"]

    practice_name = models.CharField(max_length=120, default="Harm Reduction Therapy")
    phone = models.CharField(
        max_length=30,
        blank=True,
        validators=[validate_phone_number],
        help_text="In digits, such as (312) 555-0100.",
    )
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True, help_text="Street address, one line per line.")
    crisis_lines_last_reviewed = models.DateField(
        "crisis lines last checked",
        null=True,
        blank=True,
        help_text="The day someone last called each number and opened each chat link, in every "
        "language (Snippets › Crisis lines and footer). Reports "
        "› Reviews due says when they are due again.",
    )
    quick_exit_url = models.URLField(
        default="https://www.weather.gov/",
        help_text="Where the “Leave this site” button takes people: an ordinary, harmless site.",
    )
    browsing_safely_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Linked beside the “Leave this site” button: how to browse privately and "
        "clear history.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from every form and the footer.",
    )
    fees_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Fees and insurance, linked from the footer of every page.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from the footer of every page.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "months between reviews",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="When a page is marked as reviewed, its next review is due this many months "
        "later. Pages past their date are listed under Reports › Reviews due.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("practice_name")],
            heading="The practice",
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("fees_page"),
            ],
            heading="How to reach the practice",
        ),
        FieldPanel("crisis_lines_last_reviewed"),
        MultiFieldPanel(
            [
                FieldPanel("quick_exit_url"),
                FieldPanel("browsing_safely_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading="Safety, privacy and accessibility",
        ),
        FieldPanel("review_interval_months"),
    ]

    class Meta:
        verbose_name = "practice settings"

    @classmethod
    def load(cls, request_or_site=None):
        """The settings for a request, kept in the cache until the next edit: every page shows
        them, and saving them moves the generation on (core/page_cache_signals.py)."""
        if not isinstance(request_or_site, HttpRequest):
            return super().load(request_or_site)
        attribute = cls.get_cache_attr_name()
        if not hasattr(request_or_site, attribute):
            kept = page_cache.cached_until_next_publish(
                "practice-settings", request_or_site, cls._get_or_create
            )
            setattr(request_or_site, attribute, kept)
        return getattr(request_or_site, attribute)

    def crisis_lines_review_due(self):
        """When the crisis lines should next be checked, or None if they never were."""
        if not self.crisis_lines_last_reviewed:
            return None
        return add_months(self.crisis_lines_last_reviewed, self.review_interval_months)

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]
