"""A GIN index on the search index's combined title and body vectors, on PostgreSQL.

Wagtail's PostgreSQL search backend matches `title || body` against the query. Without an index
on that exact expression PostgreSQL scans every entry: about 30 ms at 10,000 resources on the
benchmark machine, for every facet count and every page of results. With it, a bitmap index scan
takes about 2 ms (docs/performance.md). SQLite and other databases are left alone."""

from django.db import migrations

INDEX = "wagtailsearch_indexentry_title_body_gin"
TABLE = "wagtailsearch_indexentry"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0003_streamfield_blocks"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
