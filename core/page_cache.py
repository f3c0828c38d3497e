"""Whole pages kept in the cache for anonymous visitors, cleared when editors change the site.

Rendering a page costs tens of milliseconds of Python; serving a kept copy costs well under one.
Only what every anonymous visitor would see alike is kept:

- only views that urls.py marks with `cache_anonymous_pages` (Wagtail's pages), so the admin,
  documents and site search never are;
- only GET requests without a session cookie (editors and anyone logged in always get a fresh page)
  or a waiting message, and without a search term (`q`: visitors' words never sit in a shared
  cache);
- only 200 responses that set no cookie (so never a page with a form: its CSRF token sets one),
  are not marked private or no-store, and vary on nothing but Cookie and Accept-Encoding.

Any publish, unpublish, move or delete of a page, and any change to settings, snippets, images,
documents or view restrictions, clears every kept page at once (`clear()`): one edit can change
menus, listings and cards on many pages, and edits are rare next to visits. Kept pages also
expire after PAGE_CACHE_SECONDS, which bounds how long a date-driven change (a job closing) takes
to show.

Kept pages, and the parts of the layout every page shares (`cached_until_next_publish`), live
in the `pages` cache (settings: files in `PAGE_CACHE_DIR`, which every worker on the machine
shares, or Redis with `REDIS_URL`, which every server shares). Clearing moves a "generation"
kept beside them on; whatever was kept under an older generation is never served again, and
expires by itself. A render that began before an edit keeps its page under the generation it
started with, so it can never outlive the edit.

The cache failing is never fatal: with Redis down every request is simply rendered (Redis's own
errors are swallowed by django-redis's IGNORE_EXCEPTIONS; any other error here is logged).
"""

import logging
import uuid
from functools import wraps
from hashlib import sha256

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
ALLOWED_VARY = {"cookie", "accept-encoding"}
UNCACHEABLE_CONTROL = ("private", "no-store", "no-cache")
SEARCH_PARAMETER = "q"
HIT_HEADER = "X-Page-Cache"
MESSAGES_COOKIE = "messages"


def cache_anonymous_pages(view):
    """Mark a view whose responses may be kept for anonymous visitors (used in urls.py)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.page_cache_allowed = True
        return view(request, *args, **kwargs)

    return wrapped


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def clear():
    """Forget every kept page: the next visit to each renders it afresh."""
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        logger.exception("Page cache generation not saved")


def resolve_generation(cache, token):
    """The generation to compare kept things with, from the token just read from the cache
    (None if it had none), or None when the cache cannot say."""
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY)
    # None here: the cache keeps nothing, it is down.
    return token


def current_generation(request=None):
    """The current generation, for the parts of the layout kept until the next edit, or None
    when the cache cannot say. Asked once per request when the request is given."""
    if request is not None and hasattr(request, "_page_cache_generation"):
        return request._page_cache_generation
    cache = page_cache()
    try:
        generation = resolve_generation(cache, cache.get(GENERATION_KEY))
    except Exception:
        logger.exception("Page cache generation unavailable")
        generation = None
    if request is not None:
        request._page_cache_generation = generation
    return generation


# The menu, the parts of the layout every page shares and the practice's settings change only
# with edits, which move the generation on: kept that long (at most an hour) rather than asked of
# the database and rendered on every page (docs/performance.md: a few milliseconds and three
# queries on every page that is rendered).
KEPT_SECONDS = 3600


def cached_until_next_publish(kind, request, compute, *parts):
    """`compute()`, kept in the cache under `kind` and `parts` and the language being shown
    until the next edit; computed afresh whenever the cache cannot say which edit is the last."""
    generation = current_generation(request)
    if generation is None:
        return compute()
    host = request.get_host() if request else ""
    site = "|".join(str(part) for part in (host, get_language(), *parts))
    key = f"{kind}:" + sha256(f"{site}|{generation}".encode()).hexdigest()
    cache = page_cache()
    try:
        value = cache.get(key)
    except Exception:
        logger.exception("Cache unavailable; computing afresh")
        return compute()
    if value is None:
        value = compute()
        if value is None:  # nothing to keep: asked again next time
            return value
        try:
            cache.set(key, value, KEPT_SECONDS)
        except Exception:
            logger.exception("Not kept in the cache")
    return value


def is_cacheable_request(request):
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # A message waiting to be shown (Django's messages framework keeps it in a cookie).
        and MESSAGES_COOKIE not in request.COOKIES
        and SEARCH_PARAMETER not in request.GET
        and getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
    )


def is_cacheable_response(request, response):
    if not getattr(request, "page_cache_allowed", False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in UNCACHEABLE_CONTROL):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= ALLOWED_VARY


def page_key(request):
    encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{encoding}"
    return "page-cache:page:" + sha256(address.encode()).hexdigest()


class AnonymousPageCacheMiddleware:
    """Serve kept pages before any other work; keep the responses the rules above allow."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = page_key(request)
        except Exception:  # a disallowed host: let Django answer it as usual
            return self.get_response(request)
        cache = page_cache()
        generation = self.current_generation(cache, key)
        # What the rest of the request keeps until the next edit uses the same answer.
        request._page_cache_generation = generation and generation["token"]
        if generation is None:
            return self.get_response(request)
        kept = generation.pop("page", None)
        if kept is not None and kept[0] == generation["token"]:
            return self.rebuild(kept)
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            self.keep(cache, key, generation["token"], response)
        return response

    def current_generation(self, cache, key):
        """The current generation (and the kept page, fetched in the same round trip), or None
        when the cache cannot say, in which case nothing is served from it or kept in it."""
        try:
            found = cache.get_many([GENERATION_KEY, key])
            token = resolve_generation(cache, found.get(GENERATION_KEY))
            if token is None:
                return None
            return {"token": token, "page": found.get(key)}
        except Exception:
            logger.exception("Page cache unavailable; rendering the page")
            return None

    def keep(self, cache, key, token, response):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in {"set-cookie", HIT_HEADER.lower()}
        ]
        kept = (token, response.status_code, headers, response.content)
        try:
            cache.set(key, kept, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.exception("Page not kept in the cache")
            return
        response[HIT_HEADER] = "miss"

    def rebuild(self, kept):
        _token, status, headers, content = kept
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[HIT_HEADER] = "hit"
        return response
