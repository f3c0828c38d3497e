"""Typo-tolerant search on PostgreSQL: the pg_trgm extension that modelsearch's `Fuzzy` query
needs, and trigram indexes on the search index's plain text (what `manage.py enable_trigram`
would do by hand), so a misspelled search does not read every entry. Nothing on SQLite, where
core/spelling.py corrects words without the database's help."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

ENTRIES = "wagtailsearch_indexentry"
INDEXES = {
    "wagtailsearch_indexentry_title_text_trgm": "title_text",
    "wagtailsearch_indexentry_body_text_trgm": "body_text",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {ENTRIES} USING gin ({column} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
