"""Search that ignores accents and stems Spanish as Spanish, on PostgreSQL (core/search_backend.py):
the unaccent extension, modelsearch's `f_unaccent()` wrapper (for `Fuzzy(..., unaccent=True)`),
and three text search configurations that remove accents before their dictionary:
`site_english` and `site_spanish` (stemmed), `site_simple` (autocomplete, not stemmed).

The search index was built with the previous configuration: `manage.py update_index` after this
migration (docs/deploy.md) indexes every page again. Nothing on SQLite, whose index folds accents
itself."""

from django.db import migrations

# Word tokens that may carry accents (plain ASCII words have none to remove).
ACCENTED_TOKENS = "word, hword, hword_part"
CONFIGURATIONS = {
    "site_english": ("english", "english_stem"),
    "site_spanish": ("spanish", "spanish_stem"),
    "site_simple": ("simple", "simple"),
}

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # As modelsearch's enable_unaccent command creates it: immutable, so indexes may use it.
    """
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
    $func$ SELECT public.unaccent('public.unaccent', $1) $func$
    """,
]
for name, (source, dictionary) in CONFIGURATIONS.items():
    CREATE += [
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
        f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})",
        f"ALTER TEXT SEARCH CONFIGURATION {name} "
        f"ALTER MAPPING FOR {ACCENTED_TOKENS} WITH unaccent, {dictionary}",
    ]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in CONFIGURATIONS:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("core", "0002_trigram_search")]

    operations = [migrations.RunPython(create, drop)]
