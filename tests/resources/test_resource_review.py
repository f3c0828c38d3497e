"""A resource says when the practice last checked it and when it will check it again, at the foot
of the page, as every content page does."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.support import assert_no_inline_code

from .factories import make_resource

pytestmark = pytest.mark.django_db


def test_a_resource_shows_its_review_dates_at_its_foot(client):
    resource = make_resource("Safer smoking guide")
    resource.last_reviewed = datetime.date(2026, 11, 28)
    resource.next_review_due = datetime.date(2027, 5, 28)
    resource.save_revision().publish()
    html = client.get(resource.url).content.decode()
    assert_no_inline_code(html)
    review = BeautifulSoup(html, "html.parser").select_one("main .page-review")
    text = review.get_text(" ", strip=True)
    assert "Page last reviewed: November 28, 2026" in text
    assert "Next review due: May 28, 2027" in text
    assert not review.find_next_sibling()


def test_a_resource_reviewed_with_no_next_date_gets_one_from_the_practice_interval():
    resource = make_resource("Fentanyl test strips")
    resource.last_reviewed = datetime.date(2026, 11, 28)
    resource.next_review_due = None
    resource.save_revision().publish()
    resource.refresh_from_db()
    assert resource.next_review_due == datetime.date(2027, 11, 28)
