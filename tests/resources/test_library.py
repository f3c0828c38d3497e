import datetime

import pytest
from bs4 import BeautifulSoup

from core import page_cache
from resources.library import ShownResources
from resources.models import ResourcePage, Topic
from tests.resources.factories import main_entries
from tests.support import assert_no_inline_code

from .factories import make_resource, unpublish_the_demo_resources

pytestmark = pytest.mark.django_db

URL = "/resources/"


def get(client, params=None):
    response = client.get(URL, params or {})
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def result_titles(page):
    return [a.get_text(strip=True) for a in page.select(".resource-list .resource-card__title a")]


def result_count(page):
    return int(page.select_one("#results-heading").get_text().split()[0])


def facet_counts(page, param):
    counts = {}
    for option in page.select(f'input[name="{param}"]'):
        label = page.select_one(f'label[for="{option["id"]}"]')
        counts[option["value"]] = int(label.select_one(".facet__count").contents[0])
    return counts


def test_library_lists_every_demo_resource_with_facets(client):
    response, page = get(client)
    assert result_count(page) == ResourcePage.objects.live().count() >= 30
    assert page.h1.get_text(strip=True) == "Harm reduction resources"
    legends = {f.get_text(strip=True) for f in page.select(".facet__summary")}
    assert {"Type of resource", "Topic", "Substance", "Approach", "Written for", "Language"} <= (
        legends
    )
    assert_no_inline_code(response.text)
    assert "noindex" not in response.text
    assert "X-Robots-Tag" not in response.headers


def test_search_finds_by_summary_with_stemming(client):
    make_resource("Night out plan", summary="Planning festival nights with fewer overdoses.")
    _response, page = get(client, {"q": "festivals overdose"})
    assert result_titles(page) == ["Night out plan"]


def test_search_reads_the_body_and_taxonomy_names(client):
    make_resource(
        "Body only",
        summary="Nothing here.",
        body=[("paragraph", "<p>Xylophonic breathing exercises.</p>")],
    )
    make_resource("Tagged only", summary="Nothing here either.", topics=("crisis-support",))
    _r, page = get(client, {"q": "xylophonic"})
    assert result_titles(page) == ["Body only"]
    _r, page = get(client, {"q": "crisis support"})
    assert "Tagged only" in result_titles(page)


def test_naloxone_search_finds_naloxone_resources_first(client):
    _r, page = get(client, {"q": "naloxone"})
    titles = result_titles(page)
    assert titles, "naloxone finds something"
    assert any("Naloxone" in title or "naloxona" in title.lower() for title in titles[:3])


def test_facet_counts_follow_the_search(client):
    _r, page = get(client, {"q": "naloxone"})
    total = result_count(page)
    languages = facet_counts(page, "language")
    assert sum(languages.values()) == total
    spanish = languages["spanish"]
    _r, filtered = get(client, {"q": "naloxone", "language": "spanish"})
    assert result_count(filtered) == spanish
    # Within a facet, the counts stay those of the search, so another value can be added.
    assert facet_counts(filtered, "language") == languages


def test_facet_counts_are_exact_for_a_known_set(client):
    unpublish_the_demo_resources()
    make_resource("Alpha", summary="Zebra finch guide.", topics=("naloxone",), language="english")
    make_resource(
        "Beta",
        summary="Zebra finch facts.",
        topics=("naloxone", "safer-use"),
        language="spanish",
    )
    make_resource("Gamma", summary="Unrelated.", topics=("safer-use",), language="english")
    _r, page = get(client, {"q": "zebra"})
    assert result_count(page) == 2
    assert facet_counts(page, "topic") == {"naloxone": 2, "safer-use": 1}
    assert facet_counts(page, "language") == {"english": 1, "spanish": 1}
    _r, page = get(client, {"q": "zebra", "topic": "safer-use"})
    assert result_titles(page) == ["Beta"]
    assert facet_counts(page, "language") == {"spanish": 1}
    assert facet_counts(page, "topic") == {"naloxone": 2, "safer-use": 1}


def test_filters_combine_and_within_a_facet_mean_or(client):
    unpublish_the_demo_resources()
    make_resource("One", topics=("naloxone",), substances=("alcohol",))
    make_resource("Two", topics=("safer-use",), substances=("alcohol",))
    make_resource("Three", topics=("safer-use",), substances=("cannabis",))
    _r, page = get(client, {"topic": ["naloxone", "safer-use"], "sort": "title"})
    assert result_titles(page) == ["One", "Three", "Two"]
    _r, page = get(client, {"topic": ["naloxone", "safer-use"], "substance": "alcohol"})
    assert sorted(result_titles(page)) == ["One", "Two"]


def test_sorting(client):
    unpublish_the_demo_resources()
    make_resource("Zucchini", published=datetime.date(2021, 1, 1))
    make_resource("Apple", published=datetime.date(2019, 1, 1))
    make_resource("Mango", published=datetime.date(2024, 1, 1))
    for sort, expected in (
        ("title", ["Apple", "Mango", "Zucchini"]),
        ("newest", ["Mango", "Zucchini", "Apple"]),
    ):
        _r, page = get(client, {"sort": sort})
        assert result_titles(page) == expected, sort


