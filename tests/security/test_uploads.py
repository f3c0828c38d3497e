"""Uploaded files can never run, or be shown as a page, from the site's origin: editors cannot
upload HTML, SVG or scripts; documents are served as downloads the browser may not sniff or
run; applicants' resumes have no address at all."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from careers.models import JobApplication

from .support import open_job

pytestmark = pytest.mark.django_db

Document = get_document_model()
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
RUNNABLE = ["html", "htm", "xhtml", "shtml", "svg", "xml", "js", "mjs", "php", "swf", "exe"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.CONTACT_RATE_LIMIT = settings.JOB_APPLICATION_RATE_LIMIT = 1000
    return settings


def test_no_runnable_type_is_an_allowed_document_or_image(settings):
    for extension in RUNNABLE:
        assert extension not in settings.WAGTAILDOCS_EXTENSIONS
        assert extension not in settings.WAGTAILIMAGES_EXTENSIONS


@pytest.mark.parametrize(
    ("name", "content"), [("page.html", HTML), ("page.htm", HTML), ("drawing.svg", SVG)]
)
def test_editor_cannot_upload_html_or_svg_as_a_document(admin_client, name, content):
    before = Document.objects.count()
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Hostile", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200  # the form again, with its error
    assert "is not allowed" in response.content.decode()
    assert Document.objects.count() == before


def test_editor_cannot_upload_svg_as_an_image(admin_client):
    before = get_image_model().objects.count()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Hostile", "file": SimpleUploadedFile("drawing.svg", SVG), "collection": 1},
    )
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert get_image_model().objects.count() == before


def document(name, content):
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("guide.pdf", PDF),
        ("notes.txt", HTML),  # HTML inside an allowed extension
        ("legacy.html", HTML),  # one that predates the rules, made outside the upload form
    ],
)
def test_documents_download_as_attachments_that_cannot_run(client, name, content):
    response = client.get(document(name, content).url)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
    if not name.endswith(".html"):
        assert "html" not in response.headers["Content-Type"]


def test_document_links_go_through_the_serve_view_not_the_media_folder(client):
    doc = document("guide.pdf", PDF)
    assert doc.url.startswith("/documents/")
    with override_settings(SERVE_MEDIA=False, DEBUG=False):
        assert client.get(f"/media/{doc.file.name}").status_code == 404


def apply(client, name, content, content_type="application/pdf"):
    return client.post(
        open_job().url,
        {
            "full_name": "Sam Rivera",
            "email": "sam@example.org",
            "consent": "on",
            "resume": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("resume.pdf", HTML), ("resume.html", HTML), ("resume.svg", SVG), ("resume.pdf", b"")],
)
def test_a_resume_that_is_not_a_document_is_refused(client, name, content):
    response = apply(client, name, content)
    assert response.status_code in (200, 400)
    assert not JobApplication.objects.filter(email="sam@example.org").exists()


def test_a_resume_is_kept_privately_under_a_random_name_with_no_address(client, media):
    response = apply(client, "../../../etc/passwd<script>.pdf", PDF)
    assert response.status_code == 302
    application = JobApplication.objects.get(email="sam@example.org")
    stored = Path(application.resume.path).resolve()
    assert stored.is_relative_to(Path(media.PRIVATE_MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(media.MEDIA_ROOT).resolve())
    assert "passwd" not in stored.name and "script" not in stored.name
    with pytest.raises(NotImplementedError):
        application.resume.url  # noqa: B018
    for url in (f"/media/{application.resume.name}", f"/private_media/{application.resume.name}"):
        assert client.get(url).status_code == 404
    download = f"/admin/careers/resume/{application.pk}/"
    assert client.get(download).status_code in (302, 403, 404)
