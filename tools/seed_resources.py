"""Fill the library with many generated resources, for benchmarks and load tests:
`python -m tools.seed_resources COUNT [--seed N]` (make bench-library runs it).

Creating thousands of pages one by one through Wagtail takes many minutes, so this writes rows
in bulk (tree paths computed as Wagtail's tree would) and then builds the search index for the
new pages. Never run it on a database with real content: it is for scratch databases."""

import argparse
import random

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

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
from tools import ToolError, run, style

WORDS = [
    "naloxone",
    "overdose",
    "fentanyl",
    "test",
    "strips",
    "safer",
    "use",
    "injection",
    "syringe",
    "alcohol",
    "drinking",
    "cannabis",
    "stimulants",
    "meth",
    "opioids",
    "treatment",
    "medication",
    "buprenorphine",
    "methadone",
    "family",
    "support",
    "crisis",
    "hotline",
    "hepatitis",
    "testing",
    "motivation",
    "change",
    "planning",
    "harm",
    "reduction",
    "therapy",
    "goals",
    "dignity",
    "respect",
    "choice",
    "wellbeing",
    "sleep",
    "nutrition",
    "vein",
    "care",
    "infection",
]
BATCH = 500


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def seed_resources(count, seed=1):
    """Add `count` generated resources to the library, the same ones for the same `seed`."""
    library = ResourceIndexPage.objects.first()
    if library is None:
        raise ToolError("Run load_demo_content first: there is no resource library.")
    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    pages = create_pages(library, count, rng)
    print(f"Indexing {len(pages)} resources for search…")
    backend = get_search_backend()
    index = backend.get_index_for_model(ResourcePage)
    queryset = (
        ResourcePage.objects.filter(pk__in=[p.pk for p in pages])
        .prefetch_related("topics", "substances", "approaches", "audiences")
        .select_related("resource_type", "language")
    )
    for start in range(0, len(pages), BATCH):
        index.add_items(ResourcePage, list(queryset[start : start + BATCH]))
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would gather on a live site, so the planner
        # sees thousands of rows rather than the few it saw before the bulk insert.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(style.SUCCESS(f"Added {count} resources."))


@transaction.atomic
def create_pages(library, count, rng):
    library = Page.objects.select_for_update().get(pk=library.pk)
    content_type = ContentType.objects.get_for_model(ResourcePage)
    locale = Locale.get_default()
    types = list(ResourceType.objects.filter(**in_main_language()))
    languages = list(Language.objects.filter(**in_main_language()))
    topics = list(Topic.objects.filter(**in_main_language()))
    substances = list(Substance.objects.filter(**in_main_language()))
    approaches = list(Approach.objects.filter(**in_main_language()))
    audiences = list(Audience.objects.filter(**in_main_language()))
    last = library.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    created = []
    for start in range(0, count, BATCH):
        batch = []
        for number in range(start, min(start + BATCH, count)):
            position += 1
            title = f"{sentence(rng, 4)[:-1]} {number}"
            batch.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=f"generated-{position}",
                    content_type=content_type,
                    path=Page._get_path(library.path, library.depth + 1, position),
                    depth=library.depth + 1,
                    numchild=0,
                    url_path=f"{library.url_path}generated-{position}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale=locale,
                )
            )
        Page.objects.bulk_create(batch)
        resources = []
        for page in batch:
            resource = ResourcePage(
                page_ptr_id=page.pk,
                summary=sentence(rng, 18),
                organisation="Generated organisation",
                external_url="https://example.org/",
                resource_type=rng.choice(types),
                language=rng.choice(languages),
                published_date=now.date().replace(year=rng.randint(2005, 2026)),
                last_reviewed=now.date(),
            )
            resource.__dict__.update(page.__dict__ | {"_state": resource._state})
            resources.append(resource)
        # Multi-table rows: the Page rows exist, so insert only ResourcePage's own table.
        fields = [f for f in ResourcePage._meta.local_concrete_fields]
        ResourcePage._base_manager._insert(resources, fields=fields, raw=True)
        for name, target, choices, most in (
            ("topics", "topic_id", topics, 3),
            ("substances", "substance_id", substances, 2),
            ("approaches", "approach_id", approaches, 2),
            ("audiences", "audience_id", audiences, 2),
        ):
            through = ResourcePage._meta.get_field(name).remote_field.through
            rows = []
            for resource in resources:
                for choice in rng.sample(choices, rng.randint(1, min(most, len(choices)))):
                    rows.append(
                        through(resourcepage_id=resource.page_ptr_id, **{target: choice.pk})
                    )
            through.objects.bulk_create(rows)
        created.extend(resources)
    Page.objects.filter(pk=library.pk).update(numchild=library.numchild + count)
    return created


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m tools.seed_resources",
        description="Add N generated resources to the library (scratch databases only).",
    )
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    run(seed_resources, parser)
