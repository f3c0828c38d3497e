"""The settings modules read the environment as the README says, and the production settings
pass Django's deployment checks."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from tests.support import PRODUCTION_ENV, production_settings, settings_under

# Settings that shape the test process itself (its database, apps and logging), not what the
# deployment checks look at.
PROCESS_SETTINGS = {"DATABASES", "INSTALLED_APPS", "LOGGING", "CACHES", "STORAGES", "MEDIA_ROOT"}


@pytest.mark.django_db
def test_production_settings_pass_the_deploy_check(monkeypatch, capsys):
    settings = production_settings(monkeypatch)
    deployed = {k: v for k, v in vars(settings).items() if k not in PROCESS_SETTINGS}
    with override_settings(**deployed):
        # Any warning (HSTS, cookies, DEBUG, the secret key, hosts...) fails the check.
        call_command("check", deploy=True, fail_level="WARNING")
    assert "no issues" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_deploy_check_catches_insecure_cookies(monkeypatch):
    settings = production_settings(monkeypatch, SECURE_COOKIES="false")
    deployed = {k: v for k, v in vars(settings).items() if k not in PROCESS_SETTINGS}
    with override_settings(**deployed), pytest.raises(SystemCheckError, match="COOKIE_SECURE"):
        call_command("check", deploy=True, fail_level="WARNING")


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_secret_key_or_hosts(monkeypatch, missing):
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != missing}
    with pytest.raises(ImproperlyConfigured, match=missing):
        settings_under(monkeypatch, **env)


def test_debug_is_off_unless_asked_for(monkeypatch):
    assert production_settings(monkeypatch).DEBUG is False
    assert production_settings(monkeypatch, DEBUG="true").DEBUG is True


def test_sqlite_is_the_default_and_postgres_adds_its_contrib_app(monkeypatch):
    default = settings_under(monkeypatch, "config.settings.base")
    assert default.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert "django.contrib.postgres" not in default.INSTALLED_APPS
    postgres = settings_under(
        monkeypatch, "config.settings.base", DATABASE_URL="postgres://postgres@127.0.0.1/example"
    )
    assert postgres.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert "django.contrib.postgres" in postgres.INSTALLED_APPS
