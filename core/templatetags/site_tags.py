"""Template tags used by the base layout on every page."""

from django import template
from wagtail.models import Site

from core.page_cache import cached_until_next_publish
from core.visibility import visible_to_public

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The site's home page in the language being shown (for its address and the menu under
    it), looked up once per request and kept in the cache until the next edit."""
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_site_root", None)
    if cached is None:
        site = Site.find_for_request(request)
        if site is not None:
            cached = cached_until_next_publish(
                "site-root", request, lambda: site.root_page.localized, site.pk
            )
        request._site_root = cached
    return cached


def menu_entries(root, request):
    """The pages in the menu under `root`: title, address, path and id."""

    def entries():
        pages = visible_to_public(root.get_children()).in_menu()
        return [
            (page.title, page.get_url(request=request), page.path, page.pk)
            for page in pages.only("title", "url_path", "path", "depth")
        ]

    return cached_until_next_publish("main-menu", request, entries, root.pk)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        current_path = getattr(current, "path", "")
        for title, url, path, pk in menu_entries(root, context.get("request")):
            items.append(
                {
                    "title": title,
                    "url": url,
                    "active": bool(current_path) and current_path.startswith(path),
                    "current": current is not None and current.pk == pk,
                }
            )
    return {"items": items}


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


class SharedLayoutNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        return cached_until_next_publish(
            "layout", context.get("request"), lambda: self.nodelist.render(context), self.name
        )


@register.tag
def shared_layout(parser, token):
    """`{% shared_layout "name" %}...{% endshared_layout %}`: a part of the layout that is the
    same on every page and for every visitor, kept in the cache until the next edit."""
    try:
        _tag, name = token.split_contents()
    except ValueError as error:
        raise template.TemplateSyntaxError("shared_layout takes one name") from error
    nodelist = parser.parse(("endshared_layout",))
    parser.delete_first_token()
    return SharedLayoutNode(name.strip("\"'"), nodelist)
