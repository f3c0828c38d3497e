import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from careers.models import CareersIndexPage, JobPage
from home.models import HomePage
from tests.support import assert_no_inline_code

from .factories import careers_index, make_job

pytestmark = pytest.mark.django_db

URL = "/careers/"
QUERY_BUDGET = 12


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def job_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".job-card__title a")]


def test_careers_page_says_come_work_with_us_with_why_values_and_benefits(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = soup_of(response)
    assert page.h1.get_text(strip=True) == "Come work with us"
    text = page.get_text(" ")
    for heading in ("Why work here", "What we value", "Benefits", "Open positions"):
        assert heading in text
    assert "Lived experience counts" in text
    assert "Four weeks of paid time off" in text


def test_editing_the_careers_page_changes_what_applicants_read(client):
    index = careers_index()
    index.why_work_here = "<p>Edited by the clinical director.</p>"
    index.save_revision().publish()
    assert "Edited by the clinical director." in client.get(URL).text


def test_careers_index_lists_open_jobs_newest_first_with_pay(client):
    response = client.get(URL)
    assert job_titles(response) == ["Peer Support Specialist", "Licensed Therapist (LCSW/LPC)"]
    cards = soup_of(response).select(".job-card")
    assert cards[0].select_one(".job-card__pay").get_text(strip=True) == "$22–$26 an hour"
    assert cards[1].select_one(".job-card__pay").get_text(strip=True) == "$68,000–$82,000 a year"
    assert "2 open positions" in response.text


def test_expired_job_is_hidden_from_careers_index(client):
    assert "Clinical Intern" not in client.get(URL).text
    job = make_job("Care coordinator", closing_in_days=-1)
    assert "Care coordinator" not in client.get(URL).text
    job.closing_date = timezone.localdate()
    job.save_revision().publish()
    # The closing day itself still takes applications.
    assert "Care coordinator" in job_titles(client.get(URL))


def test_closed_job_page_says_it_has_closed_and_shows_no_form(client):
    response = client.get("/careers/clinical-intern/")
    assert response.status_code == 200
    page = soup_of(response)
    assert "This opening has closed" in page.select_one(".job-closed").get_text()
    assert "no longer accepts applications" in response.text
    assert page.find("form", class_="form") is None
    assert page.find("script", type="application/ld+json") is None
    assert page.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_open_job_page_shows_facts_and_the_application_form(client):
    response = client.get("/careers/licensed-therapist/")
    page = soup_of(response)
    facts = page.select_one(".job-facts").get_text(" ", strip=True)
    assert "Full time" in facts and "Hybrid" in facts and "$68,000–$82,000 a year" in facts
    assert "remote work from Illinois" in facts
    form = page.select_one("form.form")
    assert form["enctype"] == "multipart/form-data"
    names = {field.get("name") for field in form.select("input, textarea")}
    assert {"full_name", "email", "phone", "cover_note", "resume", "consent"} <= names
    for field in form.select("input[type=text], input[type=email], input[type=file], textarea"):
        assert form.select_one(f'label[for="{field["id"]}"]'), field["name"]
    assert "180 days" in page.select_one(".apply").get_text()


def test_no_openings_says_so_and_invites_people_to_check_back(client):
    JobPage.objects.update(closing_date=timezone.localdate().replace(year=2000))
    response = client.get(URL)
    page = soup_of(response)
    assert page.select(".job-card") == []
    assert "no open positions right now" in page.select_one(".careers__none").get_text()
    assert "check back" in page.select_one(".careers__none").get_text()
    assert page.find("form", class_="job-filters") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=part-time", ["Peer Support Specialist"]),
        ("?type=full-time", ["Licensed Therapist (LCSW/LPC)"]),
        ("?where=hybrid", ["Licensed Therapist (LCSW/LPC)"]),
        ("?where=on-site&type=part-time", ["Peer Support Specialist"]),
        ("?type=&where=", ["Peer Support Specialist", "Licensed Therapist (LCSW/LPC)"]),
    ],
)
def test_filters_by_employment_type_and_location_type(client, query, expected):
    response = client.get(URL + query)
    assert response.status_code == 200
    assert job_titles(response) == expected
    assert response.headers["X-Robots-Tag"] == "noindex, follow"


def test_filters_with_no_match_say_so_and_offer_all_openings(client):
    response = client.get(URL + "?where=remote")
    page = soup_of(response)
    assert "No open positions match these choices" in page.select_one(".no-results").get_text()
    assert page.select_one('.no-results a[href="/careers/#openings"]')


