"""Per-area response policies that Django's own settings cannot express."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from core.csp import with_media_origin

# The Wagtail admin needs inline scripts and styles; public pages never do. The admin keeps
# everything else of the strict policy (same origin only, no framing by other sites).
ADMIN_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}


class AdminContentSecurityPolicyMiddleware:
    """Give admin responses the admin policy, and tell search engines not to index them.

    A preview in the admin's side panel is rendered through the middleware as a request to the
    page's public address (Wagtail's `make_preview_request`): it keeps the public pages' strict
    policy, except that the admin, on the same origin, may frame it. Public pages themselves
    stay unframeable. Every policy lets images come from the media storage's origin when media
    live elsewhere (core/csp.py); a view's own policy (`csp_override`) is left as it is."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = ("/admin/",)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.prefixes):
            response._csp_config = with_media_origin(getattr(settings, "ADMIN_CSP", ADMIN_CSP))
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        elif getattr(request, "is_preview", False):
            response._csp_config = {
                **with_media_origin(settings.SECURE_CSP),
                "frame-ancestors": ["'self'"],
            }
        elif not hasattr(response, "_csp_config"):
            response._csp_config = with_media_origin(settings.SECURE_CSP)
        return response


class PathLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware for a site whose language is in the address alone: /es/… is
    Spanish and everything else English (`i18n_patterns` with `prefix_default_language=False`,
    config/urls.py), whatever the browser's Accept-Language or a cookie says.

    Django's middleware still adds `Vary: Accept-Language` to the English pages, though their
    content cannot vary with it; that header would keep every English page out of the page cache
    (core/page_cache.py) and shared caches. This answer says only which language it is in."""

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
