"""Search synonyms that editors keep: "Narcan" finds naloxone, "needle exchange" finds syringe
services, in the library and the site search alike, and an editor's new group is used by the
very next search."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError
from django.urls import reverse
from wagtail.search.query import And, Or, Phrase, PlainText

from core.models import SynonymGroup
from core.search_query import NO_SYNONYMS, SearchQuery, Synonyms
from tests.resources.test_library import get, result_titles
from tests.search.support import result_titles as site_result_titles

SYNONYMS = Synonyms.from_texts(
    [
        "naloxone, Narcan, Kloxxado",
        "syringe services, needle exchange, SSP",
        "hepatitis C, hep C",
    ]
)


def site_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return site_result_titles(response)


def library_titles(client, query):
    _response, page = get(client, {"q": query})
    return result_titles(page)


def synonyms_url(action, *args):
    return reverse(SynonymGroup.snippet_viewset.get_url_name(action), args=args)


# The query sent to the search backends ------------------------------------------------------


def test_a_word_of_a_group_matches_every_member():
    query = SearchQuery.parse("Narcan").backend_query(synonyms=SYNONYMS)
    assert isinstance(query, Or)
    assert [sub.query_string for sub in query.subqueries] == ["narcan", "naloxone", "kloxxado"]


def test_a_phrase_of_a_group_is_found_in_the_visitors_words_and_searched_as_a_phrase():
    query = SearchQuery.parse("free needle exchanges").backend_query(synonyms=SYNONYMS)
    assert isinstance(query, And)
    free, group = query.subqueries
    assert isinstance(free, PlainText) and free.query_string == "free"
    assert isinstance(group, Or)
    phrases = [sub.query_string for sub in group.subqueries if isinstance(sub, Phrase)]
    assert "syringe services" in phrases and "needle exchanges" in phrases
    assert "ssp" in [sub.query_string for sub in group.subqueries if isinstance(sub, PlainText)]


def test_words_outside_every_group_stay_one_plain_query():
    query = SearchQuery.parse("overdose response").backend_query("or", synonyms=SYNONYMS)
    assert isinstance(query, PlainText)
    assert (query.query_string, query.operator) == ("overdose response", "or")


def test_one_word_group_members_and_short_phrases_are_parsed_as_editors_write_them():
    synonyms = Synonyms.from_texts(["Hep-C, hepatitis C,, HCV", "lonely"])
    assert synonyms.groups == [[("hep", "c"), ("hepatitis", "c"), ("hcv",)]]
    assert not NO_SYNONYMS


# Library and site search ----------------------------------------------------------------------


@pytest.mark.django_db
def test_narcan_finds_naloxone_resources_in_the_library(client):
    titles = library_titles(client, "narcan")
    assert "Naloxone Saves Lives" in titles
    assert any("naloxone" in title.lower() for title in titles[:3])


@pytest.mark.django_db
def test_narcan_finds_naloxone_pages_in_the_site_search(client):
    titles = site_titles(client, "Narcan")
    assert "Naloxone Saves Lives" in titles
    assert any("naloxone" in title.lower() for title in titles[:3])


@pytest.mark.django_db
def test_needle_exchange_finds_syringe_services_programs(client):
    expected = "Syringe Services Programs: Technical Package"
    assert expected in library_titles(client, "needle exchange")[:5]
    assert expected in site_titles(client, "needle exchange")[:5]


@pytest.mark.django_db
def test_hep_c_finds_hepatitis_c_testing(client):
    assert "Hepatitis C Testing" in library_titles(client, "hep c")[:3]


# Editors keep the groups -------------------------------------------------------------------


@pytest.mark.django_db
def test_an_editors_new_group_is_used_by_the_next_search_and_dropped_when_deleted(admin_client):
    # "FTS" is what many people call fentanyl test strips; the demo content never says it.
    assert "Drug Checking" not in library_titles(admin_client, "fts")
    assert "Drug Checking" not in site_titles(admin_client, "fts")

    response = admin_client.post(synonyms_url("add"), {"words": "fentanyl test strips, FTS"})
    assert response.status_code == 302
    group = SynonymGroup.objects.get(words="fentanyl test strips, FTS")
    assert "Drug Checking" in library_titles(admin_client, "fts")
    assert "Drug Checking" in site_titles(admin_client, "FTS")

    response = admin_client.post(synonyms_url("delete", group.pk))
    assert response.status_code == 302
    assert not SynonymGroup.objects.filter(pk=group.pk).exists()
    assert "Drug Checking" not in library_titles(admin_client, "fts")


@pytest.mark.django_db
def test_an_edited_group_is_used_by_the_next_search(admin_client):
    group = SynonymGroup.objects.create(words="wellness check, FTS-free")
    assert "Drug Checking" not in library_titles(admin_client, "fts")
    response = admin_client.post(
        synonyms_url("edit", group.pk), {"words": "fentanyl test strips, FTS"}
    )
    assert response.status_code == 302
    assert "Drug Checking" in library_titles(admin_client, "fts")


@pytest.mark.django_db
def test_a_group_needs_two_words_or_phrases(admin_client):
    before = SynonymGroup.objects.count()
    response = admin_client.post(synonyms_url("add"), {"words": "naloxone, , naloxone!"})
    assert response.status_code == 200
    assert "at least two different words" in response.content.decode()
    response = admin_client.post(
        synonyms_url("add"), {"words": "naloxone, a very long phrase that is a whole sentence"}
    )
    assert response.status_code == 200
    assert "up to 6 words" in response.content.decode()
    assert SynonymGroup.objects.count() == before


@pytest.mark.django_db
def test_the_search_synonyms_are_in_the_admin_menu_with_help_for_editors(admin_client):
    page = BeautifulSoup(admin_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    props = json.loads(page.find(id="wagtail-sidebar-props").string)
    menu = next(
        module["_args"][0]
        for module in props["modules"]
        if module.get("_type") == "wagtail.sidebar.MainMenuModule"
    )
    items = {item["_args"][0]["label"]: item["_args"][0].get("url") for item in menu}
    assert items["Search synonyms"] == synonyms_url("list")

    listing = admin_client.get(synonyms_url("list")).content.decode()
    assert "naloxone, Narcan, Kloxxado" in listing
    form = admin_client.get(synonyms_url("add")).content.decode()
    assert "separated by commas" in form


@pytest.mark.django_db
def test_the_demo_site_starts_with_the_common_groups():
    synonyms = Synonyms.from_texts(SynonymGroup.objects.values_list("words", flat=True))
    for words in (
        ["narcan"],
        ["needle", "exchange"],
        ["meth"],
        ["coke"],
        ["weed"],
        ["hep", "c"],
        ["suboxone"],
    ):
        assert synonyms.match(words, 0) is not None, words


@pytest.mark.django_db
def test_the_groups_are_read_once_and_kept_until_the_next_edit(django_assert_max_num_queries):
    from core.models.synonyms import current_synonyms

    current_synonyms()
    with django_assert_max_num_queries(0):
        assert current_synonyms().match(["narcan"], 0)
    SynonymGroup.objects.create(words="zebra crossing, pedestrian crossing")
    assert current_synonyms().match(["zebra", "crossing"], 0)


@pytest.mark.django_db
def test_search_works_without_synonyms_when_they_cannot_be_read(client, monkeypatch):
    from core.models import synonyms

    def unreadable():
        raise DatabaseError("relation does not exist")

    monkeypatch.setattr(synonyms, "read_synonym_texts", unreadable)
    assert any("naloxone" in title.lower() for title in library_titles(client, "naloxone"))
    assert any("naloxone" in title.lower() for title in site_titles(client, "naloxone"))
