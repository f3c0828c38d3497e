"""Approaches become translatable (Wagtail's three steps for existing rows: add the fields, fill
them in, then require them); names and slugs are unique within a language."""

from django.db import migrations, models

from core.translatable_migration import make_translatable


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_site_text"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *make_translatable("core", "approach"),
        migrations.AlterField(
            model_name="approach",
            name="name",
            field=models.CharField(max_length=80),
        ),
        migrations.AlterField(
            model_name="approach",
            name="slug",
            field=models.SlugField(
                max_length=80,
                help_text="Used in the address of filtered lists, e.g. ?approach=total-abstinence.",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="approach",
            unique_together={("translation_key", "locale"), ("name", "locale"), ("slug", "locale")},
        ),
    ]
