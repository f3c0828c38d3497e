"""The contact form's questions become translatable with their page (Wagtail's three steps for
existing rows: add the fields, fill them in, then require them)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_in(apps, schema_editor):
    ContactFormField = apps.get_model("home", "ContactFormField")
    for field in ContactFormField.objects.select_related("page"):
        field.locale_id = field.page.locale_id
        field.translation_key = uuid.uuid4()
        field.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_hero_image_spectrum_labels"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="contactformfield",
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
            model_name="contactformfield",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="contactformfield",
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
            model_name="contactformfield",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="contactformfield",
            unique_together={("translation_key", "locale")},
        ),
    ]
