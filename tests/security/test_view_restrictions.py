"""Wagtail refuses a private page at its own address, whatever the cache holds: a page's view
restrictions are asked of the database wherever one could reach it, and only there
(core.visibility.ViewRestrictionsFromCache)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, get_page_models

from core.visibility import ViewRestrictionsFromCache
from tests.search.support import add_page

pytestmark = pytest.mark.django_db

# A search term: the whole-page cache never keeps the page, so each visit is served by Wagtail.
RENDERED = {"q": "staff"}
PASSWORD_FORM = 'name="password"'


def restrict_with_password(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="staff-only"
    )


def test_every_page_type_reads_its_restrictions_through_the_cache():
    for model in get_page_models():
        if model is not Page:
            assert issubclass(model, ViewRestrictionsFromCache), model


def test_a_public_page_is_served_without_asking_for_restrictions(client):
    client.get("/goals/", RENDERED)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/goals/", RENDERED).status_code == 200
    assert not [
        q for q in queries.captured_queries if "wagtailcore_pageviewrestriction" in q["sql"]
    ]


def test_a_page_whose_section_is_made_private_after_a_visit_asks_for_the_password(
    client, home_page
):
    section = add_page(home_page, "Staff area")
    add_page(section, "Rota")
    assert PASSWORD_FORM not in client.get("/staff-area/rota/", RENDERED).text
    restrict_with_password(section)
    assert PASSWORD_FORM in client.get("/staff-area/rota/", RENDERED).text


def test_an_alias_of_a_private_page_asks_for_the_password(client, home_page):
    private = add_page(home_page, "Staff notes")
    restrict_with_password(private)
    private.create_alias(parent=home_page, update_slug="notes")
    assert PASSWORD_FORM in client.get("/notes/", RENDERED).text
    # And once the restriction is lifted, the alias is public again.
    PageViewRestriction.objects.filter(page=private).delete()
    assert PASSWORD_FORM not in client.get("/notes/", RENDERED).text
