"""What a visitor typed into any search box (the site search, the library), made safe for every
search backend: `SearchQuery.parse(text)`, or `SearchQueryField` in a form.

Visitors type anything: quotes, brackets, `&|!:*`, emoji, whole pasted paragraphs, NUL bytes.
PostgreSQL's tsquery and SQLite's FTS5 each have a query syntax that can raise on such input, so
only runs of letters and digits ever reach the backend; everything else separates words. The
visitor still sees what they typed (shortened if it was very long), escaped by the template."""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from wagtail.search.query import PlainText

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10

WORD = re.compile(r"[^\W_]+")
# Control characters (NUL included) never belong in a search and break database drivers.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SPACES = re.compile(r"\s+")
# An email address or a phone number looks like someone's own details: not kept in the
# search-terms report (see search/terms.py).
PERSONAL = re.compile(r"@|\d[\d\s().-]{5,}\d")


def word_forms(term):
    """The singular and plural of an English word, so that "overdoses" highlights and ranks
    "overdose". (The search backends stem words themselves: PostgreSQL's English configuration,
    and SQLite's index through the Porter stemmer that resources' migration 0002 sets up.)"""
    forms = [term]
    if len(term) <= 3 or not term.isalpha():
        return forms
    if term.endswith("ies") and len(term) > 4:
        forms.append(term[:-3] + "y")
    elif term.endswith("es"):
        forms.append(term[:-1])
        if term[:-2].endswith(("s", "x", "z", "ch", "sh")):
            forms.append(term[:-2])
    elif term.endswith("s") and not term.endswith(("ss", "us", "is")):
        forms.append(term[:-1])
    elif term.endswith("y") and term[-2] not in "aeiou":
        forms.append(term[:-1] + "ies")
    else:
        forms.append(term + "s")
    return forms


@dataclass
class SearchQuery:
    """A visitor's query: the text to show back to them and the words to search for."""

    text: str = ""
    shortened: bool = False
    terms: list[str] = field(default_factory=list)
    dropped_terms: bool = False

    @classmethod
    def parse(cls, raw):
        raw = unicodedata.normalize("NFKC", raw or "")
        raw = SPACES.sub(" ", CONTROL.sub("", raw)).strip()
        shortened = len(raw) > MAX_QUERY_LENGTH
        text = raw[:MAX_QUERY_LENGTH].strip()
        terms = list(dict.fromkeys(word.casefold() for word in WORD.findall(text)))
        return cls(
            text=text,
            shortened=shortened,
            terms=terms[:MAX_TERMS],
            dropped_terms=len(terms) > MAX_TERMS,
        )

    def __bool__(self):
        return bool(self.terms)

    @property
    def normalised(self):
        """The form kept in the search-terms report and matched against promotions."""
        return " ".join(self.text.lower().split())

    @property
    def looks_personal(self):
        return bool(PERSONAL.search(self.text))

    def backend_query(self, operator="and"):
        """A query for Wagtail's search backends, built from words only. With "or", words of
        one or two characters are left out: alone they match pages by accident."""
        terms = self.terms
        if operator == "or":
            terms = [term for term in terms if len(term) > 2] or terms
        return PlainText(" ".join(terms), operator=operator)

    @cached_property
    def term_patterns(self):
        """One regular expression per word, matching any of its forms as a whole word."""
        patterns = []
        for term in self.terms:
            forms = sorted(word_forms(term), key=len, reverse=True)
            alternatives = "|".join(re.escape(form) for form in forms)
            patterns.append(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE))
        return patterns

    @cached_property
    def any_term(self):
        """Matches any form of any word: used to highlight the words in snippets."""
        forms = {form for term in self.terms for form in word_forms(term)}
        alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    def count_matching_terms(self, text):
        if not text:
            return 0
        return sum(1 for pattern in self.term_patterns if pattern.search(text))


class SearchQueryField(forms.CharField):
    """Accepts any text and gives a SearchQuery: control characters and NUL bytes are removed
    and very long text is shortened, rather than refusing the visitor's search."""

    def to_python(self, value):
        return SearchQuery.parse(value if isinstance(value, str) else "")
