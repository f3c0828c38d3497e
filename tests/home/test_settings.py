"""The settings modules read the environment as the README says."""

import os

from tests.support import manage_py


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    environment.update(env)
    return manage_py(environment, *args, timeout=120)


def settings_value(expression, **env):
    code = f"from django.conf import settings; import django; django.setup(); print({expression})"
    result = run_manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="a-long-random-production-secret-key-for-this-test-only-0123456789",
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked_for():
    common = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "example.org",
    }
    assert settings_value("settings.DEBUG", **common) == "False"
    assert settings_value("settings.DEBUG", DEBUG="true", **common) == "True"


DATABASE_FACTS = (
    "settings.DATABASES['default']['ENGINE'], 'django.contrib.postgres' in settings.INSTALLED_APPS"
)


def test_sqlite_is_the_default_and_postgres_adds_its_contrib_app():
    default = settings_value(DATABASE_FACTS)
    assert default == "django.db.backends.sqlite3 False"
    postgres = settings_value(
        DATABASE_FACTS,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/example",
    )
    assert postgres == "django.db.backends.postgresql True"


def test_whitenoise_comes_right_after_the_security_middleware():
    from django.conf import settings

    assert settings.MIDDLEWARE[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
