import json

import pytest
from django.core.exceptions import ValidationError

from team.models import TeamMemberPage
from tests.support import assert_no_inline_code

from .conftest import soup_of

pytestmark = pytest.mark.django_db

URL = "/our-experts/jordan-avery/"


def json_ld(response):
    scripts = soup_of(response).select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_member_page_shows_name_pronouns_credentials_role_and_full_bio(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = soup_of(response)
    h1 = page.find_all("h1")
    assert len(h1) == 1
    assert h1[0].get_text(" ", strip=True).startswith("Jordan Avery")
    assert h1[0].select_one(".pronouns").get_text(strip=True).endswith("he/him/they/them")
    assert page.select_one(".member__header .member-credentials").get_text() == (
        "LCSW, CADC, Clinical Director"
    )
    assert page.title.get_text().startswith("Jordan Avery (he/him/they/them)")
    assert "came to therapy from street outreach" in page.select_one(".member__bio").get_text()
    facts = page.select_one(".member__facts").get_text(" ", strip=True)
    for fact in ("Trauma", "Targeted Abstinence", "English", "Telehealth"):
        assert fact in facts
    assert_no_inline_code(response.text)


def test_reach_out_today_leads_to_the_contact_form_with_the_clinician_chosen(client):
    page = soup_of(client.get(URL))
    links = page.select('a[href="/contact/?clinician=jordan-avery"]')
    assert links and links[0].get_text(strip=True) == "Reach out today"
    contact = soup_of(client.get(links[0]["href"]))
    chosen = contact.select_one('select[name="clinician"] option[selected]')
    assert chosen["value"] == "jordan-avery"


def test_a_clinician_not_taking_clients_points_to_the_contact_form_without_choosing(client):
    page = soup_of(client.get("/our-experts/sam-okafor/"))
    assert not page.select('a[href*="clinician="]')
    assert page.select_one('.member__header a[href="/contact/"]')
    assert "not taking new clients at the moment" in page.get_text()


def test_member_page_carries_person_json_ld(client):
    data = json_ld(client.get(URL))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Person"
    assert data["name"] == "Jordan Avery"
    assert data["jobTitle"] == "Clinical Director"
    assert data["honorificSuffix"] == "LCSW, CADC"
    assert data["url"] == f"http://localhost{URL}"
    assert data["knowsLanguage"] == ["English"]
    assert "Opioids" in data["knowsAbout"]
    assert data["worksFor"]["name"] == "Harm Reduction Therapy"
    # The demo's portrait, as a plain PNG rendition every reader of the data can open.
    assert data["image"].endswith(".fill-480x480.png")


def test_json_ld_cannot_break_out_of_its_script(client, make_member):
    make_member(
        title="Eve </script><script>alert(1)</script>",
        slug="eve",
        role="Role & <b>things</b>",
        short_bio="Bio with </SCRIPT> and <!-- a comment",
        bio="<p>An ordinary bio.</p>",
    )
    response = client.get("/our-experts/eve/")
    raw = response.text
    start = raw.index('<script type="application/ld+json">')
    body = raw[start + len('<script type="application/ld+json">') : raw.index("</script>", start)]
    assert "<" not in body and ">" not in body and "&" not in body
    data = json_ld(response)
    assert data["name"] == "Eve </script><script>alert(1)</script>"
    assert data["jobTitle"] == "Role & <b>things</b>"
    assert_no_inline_code(raw)


def test_photo_needs_alt_text(make_photo, team_index):
    member = TeamMemberPage(title="No Alt", slug="no-alt", short_bio="x", bio="<p>x</p>")
    member.photo = make_photo()
    with pytest.raises(ValidationError) as error:
        member.clean()
    assert "photo_alt_text" in error.value.message_dict
    member.photo_alt_text = "   "
    with pytest.raises(ValidationError):
        member.clean()
    member.photo_alt_text = "Portrait of the clinician"
    member.clean()
    member.photo = None
    member.photo_alt_text = ""
    member.clean()


def test_photo_is_shown_at_profile_size_and_in_json_ld(client, make_member, make_photo):
    make_member(title="Pat Photo", slug="pat", photo=make_photo(), photo_alt_text="Pat in a garden")
    response = client.get("/our-experts/pat/")
    img = soup_of(response).select_one(".member__header img")
    assert img["alt"] == "Pat in a garden"
    assert (img["width"], img["height"]) == ("480", "480")
    assert json_ld(response)["image"].startswith("http://testserver/")
    assert ".fill-480x480" in json_ld(response)["image"]


def test_without_photo_the_page_shows_initials(client):
    page = soup_of(client.get("/our-experts/riley-chen/"))
    placeholder = page.select_one(".member__header .member-photo--placeholder")
    assert placeholder.get_text(strip=True) == "RC"
    assert placeholder["aria-hidden"] == "true"
    assert not page.select(".member__header img")


def test_the_demo_portrait_is_served_as_avif_and_webp_renditions(client):
    page = soup_of(client.get(URL))
    img = page.select_one(".member__header picture img")
    assert img["alt"] == "Jordan Avery, illustrated portrait"
    assert (img["width"], img["height"]) == ("480", "480")
    assert img["src"].endswith(".webp")
    (avif,) = page.select(".member__header picture source")
    assert avif["type"] == "image/avif"
    for width in (480, 240, 160):
        assert f".avif {width}w" in avif["srcset"]
    # Above the fold on the profile: not lazy.
    assert "loading" not in img.attrs


@pytest.mark.parametrize(
    "title, initials",
    [
        ("Jordan Avery", "JA"),
        ("Cher", "C"),
        ("Ana María de la Cruz", "AC"),
        ("Dr. (Sam) Lee", "DL"),
    ],
)
def test_initials(title, initials):
    assert TeamMemberPage(title=title).initials == initials


def test_member_page_links_back_to_the_whole_team(client):
    page = soup_of(client.get(URL))
    assert page.select_one('.back-link a[href="/our-experts/"]')


def test_approaches_link_to_where_the_explainer_describes_them(client):
    from team.models import TeamMemberPage

    member = next(m for m in TeamMemberPage.objects.live() if m.approaches.exists())
    page = soup_of(client.get(member.url))
    links = [a["href"] for a in page.select('a[href*="#approach-"]')]
    assert links and all(href.startswith("/what-is-harm-reduction/#approach-") for href in links)
