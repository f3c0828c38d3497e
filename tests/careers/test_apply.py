import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail

from careers.models import JobApplication
from careers.resumes import MAX_RESUME_BYTES

from .factories import (
    DOCX,
    EXE,
    HTML,
    ODT,
    PDF,
    PLAIN_ZIP,
    PNG,
    RTF,
    TXT,
    application_post,
    upload,
)

pytestmark = pytest.mark.django_db

URL = "/careers/licensed-therapist/"


def error_text(response):
    page = BeautifulSoup(response.content, "html.parser")
    return " ".join(p.get_text(" ") for p in page.select(".form__error"))


def test_an_application_is_saved_with_its_resume_in_private_storage(client, private_media):
    response = client.post(URL, application_post())
    assert response.status_code == 302
    assert response["Location"] == "/careers/licensed-therapist/thank-you/"
    application = JobApplication.objects.get()
    assert application.full_name == "Sam Rivera"
    assert application.job.slug == "licensed-therapist"
    assert application.job_title == "Licensed Therapist (LCSW/LPC)"
    assert application.status == "new"
    assert application.resume_type == "pdf"
    assert application.consented_at is not None
    # A random name: nothing of the applicant's file name, nothing guessable.
    assert re.fullmatch(r"resumes/[0-9a-f]{32}\.pdf", application.resume.name)
    stored = Path(application.resume.path)
    assert stored.read_bytes() == PDF
    assert stored.is_relative_to(private_media)
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


def test_a_resume_has_no_public_address(client):
    client.post(URL, application_post())
    application = JobApplication.objects.get()
    with pytest.raises(NotImplementedError):
        application.resume.url  # noqa: B018
    assert client.get(f"/media/{application.resume.name}").status_code == 404
    assert client.get(f"/private_media/{application.resume.name}").status_code == 404


def test_the_thank_you_page_confirms_and_states_retention(client):
    response = client.post(URL, application_post(), follow=True)
    assert response.status_code == 200
    assert "Thank you for applying" in response.text
    assert "180 days" in response.text
    assert response.headers["X-Robots-Tag"] == "noindex"


def test_hiring_email_holds_only_name_job_and_admin_link(client):
    client.post(URL, application_post())
    application = JobApplication.objects.get()
    hiring, confirmation = mail.outbox
    assert hiring.to == ["hiring@example.org"]
    assert "Sam Rivera" in hiring.body and "Licensed Therapist (LCSW/LPC)" in hiring.body
    assert (
        f"http://testserver/admin/careers/jobapplication/inspect/{application.pk}/" in hiring.body
    )
    for private in ("sam@example.org", "555-0100", "outreach for ten years", "resumes/"):
        assert private not in hiring.body
    assert not hiring.attachments
    assert confirmation.to == ["sam@example.org"]
    assert confirmation.reply_to == ["hiring@example.org"]
    assert "Licensed Therapist (LCSW/LPC)" in confirmation.subject
    assert "180 days" in confirmation.body
    assert not confirmation.attachments


def test_the_careers_page_can_name_another_hiring_address(client):
    from careers.models import CareersIndexPage

    index = CareersIndexPage.objects.get()
    index.hiring_email = "director@example.org"
    index.save_revision().publish()
    client.post(URL, application_post())
    assert mail.outbox[0].to == ["director@example.org"]


def test_a_failed_email_loses_nothing(client, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.support.FailingEmailBackend"}}
    response = client.post(URL, application_post())
    assert response.status_code == 302
    application = JobApplication.objects.get()
    assert application.resume.read() == PDF


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (PDF, "cv.pdf"),
        (DOCX, "cv.docx"),
        (ODT, "cv.odt"),
        (RTF, "cv.rtf"),
        (TXT, "cv.txt"),
        (PDF, "cv"),
    ],
    ids=["pdf", "docx", "odt", "rtf", "txt", "no-extension"],
)
def test_every_accepted_resume_type_is_saved_with_its_type(client, content, name):
    assert client.post(URL, application_post(resume=upload(content, name))).status_code == 302
    application = JobApplication.objects.get()
    assert application.resume.name.endswith("." + application.resume_type)
    assert application.resume_size == len(content)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (HTML, "resume.pdf"),
        (EXE, "resume.pdf"),
        (TXT, "resume.pdf"),
        (PLAIN_ZIP, "resume.docx"),
        (ODT, "resume.docx"),
        (PNG, "resume.png"),
        (HTML, "resume.txt"),
        (HTML, "resume.html"),
        (EXE, "resume.exe"),
        (b"\xff\xfe\x00\x00garbage", "resume.txt"),
    ],
    ids=[
        "html-named-pdf",
        "exe-named-pdf",
        "text-named-pdf",
        "zip-named-docx",
        "odt-named-docx",
        "image",
        "html-named-txt",
        "html",
        "exe",
        "binary-named-txt",
    ],
)
def test_a_file_that_lies_about_its_type_is_refused_and_other_input_kept(client, content, name):
    response = client.post(URL, application_post(resume=upload(content, name, "application/pdf")))
    assert response.status_code == 200
    assert JobApplication.objects.count() == 0
    errors = error_text(response)
    assert "PDF, Word (.docx), OpenDocument (.odt), RTF or plain text (.txt)" in errors
    assert "choose your file again" in errors
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("#id_full_name")["value"] == "Sam Rivera"
    assert page.select_one("#id_email")["value"] == "sam@example.org"
    assert "outreach for ten years" in page.select_one("#id_cover_note").get_text()
    assert page.select_one("#id_consent").has_attr("checked")
    assert "please choose your resume again" in page.select_one("#form-alert").get_text()
    assert not mail.outbox


