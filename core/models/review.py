"""Review dates for pages that can hurt people when they go stale, such as safer-use advice and
crisis information. The report of pages due and “Mark as reviewed” are in core/review.py."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.dates import add_months

from .site_settings import PracticeSettings


class ReviewedPage(models.Model):
    """A page someone at the practice checks on a schedule. Visitors see both dates at its foot
    (“Page last reviewed”, “Next review due”); editors see pages past their date, or never
    reviewed, in the Reviews due report."""

    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When someone at the practice last checked this page is still right.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="Leave empty to use the practice's review interval (Settings › Practice "
        "settings).",
    )

    review_panel = MultiFieldPanel(
        [FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")])],
        heading="Review",
        help_text="Checked the page and found it right? Use “Mark as reviewed” in the page's "
        "⋯ menu: it sets both dates and publishes the page again without other changes.",
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.last_reviewed and not self.next_review_due:
            months = PracticeSettings.load().review_interval_months
            self.next_review_due = add_months(self.last_reviewed, months)
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            raise ValidationError(
                {"next_review_due": "The next review must come after the last one."}
            )

    def mark_reviewed(self, day, months):
        self.last_reviewed = day
        self.next_review_due = add_months(day, months)
