"""The lists editors keep and visitors filter by: the library's types and topics, the team's
specialties, the spectrum of approaches, the languages. Each app's lists subclass `Term`."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class Term(index.Indexed, Orderable):
    """A named value of one list: a name visitors read, a slug for links to filtered lists, and
    an order editors choose by dragging entries in the admin (then by name)."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in the address of filtered lists, e.g. ?language=spanish.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Language(Term):
    """A language a resource is written in or a clinician offers therapy in. Many people can
    only talk about hard things in their first language, so visitors filter by it; its code
    marks text for screen readers and translation tools."""

    code = models.CharField(
        max_length=12, help_text="The language's code, such as “en” or “es” (BCP 47)."
    )

    panels = Term.panels + [FieldPanel("code")]

    class Meta(Term.Meta):
        verbose_name = "language"
        verbose_name_plural = "languages"
