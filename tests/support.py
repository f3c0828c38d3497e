"""Helpers shared by the tests."""

import re
import smtplib

from bs4 import BeautifulSoup
from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    """An email server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "Service not available")


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)


def assert_no_inline_code(html):
    """A strict Content Security Policy needs pages without inline scripts or styles."""
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not INLINE_STYLE.search(html), "inline style found"


def page_at(client, url):
    """The page at `url`, parsed, after checking it answered 200."""
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")
