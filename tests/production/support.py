"""Helpers for the production tests."""

from django.core.cache.backends.base import BaseCache


class BrokenCache(BaseCache):
    """A cache server that fails every call, as a misconfigured or crashed one would."""

    def __init__(self, location=None, params=None):
        super().__init__(params or {})

    def _fail(self, *args, **kwargs):
        raise ConnectionError("cache server unreachable")

    add = get = set = touch = delete = get_many = set_many = delete_many = clear = _fail
    incr = decr = has_key = _fail
