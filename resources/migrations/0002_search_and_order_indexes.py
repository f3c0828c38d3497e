"""What Django cannot declare on the models: the search index's stemming on SQLite, and two
indexes that keep the library fast on PostgreSQL (docs/performance.md).

- SQLite: Wagtail's search creates its FTS5 table with the default tokenizer, which does not
  stem; it is rebuilt with the Porter stemmer, so "overdoses" finds "overdose" in development as
  it does with PostgreSQL's full-text search.
- PostgreSQL: a GIN index on the search index's `title || body`, the expression Wagtail's
  backend matches; without it every search scans every entry.
- The library's default order, newest first with undated resources last, as an index: the first
  page reads twelve rows instead of sorting all (SQLite refuses NULLS LAST in an index, and there
  a descending index already puts NULLs last)."""

from django.db import migrations

FTS = "wagtailsearch_indexentry_fts"
ENTRIES = "wagtailsearch_indexentry"
TITLE_BODY_INDEX = "wagtailsearch_indexentry_title_body_gin"
NEWEST_INDEX = "resource_newest_first"
NEWEST_COLUMNS = {
    "postgresql": "published_date DESC NULLS LAST",
    "sqlite": "published_date DESC",
}


def rebuild_fts(schema_editor, tokenize):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = %s", [FTS])
        if cursor.fetchone() is None:  # SQLite built without FTS5: the fallback backend is used
            return
        cursor.execute(f"DROP TABLE {FTS}")
        cursor.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5(autocomplete, body, title{tokenize})")
        cursor.execute(
            f"INSERT INTO {FTS} (rowid, title, body, autocomplete) "  # noqa: S608
            f"SELECT id, title, body, autocomplete FROM {ENTRIES}"
        )


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        rebuild_fts(schema_editor, ", tokenize = 'porter unicode61 remove_diacritics 2'")
    if vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TITLE_BODY_INDEX} ON {ENTRIES} USING gin ((title || body))"
        )
    if vendor in NEWEST_COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NEWEST_INDEX} ON resources_resourcepage "
            f"({NEWEST_COLUMNS[vendor]})"
        )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        rebuild_fts(schema_editor, "")
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_BODY_INDEX}")
    if vendor in NEWEST_COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {NEWEST_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
