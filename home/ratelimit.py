"""A per-address limit on form posts, kept in the cache. The address itself is never stored:
only a keyed hash of it, for as long as the window lasts."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    if getattr(settings, "RATE_LIMIT_TRUST_X_FORWARDED_FOR", False):
        # The right-most address is the one the site's own proxy added; anything to its left
        # came from the visitor and can be forged.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, request):
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()
    return f"ratelimit:{scope}:{digest[:32]}"


def is_over_limit(request, scope, limit, window_seconds):
    """Count one post from this address; say whether it went over `limit` within the window."""
    key = _key(scope, request)
    if cache.add(key, 1, timeout=window_seconds):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired between add() and incr()
            cache.set(key, 1, timeout=window_seconds)
            count = 1
    # With the cache down (Redis unreachable, its errors ignored) nothing can be counted: the
    # post goes through rather than being lost (docs/deploy.md, "Faults").
    return count is not None and count > limit
