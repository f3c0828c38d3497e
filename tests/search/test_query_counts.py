"""The results page costs the same number of queries for two results as for a full page."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from resources.models import ResourcePage
from tests.search.support import add_page

pytestmark = pytest.mark.django_db

# Base layout (settings, menu, site) plus: which pages are private, one search, one promotions
# lookup, the shown results (one query per page type), and the hit count (a few writes, once the
# page is sent). Measured on the demo site: 12 for results of one page type, 16 for "harm
# reduction" (five page types).
MAX_QUERIES = 18


def count_queries(client, django_assert_max_num_queries, query, max_queries=MAX_QUERIES):
    client.get("/search/", {"q": query})  # warm Wagtail's site-root and content-type caches
    with django_assert_max_num_queries(max_queries) as captured:
        assert client.get("/search/", {"q": query}).status_code == 200
    return captured.captured_queries


def longest(queries):
    """The longest statement's length: the search itself, which names by id only the pages
    that a translation stands for."""
    return max(len(query["sql"]) for query in queries)


def test_results_page_queries_do_not_grow_with_results(
    client, home_page, django_assert_max_num_queries
):
    for number in range(2):
        add_page(home_page, f"Quokka {number}", "<p>quokka</p>", slug=f"quokka-{number}")
    few = count_queries(client, django_assert_max_num_queries, "quokka")
    for number in range(2, 40):
        add_page(home_page, f"Quokka {number}", "<p>quokka</p>", slug=f"quokka-{number}")
    many = count_queries(client, django_assert_max_num_queries, "quokka", max_queries=len(few))
    assert len(many) <= len(few)
    # Nor does the search's own statement grow with the pages of the site.
    assert longest(many) == longest(few)


def test_results_of_many_page_types_stay_bounded(client, django_assert_max_num_queries):
    count_queries(client, django_assert_max_num_queries, "harm reduction")


def test_autocomplete_queries_are_bounded(client, home_page, django_assert_max_num_queries):
    for number in range(12):
        add_page(home_page, f"Quokka {number}", slug=f"quokka-{number}")
    client.get("/search/autocomplete/", {"q": "quok"})
    with django_assert_max_num_queries(6):
        assert len(client.get("/search/autocomplete/", {"q": "quok"}).json()["results"]) == 8


def test_a_synonym_group_is_ranked_in_one_call_per_field_and_language(
    client, django_assert_max_num_queries
):
    """ "naloxone" stands for five names (Narcan, Kloxxado...): ranking the group as one OR-ed
    query, as PostgreSQL scores it, rather than one `ts_rank` per name, keeps the statement
    short to build and to run (docs/performance.md)."""
    if connection.vendor != "postgresql":
        pytest.skip("ranking with ts_rank is PostgreSQL's")
    queries = count_queries(client, django_assert_max_num_queries, "naloxone overdose")
    search = max(queries, key=lambda query: len(query["sql"]))["sql"]
    # Two words (one a group) in two fields (title, body), in English and Spanish.
    assert search.count("ts_rank(") == 2 * 2 * 2


def test_indexing_a_resource_fetches_each_kind_of_tag_once(django_assert_max_num_queries):
    """Each related field is fetched once for the whole entry (core/search_backend.py), not once
    for each of its five parts: 10 queries, where there were 25."""
    resource = ResourcePage.objects.live().filter(topics__isnull=False).first()
    with django_assert_max_num_queries(10):
        get_search_backend().add(resource)
