"""Template tags used by the base layout on every page."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The site's home page, looked up once per request."""
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_site_root", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = site.root_page.specific if site else None
        request._site_root = cached
    return cached


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        request = context.get("request")
        current_path = getattr(current, "path", "")
        for page in (
            root.get_children().live().public().in_menu().only("title", "url_path", "path", "depth")
        ):
            items.append(
                {
                    "title": page.title,
                    "url": page.get_url(request=request),
                    "active": bool(current_path) and current_path.startswith(page.path),
                    "current": current is not None and current.pk == page.pk,
                }
            )
    return {"items": items, "home_url": root.get_url() if root else "/"}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's one address: its full URL, without any query string."""
    request = context.get("request")
    page = context.get("page")
    if page is not None and getattr(page, "pk", None):
        url = page.get_full_url(request=request)
        if url:
            return url
    if request is None:
        return ""
    return request.build_absolute_uri(request.path)
