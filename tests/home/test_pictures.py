"""The site's pictures (docs/design.md, Images): the home page's hero picture, the spectrum's
picture on the explainer, and the licence of every picture in the repository."""

from pathlib import Path

import pytest
from wagtail.images import get_image_model

from core.models import Approach
from home.models import ExplainerPage
from tests.support import page_at

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PICTURE_FOLDERS = [ROOT / "static" / "img", ROOT / "home" / "demo_data" / "images"]
EXPLAINER = "/what-is-harm-reduction/"


def test_the_hero_picture_comes_as_avif_then_webp_at_three_widths_sized_and_early(client):
    picture = page_at(client, "/").select_one(".hero__picture picture")
    (avif,) = picture.select("source")
    img = picture.img
    assert avif["type"] == "image/avif"
    for width in (480, 800, 1200):
        assert f".avif {width}w" in avif["srcset"]
        assert f".webp {width}w" in img["srcset"]
    assert avif["sizes"] == img["sizes"]
    # Width and height from the rendition keep the layout still while it loads; the first
    # screen's picture is fetched early, never lazily.
    assert (img["width"], img["height"]) == ("480", "384")
    assert img["fetchpriority"] == "high"
    assert "loading" not in img.attrs
    # The demo's picture only sets a mood: its empty description makes the alt text empty.
    assert img["alt"] == ""


def test_the_hero_pictures_description_is_its_alt_text(client, home_page):
    home_page.hero_image.description = "Two people walk together toward the sun."
    home_page.hero_image.save()
    img = page_at(client, "/").select_one(".hero__picture img")
    assert img["alt"] == "Two people walk together toward the sun."


def test_without_a_hero_picture_the_words_take_the_whole_hero(client, home_page):
    home_page.hero_image = None
    home_page.save_revision().publish()
    page = page_at(client, "/")
    assert page.select_one(".hero")["class"] == ["hero"]
    assert not page.select(".hero picture, .hero img")
    assert page.h1.get_text(strip=True) == "Pragmatic Help without Judgement"


def test_the_demo_pictures_are_in_the_image_library_with_their_descriptions():
    images = {image.title: image for image in get_image_model().objects.all()}
    portraits = [image for title, image in images.items() if title.startswith("Portrait")]
    assert len(portraits) == 3
    assert all(image.description.startswith("An illustrated portrait") for image in portraits)
    hero = images["Two people on a path toward the sun"]
    assert (hero.width, hero.height) == (1200, 960)


def spectrum_stops(client):
    page = page_at(client, EXPLAINER)
    return page, [
        (link.get_text(strip=True), link["href"]) for link in page.select(".spectrum-map__stop a")
    ]


def test_the_spectrums_picture_shows_each_approach_in_order_between_its_two_ends(client):
    page, stops = spectrum_stops(client)
    assert stops == [
        ("Substance Use Management", "#approach-substance-use-management"),
        ("Targeted Abstinence", "#approach-targeted-abstinence"),
        ("Total Abstinence", "#approach-total-abstinence"),
    ]
    # Each stop leads to its approach's section on the same page.
    for _name, href in stops:
        assert page.select_one(href).select_one(".spectrum__name")
    ends = [p.get_text(" ", strip=True) for p in page.select(".spectrum-map__end")]
    assert ends == ["From: Using more safely", "To: Not using at all"]
    # The words "From:" and "To:" are for screen readers; the picture shows the line.
    assert all(p.select_one(".visually-hidden") for p in page.select(".spectrum-map__end"))


def test_the_spectrums_picture_follows_the_approaches_as_editors_change_them(client):
    first = Approach.objects.get(slug="substance-use-management", locale__language_code="en")
    last = Approach.objects.get(slug="total-abstinence", locale__language_code="en")
    first.sort_order, last.sort_order = last.sort_order, first.sort_order
    first.save()
    last.save()
    Approach.objects.create(
        slug="moderation", name="Moderation", summary="Using less, on purpose.", sort_order=1
    )
    explainer = ExplainerPage.objects.get(locale__language_code="en")
    explainer.spectrum_start_label = "Safer use"
    explainer.save_revision().publish()
    _page, stops = spectrum_stops(client)
    assert [name for name, _href in stops] == [
        "Total Abstinence",
        "Moderation",
        "Targeted Abstinence",
        "Substance Use Management",
    ]
    # The sections under the picture keep the same order.
    sections = page_at(client, EXPLAINER).select(".spectrum__item")
    assert [item["id"] for item in sections] == [href[1:] for _name, href in stops]
    assert "Safer use" in page_at(client, EXPLAINER).select_one(".spectrum-map").get_text()


def test_with_no_approaches_the_spectrum_has_no_empty_picture(client):
    Approach.objects.all().delete()
    page = page_at(client, EXPLAINER)
    assert not page.select(".spectrum-map")


@pytest.mark.parametrize("folder", PICTURE_FOLDERS, ids=lambda folder: folder.name)
def test_every_picture_in_the_repository_has_its_licence_beside_it(folder):
    licence = (folder / "LICENSE.txt").read_text()
    pictures = [path for path in folder.iterdir() if path.suffix in {".svg", ".png", ".jpg"}]
    assert pictures
    for path in pictures:
        assert path.stem in licence, f"{path.name} is not named in {folder.name}/LICENSE.txt"
    # The demo's PNGs are drawn from SVG sources kept beside them.
    for path in folder.glob("*.png"):
        assert path.with_suffix(".svg").exists(), f"{path.name} has no SVG source"
