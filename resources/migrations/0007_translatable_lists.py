"""The library's lists become translatable, like the approaches (core.translatable_migration)."""

from django.db import migrations

from core.translatable_migration import make_translatable


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0006_approaches_in_the_main_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        operation
        for model_name in ["resourcetype", "topic", "substance", "audience"]
        for operation in make_translatable("resources", model_name)
    ]
