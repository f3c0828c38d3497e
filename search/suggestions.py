"""Suggestions for the search boxes (the header's, for the whole site, and the library's, for its
resources): page titles that start with what has been typed."""

import logging

from django.db import DatabaseError, transaction
from wagtail.models import Page, Site

from core.visibility import visible_to_public

from .results import result_label

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2


def suggest(request, query, within=None):
    """Up to MAX_SUGGESTIONS live, public pages of this site (below the page `within`, when
    given) for a partly typed query, each as {"title", "url", "type"}; none for fewer than
    MIN_LENGTH characters."""
    if len(query.text) < MIN_LENGTH or not query.terms:
        return []
    pages = visible_to_public(Page.objects.all())
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.in_site(site)
    if within is not None:
        parent = Page.objects.filter(pk=within).first()
        if parent is None:
            return []
        pages = pages.descendant_of(parent)
    pages = pages.only("id", "content_type_id", "title", "url_path", "path", "depth")
    try:
        with transaction.atomic():
            found = list(pages.autocomplete(" ".join(query.terms))[:MAX_SUGGESTIONS])
    except (DatabaseError, ValueError, NotImplementedError):
        logger.warning("Search suggestions failed for a query of %d words", len(query.terms))
        return []
    suggestions = []
    for page in found:
        url = page.get_url(request=request)
        if url:
            suggestions.append(
                {"title": page.title, "url": url, "type": result_label(page.specific_class)}
            )
    return suggestions
