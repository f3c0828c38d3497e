"""Which site and which page an address is, kept until the next edit.

Wagtail finds both afresh on every request: the site by its hostname (one query), then the page
by walking the tree from the site's root (a query for the language, then two per level: the
child with the slug, then its own type's row). For a page that is rendered rather than served
from the page cache (a search, a form, anyone signed in, the first visit after an edit), that is
five or six queries and about 7 ms of the ORM before the page's own work begins
(docs/performance.md).

Both answers change only with an edit (a page published, moved or deleted, a site's hostname or
root changed), which moves the page cache's generation on, so they are kept under it like the
layout's parts (`core.page_cache.cached_until_next_publish`): per address, language and host. An
address that finds nothing is not kept, so stray addresses cannot fill the cache.

Wagtail keeps both answers on the request for the rest of it (`Site.find_for_request` and
`Page.route_for_request` say so in their docstrings, under `request._wagtail_site` and
`request._wagtail_route_for_request`); filling those in from the cache is all this does.
Wagtail's own checks then run as usual: view restrictions, the page's `serve`, its hooks.
tests/production/test_routing.py fails if a Wagtail upgrade stops reading them.
"""

from wagtail.models import Page, Site

from core import page_cache


def find_site(request):
    """The Wagtail site this request is for (or None), as `Site.find_for_request` answers."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = page_cache.cached_until_next_publish(
            "site", request, lambda: Site.find_for_request(request), request.get_port()
        )
    return request._wagtail_site


def find_route(request, path):
    """The page, and its view's arguments, for `path` (or None), as `Page.route_for_request`
    answers."""
    if not hasattr(request, "_wagtail_route_for_request"):

        def route():
            find_site(request)
            result = Page.route_for_request(request, path)
            return None if result is None else (request._wagtail_site, result)

        found = page_cache.cached_until_next_publish(
            "route", request, route, request.get_port(), path
        )
        if found is None:
            request._wagtail_route_for_request = None
        else:
            request._wagtail_site, request._wagtail_route_for_request = found
    return request._wagtail_route_for_request


def serve(request, path):
    """Wagtail's page view, with the site and the route found in the cache first."""
    from wagtail import views as wagtail_views  # it loads the page model: not at import time

    find_route(request, path)
    return wagtail_views.serve(request, path)
