"""Stemming for the SQLite search index, so "overdoses" finds "overdose" in development as it
does with PostgreSQL full-text search in production.

Wagtail's search creates its SQLite FTS5 table with the default tokenizer,
which does not stem. This rebuilds that table with the Porter stemmer and copies the existing
entries back. On other databases it does nothing."""

from django.db import migrations

FTS = "wagtailsearch_indexentry_fts"
ENTRIES = "wagtailsearch_indexentry"


def use_porter_stemmer(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = %s", [FTS])
        if cursor.fetchone() is None:  # SQLite built without FTS5: the fallback backend is used
            return
        cursor.execute(f"DROP TABLE {FTS}")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {FTS} USING fts5(autocomplete, body, title, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        cursor.execute(
            f"INSERT INTO {FTS} (rowid, title, body, autocomplete) "  # noqa: S608
            f"SELECT id, title, body, autocomplete FROM {ENTRIES}"
        )


def use_default_tokenizer(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = %s", [FTS])
        if cursor.fetchone() is None:
            return
        cursor.execute(f"DROP TABLE {FTS}")
        cursor.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5(autocomplete, body, title)")
        cursor.execute(
            f"INSERT INTO {FTS} (rowid, title, body, autocomplete) "  # noqa: S608
            f"SELECT id, title, body, autocomplete FROM {ENTRIES}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(use_porter_stemmer, use_default_tokenizer)]
