import logging

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models
from wagtail.admin.panels import FieldPanel

from core.page_cache import cached_until_next_publish
from core.search_query import MAX_PHRASE_WORDS, NO_SYNONYMS, Synonyms, synonym_phrases

logger = logging.getLogger(__name__)


class SynonymGroup(models.Model):
    """Words and phrases that mean one thing to the people who search the site: brand names
    ("Narcan" for naloxone), street names ("meth"), older or plainer names ("needle exchange"
    for syringe services). A search for any of them finds pages that use any other, in the
    library, the site search and the search boxes' suggestions."""

    words = models.CharField(
        "words and phrases",
        max_length=500,
        help_text=(
            "Two or more words or phrases that mean the same thing, separated by commas, such "
            "as “naloxone, Narcan, Kloxxado”. A search for any of them also finds pages that "
            "use the others. Capitals and punctuation other than the commas make no difference; "
            f"a phrase may have up to {MAX_PHRASE_WORDS} words."
        ),
    )

    panels = [FieldPanel("words")]

    class Meta:
        ordering = ["words"]
        verbose_name = "synonym group"
        verbose_name_plural = "search synonyms"

    def __str__(self):
        return self.words

    def clean(self):
        super().clean()
        phrases = synonym_phrases(self.words)
        if len(phrases) < 2:
            raise ValidationError(
                {"words": "Write at least two different words or phrases, separated by commas."}
            )
        too_long = [" ".join(phrase) for phrase in phrases if len(phrase) > MAX_PHRASE_WORDS]
        if too_long:
            raise ValidationError(
                {
                    "words": f"A phrase may have up to {MAX_PHRASE_WORDS} words: shorten "
                    + "; ".join(f"“{phrase}”" for phrase in too_long)
                    + "."
                }
            )


def read_synonym_texts():
    """Every group as its editors wrote it, in one query."""
    return list(SynonymGroup.objects.values_list("words", flat=True))


def current_synonyms():
    """The editors' synonym groups, kept in the cache until the next edit: saving or deleting a
    group, like any snippet, moves the page cache's generation on (core/page_cache_signals.py),
    so the next search reads the groups afresh, on every worker and server. None when the
    database cannot say: a search without synonyms is better than no search (and the failure
    is not kept)."""
    try:
        texts = cached_until_next_publish("search-synonyms", None, read_synonym_texts)
    except DatabaseError:
        logger.warning("Search synonyms unavailable; searching without them", exc_info=True)
        return NO_SYNONYMS
    return Synonyms.from_texts(texts)
