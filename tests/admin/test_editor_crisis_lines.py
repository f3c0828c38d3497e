"""The crisis lines (Settings › Crisis lines and footer) as an editor meets them: each line shown
by its name, fields labelled in plain words, and a number a phone cannot dial refused with the
digits to type instead, before it reaches every page's banner as a broken link."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.blocks import CrisisLineBlock
from core.models import PracticeSettings, SiteText
from core.validators import validate_phone_number

pytestmark = pytest.mark.django_db


def settings_url(practice):
    return reverse("wagtailsettings:edit", args=["core", "practicesettings", practice.pk])


def text_url(text):
    return reverse("wagtailsnippets_core_sitetext:edit", args=[text.pk])


def english_text():
    return SiteText.objects.get(locale__language_code="en")


def form_post(instance, lines=None, **changes):
    """The settings' or the crisis lines' form as the editor sends it: every field as it is,
    with `changes` (and `lines` as the crisis lines)."""
    fields = {
        field.name: getattr(instance, field.attname)
        for field in type(instance)._meta.concrete_fields
        if field.name not in {"id", "crisis_lines"} and field.editable
    }
    fields = {name: "" if value is None else value for name, value in fields.items()}
    if hasattr(instance, "crisis_lines"):
        lines = lines if lines is not None else [dict(b.value) for b in instance.crisis_lines]
        fields["crisis_lines"] = streamfield([("line", line) for line in lines])
    fields.update(changes)
    data = nested_form_data(fields)
    # An unticked box is not sent at all.
    return {key: value for key, value in data.items() if value is not False}


def line(name, **numbers):
    return {
        "name": name,
        "description": "",
        "phone": "",
        "text": "",
        "tty": "",
        "text_word": "",
        "chat_url": "",
        "pinned": "",
        **numbers,
    }


def errors_of(response):
    """The error messages shown on the form, and the StreamField's, which the page carries as
    data for the editor's script."""
    page = BeautifulSoup(response.content, "html.parser")
    text = page.get_text(" ", strip=True)
    for element in page.select("[data-w-block-arguments-value]"):
        text += " " + element["data-w-block-arguments-value"]
    return text


def test_a_vanity_number_is_refused_with_the_digits_to_type(admin_client):
    text = english_text()
    lines = [line("SAMHSA National Helpline", phone="1-800-662-HELP")]
    response = admin_client.post(text_url(text), form_post(text, lines))
    assert response.status_code == 200
    assert "1-800-662-4357" in errors_of(response)
    text.refresh_from_db()
    assert all(block.value["phone"] != "1-800-662-HELP" for block in text.crisis_lines)


def test_the_practice_phone_number_is_checked_too(admin_client):
    practice = PracticeSettings.load()
    response = admin_client.post(settings_url(practice), form_post(practice, phone="call us"))
    assert response.status_code == 200
    assert "digits" in errors_of(response)
    practice.refresh_from_db()
    assert practice.phone != "call us"


def test_good_numbers_are_saved_as_typed(admin_client):
    practice = PracticeSettings.load()
    response = admin_client.post(
        settings_url(practice), form_post(practice, phone="(312) 555-0100")
    )
    assert response.status_code == 302, errors_of(response)[:3000]
    practice.refresh_from_db()
    assert practice.phone == "(312) 555-0100"
    text = english_text()
    lines = [
        line("Emergency", phone="911", pinned=True),
        line("Warm line", phone="+1 (555) 010-0100", text="741741", tty="555.010.0199"),
    ]
    response = admin_client.post(text_url(text), form_post(text, lines))
    assert response.status_code == 302, errors_of(response)[:3000]
    text.refresh_from_db()
    assert [block.value["phone"] for block in text.crisis_lines] == ["911", "+1 (555) 010-0100"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1-800-662-HELP", "1-800-662-4357"),
        ("1-800-273-TALK", "1-800-273-8255"),
        ("Text HOME to 741741", "digits"),
        ("12", "at least 3 digits"),
        ("988!", "digits"),
    ],
)
def test_numbers_a_phone_cannot_dial_are_refused_plainly(typed, message):
    with pytest.raises(ValidationError) as refused:
        validate_phone_number(typed)
    assert message in " ".join(refused.value.messages)


@pytest.mark.parametrize(
    "typed", ["911", "988", "1-800-662-4357", "+44 20 7946 0958", "(555) 010.0100"]
)
def test_numbers_as_people_write_them_are_accepted(typed):
    validate_phone_number(typed)


def struct_blocks_with_a_label_format(node):
    if isinstance(node, dict):
        if node.get("_type") == "wagtail.blocks.StructBlock" and any(
            isinstance(arg, dict) and arg.get("labelFormat") for arg in node["_args"]
        ):
            yield node
        for value in node.values():
            yield from struct_blocks_with_a_label_format(value)
    elif isinstance(node, list):
        for value in node:
            yield from struct_blocks_with_a_label_format(value)


def block_definition(response):
    """The crisis line block as the editor's script builds it, from the page's data."""
    page = BeautifulSoup(response.content, "html.parser")
    for element in page.select("[data-w-block-data-value]"):
        data = json.loads(element["data-w-block-data-value"])
        for block in struct_blocks_with_a_label_format(data):
            return json.dumps(block)
    return ""


def test_each_line_is_shown_by_its_name_with_a_calm_icon_and_plain_labels(admin_client):
    response = admin_client.get(text_url(english_text()))
    definition = block_definition(response)
    assert '"labelFormat": "{name}"' in definition
    assert '"icon": "warning"' not in definition
    for label in ("Crisis line", "Phone number", "TTY number", "Chat link", "Text (SMS) number"):
        assert f'"{label}"' in definition, label
    for label in ('"Tty"', '"Chat url"', '"Line"'):
        assert label not in definition
    block = CrisisLineBlock()
    assert block.meta.icon != "warning"
    # Collapsed on opening: four lines read as four names, not four open forms.
    assert SiteText._meta.get_field("crisis_lines").stream_block.meta.collapsed
