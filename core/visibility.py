"""What an anonymous visitor may see: the one rule every listing, card, form choice, structured
data and feed applies before it names a page.

Wagtail refuses to serve a private page (a password, login or group restriction on the page or
on any of its ancestors) but leaves alone the other pages that list it: a list filtered with
`.live()` alone still shows a private clinician's card, name and link. Listings show the same to
everyone, signed in or not; a private page is reached by its own address, by the people it is
meant for."""

from django.apps import apps
from django.db.models import Q

from core import page_cache


def visible_to_public(pages):
    """The pages of the queryset `pages` that an anonymous visitor may open: published, with no
    view restriction on themselves or on any ancestor (the rule of Wagtail's `public()`)."""
    private = Q()
    for path, depth in private_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return pages.live().exclude(private) if private else pages.live()


def private_sections():
    """The (path, depth) of every page with a view restriction: one query, whose answer is kept
    in the cache until the next edit (saving or deleting a restriction, or moving or deleting a
    page, is one, core/page_cache_signals.py)."""
    from wagtail.models import PageViewRestriction

    def restricted():
        pages = PageViewRestriction.objects.values_list("page__path", "page__depth")
        return sorted(set(pages))

    return page_cache.cached_until_next_publish("private-sections", None, restricted)


def restricted_or_aliased_paths():
    """The paths of every page with a view restriction and of every alias: the pages through
    which a restriction can reach a page below them (Wagtail reads an alias's restrictions from
    the page it stands for). Kept in the cache until the next edit, like `private_sections`."""
    from wagtail.models import Page

    def paths():
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        return frozenset([path for path, _depth in private_sections()] + list(aliases))

    return page_cache.cached_until_next_publish("restricted-or-aliased", None, paths)


class ViewRestrictionsFromCache:
    """For every page type (first among its bases). Wagtail checks a page's view restrictions on
    every request it serves, with two queries: the page's ancestors, then their restrictions.
    A page with no restriction and no alias among itself and its ancestors has none, which
    `restricted_or_aliased_paths` tells without asking; any other page is asked as Wagtail
    asks."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        path, step = self.path or "", self.steplen
        if path and not self.alias_of_id:
            lineage = {path[:end] for end in range(step, len(path) + 1, step)}
            if lineage.isdisjoint(restricted_or_aliased_paths()):
                return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def visible_among(model, pages):
    """Those of `pages` (any iterable of pages of `model`, saved or only chosen in a preview's
    form) that an anonymous visitor may open, as a queryset of `model`."""
    return visible_to_public(model.objects.filter(pk__in=[page.pk for page in pages]))


def listing_url(child, request=None):
    """The address of the page that lists `child` (its parent), with no query: the child's
    address less its last part. A visitor who may see the child may see its parent."""
    url = child.get_url(request=request) or ""
    return url.rstrip("/").rsplit("/", 1)[0] + "/" if url else ""


def is_visible_to_public(page):
    """Whether an anonymous visitor may open `page`, by the same rule (one query)."""
    return visible_to_public(type(page).objects.filter(pk=page.pk)).exists()


def first_public_page(model_label):
    """The first page of the type `model_label` ("app.Model") that anyone may see, or None: how
    one app links to a page of another (the explainer, the contact page) without importing it."""
    return visible_to_public(apps.get_model(model_label).objects).first()
