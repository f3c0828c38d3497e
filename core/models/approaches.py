from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES

from .taxonomy import Term


class Approach(Term):
    """One point on the spectrum of harm reduction (Substance Use Management, Targeted
    Abstinence, Total Abstinence). Editors keep the list and its order; the explainer shows it,
    and resources and clinicians are tagged with it."""

    short_name = models.CharField(
        max_length=12, blank=True, help_text="An abbreviation people use, such as “SUM”."
    )
    summary = models.CharField(
        max_length=200, help_text="One plain sentence that says what this approach is."
    )
    description = RichTextField(features=RICH_TEXT_FEATURES)
    examples = models.TextField(
        blank=True,
        help_text="Examples of this approach in practice, one per line.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("examples"),
    ]

    search_fields = Term.search_fields + [index.SearchField("summary")]

    class Meta(Term.Meta):
        verbose_name = "approach"
        verbose_name_plural = "approaches"

    @property
    def example_list(self):
        return [line.strip() for line in self.examples.splitlines() if line.strip()]
