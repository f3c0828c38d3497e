"""Hostile input to every public GET parameter and every public form: never a server error,
never the input echoed back unescaped. A table of known-nasty values, then hypothesis's
arbitrary text on the free-text parameters."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from home.models import ContactPage
from tests.careers.factories import application_post
from tests.support import assert_no_inline_code

from .support import open_job

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = [
    "",
    " ",
    "x" * 10_000,
    "\x00",
    "a\x00b",
    "\x1b[31m\x07\x08",
    SCRIPT,
    IMG,
    "javascript:alert(1)",
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    '" OR ""="',
    "%",
    "_",
    "\\",
    "NEAR(a b)",
    'a AND OR NOT "unclosed (',
    "*",
    "-1",
    "0",
    "1e309",
    "9" * 40,
    "[]",
    "{'$gt': ''}",
    "\u202eevil\u202c",
    "\ufeff\u200b\u200d",
    "e\u0301" * 300,
    "👩🏽‍⚕️🏳️‍🌈",
    "𝕳𝖆𝖗𝖒",
    "Ω≈ç√∫",
    "ß" * 200,
    "../../../etc/passwd",
    "%00%ff%fe",
    "\r\nSet-Cookie: pwned=1",
]
# Strings that must never come back as markup.
DANGEROUS = ("<script>alert(1)", "<img src=x onerror")

LIBRARY_PARAMS = ["q", "sort", "page", "type", "topic", "substance", "approach", "audience"]
GET_PARAMETERS = [
    ("/resources/", [*LIBRARY_PARAMS, "language"]),
    ("/our-experts/", ["specialty", "language", "format", "accepting", "page"]),
    ("/careers/", ["type", "where", "page"]),
    ("/search/", ["q", "page"]),
    ("/search/autocomplete/", ["q", "within"]),
    ("/contact/", ["clinician"]),
]
OK_STATUSES = {200, 302, 400, 404}


def assert_safe(response, label):
    assert response.status_code in OK_STATUSES, f"{label}: {response.status_code}"
    if response.status_code == 302:  # a form sent: on to its thank-you page, on this site
        assert response.headers["Location"].startswith("/"), label
    if response.headers["Content-Type"] == "application/json":
        # Data, never a page: the browser is told not to sniff it into HTML.
        assert response.headers["X-Content-Type-Options"] == "nosniff", label
        response.json()
    else:
        body = response.content.decode("utf-8", errors="replace")
        for marker in DANGEROUS:
            assert marker not in body, f"{label}: {marker!r} reflected unescaped"
    # No header splitting: text in the body is harmless, a header or cookie would not be.
    assert "pwned" not in response.cookies
    assert not any("pwned" in value for value in response.headers.values()), label


@pytest.mark.parametrize(("url", "params"), GET_PARAMETERS, ids=[u for u, _ in GET_PARAMETERS])
def test_hostile_values_in_every_get_parameter(client, url, params):
    """Each value in every parameter at once: a page that answers 200 has read them all (its
    form cleans every field). A page that answers before reading them all (a 400, a 404) is
    asked again with the value in each parameter on its own."""
    assert client.get(url).status_code == 200
    for value in HOSTILE:
        every = client.get(url, dict.fromkeys(params, value))
        assert_safe(every, f"{url} every parameter={value[:30]!r}")
        if every.status_code != 200:
            for param in params:
                assert_safe(client.get(url, {param: value}), f"{url}?{param}={value[:30]!r}")
    for param in params:
        # The same parameter many times.
        assert_safe(client.get(url, {param: HOSTILE}), f"{url}?{param}=<many>")


@pytest.mark.parametrize("url", [url for url, _ in GET_PARAMETERS])
def test_raw_query_strings_that_are_not_valid_utf8_or_urlencoding(client, url):
    for raw in ("q=%ff%fe%00", "q=%", "q=%zz", "=&&==", "q[]=1&q[x]=2", "q=" + "%E2%80%AE" * 50):
        assert_safe(client.get(f"{url}?{raw}"), f"{url}?{raw}")


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.text(max_size=300),
    url=st.sampled_from([url for url, _params in GET_PARAMETERS]),
    param=st.sampled_from(sorted({param for _url, params in GET_PARAMETERS for param in params})),
)
def test_arbitrary_text_in_search_and_filters(client, text, url, param):
    assert_safe(client.get(url, {param: text.replace("\x00", "\x01")}), f"{url}?{param}")
    assert_safe(client.get(url, {param: text}), f"{url}?{param} (with NUL)")


# Forms ------------------------------------------------------------------------------------


@pytest.fixture
def no_rate_limits(settings):
    settings.CONTACT_RATE_LIMIT = 100_000
    settings.JOB_APPLICATION_RATE_LIMIT = 100_000


def valid_contact():
    return {
        "your_name": "Sam",
        "phone_or_email": "555-0100",
        "preferred_way_to_contact_you": "Phone call",
        "is_it_ok_to_leave_a_voicemail": "No",
        "is_it_ok_to_email_you": "No",
        "anything_you_would_like_us_to_know": "",
        "clinician": "",
        "website": "",
    }


FORM_VALUES = [value for value in HOSTILE if len(value) < 5000] + ["x" * 3000]


def test_hostile_values_in_every_contact_field(client, no_rate_limits):
    for field in valid_contact():
        for value in FORM_VALUES:
            data = valid_contact() | {field: value}
            response = client.post("/contact/", data)
            assert_safe(response, f"contact {field}={value[:30]!r}")
            if field != "website":
                assert response.status_code in (200, 400)


def test_contact_form_with_missing_fields_lists_and_junk_fields(client, no_rate_limits):
    for data in (
        {},
        {"your_name": "Sam"},
        valid_contact() | {"your_name": ["Sam", SCRIPT]},
        valid_contact() | {"unexpected": SCRIPT, "csrfmiddlewaretoken": SCRIPT},
    ):
        assert_safe(client.post("/contact/", data), f"contact {sorted(data)}")
    response = client.post("/contact/", "not form data", content_type="application/json")
    assert_safe(response, "contact json body")


def test_hostile_contact_messages_are_escaped_in_the_admin(client, admin_client, no_rate_limits):
    client.post("/contact/", valid_contact() | {"your_name": SCRIPT, "website": ""})
    page = ContactPage.objects.get(locale__language_code="en")
    response = admin_client.get(f"/admin/forms/submissions/{page.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert SCRIPT not in body


def application(**overrides):
    """A correct application with only the required answers; `overrides` replace fields."""
    return application_post(**{"phone": "", "cover_note": "", "website": "", **overrides})


def test_hostile_values_in_every_job_application_field(client, no_rate_limits, private_media):
    url = open_job().url
    for field in ("full_name", "email", "phone", "cover_note", "consent", "website"):
        for value in FORM_VALUES:
            response = client.post(url, application(**{field: value}))
            assert_safe(response, f"application {field}={value[:30]!r}")


def test_job_application_with_missing_fields_or_no_file(client, no_rate_limits, private_media):
    url = open_job().url
    for data in ({}, application(resume=""), application(resume=SCRIPT)):
        response = client.post(url, data)
        assert_safe(response, f"application {sorted(data)}")
        assert response.status_code in (200, 400)


@pytest.fixture
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "public"
    return settings.PRIVATE_MEDIA_ROOT


# Methods and CSRF ---------------------------------------------------------------------------

PUBLIC_URLS = [
    "/",
    "/what-is-harm-reduction/",
    "/resources/",
    "/our-experts/",
    "/careers/",
    "/contact/",
    "/search/?q=naloxone",
    "/search/autocomplete/?q=nal",
]


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_wrong_methods_are_refused_cleanly(client, method):
    for url in PUBLIC_URLS:
        response = getattr(client, method)(url, data="x=1")
        assert response.status_code == 405, f"{method.upper()} {url}"


def test_posts_without_a_csrf_token_get_a_helpful_403(no_rate_limits):
    client = Client(enforce_csrf_checks=True)
    for url, data in (("/contact/", valid_contact()), (open_job().url, {"full_name": "Sam"})):
        response = client.post(url, data)
        assert response.status_code == 403, url
        body = response.content.decode()
        assert "Sorry, your form could not be sent" in body
        assert "Leave this site" in body  # the site's own page, quick exit and all
        assert_no_inline_code(body)
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_a_forged_csrf_token_is_refused(no_rate_limits):
    client = Client(enforce_csrf_checks=True)
    client.get("/contact/")
    response = client.post("/contact/", valid_contact() | {"csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
