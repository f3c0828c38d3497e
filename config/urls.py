from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth.views import LoginView
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import routing
from core import views as core_views
from core.page_cache import cache_anonymous_pages
from core.sitemap import TranslatedSitemap
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        cache_control(max_age=3600)(csp_override(settings.SITEMAP_CSP)(sitemap)),
        {"sitemaps": {"pages": TranslatedSitemap}},
        name="sitemap",
    ),
    path(
        "robots.txt",
        cache_control(max_age=86400)(
            TemplateView.as_view(template_name="robots.txt", content_type="text/plain")
        ),
        name="robots",
    ),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Uploaded images, when no proxy or S3 serves them (make run, make serve). Never documents:
    # a document may be private, and only /documents/<id>/<name> checks (WAGTAILDOCS_SERVE_METHOD).
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.*)$",
            cache_control(max_age=3600)(serve_file),
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# What visitors read, in their language: English at the root, Spanish under /es/ (the language
# comes from the address, core.middleware.PathLocaleMiddleware; docs/decisions.md says why).
urlpatterns += i18n_patterns(
    # Site search is not a cached page view (and its views say never_cache themselves).
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.autocomplete, name="search_autocomplete"),
    # Wagtail's own forms for private pages, in the language of the page that asks (a wrong
    # password or login is answered in it), before the catch-all that would take them for pages.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        core_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        LoginView.as_view(template_name=settings.WAGTAIL_FRONTEND_LOGIN_TEMPLATE),
        name="wagtailcore_login",
    ),
    # Wagtail's pages, kept whole for anonymous visitors (core/page_cache.py says which
    # responses qualify: never a form, a search, or anything for a logged-in editor).
    re_path(
        wagtail_urls.serve_pattern,
        # Pages are read, and forms posted: PUT, DELETE and the like get 405, not the page.
        cache_anonymous_pages(require_http_methods(["GET", "HEAD", "POST"])(routing.serve)),
        name="wagtail_serve",
    ),
    prefix_default_language=False,
)
