from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES


class Approach(index.Indexed, Orderable):
    """One point on the spectrum of harm reduction (Substance Use Management, Targeted
    Abstinence, Total Abstinence). Editors keep the list and its order; the explainer shows it,
    and resources and clinicians are tagged with it."""

    name = models.CharField(max_length=80, unique=True)
    short_name = models.CharField(
        max_length=12, blank=True, help_text="An abbreviation people use, such as “SUM”."
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in links to the resource library filtered by this approach.",
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

    search_fields = [
        index.SearchField("name"),
        index.SearchField("summary"),
        index.AutocompleteField("name"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "approach"
        verbose_name_plural = "spectrum of approaches"

    def __str__(self):
        return self.name

    @property
    def example_list(self):
        return [line.strip() for line in self.examples.splitlines() if line.strip()]
