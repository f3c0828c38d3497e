"""Fees and insurance: what a session costs, the sliding scale, insurance and superbills, how to
pay, cancellations, and the Good Faith Estimate notice, dated; linked from the contact page and
every footer."""

from urllib.parse import urlencode

import pytest

from home.models import FeesPage
from tests.support import page_at, queries_for_page

pytestmark = pytest.mark.django_db

URL = "/fees-and-insurance/"


def test_the_fees_are_a_table_with_a_header_for_each_column_and_row(client):
    table = page_at(client, URL).select_one("table.fees-table")
    assert [th.get_text() for th in table.select("thead th")] == ["Service", "Length", "Fee"]
    rows = {
        row.th.contents[0].strip(): row.select("td")[-1].get_text()
        for row in table.select("tbody tr")
    }
    assert rows["Individual session"] == "$160"
    assert rows["Group session"] == "$40"


def test_the_sliding_scale_lists_its_steps_from_the_lowest_fee(client):
    scale = page_at(client, URL).select_one(".fees-scale")
    fees = [dd.get_text() for dd in scale.select("dd")]
    assert fees[0] == "$60 a session"
    assert len(fees) == 4


def test_insurance_superbills_payment_and_cancellations_are_answered(client):
    page = page_at(client, URL)
    for heading in ("insurance-heading", "payment-heading", "cancellation-heading"):
        assert page.select_one(f"#{heading}").find_parent("section").select_one(".rich-text")
    assert "superbill" in page.select_one("#insurance").get_text()


def test_the_good_faith_estimate_notice_is_there_in_full_and_dated(client):
    notice = page_at(client, URL).select_one("#good-faith-estimate")
    text = notice.get_text(" ")
    assert "Good Faith Estimate" in notice.h2.get_text()
    assert "at least $400 more" in text
    assert "1-800-985-3059" in text
    assert notice.select_one("a[href='https://www.cms.gov/nosurprises/consumers']")
    assert notice.select_one(".good-faith-estimate__date time")["datetime"] == "2026-12-04"


def test_only_one_notice_can_be_added():
    field = FeesPage._meta.get_field("good_faith_estimate")
    assert field.stream_block.meta.max_num == 1


@pytest.mark.parametrize("url", ["/", "/contact/", URL])
def test_the_footer_and_the_contact_page_lead_to_the_fees(client, url):
    page = page_at(client, url)
    assert page.select_one(f"footer a[href='{URL}']").get_text() == "Fees and insurance"


def test_the_contact_page_mentions_the_fees_where_people_decide(client):
    assert page_at(client, "/contact/").select_one(f"main a[href='{URL}']")


def test_site_search_finds_the_fees_page_by_what_people_type(client):
    for query in ("sliding scale", "superbill", "good faith estimate"):
        page = page_at(client, "/search/?" + urlencode({"q": query}))
        assert page.select_one(f"main a[href='{URL}']"), query


def test_the_page_asks_the_same_number_of_queries_for_more_fees_and_steps(client):
    before = queries_for_page(client, URL)
    page = FeesPage.objects.get()
    page.fees = list(page.fees.raw_data) * 5
    page.sliding_scale = list(page.sliding_scale.raw_data) * 5
    page.save_revision().publish()
    assert len(page_at(client, URL).select(".fees-table tbody tr")) == 20
    assert queries_for_page(client, URL) == before <= 12
