import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from core.models import Language
from team.models import (
    HomeFeaturedMember,
    SessionFormat,
    Specialty,
    TeamIndexPage,
    TeamMemberPage,
)
from tests.resources.factories import main_entries

from .conftest import soup_of

pytestmark = pytest.mark.django_db


def team_counts():
    return {
        "members": TeamMemberPage.objects.count(),
        "indexes": TeamIndexPage.objects.count(),
        "specialties": main_entries(Specialty).count(),
        "languages": main_entries(Language).count(),
        "formats": main_entries(SessionFormat).count(),
        "featured": HomeFeaturedMember.objects.count(),
    }


def test_demo_builds_the_seeds_clinical_director(home_page):
    index = TeamIndexPage.objects.get(locale__language_code="en")
    assert (index.slug, index.title, index.get_parent().pk) == (
        "our-experts",
        "Our Experts",
        home_page.pk,
    )
    director = TeamMemberPage.objects.get(role="Clinical Director")
    assert director.credentials == "LCSW, CADC"
    assert director.pronouns == "he/him/they/them"
    assert director.live and director.accepting_new_clients
    assert director.approaches.count() == 3


def test_demo_clinicians_are_known_to_be_fictional_and_make_the_filters_mean_something():
    from home.templatetags.editor_notes import is_demo_page

    members = TeamMemberPage.objects.live().filter(locale__language_code="en")
    assert members.count() >= 4
    # Their profiles read as real ones; editors, and only editors, are told they are fictional
    # (tests/home/test_copy.py).
    assert all(is_demo_page(member, ("short_bio", "bio")) for member in members)
    assert not any("sample" in (member.short_bio + member.bio).lower() for member in members)
    assert members.filter(languages__slug="spanish").exists()
    assert members.filter(accepting_new_clients=False).exists()
    assert set(members.values_list("session_formats__slug", flat=True)) == {
        "in-person",
        "telehealth",
    }
    # Every specialty, language and format in the demo finds someone, but not everyone.
    for model, relation in ((Specialty, "specialties"), (Language, "languages")):
        for item in main_entries(model):
            found = members.filter(**{relation: item}).count()
            assert found > 0, item
    assert members.filter(session_formats__slug="telehealth").count() < members.count()


def test_demo_features_members_on_the_home_page_and_links_the_team(client, home_page):
    assert home_page.featured_team_members.count() == 3
    page = soup_of(client.get("/"))
    assert page.select_one('.pathways a[href="/our-experts/"]')
    assert page.select_one('.main-nav a[href="/our-experts/"]')


def test_demo_can_run_twice_without_duplicate_team_content():
    before = team_counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert team_counts() == before


@pytest.mark.parametrize(
    "query, slug",
    [
        ("CADC", "jordan-avery"),
        ("Clinical Director", "jordan-avery"),
        ("Riley", "riley-chen"),
        ("bilingual", "maria-delgado"),
        ("Spanish", "maria-delgado"),
        ("cannabis", "sam-okafor"),
    ],
)
def test_team_pages_are_in_the_site_search(client, query, slug):
    found = Page.objects.live().search(query)
    assert slug in {page.slug for page in found}
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert f"/our-experts/{slug}/" in response.text


def test_pronouns_are_searchable():
    found = TeamMemberPage.objects.live().search("they/them")
    assert "sam-okafor" in {page.slug for page in found}


def test_team_lists_are_edited_in_the_admin_with_counts_and_search(client):
    admin = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/snippets/team/specialty/")
    assert response.status_code == 200
    assert "Clinicians" in response.text
    assert "Anxiety and depression" in response.text
    response = client.get("/admin/snippets/team/specialty/", {"q": "opio"})
    assert response.status_code == 200
    assert "Opioids" in response.text
    assert "Alcohol" not in response.text
    assert client.get("/admin/snippets/team/sessionformat/").status_code == 200


def test_member_editor_opens_in_the_admin(client):
    admin = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(admin)
    member = TeamMemberPage.objects.get(slug="jordan-avery")
    response = client.get(f"/admin/pages/{member.pk}/edit/")
    assert response.status_code == 200
    for label in ("Pronouns", "Credentials", "Photo alt text", "Accepting new clients"):
        assert label in response.text
