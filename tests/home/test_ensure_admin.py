"""`make run` prints where to log in, at the address it actually listens on."""

import io

import pytest
from django.core.management import call_command

from core.management.commands import ensure_admin

pytestmark = pytest.mark.django_db


def test_the_printed_admin_link_follows_host_and_port(settings, tmp_path, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setattr(ensure_admin, "PASSWORD_FILE", tmp_path / ".admin-password")
    output = io.StringIO()
    call_command("ensure_admin", address="0.0.0.0:8080", stdout=output)
    assert "http://0.0.0.0:8080/admin/" in output.getvalue()
    password = (tmp_path / ".admin-password").read_text().strip()
    assert f"password: {password}" in output.getvalue()
