"""Editors promote results for a query; every query is counted for the search-terms report,
with nothing about who searched."""

import logging
from unittest import mock

import pytest
from django.core.signals import request_finished
from django.db import DatabaseError, close_old_connections
from django.test import RequestFactory
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from search.views import search
from tests.search.support import result_titles, soup_of

pytestmark = pytest.mark.django_db


def promote(query_string, **fields):
    return SearchPromotion.objects.create(query=Query.get(query_string), **fields)


def test_promoted_page_is_shown_above_the_others_once(client):
    contact = Page.objects.get(slug="contact")
    promote("naloxone", page=contact, description="Talk to us about overdose safety.", sort_order=0)
    page = soup_of(client.get("/search/", {"q": "  Naloxone "}))
    promoted = page.select(".search-promoted li.search-result")
    assert [item.h3.get_text(strip=True) for item in promoted] == ["Reach out today"]
    assert "Talk to us about overdose safety." in promoted[0].get_text()
    assert "Reach out today" not in result_titles(client.get("/search/", {"q": "naloxone"}))
    # The promotion comes before the ordinary results in the page.
    html = str(page)
    assert html.index("search-promoted") < html.index("search-summary")


def test_promoted_external_link_is_shown(client):
    promote(
        "hotline",
        external_link_url="https://988lifeline.org/",
        external_link_text="988 Suicide & Crisis Lifeline",
    )
    item = soup_of(client.get("/search/", {"q": "hotline"})).select_one(".search-promoted li")
    assert item.h3.a["href"] == "https://988lifeline.org/"


def test_promotion_of_an_unpublished_page_is_hidden(client):
    goals = Page.objects.get(slug="goals")
    promote("naloxone", page=goals)
    goals.unpublish()
    assert not soup_of(client.get("/search/", {"q": "naloxone"})).select(".search-promoted")


def test_promotion_of_a_private_page_is_hidden(client):
    goals = Page.objects.get(slug="goals")
    promote("naloxone", page=goals)
    PageViewRestriction.objects.create(page=goals, restriction_type=PageViewRestriction.LOGIN)
    assert not soup_of(client.get("/search/", {"q": "naloxone"})).select(".search-promoted")


def test_promotions_show_on_the_first_page_only(client):
    promote("harm", page=Page.objects.get(slug="contact"))
    assert soup_of(client.get("/search/", {"q": "harm"})).select(".search-promoted")
    assert not soup_of(client.get("/search/", {"q": "harm", "page": 2})).select(".search-promoted")


def test_a_search_is_counted_by_its_words_only(client):
    client.get("/search/", {"q": "Fentanyl   Test strips"}, REMOTE_ADDR="203.0.113.9")
    client.get("/search/", {"q": "fentanyl test strips"})
    query = Query.objects.get(query_string="fentanyl test strips")
    assert query.hits == 2
    assert [field.name for field in QueryDailyHits._meta.get_fields()] == [
        "id",
        "query",
        "date",
        "hits",
    ]


def test_a_search_is_counted_once_its_page_has_been_sent():
    request = RequestFactory().get("/search/", {"q": "naloxone"})
    response = search(request)
    assert response.status_code == 200
    assert not Query.objects.exists()  # the visitor does not wait for the count
    # What the server does once the page is sent (the test's database connection stays open,
    # as Django's test client keeps it).
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert Query.objects.get(query_string="naloxone").hits == 1


def test_a_search_that_cannot_be_counted_still_shows_its_results(client, caplog):
    failing = mock.patch.object(Query, "add_hit", side_effect=DatabaseError("disk full"))
    with failing, caplog.at_level(logging.WARNING, logger="search.results"):
        response = client.get("/search/", {"q": "naloxone"})
    assert response.status_code == 200
    assert result_titles(response)
    assert "not counted" in caplog.text
    assert not QueryDailyHits.objects.exists()


def test_queries_with_no_results_are_counted_too(client):
    client.get("/search/", {"q": "zzzyzzx"})
    assert Query.objects.get(query_string="zzzyzzx").hits == 1


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "!!! ***"},
        {"q": "me@example.org"},
        {"q": "call 555-123-4567"},
        {"q": "naloxone", "page": "2"},
    ],
)
def test_empty_personal_looking_and_later_page_searches_are_not_counted(client, params):
    client.get("/search/", params)
    assert not QueryDailyHits.objects.exists()


def test_autocomplete_is_not_counted(client):
    client.get("/search/autocomplete/", {"q": "naloxone"})
    assert not Query.objects.exists()


def test_editors_find_promotions_and_search_terms_in_the_admin(admin_client):
    client_search = admin_client.get("/search/", {"q": "naloxone"})
    assert client_search.status_code == 200
    assert admin_client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    report = admin_client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert report.status_code == 200
    assert "naloxone" in report.text
