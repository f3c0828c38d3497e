"""Template tags used by the base layout on every page."""

from hashlib import sha256

from django import template
from wagtail.models import Site

from home import page_cache

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


# The menu and the parts of the layout every page shares change only with edits, which move the
# page cache's generation on: kept that long (at most an hour) rather than asked of the database
# and rendered on every page.
KEPT_SECONDS = 3600


def kept_key(kind, request, generation, *parts):
    site = "|".join(str(part) for part in (request.get_host() if request else "", *parts))
    return f"{kind}:" + sha256(f"{site}|{generation}".encode()).hexdigest()


def menu_entries(root, request):
    """The pages in the menu under `root`: title, address, path and id."""
    generation = page_cache.current_generation(request)
    cache = page_cache.page_cache()
    key = kept_key("main-menu", request, generation, root.pk)
    entries = cache.get(key) if generation else None
    if entries is None:
        entries = [
            (page.title, page.get_url(request=request), page.path, page.pk)
            for page in root.get_children()
            .live()
            .public()
            .in_menu()
            .only("title", "url_path", "path", "depth")
        ]
        if generation:
            cache.set(key, entries, KEPT_SECONDS)
    return entries


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


class SharedLayoutNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        generation = page_cache.current_generation(request)
        if generation is None:  # the cache cannot say which edit is the last: render afresh
            return self.nodelist.render(context)
        cache = page_cache.page_cache()
        key = kept_key("layout", request, generation, self.name)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, KEPT_SECONDS)
        return html


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
