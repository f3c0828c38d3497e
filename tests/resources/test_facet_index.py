"""The facet index gives the counts SQL would, and follows every edit at once."""

import pytest
from django.http import QueryDict

from resources import facet_index
from resources.library import LibrarySearch
from resources.models import ResourceIndexPage, ResourcePage, Topic
from resources.models.pages import RELATED_FACETS

from .factories import make_resource
from .test_library import facet_counts, get, result_count, result_titles

pytestmark = pytest.mark.django_db

STATES = [
    "",
    "topic=naloxone",
    "topic=naloxone&topic=safer-use&substance=opioids",
    "type=guide&language=english",
    "q=naloxone",
    "q=overdose&topic=naloxone&language=english",
    "q=overdose&sort=title",
    "q=fentanyl+test+strips&approach=substance-use-management",
    "q=%22%26%21",
    "q=zzzzunfindable",
    "topic=no-such-topic",
]


def view(params, *, index):
    library = ResourceIndexPage.objects.get()
    if not index:
        facet_index._indexes.clear()
    original = facet_index.for_library
    facet_index.for_library = original if index else (lambda library, request=None: None)
    try:
        search = LibrarySearch(library, QueryDict(params))
        page = search.page_of_results()
        return search, [resource.title for resource in page.object_list]
    finally:
        facet_index.for_library = original


@pytest.mark.parametrize("params", STATES)
def test_the_index_counts_what_sql_counts_and_lists_the_same_results(params):
    make_resource("Overdose and naloxone at night", topics=("naloxone", "safer-use"))
    with_index, titles = view(params, index=True)
    in_sql, sql_titles = view(params, index=False)
    assert with_index.total == in_sql.total
    assert with_index.facets == in_sql.facets
    assert titles == sql_titles


def test_publishing_and_unpublishing_show_in_the_counts_at_once(client):
    _response, page = get(client, {"topic": "naloxone"})
    before = result_count(page)
    topic_counts = facet_counts(page, "topic")

    added = make_resource("Fresh naloxone guide", topics=("naloxone", "safer-use"))
    _response, page = get(client, {"topic": "naloxone"})
    assert result_count(page) == before + 1
    assert facet_counts(page, "topic")["safer-use"] == topic_counts["safer-use"] + 1
    assert "Fresh naloxone guide" in result_titles(page)

    added.unpublish()
    _response, page = get(client, {"topic": "naloxone"})
    assert result_count(page) == before
    assert facet_counts(page, "topic") == topic_counts


def test_a_new_topic_counts_once_it_is_used(client):
    topic = Topic.objects.create(name="Winter shelters", slug="winter-shelters")
    _response, page = get(client)
    assert "winter-shelters" not in facet_counts(page, "topic")
    make_resource("Shelter list", topics=(topic.slug,))
    _response, page = get(client)
    assert facet_counts(page, "topic")["winter-shelters"] == 1


def test_with_the_cache_unable_to_say_the_library_counts_in_sql(client, monkeypatch):
    _response, page = get(client, {"q": "naloxone"})
    expected = facet_counts(page, "topic"), result_count(page)
    monkeypatch.setattr("core.page_cache.current_generation", lambda request=None: None)
    facet_index._indexes.clear()
    _response, page = get(client, {"q": "naloxone"})
    assert (facet_counts(page, "topic"), result_count(page)) == expected
    assert not facet_index._indexes


def test_an_index_is_rebuilt_when_it_is_too_old(monkeypatch):
    library = ResourceIndexPage.objects.get()
    first = facet_index.for_library(library)
    assert facet_index.for_library(library) is first
    later = first.built_at + facet_index.MAX_AGE + 1
    monkeypatch.setattr(facet_index.time, "monotonic", lambda: later)
    assert facet_index.for_library(library) is not first


def test_bits_convert_both_ways():
    library = ResourceIndexPage.objects.get()
    index = facet_index.for_library(library)
    some = index.pks[::3]
    assert index.pks_of(index.resources(some)) == some
    assert index.pks_of(index.everything) == index.pks
    assert index.pks_of(0) == []
    assert index.pks_of(index.everything, limit=5) == index.pks[:5]


def test_shared_values_counted_from_the_index_match_the_tag_tables(monkeypatch, rf):
    # No cut-off, so the two ways agree on every resource, not only on the first few.
    monkeypatch.setattr("resources.models.pages.RELATED_CANDIDATES", 10_000)
    library = ResourceIndexPage.objects.get()
    index = facet_index.for_library(library)
    for resource in ResourcePage.objects.live().child_of(library):
        from_index = index.sharing(resource.pk, RELATED_FACETS, 10_000)
        assert from_index == resource._shared_tags_in_sql()
        assert list(from_index.values()) == sorted(from_index.values(), reverse=True)
        related = resource.related_resources(library, rf.get("/"))
        assert [page.pk for page in related] == [page.pk for page in resource.related_resources()]


def test_a_resource_outside_the_index_finds_its_related_ones_in_sql():
    library = ResourceIndexPage.objects.get()
    index = facet_index.for_library(library)
    assert index.sharing(-1, RELATED_FACETS, 3) is None
