"""Did you mean: the words the site contains that are nearest to a visitor's misspelled words,
for the library and the site search alike.

People search in a hurry, on a phone, for words that are hard to spell ("nalaxone",
"fentanil"). A search that finds nothing is retried with the corrected words, and the page says
so ("Showing results for naloxone. Search instead for nalaxone"). The words come from what anyone
may read on the site: the titles and search descriptions of public pages, and the text Wagtail's
search index holds for them (bodies, taxonomy names), plus any words a caller adds (the library's
facet names). They are kept in the page cache until the next publish, so a word an editor has
just published is suggested on the next search.

`difflib` compares words the same way on every database; PostgreSQL goes further through
modelsearch's `Fuzzy` query (pg_trgm), which the search views try when no correction helps."""

import difflib
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from wagtail.search.query import Fuzzy

from .models.synonyms import current_synonyms
from .page_cache import cached_until_next_publish
from .search_query import WORD, SearchQuery, word_forms
from .visibility import visible_to_public

logger = logging.getLogger(__name__)

# Shorter words have too many near neighbours to correct safely ("dose", "does", "done").
MIN_WORD_LENGTH = 4
MAX_WORD_LENGTH = 30
# How alike two words must be (difflib's ratio) for one to stand in for the other:
# "nalaxone" and "naloxone" score 0.875.
CORRECTION_CUTOFF = 0.75
# Looser, for the words offered when nothing was found at all.
SUGGESTION_CUTOFF = 0.6
MAX_SUGGESTIONS = 3


def words_in(text):
    return {
        word
        for word in WORD.findall((text or "").casefold())
        if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH and word.isalpha()
    }


def site_vocabulary():
    """Every word of the public pages, sorted: kept until the next publish (a word published a
    moment ago is suggested on the next search)."""
    return cached_until_next_publish("spelling-vocabulary", None, sorted_vocabulary)


def sorted_vocabulary():
    return sorted(read_vocabulary())


def read_vocabulary():
    """Two queries after the one that finds private sections: the public pages' titles and
    descriptions, then the search index's text for those pages (PostgreSQL keeps it in its
    `*_text` columns, SQLite in plain columns; OpenSearch keeps none here, and titles suffice)."""
    words = set()
    page_ids, content_types = set(), {ContentType.objects.get_for_model(Page).pk}
    rows = visible_to_public(Page.objects.all()).values_list(
        "pk", "content_type_id", "title", "search_description"
    )
    for pk, content_type_id, title, description in rows:
        page_ids.add(str(pk))
        content_types.add(content_type_id)
        words |= words_in(title) | words_in(description)
    columns = ("title", "body")
    if connection.vendor == "postgresql":
        columns = ("title_text", "body_text")
    try:
        with transaction.atomic():
            entries = list(
                IndexEntry.objects.filter(content_type_id__in=content_types).values_list(
                    "object_id", *columns
                )
            )
    except DatabaseError:
        logger.warning("The search index's words could not be read for spelling suggestions")
        entries = []
    for object_id, *texts in entries:
        if object_id in page_ids:  # a private page's words are never suggested
            for text in texts:
                words |= words_in(text)
    return words


def is_known(term, known):
    return any(form in known for form in word_forms(term))


def nearest(term, vocabulary, known, as_prefix=False):
    """The word of `vocabulary` nearest to `term`, or `term` itself when it is known, too short
    to correct, or has no near neighbour. With `as_prefix`, `term` is the start of a word still
    being typed, and the answer is the start of a known word."""
    if len(term) < MIN_WORD_LENGTH or not term.isalpha():
        return term
    if as_prefix:
        if any(word.startswith(term) for word in vocabulary):
            return term
        starts = {word[: len(term)] for word in vocabulary if len(word) >= len(term)}
        close = difflib.get_close_matches(term, starts, n=1, cutoff=CORRECTION_CUTOFF)
    else:
        if is_known(term, known):
            return term
        close = difflib.get_close_matches(term, vocabulary, n=1, cutoff=CORRECTION_CUTOFF)
    return close[0] if close else term


def correct(query: SearchQuery, extra_words=(), as_prefix=False):
    """The query with each misspelled word replaced by the nearest word the site contains, or
    None when no word changed. With `as_prefix`, the last word is taken as partly typed."""
    if not query:
        return None
    vocabulary = vocabulary_with(extra_words)
    known = set(vocabulary)
    last = len(query.terms) - 1
    corrected = [
        nearest(term, vocabulary, known, as_prefix=as_prefix and index == last)
        for index, term in enumerate(query.terms)
    ]
    if corrected == query.terms:
        return None
    return SearchQuery.parse(" ".join(corrected))


def fuzzy_query(query: SearchQuery):
    """modelsearch's `Fuzzy` query for the query's longer words (short and filler words match
    everything by trigram), or None when it has none. PostgreSQL matches it through pg_trgm
    (core migration 0002); a backend without fuzzy matching raises, and the caller moves on."""
    words = [term for term in query.keywords if len(term) >= MIN_WORD_LENGTH]
    if not words:
        return None
    # Accents ignored as in every other search (core migration 0003 creates `f_unaccent`).
    return Fuzzy(" ".join(words), unaccent=connection.vendor == "postgresql")


def suggestions(query: SearchQuery, extra_words=()):
    """Up to MAX_SUGGESTIONS words the site contains that look like the query's words, for a
    search that found nothing even after correcting it."""
    vocabulary = vocabulary_with(extra_words)
    found = []
    for term in query.terms:
        if len(term) < MIN_WORD_LENGTH:
            continue
        for word in difflib.get_close_matches(
            term, vocabulary, n=MAX_SUGGESTIONS, cutoff=SUGGESTION_CUTOFF
        ):
            if word != term and word not in found:
                found.append(word)
    return found[:MAX_SUGGESTIONS]


def vocabulary_with(extra_words):
    """The site's words, the words of the editors' synonyms ("suboxone" may be on no page,
    yet it finds buprenorphine) and `extra_words`."""
    vocabulary = site_vocabulary()
    extra = set()
    for group in current_synonyms().groups:
        for phrase in group:
            extra |= words_in(" ".join(phrase))
    for text in extra_words:
        extra |= words_in(text)
    if extra - set(vocabulary):
        vocabulary = sorted(set(vocabulary) | extra)
    return vocabulary