@pytest.mark.parametrize(
    "query",
    [
        "?type=astronaut",
        "?where=moon",
        "?where=moon&type=part-time",
        "?type=%00",
        "?type=" + "x" * 5000,
        "?page=zz",
    ],
)
def test_bad_filter_values_get_a_clear_message_not_a_500(client, query):
    response = client.get(URL + query)
    assert response.status_code in (200, 400)
    if "page=" not in query:
        assert response.status_code == 400
        assert "were not recognized" in response.text
    assert len(job_titles(response)) == 2


def test_index_query_count_does_not_grow_with_jobs(client, django_assert_max_num_queries):
    client.get(URL)  # warm Wagtail's site-root cache as a running site would have it
    with django_assert_max_num_queries(QUERY_BUDGET) as few:
        assert client.get(URL + "?type=part-time").status_code == 200
    with_one_job = len(few)
    for number in range(15):
        make_job(f"Opening {number}", employment_type="part-time")
    client.get(URL)
    with django_assert_max_num_queries(with_one_job) as many:
        response = client.get(URL + "?type=part-time")
    assert len(job_titles(response)) == 16
    assert len(many) == with_one_job


def test_many_jobs_are_paginated_keeping_the_filters(client):
    for number in range(22):
        make_job(f"Opening {number}", employment_type="part-time")
    response = client.get(URL + "?type=part-time")
    assert len(job_titles(response)) == 20
    next_link = soup_of(response).select_one('a[rel="next"]')["href"]
    assert "type=part-time" in next_link and "page=2" in next_link
    assert len(job_titles(client.get(URL + next_link))) == 3


@pytest.mark.parametrize(
    "url",
    [
        URL,
        "/careers/licensed-therapist/",
        "/careers/clinical-intern/",
        "/careers/peer-support-specialist/thank-you/",
    ],
)
def test_careers_pages_have_one_h1_and_no_inline_code(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert len(soup_of(response).find_all("h1")) == 1
    assert_no_inline_code(response.text)


def test_page_tree_keeps_jobs_under_the_careers_page():
    assert JobPage.allowed_parent_page_models() == [CareersIndexPage]
    assert CareersIndexPage.allowed_parent_page_models() == [HomePage]
    assert CareersIndexPage in HomePage.allowed_subpage_models()
    assert CareersIndexPage.max_count == 1
    assert JobPage.allowed_subpage_models() == []


def test_sitemap_lists_open_jobs_but_not_closed_ones(client):
    body = client.get("/sitemap.xml").text
    assert "<loc>http://localhost/careers/licensed-therapist/</loc>" in body
    assert "clinical-intern" not in body


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"pay_min": 38, "pay_max": 45, "pay_period": "hour"}, "$38–$45 an hour"),
        ({"pay_min": 20, "pay_max": None, "pay_period": "hour"}, "$20 an hour"),
        ({"pay_min": "22.50", "pay_max": "24.75", "pay_period": "hour"}, "$22.50–$24.75 an hour"),
        ({"pay_min": 5000, "pay_max": 5000, "pay_period": "month"}, "$5,000 a month"),
        (
            {"pay_min": 300, "pay_max": None, "pay_period": "day", "pay_currency": "CHF"},
            "300 CHF a day",
        ),
    ],
)
def test_pay_is_shown_the_way_people_read_it(fields, expected):
    assert JobPage(**{"pay_currency": "USD", **fields}).pay_text == expected


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"pay_min": 50, "pay_max": 40}, "pay_max"),
        ({"location_type": "on-site", "locality": ""}, "locality"),
        ({"closing_in_days": -30, "posted_days_ago": 0}, "closing_date"),
    ],
)
def test_editors_get_clear_errors_for_impossible_openings(fields, field_in_error):
    with pytest.raises(ValidationError) as error:
        make_job(**fields)
    assert field_in_error in error.value.message_dict


def test_a_remote_job_needs_no_street_address():
    job = make_job(location_type="remote", street_address="", locality="", region="")
    assert job.live


def test_the_application_form_links_to_the_privacy_notice(client):
    job = next(job for job in JobPage.objects.live() if job.is_open)
    page = soup_of(client.get(job.url))
    link = page.select_one("#apply .privacy-link a")
    assert link is not None and link["href"] == "/privacy/"
