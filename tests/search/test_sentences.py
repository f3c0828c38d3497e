"""Questions typed as sentences find what the person means: the question and filler words
("how", "do", "I", "where", "can", "get", "for") are not required in the pages found."""

import pytest

from core.search_query import NO_SYNONYMS, STOP_WORDS, SearchQuery
from tests.resources.factories import make_resource
from tests.resources.test_library import get, result_titles
from tests.search.support import result_titles as site_result_titles

TOP = 5

# What a person typing each question is looking for: any of these in the first results.
EXPECTED = {
    "harm reduction for alcohol": {
        "Over the Influence: The Harm Reduction Guide for Managing Drugs and Alcohol",
        "How HAMS Works",
    },
    "how do I use naloxone": {
        "Naloxone Saves Lives",
        "Non-prescription (“Over-the-Counter”) Naloxone Frequently Asked Questions",
        "Harm Reduction & Overdose Prevention: Responding to Overdose",
    },
    "where can I get test strips": {"Drug Checking", "What is Drug Checking"},
}


def library_top(client, query):
    _response, page = get(client, {"q": query})
    return result_titles(page)[:TOP]


def site_top(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return site_result_titles(response)[:TOP]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("how do I use naloxone", "naloxone"),
        ("Where can I get test strips?", "test strips"),
        ("What is harm reduction", "harm reduction"),
        ("¿Dónde puedo conseguir naloxona?", "naloxona"),
    ],
)
def test_question_words_are_not_required(sentence, words):
    query = SearchQuery.parse(sentence)
    assert query.backend_query(synonyms=NO_SYNONYMS).query_string == words
    # The visitor's own words are still what the page shows back and highlights.
    assert query.terms[0] in STOP_WORDS


def test_a_query_of_question_words_only_keeps_them():
    query = SearchQuery.parse("how do I")
    assert query.backend_query(synonyms=NO_SYNONYMS).query_string == "how do i"


@pytest.mark.django_db
@pytest.mark.parametrize("sentence", sorted(EXPECTED))
def test_a_sentence_finds_what_it_means_in_the_library(client, sentence):
    titles = library_top(client, sentence)
    assert EXPECTED[sentence] & set(titles), titles


@pytest.mark.django_db
@pytest.mark.parametrize("sentence", sorted(EXPECTED))
def test_a_sentence_finds_what_it_means_in_the_site_search(client, sentence):
    titles = site_top(client, sentence)
    assert EXPECTED[sentence] & set(titles), titles


@pytest.mark.django_db
def test_a_sentence_finds_all_its_words_not_any_of_them(client):
    """The question words are dropped, not the visitor's meaning: every resource found for
    "harm reduction for alcohol" is about alcohol (or drinking)."""
    _response, page = get(client, {"q": "harm reduction for alcohol"})
    titles = result_titles(page)
    assert "Naloxone Saves Lives" not in titles
    assert "Syringe Services Programs: Technical Package" not in titles


@pytest.mark.django_db
def test_a_sentence_with_a_word_no_resource_has_finds_resources_with_the_others(client):
    """Said as a person would, with a word the library does not have: the resources with the
    other words are shown, and the page says they have only some of them."""
    response, page = get(client, {"q": "how do I carry naloxone in my glovebox"})
    assert "Naloxone Saves Lives" in result_titles(page)
    assert "No resource has all of your words" in response.text
    # A search whose words are all found says nothing of the kind.
    _response, page = get(client, {"q": "naloxone"})
    assert "No resource has all of your words" not in str(page)


@pytest.mark.django_db
def test_a_substance_named_in_the_question_weighs_more_than_the_common_words(client):
    """In a harm reduction library "harm reduction" is in nearly every resource: the substance
    a person names is what they look for, so the resources tagged with it come first, even
    above one with "harm reduction" in its title."""
    make_resource(
        "Harm reduction at parties",
        summary="Harm reduction at parties, where alcohol is often around.",
        topics=("safer-use",),
    )
    make_resource(
        "Quokka drinking diary",
        summary="A harm reduction diary for alcohol.",
        topics=("safer-use",),
        substances=("alcohol",),
    )
    titles = library_top(client, "harm reduction for alcohol")
    assert titles.index("Quokka drinking diary") < titles.index("Harm reduction at parties")
