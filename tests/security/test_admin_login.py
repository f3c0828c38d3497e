"""The admin login holds against password guessing (django-axes): five failures for one user
name from one address lock that pair out for an hour, even with the right password."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "the-right-password-1234"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "lockout-editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_right_password_logs_in(client, editor):
    response = log_in(client, editor.username, PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_five_wrong_passwords_lock_out_even_the_right_one(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, editor.username, "guess")
        assert response.status_code == 200  # the login form again, with its error
    response = log_in(client, editor.username, "guess")
    assert response.status_code == 429
    response = log_in(client, editor.username, PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)
    assert "too many" in response.content.decode().lower()


def test_a_lockout_does_not_shut_the_editor_out_from_another_address(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, editor.username, "guess", address="198.51.100.9")
    response = log_in(client, editor.username, PASSWORD, address="203.0.113.7")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_success_clears_earlier_failures(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, editor.username, "guess")
    assert log_in(client, editor.username, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username=editor.username).exists()


def test_lockout_settings(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == 1  # hours
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
