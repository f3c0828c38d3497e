"""The Applications screens (wagtail-modeladmin) look and read like the rest of Wagtail 8: the slim
header with breadcrumbs and icons, capitalised plain-English labels, one application in clear
sections, and every time on the practice's clock (America/Chicago), on screen and in the export."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from careers.demo import HIRING_GROUP
from careers.models import JobApplication

from .factories import make_application, staff_user

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/careers/jobapplication/"
# 02:30 UTC on January 15 is 8:30 p.m. on January 14 in Chicago (CST, six hours behind).
EVENING_IN_CHICAGO = datetime.datetime(2026, 1, 15, 2, 30, tzinfo=datetime.UTC)


@pytest.fixture
def application():
    application = make_application(notes="Called on Tuesday.\nInterview next week.")
    JobApplication.objects.filter(pk=application.pk).update(
        received_at=EVENING_IN_CHICAGO, consented_at=EVENING_IN_CHICAGO
    )
    application.refresh_from_db()
    return application


@pytest.fixture
def hiring_manager(client, django_user_model):
    user = staff_user(django_user_model, "manager", groups=[HIRING_GROUP])
    client.force_login(user)
    return user


def page_at(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def inspect_url(application):
    return f"{LIST_URL}inspect/{application.pk}/"


def breadcrumbs(page):
    return [
        (item.get_text(" ", strip=True), item.get("href"))
        for item in page.select(
            "header.w-slim-header nav[aria-label='Breadcrumb'] li a, "
            "header.w-slim-header nav[aria-label='Breadcrumb'] li div"
        )
        if item.get_text(strip=True)
    ]


def answers(page):
    return {
        dt.get_text(" ", strip=True): " ".join(dt.find_next_sibling("dd").get_text(" ").split())
        for dt in page.select("dl dt")
    }


def test_the_application_reads_in_sections_with_capitalised_plain_labels(
    client, hiring_manager, application, settings
):
    settings.APPLICATION_RETENTION_DAYS = 180
    page = page_at(client, inspect_url(application))
    sections = [
        (
            section.select_one("h2").get_text(strip=True),
            [dt.get_text(strip=True) for dt in section.select("dt")],
        )
        for section in page.select("section.w-panel")
    ]
    assert sections == [
        ("Applicant", ["Applicant", "Email address", "Phone number"]),
        ("Application", ["Job", "Received", "Status", "Staff notes", "Last changed"]),
        ("What they sent", ["Resume", "Cover note"]),
        ("Privacy", ["Agreed to the retention policy", "Deleted automatically after"]),
    ]
    shown = answers(page)
    assert shown["Email address"] == "sam@example.org"
    assert page.find("a", href="mailto:sam@example.org")
    assert shown["Staff notes"] == "Called on Tuesday. Interview next week."
    assert shown["Status"] == "New"


def test_the_application_shows_times_on_the_practices_clock(
    client, hiring_manager, application, settings
):
    settings.APPLICATION_RETENTION_DAYS = 180
    shown = answers(page_at(client, inspect_url(application)))
    assert shown["Received"] == "Jan. 14, 2026, 8:30 p.m."
    assert shown["Agreed to the retention policy"] == "Jan. 14, 2026, 8:30 p.m."
    # 180 days after 8:30 p.m. on January 14 in Chicago is the evening of July 13 there
    # (July 14 in UTC).
    assert shown["Deleted automatically after"] == "July 13, 2026"


def test_the_application_page_has_wagtails_header_with_breadcrumbs_and_actions(
    client, hiring_manager, application
):
    page = page_at(client, inspect_url(application))
    header = page.select_one("header.w-slim-header")
    assert header is not None
    assert page.select_one("header.w-header") is None, "wagtail-modeladmin's older header"
    assert page.select_one("footer.footer") is None
    assert [label for label, _href in breadcrumbs(page)][:2] == ["Home", "Applications"]
    assert ("Applications", LIST_URL) in breadcrumbs(page)
    assert header.select_one("svg.icon-form")
    actions = {
        link.get_text(strip=True): link["href"] for link in header.select("a.w-header-button")
    }
    assert actions == {
        "Edit status and notes": f"{LIST_URL}edit/{application.pk}/",
        "Delete": f"{LIST_URL}delete/{application.pk}/",
    }


def test_someone_who_may_only_read_applications_gets_no_edit_or_delete_button(
    client, django_user_model, application
):
    reader = staff_user(django_user_model, "reader")
    reader.user_permissions.add(
        Permission.objects.get(content_type__app_label="careers", codename="view_jobapplication")
    )
    client.force_login(reader)
    page = page_at(client, inspect_url(application))
    assert page.select("header.w-slim-header a.w-header-button") == []
    assert "Sam Rivera" in answers(page)["Applicant"]


def test_the_status_form_has_wagtails_header_and_plain_labels(client, hiring_manager, application):
    page = page_at(client, f"{LIST_URL}edit/{application.pk}/")
    assert page.select_one("header.w-slim-header")
    assert [label for label, _href in breadcrumbs(page)] == [
        "Home",
        "Applications",
        str(application),
        "Edit status and notes",
    ]
    labels = [label.get_text(" ", strip=True) for label in page.select("form label")]
    assert any(label.startswith("Status") for label in labels), labels
    assert any(label.startswith("Staff notes") for label in labels), labels


def test_the_list_has_wagtails_header_and_opens_an_application_to_read(
    client, hiring_manager, application
):
    page = page_at(client, LIST_URL)
    assert page.select_one("header.w-slim-header")
    assert [label for label, _href in breadcrumbs(page)] == ["Home", "Applications"]
    downloads = {link.get_text(strip=True): link["href"] for link in page.select("header a")}
    assert downloads["Download CSV"].endswith("export=csv")
    assert downloads["Download XLSX"].endswith("export=xlsx")
    row = page.select_one("table.listing tbody tr")
    assert row.find("a", string="Sam Rivera")["href"] == inspect_url(application)
    buttons = [button.get_text(strip=True) for button in row.select("ul.actions a")]
    assert buttons == ["Read", "Change status", "Delete"]
    assert "Jan. 14, 2026, 8:30 p.m." in " ".join(row.get_text(" ").split())


def test_the_export_gives_the_time_received_on_the_practices_clock(
    client, hiring_manager, application
):
    response = client.get(LIST_URL, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    (row,) = csv.DictReader(io.StringIO(content))
    assert row["Received"] == "2026-01-14 20:30:00"


def test_the_resume_is_still_downloaded_only_through_the_admin(client, hiring_manager, application):
    page = page_at(client, inspect_url(application))
    link = page.find("a", string="Download resume")
    assert link["href"] == reverse("careers_resume_download", args=[application.pk])
