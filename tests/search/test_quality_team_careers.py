"""Search quality on the team and careers demo content."""

import pytest

from tests.search.support import soup_of

pytestmark = pytest.mark.django_db


def top(client, query, count=3):
    page = soup_of(client.get("/search/", {"q": query}))
    return [
        (item.h3.get_text(strip=True), item.select_one(".search-result__type").get_text())
        for item in page.select("ol.search-results > li")
    ][:count]


def test_a_clinicians_name_finds_their_profile_first(client):
    assert top(client, "Jordan Avery")[0] == ("Jordan Avery", "Team member")


def test_a_credential_finds_the_clinician_who_holds_it(client):
    assert ("Jordan Avery", "Team member") in top(client, "LCSW")


def test_pronouns_find_the_clinician_who_uses_them(client):
    assert ("Maria Delgado", "Team member") in top(client, "she/her")


@pytest.mark.parametrize(
    ("query", "title", "label"),
    [
        ("peer support specialist", "Peer Support Specialist", "Job"),
        ("licensed therapist", "Licensed Therapist (LCSW/LPC)", "Job"),
        # The demo's internship closed last month: found, and said to be closed.
        ("clinical intern", "Clinical Intern (MSW or counseling student)", "Job (closed)"),
    ],
)
def test_a_job_title_finds_the_opening_first(client, query, title, label):
    assert top(client, query)[0] == (title, label)


@pytest.mark.parametrize(
    ("query", "title"),
    [("pronouns", "Our Experts"), ("careers", "Come work with us"), ("jobs", "Come work with us")],
)
def test_words_from_a_pages_description_find_it(client, query, title):
    assert title in [found_title for found_title, _type in top(client, query)]
