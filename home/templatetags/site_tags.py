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


def kept_until_next_edit(kind, request, compute, *parts):
    """`compute()`, kept in the cache under `kind` and `parts` until the next edit; computed
    afresh whenever the cache cannot say which edit is the last."""
    generation = page_cache.current_generation(request)
    if generation is None:
        return compute()
    site = "|".join(str(part) for part in (request.get_host() if request else "", *parts))
    key = f"{kind}:" + sha256(f"{site}|{generation}".encode()).hexdigest()
    cache = page_cache.page_cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, KEPT_SECONDS)
    return value


def menu_entries(root, request):
    """The pages in the menu under `root`: title, address, path and id."""

    def entries():
        pages = root.get_children().live().public().in_menu()
        return [
            (page.title, page.get_url(request=request), page.path, page.pk)
            for page in pages.only("title", "url_path", "path", "depth")
        ]

    return kept_until_next_edit("main-menu", request, entries, root.pk)


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
        return kept_until_next_edit(
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
