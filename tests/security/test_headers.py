"""The response headers that keep visitors safe: a strict Content Security Policy, no referrer
to other sites, no MIME sniffing, no framing; HTTPS only and secure cookies in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from tests.support import assert_no_inline_code

from .support import public_pages

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_every_public_page_carries_the_strict_policy_and_safety_headers(client):
    for name, url in public_pages().items():
        response = client.get(url)
        assert response.status_code == 200, name
        csp = csp_directives(response.headers["Content-Security-Policy"])
        assert csp["default-src"] == ["'self'"], name
        assert csp["script-src"] == ["'self'"], name
        assert csp["style-src"] == ["'self'"], name
        assert csp["frame-ancestors"] == ["'none'"], name
        assert csp["object-src"] == ["'none'"], name
        assert csp["base-uri"] == ["'self'"], name
        assert csp["form-action"] == ["'self'"], name
        assert not any("unsafe" in value for values in csp.values() for value in values), name
        assert response.headers["Referrer-Policy"] == "same-origin", name
        assert response.headers["X-Content-Type-Options"] == "nosniff", name
        assert response.headers["X-Frame-Options"] == "DENY", name
        assert_no_inline_code(response.content.decode())


def test_error_pages_and_json_answers_carry_the_headers_too(client):
    for url in ("/no-such-page/", "/search/autocomplete/?q=nal", "/resources/autocomplete/?q=na"):
        response = client.get(url)
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], url
        assert response.headers["X-Content-Type-Options"] == "nosniff", url


def test_the_admin_is_not_indexed_and_robots_are_kept_out(client):
    response = client.get("/admin/login/")
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()


def test_pages_with_a_form_set_only_a_csrf_cookie_that_scripts_cannot_read(client):
    with override_settings(CSRF_COOKIE_SECURE=True, CSRF_COOKIE_HTTPONLY=True):
        response = client.get("/contact/", secure=True)
    assert set(response.cookies) == {"csrftoken"}
    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


PRODUCTION_SCRIPT = """
import json
from django.conf import settings
from django.test import Client
response = Client().get("/robots.txt", secure=True, headers={"host": "example.org"})
plain = Client().get("/robots.txt", headers={"host": "example.org"})
print(json.dumps({
    "hsts": response.headers.get("Strict-Transport-Security"),
    "redirect": [plain.status_code, plain.headers.get("Location")],
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "csrf_httponly": settings.CSRF_COOKIE_HTTPONLY,
    "session_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "debug": settings.DEBUG,
}))
"""


@pytest.fixture(scope="module")
def production():
    """What the production settings do, read in a separate process that loads them."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEBUG", "SECURE_COOKIES", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="headers-test-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="example.org",
        DATABASE_URL="sqlite:///:memory:",
        LOG_LEVEL="ERROR",
    )
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", "shell", "-c", PRODUCTION_SCRIPT],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_for_a_year_with_subdomains_and_preload(production):
    assert production["hsts"] == "max-age=31536000; includeSubDomains; preload"


def test_production_redirects_plain_http_to_https(production):
    assert production["redirect"] == [301, "https://example.org/robots.txt"]


def test_production_cookies_are_secure_and_http_only(production):
    assert production["session_secure"] and production["csrf_secure"]
    assert production["session_httponly"] and production["csrf_httponly"]
    assert production["debug"] is False


@pytest.mark.django_db
def test_the_admin_dashboard_makes_no_call_to_another_site(admin_client):
    """Wagtail's release check would fetch from another origin, which the admin's policy blocks
    on every load: it is off (upgrades come through the lock file)."""
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert 'data-controller="w-upgrade' not in response.text
