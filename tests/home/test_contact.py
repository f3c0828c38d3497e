import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from tests.support import CONTACT_POST

pytestmark = pytest.mark.django_db

URL = "/contact/"
GOOD_POST = CONTACT_POST


def test_contact_form_asks_for_the_minimum_and_warns_about_clinical_details(client):
    response = client.get(URL)
    page = BeautifulSoup(response.content, "html.parser")
    form = page.select_one("form.form")
    names = {field["name"] for field in form.select("input, textarea") if field.get("name")}
    assert {"your_name", "phone_or_email", "preferred_way_to_contact_you"} <= names
    assert "do not include health or clinical details" in page.get_text()
    assert "Need help right now?" in page.get_text()
    for field in form.select("input[type=text], textarea"):
        assert form.select_one(f'label[for="{field["id"]}"]'), field["name"]


def test_a_message_is_saved_and_the_email_holds_no_content(client):
    response = client.post(URL, GOOD_POST)
    assert response.status_code == 200
    assert "Thank you, your message was sent" in response.text
    submission = FormSubmission.objects.get()
    assert submission.get_data()["your_name"] == "Sam"
    assert "website" not in submission.form_data
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["office@example.org"]
    assert "/admin/forms/submissions/" in email.body
    assert "Evenings are best" not in email.body
    assert "sam@example.org" not in email.body


def test_a_failed_email_loses_nothing(client, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.support.FailingEmailBackend"}}
    response = client.post(URL, GOOD_POST)
    assert response.status_code == 200
    assert "Thank you" in response.text
    assert FormSubmission.objects.get().get_data()["phone_or_email"] == "sam@example.org"


def test_the_honeypot_refuses_with_a_clear_message(client):
    response = client.post(URL, {**GOOD_POST, "website": "http://spam.example"})
    assert response.status_code == 400
    assert "could not be sent" in response.text
    assert FormSubmission.objects.count() == 0


def test_the_rate_limit_refuses_with_429_and_keeps_what_was_typed(client, settings):
    settings.CONTACT_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(URL, GOOD_POST).status_code == 200
    response = client.post(URL, {**GOOD_POST, "your_name": "Third try"})
    assert response.status_code == 429
    assert "several messages in a short time" in response.text
    assert 'value="Third try"' in response.text
    assert FormSubmission.objects.count() == 2


def test_the_rate_limit_is_per_address(client, settings):
    settings.CONTACT_RATE_LIMIT = 1
    assert client.post(URL, GOOD_POST, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.post(URL, GOOD_POST, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(URL, GOOD_POST, REMOTE_ADDR="10.0.0.2").status_code == 200


@pytest.mark.parametrize(
    "bad_post",
    [
        {},
        {**GOOD_POST, "your_name": "x" * 100_000},
        {**GOOD_POST, "your_name": "Sam\x00"},
        {**GOOD_POST, "preferred_way_to_contact_you": "Carrier pigeon"},
        {**GOOD_POST, "anything_you_would_like_us_to_know": "y" * 5000},
    ],
    ids=["empty", "huge-name", "nul-byte", "unknown-choice", "long-message"],
)
def test_bad_posts_get_form_errors_not_500(client, bad_post):
    response = client.post(URL, bad_post)
    assert response.status_code == 200
    assert "Please check the form" in response.text
    assert FormSubmission.objects.count() == 0


def test_a_post_larger_than_the_upload_limit_is_a_400(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(URL, {**GOOD_POST, "your_name": "z" * 5000})
    assert response.status_code == 400
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"is_it_ok_to_email_you": "No"}, "is_it_ok_to_email_you", "not OK to email you"),
        ({"phone_or_email": "555 0199 123"}, "phone_or_email", "give an email address"),
        (
            {"preferred_way_to_contact_you": "Text message", "phone_or_email": "sam@example.org"},
            "phone_or_email",
            "give a phone number",
        ),
    ],
    ids=["email-but-not-ok", "email-without-address", "text-without-number"],
)
def test_answers_that_would_stop_a_reply_get_a_clear_error(client, changes, field, message):
    response = client.post(URL, {**GOOD_POST, **changes})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    error = page.select_one(f"#id_{field}_error")
    assert error and message in error.get_text()
    assert FormSubmission.objects.count() == 0


def test_a_phone_reply_with_a_number_is_accepted(client):
    post = {**GOOD_POST, "preferred_way_to_contact_you": "Text message"}
    post["phone_or_email"] = "(555) 010-0199"
    assert "Thank you" in client.post(URL, post).text
    assert FormSubmission.objects.count() == 1
