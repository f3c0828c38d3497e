"""The languages become translatable, like the approaches (core.translatable_migration)."""

from django.db import migrations

from core.translatable_migration import make_translatable


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0010_translatable_approaches"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = make_translatable("core", "language")
