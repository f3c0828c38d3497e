"""Search quality, pinned on the demo site: what a person types finds the page they expect."""

import pytest

from tests.search.support import add_page, result_titles, soup_of

pytestmark = pytest.mark.django_db


def top(client, query, count=3):
    return result_titles(client.get("/search/", {"q": query}))[:count]


def test_abstinence_finds_the_explainer_first(client):
    assert top(client, "abstinence")[0] == "What is harm reduction?"


def test_dignity_finds_the_goals_page_first(client):
    assert top(client, "dignity")[0] == "Goals of harm reduction therapy"


def test_reach_out_finds_the_contact_page_first(client):
    assert top(client, "reach out")[0] == "Reach out today"


def test_naloxone_finds_naloxone_resources_first(client):
    assert all("naloxone" in title.lower() for title in top(client, "naloxone"))


def test_fentanyl_test_strips_finds_drug_checking(client):
    assert "Drug Checking" in top(client, "fentanyl test strips")


def test_spanish_words_find_spanish_resources(client):
    assert "Naloxona" in top(client, "naloxona")


def test_stemming_overdoses_finds_pages_that_say_overdose(client):
    response = client.get("/search/", {"q": "overdoses"})
    titles = result_titles(response)
    assert "SAMHSA overdose prevention and response toolkit" in titles[:3]
    marks = {mark.get_text().lower() for mark in soup_of(response).select(".search-result mark")}
    assert "overdose" in marks


def test_a_term_in_the_title_ranks_above_the_same_term_only_in_the_body(client, home_page):
    add_page(
        home_page,
        "Notes on many things",
        "<p>" + " ".join(["wombat care is a wombat topic"] * 20) + "</p>",
        slug="body-only",
    )
    add_page(home_page, "Wombat", "<p>A short page.</p>", slug="in-title")
    assert top(client, "wombat") == ["Wombat", "Notes on many things"]


def test_a_page_whose_description_names_the_term_ranks_above_passing_mentions(client, home_page):
    add_page(home_page, "Passing mention", "<p>" + "numbat " * 30 + "</p>", slug="mention")
    add_page(
        home_page,
        "About the animal",
        "<p>The numbat eats termites.</p>",
        slug="described",
        search_description="All about the numbat.",
    )
    assert top(client, "numbat") == ["About the animal", "Passing mention"]
