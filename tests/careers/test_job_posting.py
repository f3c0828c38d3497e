import datetime
import json

import pytest
from bs4 import BeautifulSoup

from careers.models import JobPage

from .factories import make_job

pytestmark = pytest.mark.django_db

# Google's job posting documentation: required, then recommended properties.
REQUIRED = {"@context", "@type", "title", "description", "datePosted", "hiringOrganization"}
RECOMMENDED = {"validThrough", "employmentType", "baseSalary", "identifier", "directApply"}


def json_ld(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_open_job_carries_a_complete_job_posting(client):
    data = json_ld(client, "/careers/peer-support-specialist/")
    assert not (REQUIRED | RECOMMENDED) - data.keys()
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Peer Support Specialist"
    assert "<h2>Responsibilities</h2>" in data["description"]
    assert "naloxone" in data["description"]
    job = JobPage.objects.get(slug="peer-support-specialist")
    assert data["datePosted"] == job.date_posted.isoformat()
    valid_through = datetime.datetime.fromisoformat(data["validThrough"])
    assert valid_through.date() == job.closing_date and valid_through.tzinfo is not None
    assert data["employmentType"] == "PART_TIME"
    organization = data["hiringOrganization"]
    assert organization["@type"] == "Organization"
    assert organization["name"] == "Harm Reduction Therapy"
    assert organization["sameAs"].startswith("http")
    address = data["jobLocation"]["address"]
    assert address == {
        "@type": "PostalAddress",
        "streetAddress": "100 Example Street, Suite 2",
        "addressLocality": "Chicago",
        "addressRegion": "IL",
        "postalCode": "60601",
        "addressCountry": "US",
    }
    assert "jobLocationType" not in data
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {"@type": "QuantitativeValue", "minValue": 22, "maxValue": 26, "unitText": "HOUR"},
    }
    assert data["url"] == "http://localhost/careers/peer-support-specialist/"


def test_hybrid_job_gives_both_the_office_and_where_remote_staff_may_live(client):
    data = json_ld(client, "/careers/licensed-therapist/")
    assert data["jobLocation"]["address"]["addressLocality"] == "Chicago"
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "State", "name": "Illinois"}
    assert data["baseSalary"]["value"]["unitText"] == "YEAR"
    assert data["baseSalary"]["value"]["minValue"] == 68000


def test_remote_job_names_the_country_and_no_office(client):
    job = make_job(
        "Remote care coordinator",
        location_type="remote",
        street_address="",
        locality="",
        region="",
        pay_min=25,
        pay_max=None,
        pay_period="hour",
        employment_type="contractor",
    )
    data = json_ld(client, job.url)
    assert "jobLocation" not in data
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "US"}
    assert data["employmentType"] == "CONTRACTOR"
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "value": 25,
        "unitText": "HOUR",
    }


def test_text_that_looks_like_html_cannot_break_out_of_the_script(client):
    title = 'Therapist </script><script>alert("x")</script> & <!-- co'
    job = make_job(title, summary="Pay & benefits <b>great</b>")
    response = client.get(job.url)
    assert "</script><script>alert" not in response.text
    assert "<!-- co" not in response.text
    data = json_ld(client, job.url)
    assert data["title"] == title
    assert "Pay &amp; benefits &lt;b&gt;great&lt;/b&gt;" in data["description"]


def test_closed_job_carries_no_job_posting(client):
    page = BeautifulSoup(client.get("/careers/clinical-intern/").content, "html.parser")
    assert page.find("script", type="application/ld+json") is None
