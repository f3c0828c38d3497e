"""The words that change with the language (crisis lines, tagline, hours, footer) move from the
practice's settings into SiteText, one row per language; the settings' values become the main
language's row."""

import core.blocks
import core.validators
import django.db.models.deletion
import uuid
import wagtail.fields
from django.db import migrations, models


MOVED = ("tagline", "crisis_lines", "hours", "footer_text")


def move_words(apps, schema_editor):
    PracticeSettings = apps.get_model("core", "PracticeSettings")
    SiteText = apps.get_model("core", "SiteText")
    Locale = apps.get_model("wagtailcore", "Locale")
    practice = PracticeSettings.objects.first()
    locale = Locale.objects.filter(language_code="en").first()
    if practice is None or locale is None:
        return
    SiteText.objects.create(
        locale=locale,
        translation_key=uuid.uuid4(),
        **{name: getattr(practice, name) for name in MOVED},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_spanish_locale"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteText",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "tagline",
                    models.CharField(
                        default="Pragmatic Help without Judgement",
                        help_text="A short line about the practice, shown to search engines for pages that have no description of their own.",
                        max_length=160,
                    ),
                ),
                (
                    "crisis_lines",
                    wagtail.fields.StreamField(
                        [("line", 8)],
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "For example “988 Suicide & Crisis Lifeline”.",
                                    "max_length": 80,
                                },
                            ),
                            1: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "When to call it and when it is open, such as “Free, confidential, 24/7”.",
                                    "max_length": 200,
                                    "required": False,
                                },
                            ),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "The number to call, in digits, such as 1-800-662-4357.",
                                    "label": "Phone number",
                                    "max_length": 30,
                                    "required": False,
                                    "validators": [core.validators.validate_phone_number],
                                },
                            ),
                            3: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "The number to text, if any, in digits.",
                                    "label": "Text (SMS) number",
                                    "max_length": 30,
                                    "required": False,
                                    "validators": [core.validators.validate_phone_number],
                                },
                            ),
                            4: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "For people who are deaf or hard of hearing, if the line has one.",
                                    "label": "TTY number",
                                    "max_length": 30,
                                    "required": False,
                                    "validators": [core.validators.validate_phone_number],
                                },
                            ),
                            5: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "default": "",
                                    "help_text": "A word people send to the text number, if the line asks for one, such as “AYUDA” for 988 in Spanish: the text link fills it in.",
                                    "label": "Word to text",
                                    "max_length": 20,
                                    "required": False,
                                },
                            ),
                            6: (
                                "wagtail.blocks.URLBlock",
                                (),
                                {
                                    "help_text": "The line's online chat, if any.",
                                    "label": "Chat link",
                                    "required": False,
                                },
                            ),
                            7: (
                                "wagtail.blocks.BooleanBlock",
                                (),
                                {
                                    "default": False,
                                    "help_text": "Show this line's call and text links in the banner's top line, not only behind “More help lines”. Keep it to one or two lines so the banner stays small on phones.",
                                    "label": "Always visible",
                                    "required": False,
                                },
                            ),
                            8: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("name", 0),
                                        ("description", 1),
                                        ("phone", 2),
                                        ("text", 3),
                                        ("tty", 4),
                                        ("text_word", 5),
                                        ("chat_url", 6),
                                        ("pinned", 7),
                                    ]
                                ],
                                {},
                            ),
                        },
                        default=core.blocks.default_crisis_lines,
                        help_text="Shown in the crisis banner on every page, in this order. Open a line to change it; check the numbers still work whenever you review the site, and say in each language whether the line answers in it.",
                    ),
                ),
                (
                    "hours",
                    models.TextField(blank=True, help_text="Opening hours, one line per line."),
                ),
                (
                    "footer_text",
                    models.TextField(
                        blank=True,
                        help_text="A short line at the foot of every page, such as a land acknowledgement.",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "crisis lines and footer",
                "verbose_name_plural": "crisis lines and footer",
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(fields=("locale",), name="one_site_text_per_language")
                ],
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(move_words, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="practicesettings",
            name="crisis_lines",
        ),
        migrations.RemoveField(
            model_name="practicesettings",
            name="footer_text",
        ),
        migrations.RemoveField(
            model_name="practicesettings",
            name="hours",
        ),
        migrations.RemoveField(
            model_name="practicesettings",
            name="tagline",
        ),
        migrations.AlterField(
            model_name="practicesettings",
            name="crisis_lines_last_reviewed",
            field=models.DateField(
                blank=True,
                help_text="The day someone last called each number and opened each chat link, in every language (Snippets › Crisis lines and footer). Reports › Reviews due says when they are due again.",
                null=True,
                verbose_name="crisis lines last checked",
            ),
        ),
    ]
