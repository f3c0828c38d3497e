"""Production serving: WhiteNoise serves hashed, compressed static files with long cache
headers; pages carry responsive WebP images with their sizes (docs/deploy.md)."""

import json
import os

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.models.pages import StandardPage
from team.models import TeamMemberPage
from tests.support import manage_py

STATIC_CHECK = """
import json, django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
client = Client(HTTP_HOST="example.org")
hashed = staticfiles_storage.url("css/site.css")
answers = {}
for name, url in (("hashed", hashed), ("plain", "/static/css/site.css")):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip", secure=True)
    answers[name] = [url, response.status_code, response.get("Cache-Control"),
                     response.get("Content-Encoding")]
print(json.dumps(answers))
"""


def test_static_files_are_hashed_compressed_and_cached_for_a_year_or_an_hour(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="example.org",
        STATIC_ROOT=str(tmp_path / "static"),
    )

    def manage(*args):
        result = manage_py(environment, *args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("collectstatic", "--noinput", "-v0")
    answers = json.loads(manage("shell", "--no-imports", "-c", STATIC_CHECK).splitlines()[-1])
    url, status, cache_control, encoding = answers["hashed"]
    assert url.startswith("/static/css/site.") and url != "/static/css/site.css"
    assert status == 200
    assert cache_control == "max-age=315360000, public, immutable"
    assert encoding == "gzip"
    _, status, cache_control, _ = answers["plain"]
    assert (status, cache_control) == (200, "max-age=3600, public")


@pytest.fixture
def photo(db):
    return Image.objects.create(
        title="Portrait", file=get_test_image_file(filename="portrait.png", size=(900, 700))
    )


def srcset_widths(img):
    return sorted(int(part.split()[-1].rstrip("w")) for part in img["srcset"].split(","))


@pytest.mark.django_db
def test_the_image_block_offers_avif_and_webp_sizes_with_width_and_height(client, photo):
    page = StandardPage.objects.live().first()
    page.body = [("image", {"image": photo, "alt_text": "A quiet room", "caption": ""})]
    page.save_revision().publish()
    img = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".block-image img")
    assert img["alt"] == "A quiet room"
    assert (img["width"], img["height"]) == ("800", "622")
    assert srcset_widths(img) == [400, 800, 900]  # never enlarged past the original
    assert all(".webp" in part for part in img["srcset"].split(","))
    avif = img.find_previous_sibling("source")
    assert avif["type"] == "image/avif" and avif["sizes"] == img["sizes"]
    assert srcset_widths(avif) == [400, 800, 900]
    assert img["src"].endswith(".webp")
    assert img["sizes"]
    assert img["loading"] == "lazy"


@pytest.mark.django_db
def test_team_photos_offer_avif_and_webp_sizes_with_width_and_height(client, photo):
    member = TeamMemberPage.objects.live().first()
    member.photo = photo
    member.photo_alt_text = "The clinician, smiling"
    member.save_revision().publish()
    profile = BeautifulSoup(client.get(member.url).content, "html.parser")
    img = profile.select_one("img.member-photo--large")
    assert (img["width"], img["height"]) == ("480", "480")
    assert srcset_widths(img) == [160, 240, 480]
    assert srcset_widths(img.find_previous_sibling("source")) == [160, 240, 480]
    assert img["src"].endswith(".webp")
    team = BeautifulSoup(client.get(member.get_parent().url).content, "html.parser")
    card = next(c for c in team.select(".member-card") if member.title in c.get_text())
    img = card.select_one("img")
    assert (img["width"], img["height"]) == ("320", "320")
    assert srcset_widths(img) == [160, 320]
    assert img["sizes"] == "5.5rem"
    assert img["alt"] == "The clinician, smiling"
