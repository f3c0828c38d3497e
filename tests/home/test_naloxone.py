"""“Get naloxone”: an editable block, on the home page in the demo, usable on any page."""

import pytest
from bs4 import BeautifulSoup

from core.blocks import BaseStreamBlock, NaloxoneBlock
from home.models import ExplainerPage

pytestmark = pytest.mark.django_db


def test_the_home_page_tells_people_where_to_get_naloxone_and_how_to_use_it(client):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    block = page.select_one("section.naloxone")
    assert block["aria-labelledby"] == block.h2["id"]
    assert block.h2.get_text(strip=True) == "Get naloxone"
    text = block.get_text(" ", strip=True)
    assert "free" in text
    assert "Since 2023, naloxone nasal spray" in text and "over the counter" in text
    mail_order = block.select_one(".naloxone__programmes a")
    assert mail_order["href"] == "https://nextdistro.org/"
    assert mail_order.get_text(strip=True) == "NEXT Distro"
    steps = [li.get_text(" ", strip=True) for li in block.select("ol.naloxone__steps > li")]
    assert len(steps) >= 5
    assert steps[1].startswith("Call 911")
    assert any("second dose" in step for step in steps)


def test_the_block_renders_by_itself_with_no_page_around_it():
    block = NaloxoneBlock()
    html = block.render(block.to_python(block.meta.preview_value))
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("section.naloxone h2").get_text(strip=True) == "Get naloxone"
    assert page.select_one('a[href="https://nextdistro.org/"]')
    assert page.select("ol li")


def test_a_new_block_starts_filled_in_with_checked_facts():
    default = NaloxoneBlock().get_default()
    assert default["heading"] == "Get naloxone"
    assert default["mail_order"][0]["url"] == "https://nextdistro.org/"
    assert len(default["how_to_use_it"]) >= 5
    assert "2023" in default["over_the_counter"]


def test_the_block_is_described_for_editors_and_offered_on_every_page_body():
    assert NaloxoneBlock().meta.description
    assert NaloxoneBlock().meta.preview_value
    assert isinstance(BaseStreamBlock().child_blocks["naloxone"], NaloxoneBlock)


def test_an_editor_can_put_it_on_another_page(client):
    explainer = ExplainerPage.objects.get(locale__language_code="en")
    explainer.body = [*explainer.body.raw_data, {"type": "naloxone", "value": {}}]
    explainer.save_revision().publish()
    page = BeautifulSoup(client.get(explainer.url).content, "html.parser")
    assert page.select_one("section.naloxone")
