from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES

# Also what the migrations of resources and team name as the approaches' limit_choices_to.
from core.locales import in_main_language

from .taxonomy import Term


class Approach(Term):
    """One point on the spectrum of harm reduction (Substance Use Management, Targeted
    Abstinence, Total Abstinence). Editors keep the list and its order; the explainer shows it,
    and resources and clinicians are tagged with it. Translated like any snippet: the name,
    summary, description and examples; the slug stays the main language's, so a link from the
    Spanish explainer to the library filtered by an approach works."""

    slug = models.SlugField(
        max_length=80,
        help_text="Used in the address of filtered lists, e.g. ?approach=total-abstinence.",
    )

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

    @classmethod
    def for_language_shown(cls, locale):
        """The approaches in the main language's order, each in `locale`'s words where it is
        translated (so a new approach shows, in the main language, before it is)."""
        main = list(cls.objects.filter(**in_main_language()))
        translated = {
            approach.translation_key: approach
            for approach in cls.objects.filter(
                locale=locale, translation_key__in=[a.translation_key for a in main]
            )
        }
        return [translated.get(approach.translation_key, approach) for approach in main]

    @property
    def example_list(self):
        return [line.strip() for line in self.examples.splitlines() if line.strip()]
