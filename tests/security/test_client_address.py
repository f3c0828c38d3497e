"""Behind the site's own proxies every limit holds per person: the address is read from the
proxies the site is told to trust, never from a header a visitor could forge."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from core.client import client_address
from tests.support import CONTACT_POST

PROXY = "10.0.0.5"
BALANCER = "10.0.0.9"


def address(forwarded=None, remote=PROXY):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = [], 0
    assert address("203.0.113.7", remote="198.51.100.2") == "198.51.100.2"


@pytest.mark.parametrize(
    ("proxies", "count"),
    [([PROXY], 0), (["10.0.0.0/24"], 0), ([], 1)],
    ids=["address", "network", "count"],
)
def test_behind_one_proxy_the_client_is_the_address_it_saw(settings, proxies, count):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = proxies, count
    assert address("203.0.113.7") == "203.0.113.7"
    # A visitor writing their own header only adds entries to the left of the proxy's.
    assert address("1.1.1.1, 203.0.113.7") == "203.0.113.7"
    assert address("garbage, 203.0.113.7") == "203.0.113.7"


def test_behind_a_balancer_and_a_proxy_both_are_skipped(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert address(f"9.9.9.9, 203.0.113.7, {BALANCER}") == "203.0.113.7"
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = [], 2
    assert address(f"9.9.9.9, 203.0.113.7, {BALANCER}") == "203.0.113.7"


def test_a_request_that_did_not_come_through_a_trusted_proxy_keeps_its_own_address(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert address("203.0.113.7", remote="198.51.100.2") == "198.51.100.2"


def test_without_the_header_the_connection_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert address() == PROXY


def test_ipv6_and_mapped_addresses_are_written_one_way(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert address("[2001:db8::1]") == "2001:db8::1"
    assert address(remote="::ffff:198.51.100.2") == "198.51.100.2"


def test_a_mistyped_trusted_proxy_is_refused_loudly(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.300"]
    with pytest.raises(ImproperlyConfigured):
        address("203.0.113.7")


@pytest.mark.django_db
def test_two_visitors_behind_the_proxy_have_separate_contact_limits(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CONTACT_RATE_LIMIT = 1
    first = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    second = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert "Thank you" in client.post("/contact/", CONTACT_POST, **first).text
    assert client.post("/contact/", CONTACT_POST, **first).status_code == 429
    assert "Thank you" in client.post("/contact/", CONTACT_POST, **second).text
    # Forging a header does not buy the first visitor a fresh allowance.
    forged = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "9.9.9.9, 203.0.113.7"}
    assert client.post("/contact/", CONTACT_POST, **forged).status_code == 429


@pytest.mark.django_db
def test_a_guesser_behind_the_proxy_does_not_lock_out_the_administrator(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    password = "the-right-password-1234"
    get_user_model().objects.create_user(
        "proxied-admin", password=password, is_staff=True, is_superuser=True
    )
    guesser = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "proxied-admin", "password": "guess"}, **guesser)
    locked = client.post(
        "/admin/login/", {"username": "proxied-admin", "password": password}, **guesser
    )
    assert locked.status_code == 429
    administrator = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    response = client.post(
        "/admin/login/", {"username": "proxied-admin", "password": password}, **administrator
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
