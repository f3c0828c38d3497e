"""Whatever a visitor types or a link carries, the search page answers with a proper page."""

import pytest
from django.db import DatabaseError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.search.support import add_page, result_titles, soup_of

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    '"fentanyl',
    "'naloxone'",
    "(naloxone",
    "naloxone)",
    "naloxone & fentanyl | !overdose",
    "title:naloxone",
    "naloxone*",
    "* : ! & | ( ) < > - + ~ ^ \\ ' \" ; --",
    "NOT AND OR NEAR",
    "naloxone -fentanyl",
    "\\",
    "'",
    "%s %(q)s {q} %%",
    "DROP TABLE wagtailcore_page; --",
    "naloxona sobredosis",
    "überdosis café naïve",
    "ナロキソン 纳洛酮 налоксон",
    "😀 🚑 naloxone 💊",
    "\u200b\u200e\ufeff",
    "a" * 201,
    # pg_trgm's and tsquery's own operators, beside misspelled words that reach the fuzzy search.
    "nalaxone % fentanil <-> overdoze <2> heroina",
    "naloxone:*AB & héroïne:*",
    "similarity('x', 'y') > 0.1",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_special_characters_never_break_search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert client.get("/search/autocomplete/", {"q": query}).status_code == 200
    assert client.get("/resources/", {"q": query}).status_code == 200


def test_operators_are_read_as_words(client):
    titles = result_titles(client.get("/search/", {"q": "(naloxone) & !"}))
    assert titles == result_titles(client.get("/search/", {"q": "naloxone"}))


def test_nul_bytes_and_control_characters_are_removed(client):
    response = client.get("/search/", {"q": "nalox\x00one\x07"})
    assert response.status_code == 200
    assert soup_of(response).select_one("main input[name=q]")["value"] == "naloxone"
    assert result_titles(response) == result_titles(client.get("/search/", {"q": "naloxone"}))


def test_very_long_query_is_shortened_and_the_visitor_told(client):
    response = client.get("/search/", {"q": "naloxone " * 1200})
    assert response.status_code == 200
    page = soup_of(response)
    assert len(page.select_one("main input[name=q]")["value"]) <= 200
    assert "only its first 200 characters were used" in page.get_text()
    assert page.select("li.search-result")


def test_query_with_html_is_escaped_and_never_reflected_raw(client):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)> naloxone'
    response = client.get("/search/", {"q": attack})
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "&lt;script&gt;" in body
    page = soup_of(response)
    assert not page.select("main script, main img[onerror]")
    for snippet in page.select(".search-result__snippet"):
        assert {tag.name for tag in snippet.find_all(True)} <= {"mark"}


def test_bad_page_numbers_give_the_first_page_and_past_the_end_the_last(client, home_page):
    for number in range(15):
        add_page(home_page, f"Quokka {number}", "<p>quokka</p>", slug=f"quokka-{number}")
    for page_param, expected_page in [
        ("abc", 1),
        ("", 1),
        ("0", 1),
        ("-3", 1),
        ("1.5", 1),
        ("9" * 5000, 1),
        ("99999", 2),
    ]:
        response = client.get("/search/", {"q": "quokka", "page": page_param})
        assert response.status_code == 200, page_param[:20]
        current = soup_of(response).select_one(".pagination [aria-current=page]")
        assert current.get_text(strip=True) == f"Page {expected_page} of 2", page_param[:20]


def test_a_backend_error_becomes_a_message_not_a_500(client, monkeypatch):
    from wagtail.models import PageQuerySet

    def broken_search(*args, **kwargs):
        raise DatabaseError("syntax error in tsquery")

    monkeypatch.setattr(PageQuerySet, "search", broken_search)
    monkeypatch.setattr(PageQuerySet, "autocomplete", broken_search)
    response = client.get("/search/", {"q": "naloxone"})
    assert response.status_code == 200
    assert "Search is not working right now" in response.text
    autocomplete = client.get("/search/autocomplete/", {"q": "naloxone"})
    assert autocomplete.status_code == 200
    assert autocomplete.json()["results"] == []


def test_other_methods_are_refused(client):
    assert client.post("/search/", {"q": "naloxone"}).status_code == 405


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.text(max_size=300), page=st.text(max_size=12))
def test_any_text_gets_a_proper_page(client, query, page):
    response = client.get("/search/", {"q": query, "page": page})
    assert response.status_code == 200
    autocomplete = client.get("/search/autocomplete/", {"q": query})
    assert autocomplete.status_code == 200
    assert autocomplete["Content-Type"] == "application/json"


def test_head_requests_are_answered_like_get(client):
    assert client.head("/search/", {"q": "naloxone"}).status_code == 200
    assert client.head("/search/autocomplete/", {"q": "nalo"}).status_code == 200
