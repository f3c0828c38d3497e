"""The library's taxonomies. Editors keep each list in the admin; visitors filter by them."""

from django.db import models
from wagtail.search import index


class Term(index.Indexed, models.Model):
    """A named, linkable value of one of the library's facets."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in links to the filtered library."
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ResourceType(Term):
    """What kind of thing a resource is: a guide, a fact sheet, a hotline or service, a book."""

    class Meta(Term.Meta):
        verbose_name = "resource type"


class Topic(Term):
    """What a resource is about: naloxone, drug checking, safer injection, family support."""

    class Meta(Term.Meta):
        verbose_name = "topic"


class Substance(Term):
    """A substance a resource speaks to: opioids, fentanyl, stimulants, alcohol, cannabis."""

    class Meta(Term.Meta):
        verbose_name = "substance"


class Audience(Term):
    """Who a resource is written for: people who use drugs, family and friends, clinicians."""

    class Meta(Term.Meta):
        verbose_name = "audience"


class Language(Term):
    """The language a resource is written in, with its code so pages can mark it for screen
    readers and translation tools."""

    code = models.CharField(
        max_length=12, help_text="The language's code, such as “en” or “es” (BCP 47)."
    )

    class Meta(Term.Meta):
        verbose_name = "language"
