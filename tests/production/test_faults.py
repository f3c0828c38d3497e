"""Faults that must never lose what a visitor sent (docs/deploy.md, "Faults"): a failing email
server, a full disk while a resume is written, a full database. Either the submission is saved,
or the visitor is told plainly it was not, and nothing half-saved is left behind.
(PostgreSQL restarts and Redis outages are drilled against a real server by `make faults`.)"""

import errno
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from wagtail.contrib.forms.models import FormSubmission

from careers.models import JobApplication, JobPage
from home.models import ContactPage
from tests.support import CONTACT_POST

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def application():
    return {
        "full_name": "Sam Rivera",
        "email": "sam@example.org",
        "phone": "555-0100",
        "cover_note": "I have worked in outreach for ten years.",
        "resume": SimpleUploadedFile("resume.pdf", PDF, content_type="application/pdf"),
        "consent": "on",
    }


@pytest.fixture
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def open_job():
    job = JobPage.objects.live().first()
    assert job.is_open
    return job


@pytest.fixture
def email_down(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.support.FailingEmailBackend"}}


def files_in(folder):
    return [path for path in Path(folder).rglob("*") if path.is_file()]


def test_a_contact_message_is_saved_when_email_fails(client, email_down):
    page = ContactPage.objects.get(locale__language_code="en")
    response = client.post(page.url, CONTACT_POST)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page, form_data__your_name="Sam").exists()


def test_an_application_is_saved_with_its_resume_when_email_fails(
    client, email_down, open_job, private_media
):
    response = client.post(open_job.url, application())
    assert response.status_code == 302
    saved = JobApplication.objects.get(job=open_job)
    assert saved.resume.read() == PDF


def test_a_full_disk_while_writing_a_resume_leaves_nothing_half_saved(
    client, open_job, private_media, monkeypatch
):
    def disk_full(self, name, content):
        # Half the file reaches the disk before it fills up.
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(PDF[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    # The disk fills inside Django's own file writing, below the private storage.
    monkeypatch.setattr(FileSystemStorage, "_save", disk_full)
    client.raise_request_exception = False
    response = client.post(open_job.url, application())
    # The applicant is told it went wrong, never thanked for an application that was lost.
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    assert not JobApplication.objects.filter(job=open_job).exists()
    # No row, and no half-written resume left where nothing would ever delete it.
    assert files_in(private_media) == []


def test_a_full_disk_when_the_resume_is_written_before_the_row_removes_the_file(
    client, open_job, private_media, monkeypatch
):
    """The resume is written first and the row second, in one transaction: if the row cannot
    be written (database full), the resume already on disk is deleted."""

    def database_full(self, *args, **kwargs):
        raise OperationalError("database or disk is full")

    monkeypatch.setattr(JobApplication, "save", database_full)
    client.raise_request_exception = False
    response = client.post(open_job.url, application())
    assert response.status_code == 500
    assert files_in(private_media) == []
    assert not JobApplication.objects.filter(job=open_job).exists()


def test_a_full_database_refuses_a_contact_message_plainly_and_sends_no_email(
    client, monkeypatch, mailoutbox
):
    def database_full(*args, **kwargs):
        raise OperationalError("database or disk is full")

    monkeypatch.setattr(FormSubmission.objects, "create", database_full)
    client.raise_request_exception = False
    response = client.post(ContactPage.objects.get(locale__language_code="en").url, CONTACT_POST)
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    # No "message received" email about a message that was never saved.
    assert mailoutbox == []
