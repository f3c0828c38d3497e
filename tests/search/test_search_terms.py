"""What anyone searching can add to the editors' "Search terms" report is bounded: new terms up
to a daily cap, while the terms already in the report keep being counted."""

import datetime

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from core.search_query import SearchQuery
from search.terms import DEFAULT_TERMS_PER_DAY, MAX_TERM_LENGTH, count_search, terms_per_day

pytestmark = pytest.mark.django_db

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def made_up_word(number):
    """A different word for each number, with no digits (digits can look like a phone number)."""
    word = ""
    while True:
        number, letter = divmod(number, len(LETTERS))
        word += LETTERS[letter]
        if not number:
            return f"zq{word}"


def search(client, words, **params):
    response = client.get("/search/", {"q": words, **params})
    assert response.status_code == 200
    return response


def hits(term):
    query = Query.objects.filter(query_string=term).first()
    return query.hits if query else 0


def test_unique_searches_from_one_visitor_add_no_more_terms_than_the_daily_cap(client, settings):
    settings.SEARCH_TERMS_PER_DAY = 10
    for number in range(30):
        search(client, made_up_word(number), REMOTE_ADDR="203.0.113.9")
    assert Query.objects.count() == 10
    assert QueryDailyHits.objects.count() == 10


def test_a_term_already_in_the_report_is_still_counted_once_the_cap_is_reached(client, settings):
    settings.SEARCH_TERMS_PER_DAY = 5
    search(client, "naloxone")
    for number in range(10):
        search(client, made_up_word(number))
    assert QueryDailyHits.objects.filter(date=timezone.now().date()).count() == 5
    search(client, "Naloxone")
    search(client, "naloxone")
    assert hits("naloxone") == 3
    assert not Query.objects.filter(query_string="fentanyl").exists()
    search(client, "fentanyl")
    assert not Query.objects.filter(query_string="fentanyl").exists()


def test_a_term_from_an_earlier_day_is_counted_today_even_when_the_cap_is_reached(settings):
    settings.SEARCH_TERMS_PER_DAY = 1
    yesterday = timezone.now().date() - datetime.timedelta(days=1)
    Query.get("test strips").add_hit(date=yesterday)
    assert count_search(SearchQuery.parse("brand new"))
    assert count_search(SearchQuery.parse("Test  strips"))
    assert not count_search(SearchQuery.parse("another new one"))
    assert QueryDailyHits.objects.filter(date=timezone.now().date()).count() == 2
    assert hits("test strips") == 2


def test_the_cap_starts_again_each_day(settings):
    settings.SEARCH_TERMS_PER_DAY = 1
    yesterday = timezone.now().date() - datetime.timedelta(days=1)
    Query.get("yesterdays word").add_hit(date=yesterday)
    assert count_search(SearchQuery.parse("todays word"))


def test_the_cap_is_200_terms_a_day_unless_set(settings):
    del settings.SEARCH_TERMS_PER_DAY
    assert terms_per_day() == DEFAULT_TERMS_PER_DAY == 200
    settings.SEARCH_TERMS_PER_DAY = 50
    assert terms_per_day() == 50


def test_a_query_longer_than_a_search_term_is_not_counted(client):
    sentence = "harm reduction " * 10
    longest, one_more = sentence[:MAX_TERM_LENGTH], sentence[: MAX_TERM_LENGTH + 1]
    search(client, longest)
    search(client, one_more)
    search(client, sentence * 3)  # cut to 200 characters for searching, still too long to keep
    assert [query.query_string for query in Query.objects.all()] == [longest]
