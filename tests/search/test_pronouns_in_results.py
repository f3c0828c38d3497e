"""A person's pronouns stand beside their name wherever search names them."""

import pytest

from tests.search.support import soup_of
from tests.team.factories import make_member

pytestmark = pytest.mark.django_db


def test_pronouns_stand_beside_a_team_members_name_in_site_search_results(client):
    page = soup_of(client.get("/search/", {"q": "Maria Delgado"}))
    item = next(
        item
        for item in page.select("ol.search-results > li")
        if item.h3.get_text(strip=True) == "Maria Delgado"
    )
    pronouns = item.select_one(".search-result__pronouns")
    assert pronouns is not None
    assert pronouns.get_text(" ", strip=True) == "pronouns: she/her"
    # Right after the name, before what kind of page it is.
    assert item.h3.find_next_sibling() is pronouns


def test_pronouns_come_with_a_name_in_autocomplete(client):
    results = client.get("/search/autocomplete/", {"q": "Maria Del"}).json()["results"]
    maria = next(result for result in results if result["title"] == "Maria Delgado")
    assert maria["pronouns"] == "she/her"


def test_a_person_without_pronouns_and_other_pages_have_none(client):
    make_member("Quinn Zephyrine", pronouns="", slug="quinn-zephyrine")
    results = client.get("/search/autocomplete/", {"q": "Zephyr"}).json()["results"]
    assert [result["title"] for result in results] == ["Quinn Zephyrine"]
    assert "pronouns" not in results[0]
    page = soup_of(client.get("/search/", {"q": "Zephyrine"}))
    assert page.select("ol.search-results > li")
    assert not page.select(".search-result__pronouns")


def test_new_pronouns_appear_in_results_for_a_new_member(client):
    make_member("Ari Quillfeather", pronouns="ze/zir", slug="ari-quillfeather")
    results = client.get("/search/autocomplete/", {"q": "Quillfeath"}).json()["results"]
    assert results[0]["pronouns"] == "ze/zir"
    page = soup_of(client.get("/search/", {"q": "Quillfeather"}))
    assert "ze/zir" in page.select_one(".search-result__pronouns").get_text()