def test_without_a_search_featured_resources_come_first_then_the_visitors_language(client):
    unpublish_the_demo_resources()
    make_resource("Newest Spanish", language="spanish", published=datetime.date(2025, 1, 1))
    make_resource("Older English", published=datetime.date(2019, 1, 1))
    make_resource("Newer English", published=datetime.date(2024, 1, 1))
    make_resource("Featured", featured=True, published=datetime.date(2010, 1, 1))
    _r, page = get(client)
    assert result_titles(page) == ["Featured", "Newer English", "Older English", "Newest Spanish"]
    assert page.select_one('select[name="sort"] option[selected]')["value"] == "recommended"
    # Newest first is still there for those who want it; a search is ordered by best match.
    _r, page = get(client, {"sort": "newest"})
    assert result_titles(page)[0] == "Newest Spanish"
    _r, page = get(client, {"q": "english"})
    assert page.select_one('select[name="sort"] option[selected]')["value"] == "relevance"


def test_the_demo_librarys_first_page_starts_with_its_featured_resources_in_english(client):
    featured = set(
        ResourcePage.objects.live().filter(featured=True).values_list("title", flat=True)
    )
    assert len(featured) == 4
    _r, page = get(client)
    titles = result_titles(page)
    assert set(titles[:4]) == featured
    spanish = set(
        ResourcePage.objects.live().filter(language__slug="spanish").values_list("title", flat=True)
    )
    assert spanish and not spanish & set(titles)


def each_page_loading(monkeypatch):
    """Both ways a page of results is read (`ShownResources`), one after the other, on the same
    resources: in one query for a few matches, the page's ids first for many."""
    for loading, up_to in (("one query", ShownResources.ONE_QUERY_UP_TO), ("ids first", 0)):
        with monkeypatch.context() as patched:
            patched.setattr(ShownResources, "ONE_QUERY_UP_TO", up_to)
            yield loading


def test_a_page_of_results_keeps_its_order_and_shows_each_cards_type_and_topics(
    client, monkeypatch
):
    unpublish_the_demo_resources()
    for number in range(14):
        make_resource(
            f"Wombat {number:02}",
            summary="Wombat facts.",
            type_slug="guide" if number % 2 else "video",
            topics=("naloxone", "safer-use") if number % 3 else ("safer-use",),
        )
    for loading in each_page_loading(monkeypatch):
        _r, page = get(client, {"q": "wombat", "sort": "title", "page": 2})
        cards = page.select(".resource-list .resource-card")
        titles = [card.select_one(".resource-card__title").get_text(strip=True) for card in cards]
        assert titles == ["Wombat 12", "Wombat 13"], loading
        assert [card.select_one(".tag").get_text() for card in cards] == ["Video", "Guide"]
        topics = [
            [tag.get_text() for tag in card.select(".resource-card__topics .tag")] for card in cards
        ]
        assert topics == [["Safer use"], ["Naloxone", "Safer use"]], loading


def card_topics(client, query):
    _r, page = get(client, {"q": query})
    return [tag.get_text() for tag in page.select(".resource-card__topics .tag")]


def test_a_card_shows_its_first_four_topics_in_the_order_editors_chose(client):
    slugs = list(main_entries(Topic).values_list("slug", flat=True)[:5])
    make_resource("Numbat notes", topics=slugs)
    names = [main_entries(Topic).get(slug=slug).name for slug in slugs]
    assert card_topics(client, "numbat") == names[:4]
    # Dragging the last topic to the top of the list in the admin shows on the next visit.
    last = main_entries(Topic).get(slug=slugs[-1])
    last.sort_order = -1
    last.save()
    assert card_topics(client, "numbat") == [names[-1], *names[:3]]


def test_relevance_puts_title_matches_first(client):
    make_resource("Quokka care basics", summary="Plain words.")
    make_resource("Another page", summary="Mentions a quokka once.")
    _r, page = get(client, {"q": "quokka", "sort": "relevance"})
    assert result_titles(page)[0] == "Quokka care basics"


