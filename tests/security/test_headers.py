"""The response headers that keep visitors safe: a strict Content Security Policy, no referrer
to other sites, no MIME sniffing, no framing; HTTPS only and secure cookies in production."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

from tests.support import assert_no_inline_code, production_settings

from .support import public_pages

pytestmark = pytest.mark.django_db


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
    for url in ("/no-such-page/", "/search/autocomplete/?q=nal", "/search/autocomplete/?within=9"):
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


SECURITY_SETTINGS = (
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
)


@pytest.fixture
def production(monkeypatch):
    """A test client of the site under the production settings' security values, read afresh
    from config/settings/production.py as a server reads them."""
    deployed = production_settings(monkeypatch)
    values = {name: getattr(deployed, name) for name in SECURITY_SETTINGS}
    with override_settings(**values, ALLOWED_HOSTS=["example.org"]):
        # Django's security middleware reads its settings when the client first builds it.
        yield Client(headers={"host": "example.org"}), deployed


def test_production_sends_hsts_for_a_year_with_subdomains_and_preload(production):
    client, _settings = production
    response = client.get("/robots.txt", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_production_redirects_plain_http_to_https(production):
    client, _settings = production
    response = client.get("/robots.txt")
    assert (response.status_code, response["Location"]) == (301, "https://example.org/robots.txt")


def test_production_cookies_are_secure_and_http_only(production):
    client, settings = production
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.DEBUG is False
    cookie = client.get("/contact/", secure=True).cookies["csrftoken"]
    assert cookie["secure"] and cookie["httponly"]


@pytest.mark.django_db
def test_the_admin_dashboard_makes_no_call_to_another_site(admin_client):
    """Wagtail's release check would fetch from another origin, which the admin's policy blocks
    on every load: it is off (upgrades come through the lock file)."""
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert 'data-controller="w-upgrade' not in response.text


def test_a_preview_may_be_framed_by_the_admin_only_and_keeps_the_strict_policy(rf, admin_user):
    """The admin's preview panel shows the page in a frame of its own origin; a public page
    is never framed (the test above)."""
    from wagtail.models import Page

    for page in Page.objects.live().filter(depth__gte=2).specific()[:20]:
        request = rf.get("/admin/")
        request.user = admin_user
        response = page.make_preview_request(request, page.default_preview_mode)
        assert response.status_code == 200, page
        csp = csp_directives(response.headers["Content-Security-Policy"])
        assert csp["frame-ancestors"] == ["'self'"], page
        assert csp["script-src"] == ["'self'"], page
        assert not any("unsafe" in value for values in csp.values() for value in values), page


S3_MEDIA = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {
        "bucket_name": "practice-media",
        "endpoint_url": "http://127.0.0.1:9000",
        "region_name": "us-east-1",
        "querystring_auth": False,
    },
}


@pytest.mark.parametrize(
    "options, origin",
    [
        ({}, "http://127.0.0.1:9000"),
        ({"custom_domain": "media.example.org"}, "https://media.example.org"),
        ({"endpoint_url": None}, "https://practice-media.s3.amazonaws.com"),
    ],
    ids=["s3-compatible endpoint", "own media domain", "aws"],
)
def test_with_media_on_s3_the_policy_lets_its_images_in_and_nothing_else(client, options, origin):
    """Images uploaded by editors are served by the bucket, not the site: the policy for
    images follows the storage's own addresses, on public pages, previews and the admin."""
    from wagtail.images import get_image_model

    storage = {**S3_MEDIA, "OPTIONS": {**S3_MEDIA["OPTIONS"], **options}}
    with override_settings(STORAGES={**settings.STORAGES, "default": storage}):
        image_url = get_image_model().objects.first().file.url
        assert image_url.startswith(f"{origin}/")
        for url in ("/", "/our-experts/", "/admin/login/"):
            csp = csp_directives(client.get(url).headers["Content-Security-Policy"])
            assert origin in csp["img-src"], url
            assert "'self'" in csp["img-src"], url
            # Only images: scripts, styles and the rest stay the site's own.
            assert all(origin not in csp[name] for name in ("script-src", "style-src")), url
            assert origin not in csp["default-src"], url


def test_with_media_on_the_site_itself_the_images_policy_is_the_sites_own(client):
    csp = csp_directives(client.get("/").headers["Content-Security-Policy"])
    assert csp["img-src"] == ["'self'", "data:"]
