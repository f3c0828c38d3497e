import pytest

from team.models import TeamIndexPage, TeamMemberPage
from tests.support import assert_no_inline_code, queries_for_page

from .conftest import soup_of

pytestmark = pytest.mark.django_db

URL = "/our-experts/"


def card_names(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".member-card__link")]


def test_team_index_lives_under_home_and_holds_only_team_members(home_page):
    assert TeamIndexPage.allowed_parent_page_models() == [type(home_page)]
    assert TeamIndexPage.allowed_subpage_models() == [TeamMemberPage]
    assert TeamMemberPage.allowed_parent_page_models() == [TeamIndexPage]
    assert TeamMemberPage.allowed_subpage_models() == []
    assert TeamIndexPage.max_count == 1


def test_index_is_our_experts_with_one_h1_and_no_inline_code(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = soup_of(response)
    assert [h.get_text(strip=True) for h in page.find_all("h1")] == ["Our Experts"]
    assert_no_inline_code(response.text)


def test_each_card_shows_name_pronouns_credentials_role_and_whether_accepting(client):
    page = soup_of(client.get(URL))
    cards = {
        card.select_one(".member-card__link").get_text(strip=True): card
        for card in page.select(".member-card")
    }
    director = cards["Jordan Avery"]
    assert director.select_one(".pronouns").get_text(strip=True).endswith("he/him/they/them")
    # The pronouns sit beside the name, in the same heading.
    assert director.select_one(".member-card__name .pronouns")
    assert director.select_one(".member-credentials").get_text() == (
        "LCSW, CADC, Clinical Director"
    )
    assert director.select_one(".accepting").get_text(strip=True) == "Accepting new clients"
    assert director.select_one(".member-card__link")["href"] == "/our-experts/jordan-avery/"
    assert "Not taking new clients" in cards["Sam Okafor"].select_one(".accepting").get_text()


def test_members_are_listed_by_display_order_then_name(client, make_member):
    make_member(title="Aaron First", display_order=0)
    make_member(title="Zed Last", display_order=500)
    make_member(title="Abe Tied", display_order=20)
    names = card_names(client.get(URL))
    assert names[0] == "Aaron First"
    assert names[-1] == "Zed Last"
    assert names.index("Abe Tied") < names.index("Sam Okafor")  # same order, then by name


def test_a_card_without_photo_shows_initials_hidden_from_screen_readers(client, make_member):
    make_member(title="Dana Q. Example")
    page = soup_of(client.get(URL))
    card = next(c for c in page.select(".member-card") if "Dana Q. Example" in c.get_text())
    placeholder = card.select_one(".member-photo--placeholder")
    assert placeholder.get_text(strip=True) == "DE"
    assert placeholder["aria-hidden"] == "true"
    assert not card.find("img")


def test_a_card_with_photo_uses_one_sized_rendition_and_its_alt_text(
    client, make_member, make_photo
):
    make_member(title="Pat Photo", photo=make_photo(), photo_alt_text="Pat smiling outdoors")
    page = soup_of(client.get(URL))
    card = next(c for c in page.select(".member-card") if "Pat Photo" in c.get_text())
    img = card.find("img")
    assert img["alt"] == "Pat smiling outdoors"
    assert (img["width"], img["height"]) == ("320", "320")
    assert img["loading"] == "lazy"
    assert ".fill-320x320" in img["src"]
    # AVIF first for the browsers that take it, WebP in the <img> for the rest.
    (avif,) = card.select("picture source")
    assert avif["type"] == "image/avif"
    assert ".avif 320w" in avif["srcset"] and ".avif 160w" in avif["srcset"]
    assert img["src"].endswith(".webp")


def test_draft_members_are_not_listed(client, make_member):
    member = make_member(title="Not Yet Published")
    member.unpublish()
    assert "Not Yet Published" not in card_names(client.get(URL))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("language=spanish", ["Maria Delgado"]),
        ("format=telehealth", ["Jordan Avery", "Maria Delgado", "Sam Okafor"]),
        ("format=in-person", ["Jordan Avery", "Maria Delgado", "Riley Chen"]),
        ("specialty=opioids", ["Jordan Avery", "Riley Chen"]),
        ("accepting=on", ["Jordan Avery", "Maria Delgado", "Riley Chen"]),
        ("specialty=anxiety-depression&format=telehealth", ["Maria Delgado", "Sam Okafor"]),
        ("specialty=anxiety-depression&format=telehealth&accepting=on", ["Maria Delgado"]),
    ],
)
def test_filters_narrow_the_list(client, query, expected):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert card_names(response) == expected
    heading = soup_of(response).select_one(".team-results__heading").get_text(" ", strip=True)
    assert heading == f"Showing {len(expected)} of 4 clinicians"


