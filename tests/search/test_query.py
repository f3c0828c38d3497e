"""The visitor's words, made safe, and the highlighted snippets built from pages."""

import pytest

from core.search_query import MAX_QUERY_LENGTH, MAX_TERMS, NO_SYNONYMS, SearchQuery, word_forms
from search.snippets import build_snippet, highlight, window


def test_only_letters_and_digits_reach_the_backend():
    query = SearchQuery.parse('  "Fentanyl" (test) & strips!* x:z ')
    assert query.text == '"Fentanyl" (test) & strips!* x:z'
    assert query.terms == ["fentanyl", "test", "strips", "x", "z"]
    assert query.backend_query(synonyms=NO_SYNONYMS).query_string == "fentanyl test strips x z"


def test_or_fallback_leaves_out_tiny_words():
    query = SearchQuery.parse("to a naloxone")
    assert query.backend_query("or", synonyms=NO_SYNONYMS).query_string == "naloxone"
    assert query.backend_query("or", synonyms=NO_SYNONYMS).operator == "or"


def test_punctuation_and_emoji_only_is_no_query():
    assert not SearchQuery.parse("!!! 😀 *** ()")
    assert not SearchQuery.parse("")
    assert not SearchQuery.parse(None)


def test_control_characters_are_removed_and_length_capped():
    query = SearchQuery.parse("nal\x00ox\x1fone" + " word" * 100)
    assert query.text.startswith("naloxone")
    assert len(query.text) <= MAX_QUERY_LENGTH and query.shortened
    assert len(query.terms) <= MAX_TERMS


def test_many_words_are_cut_to_the_first_ones():
    query = SearchQuery.parse(" ".join(f"word{n}" for n in range(MAX_TERMS + 5)))
    assert query.terms == [f"word{n}" for n in range(MAX_TERMS)]
    assert query.dropped_terms


def test_unicode_is_kept_and_normalised():
    assert SearchQuery.parse("Überdosis ｎａｌｏｘｏｎｅ").terms == ["überdosis", "naloxone"]


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("overdoses", "overdose"),
        ("overdose", "overdoses"),
        ("therapies", "therapy"),
        ("strips", "strip"),
        ("boxes", "box"),
        ("policy", "policies"),
    ],
)
def test_singular_and_plural_forms(word, form):
    assert form in word_forms(word)


@pytest.mark.parametrize(
    ("text", "personal"),
    [("naloxone", False), ("me@example.org", True), ("555 123 4567", True), ("988", False)],
)
def test_personal_looking_queries(text, personal):
    assert SearchQuery.parse(text).looks_personal is personal


def test_highlight_escapes_before_marking():
    pattern = SearchQuery.parse("test").any_term
    assert highlight("<b>test</b> & Tests", pattern) == (
        "&lt;b&gt;<mark>test</mark>&lt;/b&gt; &amp; <mark>Tests</mark>"
    )


def test_window_cuts_between_words_around_the_match():
    text = " ".join(f"word{n}" for n in range(200))
    start = text.index("word100")
    prefix, passage, suffix = window(text, start, start + 7, length=60)
    assert prefix == "… " and suffix == " …"
    assert "word100" in passage and len(passage) <= 60
    assert passage.split()[0].startswith("word") and not passage.startswith(" ")


@pytest.mark.django_db
def test_snippet_comes_from_stream_and_rich_text_fields_without_markup():
    from home.models import ExplainerPage

    explainer = ExplainerPage.objects.get(locale__language_code="en")
    snippet = build_snippet(explainer, SearchQuery.parse("sobriety"))
    assert "<mark>sobriety</mark>" in snippet
    assert "<p>" not in snippet and "linktype" not in snippet


@pytest.mark.django_db
def test_snippet_falls_back_to_the_description_when_no_word_is_in_the_text():
    from home.models import GoalsPage

    goals = GoalsPage.objects.get(locale__language_code="en")
    snippet = build_snippet(goals, SearchQuery.parse("zzzyzzx"))
    assert snippet.startswith(goals.search_description[:40])
    assert "<mark>" not in snippet
