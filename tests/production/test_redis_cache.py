"""The page cache on a real Redis (127.0.0.1:6379, database 15, a key prefix of this test run's
own), and the site with Redis down. CI runs Redis; elsewhere these tests skip if it is not up."""

import os
import socket
import uuid

import pytest
from wagtail.contrib.forms.models import FormSubmission

from core import page_cache
from home.models import ContactPage, GoalsPage
from tests.support import CONTACT_POST

pytestmark = pytest.mark.django_db

REDIS = ("127.0.0.1", 6379)
CACHED = "X-Page-Cache"
GOOD_POST = {**CONTACT_POST, "anything_you_would_like_us_to_know": "Sent while the cache was down."}


def redis_is_up():
    try:
        socket.create_connection(REDIS, timeout=1).close()
        return True
    except OSError:
        return False


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_cache(location, prefix):
    """The caches as config/settings/base.py sets them with REDIS_URL."""
    default = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.25,
        },
    }
    return {
        "default": default,
        **{
            alias: {**default, "KEY_PREFIX": f"{prefix}-{alias}"}
            for alias in ("pages", "ratelimit")
        },
    }


@pytest.fixture
def on_redis(settings):
    if not redis_is_up():
        if os.environ.get("CI"):
            pytest.fail("Redis must run on 127.0.0.1:6379 in CI")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    prefix = f"hrt-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/15", prefix)
    settings.PAGE_CACHE_SECONDS = 600
    cache = page_cache.page_cache()
    yield cache
    # Only this run's keys, of every version: the database is shared with other users.
    client = cache.client.get_client()
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0", "hrt-test-down")
    settings.PAGE_CACHE_SECONDS = 600


def test_pages_are_kept_in_redis_and_served_from_it(client, on_redis):
    assert client.get("/goals/")[CACHED] == "miss"
    assert client.get("/goals/")[CACHED] == "hit"
    keys = on_redis.keys("page-cache:*")
    assert page_cache.GENERATION_KEY in keys
    assert any(key.startswith("page-cache:page:") for key in keys)


def test_a_publish_on_one_server_clears_the_pages_every_server_shares(client, on_redis):
    client.get("/goals/")
    before = on_redis.get(page_cache.GENERATION_KEY)
    goals = GoalsPage.objects.get(locale__language_code="en")
    goals.title = "Goals, updated for every server"
    goals.save_revision().publish()
    # The generation lives in Redis, so every app server sees the change, not only this one.
    assert on_redis.get(page_cache.GENERATION_KEY) != before
    response = client.get("/goals/")
    assert response[CACHED] == "miss"
    assert "Goals, updated for every server" in response.text


def test_with_redis_down_pages_are_still_served(client, redis_down):
    for url in ("/", "/goals/", "/resources/", "/our-experts/", "/search/?q=naloxone"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert CACHED not in response


def test_on_redis_the_contact_limit_holds_and_survives_clearing_the_page_cache(
    client, on_redis, settings
):
    settings.CONTACT_RATE_LIMIT = 1
    page = ContactPage.objects.get(locale__language_code="en")
    assert client.post(page.url, GOOD_POST).status_code == 200
    page_cache.clear()  # what every publish does
    assert client.post(page.url, GOOD_POST).status_code == 429
    # The count sits in Redis, under the limits' own prefix.
    redis = on_redis.client.get_client()
    assert list(redis.scan_iter(match=f"{settings.CACHES['ratelimit']['KEY_PREFIX']}:*"))


def test_with_redis_down_a_contact_message_is_still_saved(client, redis_down):
    """The rate limit counts posts in Redis; with nothing to count in, it lets posts in."""
    page = ContactPage.objects.get(locale__language_code="en")
    before = FormSubmission.objects.filter(page=page).count()
    response = client.post(page.url, GOOD_POST)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == before + 1