def test_an_oversized_resume_is_refused_with_the_limit(client, private_media):
    too_big = PDF + b"0" * (6 * 1024 * 1024)
    response = client.post(URL, application_post(resume=upload(too_big)))
    assert response.status_code == 200
    assert "larger than the 5 MB limit" in error_text(response)
    assert 'value="Sam Rivera"' in response.text
    assert JobApplication.objects.count() == 0
    assert not private_media.exists() or not any(private_media.rglob("*.*"))


def test_a_resume_of_exactly_the_limit_is_accepted_and_one_byte_more_is_not(client):
    exactly = PDF + b"0" * (MAX_RESUME_BYTES - len(PDF))
    assert client.post(URL, application_post(resume=upload(exactly))).status_code == 302
    response = client.post(URL, application_post(resume=upload(exactly + b"0")))
    assert "larger than the 5 MB limit" in error_text(response)
    assert JobApplication.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"full_name": ""}, "full_name"),
        ({"email": "not-an-email"}, "email"),
        ({"consent": ""}, "consent"),
        ({"resume": ""}, "resume"),
        ({"resume": upload(b"", "empty.pdf")}, "resume"),
        ({"full_name": "x" * 10_000}, "full_name"),
        ({"cover_note": "Sam\x00"}, "cover_note"),
    ],
)
def test_bad_input_gets_form_errors_not_500(client, changes, field):
    response = client.post(URL, application_post(**changes))
    assert response.status_code == 200
    assert "Please check the form" in response.text
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(f"#id_{field}_error")
    assert JobApplication.objects.count() == 0


def test_the_honeypot_refuses_with_a_clear_message(client):
    response = client.post(URL, application_post(website="http://spam.example"))
    assert response.status_code == 400
    assert "could not be sent" in response.text
    assert JobApplication.objects.count() == 0
    assert not mail.outbox


def test_the_rate_limit_refuses_with_429_and_keeps_what_was_typed(client, settings):
    settings.JOB_APPLICATION_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(URL, application_post()).status_code == 302
    response = client.post(URL, application_post(full_name="Third try"))
    assert response.status_code == 429
    assert "in a short time" in response.text
    assert 'value="Third try"' in response.text
    assert JobApplication.objects.count() == 2
    # Another address is not affected.
    assert client.post(URL, application_post(), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_a_closed_job_refuses_applications_with_410(client):
    response = client.post("/careers/clinical-intern/", application_post())
    assert response.status_code == 410
    assert "no longer accepts applications" in response.text
    assert JobApplication.objects.count() == 0
    assert not mail.outbox


def test_a_job_that_closes_while_someone_fills_the_form_refuses_politely(client):
    from django.utils import timezone

    from careers.models import JobPage

    JobPage.objects.filter(slug="licensed-therapist").update(
        closing_date=timezone.localdate().replace(year=2000)
    )
    response = client.post(URL, application_post())
    assert response.status_code == 410
    assert JobApplication.objects.count() == 0


class SavedFirstBackend:
    """An email backend that records whether the application was already saved."""

    seen = []

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        SavedFirstBackend.seen.append(
            JobApplication.objects.filter(full_name="Sam Rivera").exists()
        )
        return len(messages)


def test_the_application_is_saved_before_any_email_is_sent(client, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.careers.test_apply.SavedFirstBackend"}}
    SavedFirstBackend.seen.clear()
    client.post(URL, application_post())
    assert SavedFirstBackend.seen == [True, True]
