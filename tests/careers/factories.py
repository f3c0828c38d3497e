"""Job openings, applications and resume files for the careers tests."""

import io
import itertools
import zipfile
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from careers.models import CareersIndexPage, JobApplication, JobPage
from tests.support import add_published

_numbers = itertools.count(1)

PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
RTF = b"{\\rtf1\\ansi Sam Rivera, LCSW\\par}"
TXT = "Sam Rivera, LCSW\nTen years of harm reduction work — café outreach.\n".encode()
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_bytes(
    {
        "[Content_Types].xml": "<Types/>",
        "word/document.xml": "<w:document><w:body>Sam</w:body></w:document>",
    }
)
ODT = zip_bytes(
    {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"}
)
PLAIN_ZIP = zip_bytes({"notes.txt": "not a document"})


def upload(content, name="resume.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def application_post(**changes):
    """An application form filled in correctly, with a PDF resume; `changes` replace fields."""
    data = {
        "full_name": "Sam Rivera",
        "email": "sam@example.org",
        "phone": "555-0100",
        "cover_note": "I have worked in outreach for ten years.",
        "resume": upload(PDF),
        "consent": "on",
    }
    return {**data, **changes}


def careers_index():
    return CareersIndexPage.objects.get()


def make_job(title=None, *, closing_in_days=30, posted_days_ago=1, parent=None, **fields):
    number = next(_numbers)
    today = timezone.localdate()
    values = {
        "title": title or f"Test opening {number}",
        "slug": f"test-opening-{number}",
        "summary": "Support clients with harm reduction therapy.",
        "employment_type": "full-time",
        "location_type": "on-site",
        "street_address": "100 Example Street",
        "locality": "Chicago",
        "region": "IL",
        "postal_code": "60601",
        "pay_min": Decimal("60000"),
        "pay_max": Decimal("70000"),
        "pay_period": "year",
        "responsibilities": "<ul><li>See clients</li></ul>",
        "qualifications": "<ul><li>A license</li></ul>",
        "date_posted": today - timedelta(days=posted_days_ago),
        "closing_date": today + timedelta(days=closing_in_days),
    }
    values.update(fields)
    job = JobPage(**values)
    return add_published(parent or careers_index(), job)


def make_application(job=None, *, days_ago=0, content=PDF, name="Sam Rivera", **fields):
    job = job or JobPage.objects.get(slug="licensed-therapist")
    application = JobApplication(
        job=job,
        job_title=job.title,
        full_name=name,
        email="sam@example.org",
        phone="555-0100",
        cover_note="I have worked in outreach for ten years.",
        resume_type="pdf",
        resume_size=len(content),
        consented_at=timezone.now(),
        **fields,
    )
    application.resume.save("resume", upload(content), save=False)
    application.save()
    if days_ago:
        received = timezone.now() - timedelta(days=days_ago)
        JobApplication.objects.filter(pk=application.pk).update(received_at=received)
        application.refresh_from_db()
    return application


def staff_user(django_user_model, username="staff", groups=()):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user