def test_pagination_keeps_search_and_filters(client):
    for number in range(15):
        make_resource(f"Marmot {number:02}", summary="Marmot facts.", topics=("safer-use",))
    _r, page = get(client, {"q": "marmot", "topic": "safer-use", "sort": "title"})
    assert len(result_titles(page)) == 12
    next_link = page.select_one('.pagination a[rel="next"]')["href"]
    assert "q=marmot" in next_link and "topic=safer-use" in next_link and "page=2" in next_link
    _r, second = get(client, {"q": "marmot", "topic": "safer-use", "sort": "title", "page": 2})
    assert result_titles(second) == ["Marmot 12", "Marmot 13", "Marmot 14"]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"topic": "<script>alert(1)</script>"},
        {"topic": "no-such-topic"},
        {"sort": "drop table"},
        {"q": "x" * 10_000},
        {"q": "nalox\x00one"},
        {"q": "\"'()&|!:*<>"},
        {"q": "🙂 naloxona ñ"},
        {"type": ["guide"] * 50},
        {"language": "é"},
    ],
    ids=lambda params: next(iter(params)) + ":" + str(next(iter(params.values())))[:12],
)
def test_bad_input_never_breaks_the_library(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert_no_inline_code(response.text)


def test_unknown_filter_values_are_ignored_with_a_notice(client):
    _r, page = get(client, {"topic": ["naloxone", "no-such-topic"]})
    assert "not recognized" in page.select_one(".notice").get_text()
    assert result_count(page) == main_entries(Topic).get(slug="naloxone").resources.live().count()


def test_a_long_query_is_cut_with_a_notice(client):
    _r, page = get(client, {"q": "naloxone " * 2000})
    assert "first 200 characters" in page.get_text()


def test_no_results_says_so_and_suggests_removing_filters(client):
    _r, page = get(client, {"q": "naloxone", "type": "video"})
    text = page.select_one(".no-results").get_text(" ")
    assert "No resources match" in text
    assert "removing a filter" in text
    assert page.select_one(".no-results a")["href"].startswith("/resources/")


def test_search_and_filter_urls_are_noindex(client):
    for params in ({"q": "naloxone"}, {"topic": "naloxone"}, {"page": "2"}):
        response, page = get(client, params)
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
        assert response.headers["X-Robots-Tag"] == "noindex, follow"
        assert page.find("link", rel="canonical")["href"] == "http://localhost/resources/"


def test_the_javascript_off_path_is_a_plain_get_form(client):
    _r, page = get(client)
    form = page.select_one("form[data-library-form]")
    assert form["method"] == "get"
    assert form["action"] == "/resources/"
    assert form.select_one('button[type="submit"]')
    assert form.select_one('input[name="q"]')
    assert form.select_one('select[name="sort"]')
    script = page.find("script", src=lambda src: src and "library.js" in src)
    assert script.has_attr("defer")


def test_an_editors_change_to_a_topic_shows_in_the_library_at_once(client):
    _response, page = get(client)
    topic = main_entries(Topic).get(slug="naloxone")
    assert page.select_one('label[for="f-topic-naloxone"] span').get_text() == topic.name
    # What an editor's save in the admin does; the facets were kept in the cache by the visit.
    topic.name = "Naloxone (Narcan)"
    topic.save()
    _response, page = get(client)
    assert page.select_one('label[for="f-topic-naloxone"] span').get_text() == "Naloxone (Narcan)"


def test_active_filters_can_be_removed_one_by_one(client):
    _r, page = get(client, {"q": "naloxone", "topic": "naloxone", "language": "spanish"})
    chips = {a.get_text(" ", strip=True): a["href"] for a in page.select(".chip")}
    remove_language = next(href for text, href in chips.items() if "Spanish" in text)
    assert "language" not in remove_language and "topic=naloxone" in remove_language
    assert "q=naloxone" in remove_language


def make_many(count):
    for number in range(count):
        make_resource(
            f"Bulk {number}",
            summary="Bulk capybara resource.",
            topics=("naloxone", "safer-use"),
            substances=("alcohol",),
            audiences=("clinicians",),
        )


QUERY_COUNT_SCENARIOS = {
    "unfiltered": {},
    "two filters": {"topic": "naloxone", "substance": "alcohol"},
    "search": {"q": "capybara"},
}


def library_queries(client, django_assert_max_num_queries, limits=None):
    """{scenario: (queries of the first view after an edit, queries once warm)}, each at most
    its figure in `limits` (or the first run's bounds)."""
    counts = {}
    for name, params in QUERY_COUNT_SCENARIOS.items():
        # The first view after an edit also renders the layout kept in the cache again, and
        # finds the language shown's locale, home page and crisis lines for it.
        page_cache.clear()
        rebuilt_limit, warm_limit = limits[name] if limits else (22, 4)
        with django_assert_max_num_queries(rebuilt_limit) as rebuilt:
            client.get(URL, params)
        # 4: the counts, the page of results (its ids, then those resources, for many
        # matches), their topics; the site, the page and whether any view restriction reaches
        # it come from the cache.
        with django_assert_max_num_queries(warm_limit) as warm:
            response = client.get(URL, {**params, "sort": "title"})
        assert response.status_code == 200, name
        counts[name] = (len(rebuilt.captured_queries), len(warm.captured_queries))
    return counts, response


def test_library_query_count_does_not_grow_with_resources(
    client, django_assert_max_num_queries, monkeypatch
):
    unpublish_the_demo_resources()
    make_many(5)
    few = {
        loading: library_queries(client, django_assert_max_num_queries)[0]
        for loading in each_page_loading(monkeypatch)
    }
    make_many(20)
    for loading in each_page_loading(monkeypatch):
        _many, response = library_queries(
            client, django_assert_max_num_queries, limits=few[loading]
        )
        assert len(result_titles(BeautifulSoup(response.content, "html.parser"))) == 12, loading
