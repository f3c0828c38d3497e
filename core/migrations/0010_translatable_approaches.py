"""Approaches become translatable (Wagtail's three steps for existing rows: add the fields, fill
them in, then require them); names and slugs are unique within a language."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_in(apps, schema_editor):
    Approach = apps.get_model("core", "Approach")
    Locale = apps.get_model("wagtailcore", "Locale")
    main = Locale.objects.filter(language_code="en").first() or Locale.objects.first()
    for approach in Approach.objects.all():
        approach.locale = main
        approach.translation_key = uuid.uuid4()
        approach.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_site_text"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="approach",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="approach",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="approach",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="approach",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
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
