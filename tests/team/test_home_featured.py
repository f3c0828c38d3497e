import pytest
from django.contrib.auth import get_user_model

from team.models import HomeFeaturedMember
from tests.support import queries_for_page

from .conftest import soup_of

pytestmark = pytest.mark.django_db


def featured_names(response):
    return [
        a.get_text(strip=True)
        for a in soup_of(response).select(".featured-team .member-card__link")
    ]


def test_home_page_shows_the_members_editors_featured_in_their_order(client, home_page):
    response = client.get("/")
    assert featured_names(response) == ["Jordan Avery", "Maria Delgado", "Riley Chen"]
    section = soup_of(response).select_one(".featured-team")
    card = section.select_one(".member-card")
    assert card.select_one(".pronouns").get_text(strip=True).endswith("he/him/they/them")
    assert card.select_one(".member-credentials").get_text() == ("LCSW, CADC, Clinical Director")
    assert card.select_one(".accepting")
    assert section.select_one('a[href="/our-experts/"]').get_text(strip=True) == (
        "Meet everyone on our team"
    )
    assert len(soup_of(response).find_all("h1")) == 1


def test_reordering_and_unpublishing_change_what_the_home_page_shows(client, home_page):
    first, second, third = home_page.featured_team_members.all()
    first.sort_order, third.sort_order = 9, 0
    first.save()
    third.save()
    second.member.unpublish()
    assert featured_names(client.get("/")) == ["Riley Chen", "Jordan Avery"]


def test_without_featured_members_the_section_is_left_out(client, home_page):
    home_page.featured_team_members.all().delete()
    assert not soup_of(client.get("/")).select(".featured-team")


def test_editors_choose_featured_members_in_the_home_page_editor(client, home_page):
    admin = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(admin)
    response = client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert response.status_code == 200
    assert "Featured team members" in response.text
    assert 'name="featured_team_members-MAX_NUM_FORMS" value="4"' in response.text


def home_queries(client):
    return queries_for_page(client, "/")


def test_home_page_queries_do_not_grow_with_featured_members(
    client, home_page, make_member, make_photo
):
    def feature(count):
        for _ in range(count):
            member = make_member(photo=make_photo(), photo_alt_text="A clinician")
            HomeFeaturedMember.objects.create(page=home_page, member=member, sort_order=50)

    home_page.featured_team_members.all().delete()
    feature(3)
    few = home_queries(client)
    feature(17)
    many = home_queries(client)
    assert len(featured_names(client.get("/"))) == 20
    assert many == few
    # Photos add one query for their renditions; one finds the locale of the language shown,
    # which Wagtail's router asks on every page.
    assert few <= 16
    img = soup_of(client.get("/")).select_one(".featured-team img")
    assert (img["width"], img["height"]) == ("320", "320")
    assert img["alt"] == "A clinician"
