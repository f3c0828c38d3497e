"""Demo content for the resource library: 40 real public resources (resources.csv beside this
file, with summaries written for this site), tagged across every facet. Safe to run twice."""

import csv
import datetime
from pathlib import Path

from django.utils.text import slugify

from home.demo import add_child
from home.demo_safety import NALOXONE
from home.models import Approach
from resources.models import (
    Audience,
    Language,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Substance,
    Topic,
)

DATA = Path(__file__).resolve().parent / "demo_data" / "resources.csv"
REVIEWED = datetime.date(2026, 11, 28)
RESOURCE_TYPES = [
    "Guide",
    "Fact sheet",
    "Worksheet",
    "Video",
    "Hotline or service",
    "Article",
    "Book",
    "External website",
]
LANGUAGE_CODES = {"English": "en", "Spanish": "es"}
SPELLINGS = {"hiv": "HIV"}


def display_name(raw):
    words = [SPELLINGS.get(word, word) for word in raw.strip().split()]
    name = " ".join(words)
    return name[:1].upper() + name[1:]


def term(model, raw, **extra):
    name = display_name(raw)
    obj, _created = model.objects.get_or_create(
        slug=slugify(name)[:80], defaults={"name": name, **extra}
    )
    return obj


def terms(model, cell):
    return [term(model, raw) for raw in cell.split(";") if raw.strip()]


def library_page(home):
    return add_child(
        home,
        ResourceIndexPage,
        "resources",
        title="Harm reduction resources",
        show_in_menus=True,
        search_description=(
            "A searchable library of harm reduction resources: naloxone, overdose response, "
            "drug checking, safer use, treatment, hotlines and support for families."
        ),
        intro=(
            "<p>Guides, fact sheets, hotlines and readings we trust, from public health agencies "
            "and harm reduction organisations. Search, or narrow the list by topic, substance, "
            "approach or who it is written for.</p>"
        ),
        body=[("naloxone", NALOXONE)],
    )


def load(home, stdout=None):
    for name in RESOURCE_TYPES:
        term(ResourceType, name)
    approaches = {approach.name.lower(): approach for approach in Approach.objects.all()}
    library = library_page(home)
    existing = set(library.get_children().values_list("slug", flat=True))
    with DATA.open(newline="", encoding="utf-8") as data:
        for row in csv.DictReader(data):
            slug = slugify(row["title"])[:80].strip("-")
            if slug in existing:
                continue
            resource = ResourcePage(
                title=row["title"],
                slug=slug,
                summary=row["summary"],
                organisation=row["organisation"],
                external_url=row["url"],
                resource_type=term(ResourceType, row["resource_type"]),
                language=term(
                    Language, row["language"], code=LANGUAGE_CODES.get(row["language"], "en")
                ),
                last_reviewed=REVIEWED,
                search_description=row["summary"][:300],
            )
            resource.topics = terms(Topic, row["topics"])
            resource.substances = terms(Substance, row["substances"])
            resource.audiences = terms(Audience, row["audiences"])
            resource.approaches = [
                approaches[name.strip()] for name in row["approaches"].split(";") if name.strip()
            ]
            library.add_child(instance=resource)
            resource.save_revision().publish()
            existing.add(slug)
    if stdout is not None:
        stdout.write(f"Resource library: {library.get_children().count()} resources.")
    return library
