"""Therapy by video: where a client may be for a session (the states the clinicians who offer
video sessions are licensed in, kept on each clinician's page), what it takes, and privacy."""

import pytest

from team.models import LicensedState, TeamMemberPage
from tests.support import page_at, queries_for_page

pytestmark = pytest.mark.django_db

URL = "/telehealth/"


def states_listed(client):
    table = page_at(client, URL).select_one(".telehealth-states")
    if table is None:
        return {}
    return {
        dt.get_text(strip=True): [a.get_text(strip=True) for a in dt.find_next("dd").select("a")]
        for dt in table.select("dt")
    }


def test_the_page_lists_each_state_with_the_clinicians_who_may_see_people_there(client):
    assert states_listed(client) == {
        "Illinois": ["Jordan Avery", "Maria Delgado", "Sam Okafor"],
        "Indiana": ["Sam Okafor"],
        "Wisconsin": ["Jordan Avery"],
    }
    # Riley Chen is licensed in Illinois but meets in person only.
    assert "Riley Chen" not in page_at(client, URL).select_one("main").get_text()


def test_pronouns_stand_beside_each_name(client):
    entry = page_at(client, URL).select_one(".telehealth-states dd")
    assert "(he/him/they/them)" in entry.get_text()


def test_what_a_session_needs_and_how_it_is_kept_private(client):
    page = page_at(client, URL)
    assert "private place" in page.select_one("#telehealth-needs-heading").find_parent().text
    privacy = page.select_one("#telehealth-privacy-heading").find_parent().get_text()
    assert "never recorded" in privacy


def test_a_clinician_licensed_in_a_new_state_shows_there_at_once(client):
    sam = TeamMemberPage.objects.get(slug="sam-okafor")
    michigan = LicensedState.objects.create(name="Michigan", slug="michigan", code="MI")
    sam.licensed_states.add(michigan)
    sam.save_revision().publish()
    assert states_listed(client)["Michigan"] == ["Sam Okafor"]


def test_a_private_clinician_is_left_out(client):
    jordan = TeamMemberPage.objects.get(slug="jordan-avery")
    jordan.view_restrictions.create(restriction_type="login")
    listed = states_listed(client)
    assert "Wisconsin" not in listed
    assert "Jordan Avery" not in listed["Illinois"]


def test_without_video_sessions_the_page_says_so(client):
    for member in TeamMemberPage.objects.all():
        member.session_formats.set(member.session_formats.exclude(slug="telehealth"))
        member.save_revision().publish()
    assert states_listed(client) == {}
    assert "not offered just now" in page_at(client, URL).select_one("main").get_text()


def test_the_clinician_page_names_the_states_and_links_to_the_video_page(client):
    facts = page_at(client, "/our-experts/sam-okafor/").select_one(".member__facts")
    assert "Illinois, Indiana" in facts.get_text()
    assert facts.select_one(f"a[href='{URL}']")
    # In person only: the states, but no link to video sessions.
    facts = page_at(client, "/our-experts/riley-chen/").select_one(".member__facts")
    assert "Illinois" in facts.get_text()
    assert not facts.select_one(f"a[href='{URL}']")


def test_the_page_asks_the_same_number_of_queries_for_more_clinicians_and_states(client):
    before = queries_for_page(client, URL)
    extra = [
        LicensedState.objects.create(name=f"State {n}", slug=f"state-{n}", code=f"Q{n}")
        for n in range(3)
    ]
    for member in TeamMemberPage.objects.all():
        member.licensed_states.add(*extra)
        member.save_revision().publish()
    assert queries_for_page(client, URL) == before <= 14


def test_site_search_finds_the_video_page(client):
    page = page_at(client, "/search/?q=video+sessions")
    assert page.select_one(f"main a[href='{URL}']")
