"""What a visitor typed into any search box (the site search, the library), made safe for every
search backend: `SearchQuery.parse(text)`, or `SearchQueryField` in a form.

Visitors type anything: quotes, brackets, `&|!:*`, emoji, whole pasted paragraphs, NUL bytes.
PostgreSQL's tsquery and SQLite's FTS5 each have a query syntax that can raise on such input, so
only runs of letters and digits ever reach the backend; everything else separates words. The
visitor still sees what they typed (shortened if it was very long), escaped by the template.

People search the way they speak: "how do I use naloxone", "where can I get test strips", "Narcan"
for naloxone, "needle exchange" for syringe services. So the query sent to the backend
(`backend_query`) leaves out question and filler words (STOP_WORDS), and lets each word or
phrase that belongs to one of the editors' synonym groups (`core.models.SynonymGroup`) match any
member of its group. It uses only the query classes that every backend the site runs on
compiles: PlainText, Phrase, And and Or."""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from wagtail.search.query import And, Or, Phrase, PlainText

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10

WORD = re.compile(r"[^\W_]+")
# Control characters (NUL included) never belong in a search and break database drivers.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SPACES = re.compile(r"\s+")
# An email address or a phone number looks like someone's own details: not kept in the
# search-terms report (see search/terms.py).
PERSONAL = re.compile(r"@|\d[\d\s().-]{5,}\d")

# Words that ask rather than say what a person looks for, in English and Spanish: "how do I use
# naloxone" means naloxone. Left out of the backend's query unless every word is one of them.
# (Pieces such as "don" and "t" are what "don't" becomes once punctuation separates words.)
STOP_WORDS = frozenset(
    WORD.findall(
        """
    a about am an and any anyone are as at be been by can could did do does doing don for from get
    getting go had has have how i if im in into is it its ll m me my of on or our re s should
    some someone t the there this to use used uses using ve was we were what whats when where
    which who why will with would you your
    al algo como cómo con conseguir cual cuál cuando cuándo de del donde dónde el en encontrar es
    esta está hacer hay la las lo los me mi mis o obtener para por puede puedo que qué se si sobre
    su sus tengo un una uno usar y yo
        """
    )
)
# A synonym group may be long; a search expands each word into at most this many alternatives.
MAX_ALTERNATIVES = 12
# Longer "synonyms" are sentences, not names for a thing.
MAX_PHRASE_WORDS = 6


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


def synonym_phrases(text):
    """The members of one synonym group as an editor writes it ("naloxone, Narcan, hep C"):
    each a tuple of lower-case words, punctuation other than the commas ignored, repeats left
    out."""
    phrases = (tuple(word.casefold() for word in WORD.findall(part)) for part in text.split(","))
    return list(dict.fromkeys(phrase for phrase in phrases if phrase))


class Synonyms:
    """The synonym groups a search expands words with, each a list of phrases (tuples of
    words). A phrase found in several groups stands for the members of all of them."""

    def __init__(self, groups=()):
        self.groups = [list(group) for group in groups]
        self.by_first_word = {}
        for number, group in enumerate(self.groups):
            for phrase in group:
                entries = self.by_first_word.setdefault(phrase[0], {})
                entries.setdefault(phrase, []).append(number)

    @classmethod
    def from_texts(cls, texts):
        """From the groups as editors write them, one text per group."""
        groups = (
            [phrase for phrase in synonym_phrases(text) if len(phrase) <= MAX_PHRASE_WORDS]
            for text in texts
        )
        return cls(group for group in groups if len(group) > 1)

    def __bool__(self):
        return bool(self.groups)

    def match(self, words, start):
        """The longest member of a group that the visitor's words spell out from `start` (any
        of their singular and plural forms, so "needle exchanges" is "needle exchange"), as
        (number of words, the members it stands for), or None."""
        forms = [word_forms(word) for word in words]
        best = None
        for form in forms[start]:
            for phrase, numbers in self.by_first_word.get(form, {}).items():
                end = start + len(phrase)
                if end > len(words) or (best and len(phrase) <= best[0]):
                    continue
                if all(phrase[n] in forms[start + n] for n in range(1, len(phrase))):
                    members = [member for number in numbers for member in self.groups[number]]
                    best = (len(phrase), list(dict.fromkeys(members)))
        return best


