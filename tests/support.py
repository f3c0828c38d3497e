"""Helpers shared by the tests."""

import importlib
import re
import smtplib
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from bs4 import BeautifulSoup
from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    """An email server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "Service not available")


ROOT = Path(__file__).resolve().parents[1]

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)


def add_published(parent, page):
    """Add `page` under `parent` and publish it, as an editor would. The search index hears of
    it once, when it is published, rather than at each of the three saves on the way
    (`home.demo.search_index_once`): half the time of adding a page in a test went on those."""
    from home.demo import search_index_once

    with search_index_once():
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def assert_no_inline_code(html):
    """A strict Content Security Policy needs pages without inline scripts or styles."""
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not INLINE_STYLE.search(html), "inline style found"


def queries_for_page(client, url):
    """How many queries a page asks once warm (renditions made, site roots cached, as on a
    running site)."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    reset_queries()  # a full log stops counting (Django keeps the last 9,000)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def page_at(client, url):
    """The page at `url`, parsed, after checking it answered 200."""
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


SETTINGS_MODULES = ("config.settings.env", "config.settings.base", "config.settings.production")
# What a server's environment might set that a test's must not inherit from the machine's.
SERVER_VARIABLES = (
    "DEBUG",
    "DATABASE_URL",
    "DB_OPTIONS",
    "DB_CONN_MAX_AGE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "REDIS_URL",
    "SEARCH_URL",
    "SEARCH_BACKEND",
    "AWS_STORAGE_BUCKET_NAME",
    "PRIVATE_AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "PAGE_CACHE_SECONDS",
    "SECURE_COOKIES",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "TRUSTED_PROXIES",
    "TRUSTED_PROXY_COUNT",
)


def settings_under(monkeypatch, module="config.settings.production", **env):
    """The settings that `module` defines when a server starts with the environment `env` (and
    none of SERVER_VARIABLES otherwise), read afresh in this process. The running test's own
    settings are left as they are."""
    for name in SERVER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    kept = {name: sys.modules.pop(name) for name in SETTINGS_MODULES if name in sys.modules}
    try:
        loaded = importlib.import_module(module)
        return SimpleNamespace(**{k: v for k, v in vars(loaded).items() if k.isupper()})
    finally:
        for name in SETTINGS_MODULES:
            sys.modules.pop(name, None)
        sys.modules.update(kept)


# What a production server must be given (the secret key long and varied enough for the
# deployment checks).
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnopq",
    "ALLOWED_HOSTS": "example.org",
}


def production_settings(monkeypatch, **env):
    """The production settings as a server with PRODUCTION_ENV and `env` reads them."""
    return settings_under(monkeypatch, **{**PRODUCTION_ENV, **env})


def manage_py(env, *args, timeout=300):
    """`manage.py *args` in a process of its own with the environment `env`, as a server, a cron
    job or an operator runs it; the finished process (return code, stdout, stderr)."""
    return subprocess.run(  # noqa: S603 (fixed argument lists, no shell)
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# A contact form a visitor fills in correctly (home.ContactPage's demo fields).
CONTACT_POST = {
    "your_name": "Sam",
    "phone_or_email": "sam@example.org",
    "preferred_way_to_contact_you": "Email",
    "is_it_ok_to_leave_a_voicemail": "No",
    "is_it_ok_to_email_you": "Yes",
    "anything_you_would_like_us_to_know": "Evenings are best.",
}
