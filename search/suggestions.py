"""Suggestions for the search boxes (the header's, for the whole site, and the library's, for its
resources): page titles that start with what has been typed, or, when none does, with the nearest
start of a word the site contains ("nalax" suggests the naloxone pages). A person's pronouns come
with their name, as everywhere else on the site."""

import logging

from django.core.exceptions import FieldDoesNotExist
from django.db import DatabaseError, transaction
from wagtail.models import Page

from core import spelling
from core.locales import in_language_shown
from core.routing import find_site
from core.visibility import visible_to_public

from .results import result_label

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2


def suggest(request, query, within=None):
    """Up to MAX_SUGGESTIONS live, public pages of this site (below the page `within`, when
    given) for a partly typed query, each as {"title", "url", "type"}, and "pronouns" for a
    person who gives theirs; none for fewer than MIN_LENGTH characters."""
    if len(query.text) < MIN_LENGTH or not query.terms:
        return []
    pages = visible_to_public(Page.objects.all())
    site = find_site(request)
    if site is not None:
        pages = in_language_shown(pages, site, request)
    if within is not None:
        parent = Page.objects.filter(pk=within).first()
        if parent is None:
            return []
        pages = pages.descendant_of(parent)
    pages = pages.only("id", "content_type_id", "title", "url_path", "path", "depth")
    found = complete(pages, query)
    if not found:
        corrected = spelling.correct(query, as_prefix=True)
        if corrected:
            found = complete(pages, corrected)
    pronouns = pronouns_of(found)
    suggestions = []
    for page in found:
        url = page.get_url(request=request)
        if url:
            suggestion = {
                "title": page.title,
                "url": url,
                "type": result_label(page.specific_class),
            }
            if page.pk in pronouns:
                suggestion["pronouns"] = pronouns[page.pk]
            suggestions.append(suggestion)
    return suggestions


def complete(pages, query):
    try:
        with transaction.atomic():
            return list(pages.autocomplete(query.backend_query("and"))[:MAX_SUGGESTIONS])
    except (DatabaseError, ValueError, NotImplementedError):
        logger.warning("Search suggestions failed for a query of %d words", len(query.terms))
        return []


def pronouns_of(pages):
    """{page id: pronouns} for the suggested pages whose type has a `pronouns` field (team
    members): one query per such type among the suggestions, none when there are no people."""
    ids_by_class = {}
    for page in pages:
        page_class = page.specific_class
        if page_class is not None and has_pronouns(page_class):
            ids_by_class.setdefault(page_class, []).append(page.pk)
    pronouns = {}
    for page_class, ids in ids_by_class.items():
        pronouns.update(page_class.objects.filter(pk__in=ids).values_list("pk", "pronouns"))
    return {pk: value for pk, value in pronouns.items() if value}


def has_pronouns(page_class):
    try:
        page_class._meta.get_field("pronouns")
    except FieldDoesNotExist:
        return False
    return True
