"""Misspelled searches still find what they meant, say what was searched instead, and a search
that finds nothing at all offers words, the crisis lines and the contact page."""

import pytest
from django.db import connection
from wagtail.search.query import Fuzzy

from core import spelling
from core.search_query import SearchQuery
from core.spelling import correct, nearest
from resources.models import ResourcePage
from tests.resources.test_library import get, result_count, result_titles
from tests.search.support import add_page, soup_of
from tests.search.support import result_titles as site_result_titles
from tests.support import assert_no_inline_code

pytestmark = pytest.mark.django_db

NOTHING = "qxjvzkw"


def test_a_misspelled_word_is_corrected_to_the_nearest_word_the_site_has():
    vocabulary = ["fentanyl", "naloxone", "overdose"]
    known = set(vocabulary)
    assert nearest("nalaxone", vocabulary, known) == "naloxone"
    assert nearest("fentanil", vocabulary, known) == "fentanyl"
    assert nearest("overdoses", vocabulary, known) == "overdoses"  # a known word's plural
    assert nearest("nalax", vocabulary, known, as_prefix=True) == "nalox"
    assert nearest("dose", vocabulary, known) == "dose"  # too short to guess at


def test_correct_leaves_a_query_of_known_words_alone():
    assert correct(SearchQuery.parse("naloxone")) is None
    assert correct(SearchQuery.parse("nalaxone")).terms == ["naloxone"]


@pytest.mark.parametrize(("typed", "meant"), [("nalaxone", "naloxone"), ("fentanil", "fentanyl")])
def test_library_finds_what_a_misspelled_search_meant(client, typed, meant):
    response, page = get(client, {"q": typed})
    assert result_count(page) > 0
    notice = page.select_one(".search-notice--corrected")
    assert notice is not None
    assert f"Showing results for {meant}" in notice.get_text(" ", strip=True)
    as_typed = notice.a
    assert as_typed.get_text(strip=True) == typed
    assert "as_typed=1" in as_typed["href"]
    assert_no_inline_code(response.text)


def test_library_search_instead_for_the_words_as_typed_does_not_correct(client):
    _response, page = get(client, {"q": "nalaxone", "as_typed": "1"})
    assert result_count(page) == 0
    assert page.select_one(".search-notice--corrected") is None
    suggested = [a.get_text(strip=True) for a in page.select(".search-did-you-mean a")]
    assert "naloxone" in suggested


def test_library_correction_keeps_the_chosen_filters(client):
    _response, page = get(client, {"q": "nalaxone", "language": "spanish"})
    assert result_count(page) > 0
    assert page.select_one(".search-notice--corrected") is not None
    _response, meant = get(client, {"q": "naloxone", "language": "spanish"})
    assert result_titles(page) == result_titles(meant)


@pytest.mark.parametrize(("typed", "meant"), [("nalaxone", "naloxone"), ("fentanil", "fentanyl")])
def test_site_search_finds_what_a_misspelled_search_meant(client, typed, meant):
    response = client.get("/search/", {"q": typed})
    assert response.status_code == 200
    page = soup_of(response)
    assert site_result_titles(response)
    notice = page.select_one(".search-notice--corrected")
    assert notice is not None
    assert f"Showing results for {meant}" in notice.get_text(" ", strip=True)
    assert notice.a["href"] == f"?q={typed}&as_typed=1"
    assert_no_inline_code(response.text)


def test_site_search_as_typed_shows_nothing_found_with_did_you_mean(client):
    page = soup_of(client.get("/search/", {"q": "nalaxone", "as_typed": "1"}))
    assert page.select_one(".search-summary").get_text(strip=True) == "No pages found"
    suggested = [a.get_text(strip=True) for a in page.select(".search-did-you-mean a")]
    assert "naloxone" in suggested


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="fuzzy matching is pg_trgm's, on PostgreSQL"
)


@postgresql_only
def test_on_postgresql_fuzzy_search_finds_similar_words():
    found = ResourcePage.objects.live().search(Fuzzy("nalaxone"))
    assert any("nalox" in page.title.lower() for page in found)


@postgresql_only
def test_on_postgresql_pages_with_similar_words_are_shown_when_no_correction_helps(
    client, monkeypatch
):
    monkeypatch.setattr(spelling, "correct", lambda *args, **kwargs: None)
    response = client.get("/search/", {"q": "nalaxone"})
    assert site_result_titles(response)
    assert "so these pages have words like it" in soup_of(response).get_text()
    _response, page = get(client, {"q": "nalaxone"})
    assert result_count(page) > 0
    assert "so these have words like it" in page.get_text()


def test_when_neither_correction_nor_similar_words_help_the_help_is_shown(client, monkeypatch):
    monkeypatch.setattr(spelling, "correct", lambda *args, **kwargs: None)
    monkeypatch.setattr(spelling, "fuzzy_query", lambda query: Fuzzy(NOTHING))
    response = client.get("/search/", {"q": "nalaxone"})
    assert response.status_code == 200
    assert "Search is not working" not in response.text
    _response, page = get(client, {"q": "nalaxone"})
    crisis_and_contact(page)


def test_a_word_published_a_moment_ago_is_suggested_on_the_next_search(client, home_page):
    misspelled = {"q": "quokkafsh"}
    assert "Showing results for" not in client.get("/search/", misspelled).text
    add_page(home_page, "Quokkafish care", intro="All about the quokkafish.")
    response = client.get("/search/", misspelled)
    assert "Showing results for" in response.text
    assert "Quokkafish care" in site_result_titles(response)


def test_autocomplete_corrects_a_misspelled_start_of_a_word(client):
    response = client.get("/search/autocomplete/", {"q": "nalax"})
    results = response.json()["results"]
    assert results
    assert any("nalox" in result["title"].lower() for result in results)


def crisis_and_contact(page):
    help_section = page.select_one(".search-help")
    assert help_section is not None
    links = [a["href"] for a in help_section.select("a")]
    assert "tel:988" in links
    assert "tel:18006624357" in links
    assert "/contact/" in links
    return help_section


def test_a_site_search_that_finds_nothing_offers_crisis_lines_and_contact(client):
    response = client.get("/search/", {"q": NOTHING})
    page = soup_of(response)
    assert page.select_one(".search-summary").get_text(strip=True) == "No pages found"
    crisis_and_contact(page)
    assert_no_inline_code(response.text)


def test_a_library_search_that_finds_nothing_offers_crisis_lines_and_contact(client):
    response, page = get(client, {"q": NOTHING})
    assert result_count(page) == 0
    crisis_and_contact(page)
    assert_no_inline_code(response.text)


@pytest.mark.parametrize(
    "value",
    ["nalaxone\x00", "<script>alert(1)</script>nalaxone", "fentanil " * 100, "ñalaxone", "%", "*"],
)
@pytest.mark.parametrize("url", ["/search/", "/resources/", "/search/autocomplete/"])
def test_hostile_misspellings_never_fail(client, url, value):
    for params in ({"q": value}, {"q": value, "as_typed": value}):
        response = client.get(url, params)
        assert response.status_code in {200, 400}
        if response["Content-Type"] == "application/json":
            response.json()  # data, sent with nosniff (tests/security/test_hostile_input.py)
        else:
            assert b"<script>alert(1)" not in response.content
