from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.page_cache import cache_anonymous_pages
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Site search is not a cached page view (and its views say never_cache themselves).
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.autocomplete, name="search_autocomplete"),
    path("sitemap.xml", cache_control(max_age=3600)(sitemap), name="sitemap"),
    path(
        "robots.txt",
        cache_control(max_age=86400)(
            TemplateView.as_view(template_name="robots.txt", content_type="text/plain")
        ),
        name="robots",
    ),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Uploaded images and documents, when no proxy or S3 serves them (make run, make serve).
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            cache_control(max_age=3600)(serve_file),
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [
    # Wagtail's pages, kept whole for anonymous visitors (home/page_cache.py says which
    # responses qualify: never a form, a search, or anything for a logged-in editor).
    re_path(
        wagtail_urls.serve_pattern,
        # Pages are read, and forms posted: PUT, DELETE and the like get 405, not the page.
        cache_anonymous_pages(require_http_methods(["GET", "HEAD", "POST"])(wagtail_views.serve)),
        name="wagtail_serve",
    ),
    path("", include(wagtail_urls)),
]