def test_filters_are_a_plain_get_form_that_keeps_the_choices(client):
    page = soup_of(client.get(f"{URL}?language=spanish&accepting=on"))
    form = page.select_one(".team-filters form")
    assert form["method"] == "get"
    assert form["action"] == URL
    for name in ("specialty", "language", "format", "accepting"):
        field = form.select_one(f'[name="{name}"]')
        assert form.select_one(f'label[for="{field["id"]}"]'), name
    assert form.select_one('select[name="language"] option[selected]')["value"] == "spanish"
    assert form.select_one('input[name="accepting"]').has_attr("checked")
    assert page.select_one(f'.team-filters a[href="{URL}"]').get_text(strip=True) == (
        "Clear choices"
    )


def test_filters_offer_only_what_some_clinician_has(client):
    from core.models import Language

    Language.objects.create(name="Klingon", slug="klingon", code="tlh", sort_order=99)
    page = soup_of(client.get(URL))
    options = [o["value"] for o in page.select('select[name="language"] option')]
    assert options == ["", "english", "spanish"]


@pytest.mark.parametrize(
    "query",
    [
        "language=klingon",
        "specialty=%00",
        "format=" + "x" * 5000,
        "specialty[]=opioids",
        "language=spanish&language=<script>",
        "accepting=maybe&page=-1",
        "specialty=%F0%9F%92%A5",
    ],
)
def test_bad_filter_values_never_cause_an_error_page(client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert_no_inline_code(response.text)
    assert card_names(response)  # still a list to read


def test_an_unknown_value_is_left_out_with_a_message_and_the_rest_still_apply(client):
    response = client.get(f"{URL}?language=klingon&format=telehealth")
    assert response.status_code == 200
    alert = soup_of(response).select_one(".team-filters .form-alert")
    assert "not recognized" in alert.get_text()
    assert "Language" in alert.get_text()
    assert card_names(response) == ["Jordan Avery", "Maria Delgado", "Sam Okafor"]


def test_no_match_says_so_and_offers_the_contact_form(client):
    # Only Sam works with cannabis, and Sam is not taking new clients.
    response = client.get(f"{URL}?specialty=cannabis&accepting=on")
    page = soup_of(response)
    assert card_names(response) == []
    assert "No one matches all of these choices" in page.get_text()
    assert page.select_one('.team-results a[href="/contact/"]')


def measure_index_queries(client, url=URL):
    return queries_for_page(client, url)


def test_index_queries_do_not_grow_with_members_photos_included(
    client, make_member, make_photo, django_assert_max_num_queries
):
    def add_members(count):
        for _ in range(count):
            make_member(
                photo=make_photo(),
                photo_alt_text="A clinician",
                specialties=["alcohol", "trauma"],
                languages=["english", "spanish"],
                session_formats=["telehealth"],
            )

    add_members(3)
    few = measure_index_queries(client)
    add_members(17)
    many = measure_index_queries(client)
    filtered = measure_index_queries(client, f"{URL}?language=spanish&format=telehealth")
    assert len(card_names(client.get(URL))) == 24
    assert many == few
    assert few <= 17
    assert filtered <= few + 3  # one lookup per chosen value, and the count of everyone
