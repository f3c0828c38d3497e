import pytest

from search.suggestions import MAX_SUGGESTIONS
from tests.search.support import add_page

pytestmark = pytest.mark.django_db


def suggestions(client, query, **parameters):
    response = client.get("/search/autocomplete/", {"q": query, **parameters})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_partial_word_suggests_matching_pages_with_title_url_and_type(client):
    results = suggestions(client, "nalox")
    assert results
    assert {"title", "url", "type"} == set(results[0])
    assert all("nalox" in (r["title"] + r["url"]).lower() for r in results[:3])
    assert all(r["url"].startswith("/") for r in results)


def test_suggestions_are_capped(client, home_page):
    for number in range(MAX_SUGGESTIONS + 4):
        add_page(home_page, f"Quokka {number}", slug=f"quokka-{number}")
    assert len(suggestions(client, "quok")) == MAX_SUGGESTIONS


@pytest.mark.parametrize("query", ["", " ", "n", "!!", "\x00", "😀"])
def test_too_short_or_wordless_input_gives_no_suggestions(client, query):
    assert suggestions(client, query) == []


def test_long_input_is_shortened_not_refused(client):
    response = client.get("/search/autocomplete/", {"q": "naloxone " * 2000})
    assert response.status_code == 200
    assert len(response.json()["query"]) <= 200


def test_suggestions_are_not_cached_or_indexed(client):
    response = client.get("/search/autocomplete/", {"q": "nalox"})
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_suggestion_titles_are_data_not_markup(client, home_page):
    add_page(home_page, "Quokka <b>bold</b>", slug="quokka-markup")
    results = suggestions(client, "quokka")
    assert results[0]["title"] == "Quokka <b>bold</b>"  # the script sets it as text, not HTML


def test_within_a_page_suggests_only_what_lies_below_it(client):
    from resources.models import ResourceIndexPage

    library = ResourceIndexPage.objects.get(locale__language_code="en")
    everywhere = suggestions(client, "goals")
    assert any(not result["url"].startswith(library.url) for result in everywhere)
    in_library = suggestions(client, "goals", within=library.pk)
    assert in_library
    assert all(result["url"].startswith(library.url) for result in in_library)
    assert all(result["url"] != library.url for result in in_library)


@pytest.mark.parametrize("within", ["999999", "library", "-1", "1e9", "\x00"])
def test_an_unknown_or_malformed_scope_is_a_clear_answer_not_an_error(client, within):
    assert isinstance(suggestions(client, "nalox", within=within), list)
