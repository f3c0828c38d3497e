"""How many times one person may send a form in a while, kept where every app server sees it.

The counters live in their own cache (`RATE_LIMIT_CACHE`, settings: Redis when configured, else a
table in the database), never beside the page cache, so no amount of page traffic can evict
them and a limit holds across every worker and server.

Only what was accepted is counted: a post that fails validation costs the person nothing, so a
mistyped form never blocks the corrected one. The address itself is never stored: only a keyed
hash of it (IPv6 addresses by their /64 network, which one household or phone holds), for as
long as the window lasts."""

import hashlib
import hmac
import ipaddress
import logging

from django.conf import settings
from django.core.cache import caches

from core.client import client_address

logger = logging.getLogger(__name__)

IPV6_PREFIX = 64


def _person(request):
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return str(parsed)


def _key(scope, request):
    digest = hmac.new(settings.SECRET_KEY.encode(), _person(request).encode(), hashlib.sha256)
    return f"ratelimit:{scope}:{digest.hexdigest()[:32]}"


def _counters():
    return caches[settings.RATE_LIMIT_CACHE]


def limit_reached(request, scope, limit):
    """Whether this person has already used up `limit` accepted posts in `scope`."""
    try:
        used = _counters().get(_key(scope, request), 0)
    except Exception:
        # The store being down never stops someone reaching out (docs/deploy.md, "Faults").
        logger.warning("Rate limit store unreadable; the post is let through", exc_info=True)
        return False
    return used is not None and used >= limit


def count_use(request, scope, limit, window_seconds):
    """Count one use (an accepted post, a wrong password); say whether it went over `limit`:
    then refuse it, unsaved."""
    counters = _counters()
    key = _key(scope, request)
    try:
        if counters.add(key, 1, timeout=window_seconds):
            used = 1
        else:
            try:
                used = counters.incr(key)
            except ValueError:  # the window ended between add() and incr()
                counters.set(key, 1, timeout=window_seconds)
                used = 1
    except Exception:
        logger.warning("Rate limit store unwritable; the post is let through", exc_info=True)
        return False
    # With Redis down and its errors ignored, nothing could be counted: let the post through.
    return used is not None and used > limit


def refuses_form(request, scope, form, limit, window_seconds):
    """Whether to refuse this form post: the person has used up `limit` accepted posts in
    `scope`, or this valid post goes over it (and is counted). A post that fails validation is
    neither refused nor counted, so a mistyped form never blocks the corrected one."""
    return limit_reached(request, scope, limit) or (
        form.is_valid() and count_use(request, scope, limit, window_seconds)
    )
