"""Visitors see when a page was last checked and when it will be checked again (“Page last
reviewed”, “Next review due”: the NHS's pattern), at the foot of every content page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.dates import add_months
from core.models import PracticeSettings
from home.models import ExplainerPage, GoalsPage, HomePage, StandardPage
from tests.support import assert_no_inline_code

pytestmark = pytest.mark.django_db

LAST = datetime.date(2026, 3, 3)
NEXT = datetime.date(2027, 3, 3)


@pytest.mark.parametrize(
    ("model", "slug"),
    [
        (HomePage, None),
        (ExplainerPage, None),
        (GoalsPage, None),
        (StandardPage, "privacy"),
        (StandardPage, "browsing-safely"),
    ],
)
def test_visitors_see_when_the_page_was_last_reviewed_and_is_next_due(client, model, slug):
    page = model.objects.get(slug=slug) if slug else model.objects.get(locale__language_code="en")
    page.last_reviewed, page.next_review_due = LAST, NEXT
    page.save_revision().publish()
    response = client.get(page.url)
    html = response.content.decode()
    assert_no_inline_code(html)
    review = BeautifulSoup(html, "html.parser").select_one("main .page-review")
    text = review.get_text(" ", strip=True)
    assert "Page last reviewed: March 3, 2026" in text
    assert "Next review due: March 3, 2027" in text
    assert review.select_one("time")["datetime"] == "2026-03-03"
    # At the page's foot: nothing of the page's own content comes after it.
    assert not review.find_next_sibling()


def test_a_page_never_reviewed_shows_no_review_line(client):
    goals = GoalsPage.objects.get(locale__language_code="en")
    goals.last_reviewed = goals.next_review_due = None
    goals.save_revision().publish()
    page = BeautifulSoup(client.get(goals.url).content, "html.parser")
    assert page.select_one(".page-review") is None


def test_the_next_review_is_set_from_the_practice_interval_when_left_empty():
    practice = PracticeSettings.load()
    practice.review_interval_months = 18
    practice.save()
    goals = GoalsPage.objects.get(locale__language_code="en")
    goals.last_reviewed, goals.next_review_due = LAST, None
    goals.full_clean()
    assert goals.next_review_due == add_months(LAST, 18) == datetime.date(2027, 9, 3)


def test_the_next_review_cannot_come_before_the_last():
    goals = GoalsPage.objects.get(locale__language_code="en")
    goals.last_reviewed, goals.next_review_due = NEXT, LAST
    with pytest.raises(ValidationError) as refused:
        goals.full_clean()
    assert "next_review_due" in refused.value.message_dict


def test_months_are_added_the_way_a_calendar_does():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2026, 11, 15), 3) == datetime.date(2027, 2, 15)


def test_the_editor_finds_the_review_dates_on_the_page_form(admin_client):
    explainer = ExplainerPage.objects.get(locale__language_code="en")
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[explainer.pk])).text
    assert "Last reviewed" in form and "Next review due" in form
