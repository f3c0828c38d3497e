import pytest

from tests.search.support import add_page, result_titles, soup_of
from tests.support import assert_no_inline_code

pytestmark = pytest.mark.django_db


def test_results_show_type_title_highlighted_snippet_and_url(client):
    response = client.get("/search/", {"q": "naloxone"})
    assert response.status_code == 200
    first = soup_of(response).select_one("li.search-result")
    link = first.select_one("h3 a")
    assert "aloxone" in link.get_text() or "Naloxone" in first.get_text()
    assert link["href"].startswith("/resources/")
    assert first.select_one(".search-result__type").get_text(strip=True) == "Resource"
    assert first.select_one(".search-result__url").get_text(strip=True) == link["href"]
    marks = [mark.get_text() for mark in first.select(".search-result__snippet mark")]
    assert marks and all(mark.lower() == "naloxone" for mark in marks)


def test_core_pages_are_labelled_page(client):
    response = client.get("/search/", {"q": "dignity"})
    item = soup_of(response).select_one("li.search-result")
    assert item.h3.get_text(strip=True) == "Goals of harm reduction therapy"
    assert item.select_one(".search-result__type").get_text(strip=True) == "Page"


def test_search_covers_every_page_type_without_a_list_of_models(rf):
    from core.search_query import SearchQuery
    from search.results import SiteSearch

    request = rf.get("/search/", {"q": "harm reduction"})
    found = SiteSearch(request, SearchQuery.parse("harm reduction")).matches
    types = {page.specific_class.__name__ for page in found}
    assert {"HomePage", "ExplainerPage", "GoalsPage", "ResourceIndexPage", "ResourcePage"} <= types


def test_a_page_label_comes_from_the_page_type(client, home_page, monkeypatch):
    from home.models import GoalsPage

    add_page(home_page, "Quokka notes", "<p>A page about quokkas.</p>")
    monkeypatch.setattr(GoalsPage, "search_result_label", "Guide", raising=False)
    item = soup_of(client.get("/search/", {"q": "quokka"})).select_one("li.search-result")
    assert item.select_one(".search-result__type").get_text(strip=True) == "Guide"


def test_draft_and_private_pages_are_never_found(client, home_page):
    from wagtail.models import PageViewRestriction

    draft = add_page(home_page, "Quokka draft", "<p>quokka</p>")
    draft.unpublish()
    private = add_page(home_page, "Quokka private", "<p>quokka</p>")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    add_page(home_page, "Quokka public", "<p>quokka</p>")
    assert result_titles(client.get("/search/", {"q": "quokka"})) == ["Quokka public"]
    suggestions = client.get("/search/autocomplete/", {"q": "quokka"}).json()["results"]
    assert [s["title"] for s in suggestions] == ["Quokka public"]


def test_pagination_keeps_the_query(client, home_page):
    for number in range(13):
        add_page(home_page, f"Quokka {number}", "<p>quokka facts</p>", slug=f"quokka-{number}")
    page = soup_of(client.get("/search/", {"q": "quokka facts"}))
    assert "13 pages found" in page.select_one(".search-summary").get_text(" ", strip=True)
    assert len(page.select("li.search-result")) == 10
    next_link = page.select_one(".pagination a[rel=next]")["href"]
    assert "q=quokka+facts" in next_link and "page=2" in next_link
    second = soup_of(client.get("/search/" + next_link))
    assert len(second.select("li.search-result")) == 3
    assert second.select_one("ol.search-results")["start"] == "11"


def test_results_are_noindex_and_never_cached_for_others(client):
    response = client.get("/search/", {"q": "harm"})
    cache_control = response.headers["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert response.headers["X-Robots-Tag"] == "noindex"
    page = soup_of(response)
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize("params", [{}, {"q": "harm"}, {"q": "zzzyzzx"}, {"q": "<b>"}])
def test_search_page_has_one_h1_a_labelled_box_and_no_inline_code(client, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert_no_inline_code(response.text)
    page = soup_of(response)
    assert len(page.find_all("h1")) == 1
    box = page.select_one("main input[name=q]")
    assert page.find("label", attrs={"for": box["id"]})


def test_empty_query_shows_the_box_and_no_results(client):
    page = soup_of(client.get("/search/", {"q": "   "}))
    assert page.h1.get_text(strip=True) == "Search"
    assert not page.select("li.search-result")
    assert not page.select(".search-summary")


def test_query_that_matches_nothing_says_so_and_offers_a_way_on(client):
    page = soup_of(client.get("/search/", {"q": "zzzyzzx"}))
    assert page.select_one(".search-summary").get_text(strip=True) == "No pages found"
    assert "No page matched “zzzyzzx”" in page.get_text()


def test_when_no_page_has_every_word_pages_with_some_are_shown(client):
    page = soup_of(client.get("/search/", {"q": "fentanyl strips zzzyzzx"}))
    assert page.select("li.search-result")
    assert "No page has all of your words" in page.get_text()


def test_header_box_submits_to_search_and_loads_the_suggestions_script(client):
    page = soup_of(client.get("/"))
    form = page.select_one("header form[role=search]")
    assert form["action"] == "/search/" and form["method"] == "get"
    assert form["data-autocomplete-url"] == "/search/autocomplete/"
    assert form.select_one("input[name=q]")["id"] == "site-search-q"
    script = page.find("script", src=lambda src: src and "autocomplete" in src)
    assert script.has_attr("defer")
