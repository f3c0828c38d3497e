"""A resume past the upload limit is never stored, not even in a temporary file, when the app
server is reached without the proxy; the applicant gets their answers back with a clear error."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model

from careers.models import JobApplication
from careers.resumes import MAX_RESUME_BYTES
from core.uploads import DEFAULT_MAX_SIZE, SizeLimitedUploadHandler, max_upload_size

from .factories import PDF, TXT, upload

pytestmark = pytest.mark.django_db

URL = "/careers/licensed-therapist/"
MB = 1024 * 1024


class WatchedUploadHandler(SizeLimitedUploadHandler):
    """The handler, noting what it received and the most it ever had on disk."""

    received = 0
    most_stored = 0
    files_left_when_stopped = None

    def receive_data_chunk(self, raw_data, start):
        super().receive_data_chunk(raw_data, start)
        cls = type(self)
        cls.received = start + len(raw_data)
        if not self.file.closed:
            self.file.flush()
            cls.most_stored = max(
                cls.most_stored, Path(self.file.temporary_file_path()).stat().st_size
            )

    def stop_storing(self):
        super().stop_storing()
        type(self).files_left_when_stopped = list(
            Path(self.file.temporary_file_path()).parent.iterdir()
        )


@pytest.fixture
def upload_dir(tmp_path):
    """Django's upload handlers, the size limit in place of the temporary-file one, writing to
    a folder of the test's own."""
    folder = tmp_path / "uploads"
    folder.mkdir()
    WatchedUploadHandler.received = WatchedUploadHandler.most_stored = 0
    WatchedUploadHandler.files_left_when_stopped = None
    handlers = [
        "django.core.files.uploadhandler.MemoryFileUploadHandler",
        f"{__name__}.WatchedUploadHandler",
    ]
    with override_settings(FILE_UPLOAD_HANDLERS=handlers, FILE_UPLOAD_TEMP_DIR=str(folder)):
        yield folder


def application(resume):
    # In a browser's order: the answers typed before the file and one after it.
    return {
        "full_name": "Sam Rivera",
        "email": "sam@example.org",
        "phone": "555-0100",
        "cover_note": "I have worked in outreach for ten years.",
        "resume": resume,
        "consent": "on",
    }


def resume_error(response):
    page = BeautifulSoup(response.content, "html.parser")
    return page.select_one("#id_resume_error").get_text(" ", strip=True)


def test_a_resume_past_the_upload_limit_is_never_stored_and_the_answers_come_back(
    client, upload_dir, private_media
):
    too_big = PDF + b"0" * (7 * MB)
    response = client.post(URL, application(upload(too_big)))
    assert response.status_code == 200
    assert "larger than the 5 MB limit" in resume_error(response)
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("#id_full_name")["value"] == "Sam Rivera"
    assert page.select_one("#id_email")["value"] == "sam@example.org"
    assert page.select_one("#id_cover_note").get_text(strip=True) == (
        "I have worked in outreach for ten years."
    )
    assert page.select_one("#id_consent").has_attr("checked")  # sent after the file
    # All of the file was read, no more than the limit was ever on disk, and that was deleted
    # as soon as the file passed the limit.
    assert WatchedUploadHandler.received == len(too_big)
    assert WatchedUploadHandler.most_stored <= max_upload_size() < len(too_big)
    assert WatchedUploadHandler.files_left_when_stopped == []
    assert not any(upload_dir.iterdir())
    assert not JobApplication.objects.exists()
    assert not private_media.exists() or not any(private_media.rglob("*.*"))


def test_a_resume_within_the_limit_still_goes_through_the_handler_and_is_saved(client, upload_dir):
    # Past the size Django keeps in memory, so it is written by the limited handler.
    resume = PDF + b"0" * (3 * MB)
    response = client.post(URL, application(upload(resume)))
    assert response.status_code == 302
    assert WatchedUploadHandler.most_stored == len(resume)
    assert Path(JobApplication.objects.get().resume.path).read_bytes() == resume
    assert not any(upload_dir.iterdir())


def test_a_file_the_server_did_not_keep_is_refused_even_with_the_limit_below_the_forms(
    client, upload_dir
):
    # A misconfiguration: the file is within the resume limit, but its content was not kept.
    # (Past the size Django keeps in memory, which no limit applies to.)
    resume = TXT + b"a" * (3 * MB)
    with override_settings(FILE_UPLOAD_MAX_SIZE=1 * MB):
        response = client.post(URL, application(upload(resume, "resume.txt", "text/plain")))
    assert response.status_code == 200
    assert "too large" in resume_error(response)
    assert not JobApplication.objects.exists()


def test_the_upload_limit_is_a_little_above_the_resume_limit(settings):
    # So that a resume a little too large reaches the form whole and gets the same message.
    del settings.FILE_UPLOAD_MAX_SIZE
    assert max_upload_size() == DEFAULT_MAX_SIZE
    assert MAX_RESUME_BYTES < DEFAULT_MAX_SIZE <= MAX_RESUME_BYTES + 2 * MB


def test_editors_upload_documents_past_the_visitors_limit(admin_client, upload_dir):
    Document = get_document_model()
    content = PDF + b"0" * (7 * MB)
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Annual report",
            "file": SimpleUploadedFile("report.pdf", content),
            "collection": 1,
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Annual report")
    assert document.file.size == len(content)
    assert WatchedUploadHandler.most_stored == len(content)
