"""Form limits count what a person sent and was accepted, in a store every worker shares and
page traffic cannot evict; a refusal keeps what they typed and says how else to reach us."""

import pytest
from django.core import mail
from django.core.cache import CacheHandler, cache
from wagtail.contrib.forms.models import FormSubmission

from careers.models import JobApplication
from tests.careers.factories import application_post
from tests.support import CONTACT_POST

pytestmark = pytest.mark.django_db

CONTACT = "/contact/"
JOB = "/careers/licensed-therapist/"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "public"


def test_mistyped_applications_do_not_use_up_the_allowance(client, settings):
    settings.JOB_APPLICATION_RATE_LIMIT = 2
    for _ in range(4):
        mistyped = client.post(JOB, application_post(email="not-an-address"))
        assert mistyped.status_code == 200
    assert client.post(JOB, application_post()).status_code == 302
    assert client.post(JOB, application_post()).status_code == 302
    assert client.post(JOB, application_post()).status_code == 429
    assert JobApplication.objects.count() == 2


def test_mistyped_contact_messages_do_not_use_up_the_allowance(client, settings):
    settings.CONTACT_RATE_LIMIT = 1
    for _ in range(3):
        assert client.post(CONTACT, {**CONTACT_POST, "your_name": ""}).status_code == 200
    assert "Thank you" in client.post(CONTACT, CONTACT_POST).text
    assert client.post(CONTACT, CONTACT_POST).status_code == 429
    assert FormSubmission.objects.count() == 1


@pytest.mark.parametrize(("url", "post"), [(CONTACT, CONTACT_POST), (JOB, None)])
def test_a_refusal_keeps_what_was_typed_and_gives_the_phone_and_email(client, settings, url, post):
    settings.CONTACT_RATE_LIMIT = settings.JOB_APPLICATION_RATE_LIMIT = 0
    response = client.post(url, post or application_post())
    assert response.status_code == 429
    assert "(555) 010-0199" in response.text
    assert "office@example.org" in response.text
    assert "Sam" in response.text


def test_page_traffic_cannot_evict_a_count(client, settings):
    settings.CONTACT_RATE_LIMIT = 1
    assert "Thank you" in client.post(CONTACT, CONTACT_POST).text
    # More distinct pages than the page cache holds, then the page cache cleared outright.
    for number in range(2500):
        cache.set(f"page-cache:page:{number}", "<html>")
    cache.clear()
    assert client.post(CONTACT, CONTACT_POST).status_code == 429


def test_every_worker_sees_the_same_count(client, settings):
    """A second worker builds its own cache connections; it must read the count the first
    one wrote (the local-memory cache each worker had before would read nothing)."""
    settings.CONTACT_RATE_LIMIT = 1
    assert "Thank you" in client.post(CONTACT, CONTACT_POST).text
    other_worker = CacheHandler()[settings.RATE_LIMIT_CACHE]
    assert other_worker is not None
    counts = [other_worker.get(key) for key in _rate_limit_keys(other_worker)]
    assert counts == [1]


def _rate_limit_keys(counters):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {counters._table}")  # noqa: S608 (fixed name)
        # Stored as "<prefix>:<version>:<key>".
        return [row[0].split(":", 2)[2] for row in cursor.fetchall()]


def test_the_confirmation_email_echoes_nothing_the_applicant_typed(client):
    name = "Visit https://evil.example now"
    assert client.post(JOB, application_post(full_name=name)).status_code == 302
    confirmation = next(m for m in mail.outbox if m.to == ["sam@example.org"])
    assert "evil.example" not in confirmation.body
    assert "evil.example" not in confirmation.subject
    assert confirmation.body.startswith("Hello,")


def test_the_application_limit_bounds_emails_to_any_address(client, settings):
    settings.JOB_APPLICATION_RATE_LIMIT = 2
    for _ in range(5):
        client.post(JOB, application_post(email="someone-else@example.org"))
    sent = [m for m in mail.outbox if m.to == ["someone-else@example.org"]]
    assert len(sent) == 2
