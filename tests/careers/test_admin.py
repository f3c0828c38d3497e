import csv
import io
import os

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from careers.demo import HIRING_GROUP
from careers.models import JobApplication

from .factories import PDF, TXT, make_application, staff_user

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/careers/jobapplication/"


def resume_url(application):
    return reverse("careers_resume_download", args=[application.pk])


@pytest.fixture
def application():
    return make_application()


@pytest.fixture
def hiring_manager(client, django_user_model):
    user = staff_user(django_user_model, "manager", groups=[HIRING_GROUP])
    client.force_login(user)
    return user


@pytest.fixture
def other_staff(client, django_user_model):
    user = staff_user(django_user_model, "editor")
    client.force_login(user)
    return user


def test_resume_url_is_under_the_admin_and_not_guessable(application):
    assert resume_url(application).startswith("/admin/")
    assert application.resume.name not in resume_url(application)


def test_anonymous_request_for_a_resume_is_refused(client, application):
    response = client.get(resume_url(application))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert PDF not in response.content


def test_staff_without_permission_cannot_download_a_resume(client, application, other_staff):
    response = client.get(resume_url(application))
    assert response.status_code == 403
    assert PDF not in response.content


def test_staff_without_permission_see_no_applications(client, application, other_staff):
    response = client.get(LIST_URL)
    assert response.status_code == 302
    assert "Sam Rivera" not in client.get(LIST_URL, follow=True).text
    inspect = client.get(f"{LIST_URL}inspect/{application.pk}/")
    assert inspect.status_code == 302
    home = client.get("/admin/")
    assert LIST_URL not in home.text


def test_hiring_manager_downloads_the_resume_as_a_safe_attachment(client, hiring_manager):
    application = make_application(content=TXT)
    application.resume_type = "txt"
    application.save()
    response = client.get(resume_url(application))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == TXT
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"resume-{application.pk}-sam-rivera.txt" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert "no-store" in response["Cache-Control"]


def test_download_of_a_missing_application_or_file_is_404(client, hiring_manager, application):
    assert client.get(reverse("careers_resume_download", args=[999999])).status_code == 404
    application.resume.storage.delete(application.resume.name)
    assert client.get(resume_url(application)).status_code == 404


def test_hiring_manager_sees_the_applications_menu_and_list(client, hiring_manager, application):
    assert LIST_URL in client.get("/admin/").text
    response = client.get(LIST_URL)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in page.select("table.listing thead th")]
    for column in ("Applicant", "Job title", "Received", "Status"):
        assert any(column in heading for heading in headings), headings
    assert "Sam Rivera" in response.text
    assert "Licensed Therapist (LCSW/LPC)" in response.text
    # Applications arrive only from the public form.
    assert f"{LIST_URL}create/" not in response.text
    assert client.get(f"{LIST_URL}create/").status_code == 302
    assert JobApplication.objects.count() == 1


def test_list_filters_by_status_job_and_date_and_searches(client, hiring_manager, application):
    other = make_application(name="Alex Kim", status="interview", days_ago=40)
    page = BeautifulSoup(client.get(LIST_URL).content, "html.parser")
    text = page.get_text(" ")
    for label in ("By job", "By status", "By received", "Download CSV", "Download XLSX"):
        assert label in text
    by_status = client.get(LIST_URL, {"status__exact": "interview"}).text
    assert "Alex Kim" in by_status and "Sam Rivera" not in by_status
    by_job = client.get(LIST_URL, {"job__page_ptr__exact": other.job_id}).text
    assert "Alex Kim" in by_job
    past_week = page.find("a", string=lambda s: s and s.strip() == "Past 7 days")["href"]
    recent = client.get(LIST_URL + past_week).text
    assert "Sam Rivera" in recent and "Alex Kim" not in recent
    searched = client.get(LIST_URL, {"q": "Alex"}).text
    assert "Alex Kim" in searched and "Sam Rivera" not in searched


def test_inspect_view_shows_the_application_and_a_download_link(
    client, hiring_manager, application
):
    response = client.get(f"{LIST_URL}inspect/{application.pk}/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    link = page.find("a", string=lambda text: text and "Download resume" in text)
    assert link["href"] == resume_url(application)
    text = page.get_text(" ")
    assert "sam@example.org" in text and "outreach for ten years" in text
    assert "Deleted automatically after" in text
    assert application.resume.name not in response.text


def test_status_and_notes_are_editable_and_what_was_sent_is_not(
    client, hiring_manager, application
):
    url = f"{LIST_URL}edit/{application.pk}/"
    page = BeautifulSoup(client.get(url).content, "html.parser")
    names = {field.get("name") for field in page.select("form input, form select, form textarea")}
    assert {"status", "notes"} <= names
    assert not {"full_name", "email", "resume", "cover_note"} & names
    response = client.post(url, {"status": "interview", "notes": "Call on Tuesday."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "interview"
    assert application.notes == "Call on Tuesday."
    assert application.full_name == "Sam Rivera"


def test_every_status_the_practice_uses_is_offered():
    labels = [label for _value, label in JobApplication._meta.get_field("status").choices]
    assert labels == ["New", "Reviewing", "Interview", "Offer", "Hired", "Not selected"]


def test_export_to_csv(client, hiring_manager, application):
    response = client.get(LIST_URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == ["Applicant", "Email", "Phone", "Job", "Received", "Status"]
    assert rows[1][0] == "Sam Rivera" and rows[1][5] == "New"


def test_export_to_xlsx(client, hiring_manager, application):
    response = client.get(LIST_URL, {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Applicant"
    assert rows[1][0] == "Sam Rivera"


def test_staff_without_permission_cannot_export(client, other_staff, application):
    response = client.get(LIST_URL, {"export": "csv"})
    assert response.status_code == 302
    assert b"Sam Rivera" not in response.content


def test_deleting_an_application_deletes_its_resume(
    client, hiring_manager, application, django_capture_on_commit_callbacks
):
    path = application.resume.path
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{LIST_URL}delete/{application.pk}/")
    assert response.status_code == 302
    assert not JobApplication.objects.exists()
    assert not os.path.exists(path)
