"""Make resources for tests, tagged as the test needs."""

import datetime
import itertools

from core.locales import in_main_language
from core.models import Approach, Language
from resources.models import (
    Audience,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Substance,
    Topic,
)
from tests.support import add_published

_numbers = itertools.count(1)


def main_entries(model):
    """A list's entries in the main language: the ones pages are tagged with."""
    return model.objects.filter(**in_main_language())


def library():
    return ResourceIndexPage.objects.get(locale__language_code="en")


def unpublish_the_demo_resources():
    """Take the demo's resources out of the library in one query, as if an editor had unpublished
    them all, so that a test sees only the resources it makes. (Deleting them, with their
    revisions, references and search entries, took 0.7 s and a thousand queries each time.)"""
    ResourcePage.objects.child_of(library()).update(live=False)


def make_resource(
    title=None,
    *,
    summary="A plain summary.",
    body=None,
    type_slug="guide",
    topics=("naloxone",),
    substances=(),
    approaches=("substance-use-management",),
    audiences=(),
    language="english",
    published=None,
    featured=False,
    parent=None,
):
    number = next(_numbers)
    resource = ResourcePage(
        title=title or f"Test resource {number}",
        slug=f"test-resource-{number}",
        summary=summary,
        body=body or [],
        external_url="https://example.org/resource",
        resource_type=main_entries(ResourceType).get(slug=type_slug),
        language=main_entries(Language).get(slug=language),
        published_date=published or datetime.date(2020, 1, 1),
        featured=featured,
    )
    resource.topics = list(main_entries(Topic).filter(slug__in=topics))
    resource.substances = list(main_entries(Substance).filter(slug__in=substances))
    resource.approaches = list(main_entries(Approach).filter(slug__in=approaches))
    resource.audiences = list(main_entries(Audience).filter(slug__in=audiences))
    return add_published(parent or library(), resource)