NO_SYNONYMS = Synonyms()


def as_query(phrase):
    """One word, or the words of a phrase next to each other."""
    text = " ".join(phrase)
    return PlainText(text) if len(phrase) == 1 else Phrase(text)


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

    @cached_property
    def editors_synonyms(self):
        """The synonym groups editors keep, read once per search (and kept in the cache until
        the next edit: `core.models.synonyms.current_synonyms`)."""
        from core.models.synonyms import current_synonyms

        return current_synonyms()

    def parts(self, synonyms=None):
        """The query as the backend searches it: the plain words, and one (words as typed,
        members of their synonym group) pair per word or phrase of a synonym group.

        Question and filler words (STOP_WORDS) are left out of the plain words, unless every word
        is one. `synonyms` are the editors' groups when not given."""
        if synonyms is None:
            synonyms = self.editors_synonyms if self.terms else NO_SYNONYMS
        words, groups = [], []
        position = 0
        while position < len(self.terms):
            found = synonyms.match(self.terms, position) if synonyms else None
            if found is None:
                words.append(self.terms[position])
                position += 1
                continue
            length, members = found
            typed = tuple(self.terms[position : position + length])
            alternatives = list(dict.fromkeys([typed, *members]))[:MAX_ALTERNATIVES]
            groups.append((typed, alternatives[1:]))
            position += length
        if groups or any(word not in STOP_WORDS for word in words):
            words = [word for word in words if word not in STOP_WORDS]
        return words, groups

    def backend_query(self, operator="and", synonyms=None):
        """A query for Wagtail's search backends, built from words only (`parts`).

        A word or phrase of a synonym group matches any member of its group. The other words are
        one PlainText, as they always were, so a search that no synonym touches ranks as before.
        With "or", words of one or two characters are left out too: alone they match pages by
        accident."""
        words, groups = self.parts(synonyms)
        if operator == "or" and (groups or any(len(word) > 2 for word in words)):
            words = [word for word in words if len(word) > 2]
        alternatives = [
            Or([as_query(phrase) for phrase in [typed, *members]]) for typed, members in groups
        ]
        parts = ([PlainText(" ".join(words), operator=operator)] if words else []) + alternatives
        if len(parts) <= 1:
            return parts[0] if parts else PlainText("", operator=operator)
        return And(parts) if operator == "and" else Or(parts)

    def title_terms(self, synonyms=None):
        """What to look for in titles when ranking: for each plain word and each synonym group,
        (the forms the visitor typed, the forms of the group's other members), as text."""
        words, groups = self.parts(synonyms)

        def forms(phrase):
            return word_forms(phrase[0]) if len(phrase) == 1 else [" ".join(phrase)]

        entries = [(word_forms(word), []) for word in words]
        for typed, members in groups:
            entries.append((forms(typed), [form for member in members for form in forms(member)]))
        return entries[:MAX_TERMS]

    @cached_property
    def keywords(self):
        """The words that say what the visitor looks for: their words without the question and
        filler words, unless every word is one. What ranking counts and snippets highlight: "how"
        in a title says nothing about "how do I use naloxone"."""
        keywords = [term for term in self.terms if term not in STOP_WORDS]
        return keywords or list(self.terms)

    @cached_property
    def term_patterns(self):
        """One regular expression per keyword, matching any of its forms as a whole word."""
        patterns = []
        for term in self.keywords:
            forms = sorted(word_forms(term), key=len, reverse=True)
            alternatives = "|".join(re.escape(form) for form in forms)
            patterns.append(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE))
        return patterns

    @cached_property
    def any_term(self):
        """Matches any form of any keyword: used to highlight the words in snippets."""
        forms = {form for term in self.keywords for form in word_forms(term)}
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
