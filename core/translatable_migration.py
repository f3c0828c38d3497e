"""Wagtail's three steps for making a model that already has rows translatable: add its locale and
translation key as optional fields, give every row the main language's locale and a key of its
own, then make both required. Used by the migrations that made the lists translatable.

Every site that has yet to apply those migrations will run these operations as they are then:
what they do must never change. A different way belongs in a new function beside this one."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def locale_field(**options):
    return models.ForeignKey(
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
        **options,
    )


def make_translatable(app_label, model_name):
    """The operations that give `app_label.model_name`'s existing rows to the main language."""

    def fill_in(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        locales = apps.get_model("wagtailcore", "Locale").objects
        main = locales.filter(language_code=settings.LANGUAGE_CODE).first() or locales.first()
        for row in model.objects.all():
            row.locale = main
            row.translation_key = uuid.uuid4()
            row.save(update_fields=["locale", "translation_key"])

    return [
        migrations.AddField(model_name, "locale", locale_field(null=True)),
        migrations.AddField(
            model_name, "translation_key", models.UUIDField(null=True, editable=False)
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
        migrations.AlterField(model_name, "locale", locale_field()),
        migrations.AlterField(
            model_name, "translation_key", models.UUIDField(default=uuid.uuid4, editable=False)
        ),
    ]
