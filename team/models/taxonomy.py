from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class TeamTaxonomy(Orderable):
    """What the team's lists have in common: a name visitors read, a slug for filter links,
    and an order editors choose by dragging in the admin."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in the address of the filtered team list, e.g. ?language=spanish.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.name


class Specialty(TeamTaxonomy):
    """Something a clinician works with, such as “Alcohol” or “Trauma”. Visitors filter the team
    by it to find someone who knows what they are living with."""

    class Meta(TeamTaxonomy.Meta):
        verbose_name = "specialty"
        verbose_name_plural = "specialties"


class Language(TeamTaxonomy):
    """A language a clinician offers therapy in. Many people can only talk about hard things in
    their first language, so it is a filter of its own."""

    class Meta(TeamTaxonomy.Meta):
        verbose_name = "language"
        verbose_name_plural = "languages"


class SessionFormat(TeamTaxonomy):
    """How sessions happen, such as in person or by telehealth: for many people this decides
    whether therapy is possible at all (distance, mobility, privacy at home)."""

    description = models.CharField(
        max_length=200,
        blank=True,
        help_text="One plain sentence, e.g. “Video sessions from wherever you feel safe.”",
    )

    panels = TeamTaxonomy.panels + [FieldPanel("description")]

    class Meta(TeamTaxonomy.Meta):
        verbose_name = "session format"
        verbose_name_plural = "session formats"
