"""The lists editors keep and visitors filter by: the library's types and topics, the team's
specialties, the spectrum of approaches, the languages. Each app's lists subclass `Term`.

Every list is translatable (Wagtail's `TranslatableMixin`, translated with wagtail-localize like
any snippet). Pages are tagged with the main language's entries only (`limit_choices_to`), so
one tag serves every language; a page in another language shows each entry's name in that
language where it is translated (`core.locales.term_in_language_shown`). The slug is kept in
step with the main language's, so a filtered list's address (?topic=naloxone) is the same in
every language."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Term(TranslatableMixin, index.Indexed, Orderable):
    """A named value of one list: a name visitors read, a slug for links to filtered lists, and
    an order editors choose by dragging entries in the admin (then by name). Names and slugs
    are unique within a language."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(
        max_length=80,
        help_text="Used in the address of filtered lists, e.g. ?language=spanish.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("name", "locale"), ("slug", "locale")]

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

    override_translatable_fields = Term.override_translatable_fields + [SynchronizedField("code")]

    class Meta(Term.Meta):
        verbose_name = "language"
        verbose_name_plural = "languages"
