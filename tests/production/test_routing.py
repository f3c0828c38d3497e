"""Which site and page an address is comes from the cache until the next edit (core/routing.py),
and an edit shows at the next visit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from core import page_cache
from home.models import GoalsPage

pytestmark = pytest.mark.django_db

# A search term: the whole-page cache never keeps the page, so each visit renders it.
RENDERED = {"q": "goals"}


def routing_queries(queries):
    """The queries that find the site, and the page by its slug, on the way to /goals/."""
    return [
        query["sql"]
        for query in queries
        if 'FROM "wagtailcore_site"' in query["sql"] or "= 'goals'" in query["sql"]
    ]


def test_a_page_rendered_again_is_found_without_asking_the_database(client):
    first = client.get("/goals/", RENDERED)
    assert routing_queries_of(client) == []
    second = client.get("/goals/", RENDERED)
    assert second.status_code == 200
    assert second.content == first.content


def test_the_first_visit_after_an_edit_finds_the_page_in_the_database(client):
    client.get("/goals/", RENDERED)
    page_cache.clear()
    # Wagtail's own lookups: were core/routing.py's answers no longer read by Wagtail (an
    # upgrade renaming what it keeps on the request), the test above would see these.
    assert len(routing_queries_of(client)) == 2


def routing_queries_of(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/goals/", RENDERED).status_code == 200
    return routing_queries(queries.captured_queries)


def test_a_moved_page_is_found_at_its_new_address_at_once(client):
    assert client.get("/goals/", RENDERED).status_code == 200
    goals = GoalsPage.objects.get(locale__language_code="en")
    goals.slug = "our-goals"
    goals.save_revision().publish()
    assert client.get("/goals/", RENDERED).status_code == 404
    assert client.get("/our-goals/", RENDERED).status_code == 200


def test_an_unpublished_page_is_gone_at_once(client):
    assert client.get("/goals/", RENDERED).status_code == 200
    GoalsPage.objects.get(locale__language_code="en").unpublish()
    assert client.get("/goals/", RENDERED).status_code == 404


def test_a_page_made_private_after_a_visit_asks_for_its_password(client):
    assert client.get("/goals/", RENDERED).status_code == 200
    goals = GoalsPage.objects.get(locale__language_code="en")
    PageViewRestriction.objects.create(
        page=goals, restriction_type=PageViewRestriction.PASSWORD, password="staff-only"
    )
    response = client.get("/goals/", RENDERED)
    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert b"<h1>Goals" not in response.content


def test_a_changed_hostname_finds_the_site_afresh(client):
    assert client.get("/goals/", RENDERED).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "elsewhere.example"
    site.save()
    assert client.get("/goals/", RENDERED).status_code == 404


def test_an_address_that_finds_nothing_is_not_kept(client, monkeypatch):
    kept = []
    cache = page_cache.page_cache()
    original = cache.set
    monkeypatch.setattr(
        cache, "set", lambda key, *args, **kw: kept.append(key) or original(key, *args, **kw)
    )
    for number in range(3):
        assert client.get(f"/no-such-page-{number}/", RENDERED).status_code == 404
    assert not [key for key in kept if key.startswith("route:")]
