"""The library's taxonomies. Editors keep each list in the admin; visitors filter by them. (The
languages are shared with the team: `core.Language`.)"""

from core.models import Term


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
