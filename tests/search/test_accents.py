"""Accents are optional, and Spanish is stemmed as Spanish: people type "heroina" for "heroína",
most of all on a phone, and "administrando" for "administrar" (core/search_backend.py)."""

import pytest
from django.db import connection

from tests.resources.test_library import get, result_titles
from tests.search.support import result_titles as site_result_titles

pytestmark = pytest.mark.django_db

FAMILIES = "Familias de consumidores de drogas: respuestas sanitarias y sociales"
HEROIN = "¿Qué puede hacerse en el caso de una sobredosis de heroína?"
SPANISH_NALOXONE = {
    "Preguntas frecuentes sobre la naloxona",
    "Naloxona",
    "Aprenda a administrar un aerosol nasal de naloxona",
}
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Spanish stemming is PostgreSQL's"
)


def found_as_typed(response):
    """Whether the words were found as typed, not through a corrected spelling or similar words
    (which would find "heroína" for "heroina" too, by a slower and looser path)."""
    text = response.content.decode()
    return "Showing results for" not in text and "words like it" not in text


def library_titles(client, query):
    response, page = get(client, {"q": query})
    assert found_as_typed(response), f"{query!r} was corrected"
    return result_titles(page)


@pytest.mark.parametrize("query", ["heroina", "heroína", "HEROINA", "sobredosis de heroina"])
def test_a_word_typed_without_its_accent_finds_the_accented_word(client, query):
    assert HEROIN in library_titles(client, query)


def test_spanish_naloxone_resources_are_found_without_accents_or_the_article(client):
    assert set(library_titles(client, "naloxona")) >= SPANISH_NALOXONE
    questions = library_titles(client, "preguntas frecuentes")
    assert "Preguntas frecuentes sobre la naloxona" in questions


def test_accents_typed_where_the_text_has_none_still_match(client):
    assert "Naloxone Saves Lives" in library_titles(client, "nalóxone")


def test_the_site_search_ignores_accents_too(client):
    response = client.get("/search/", {"q": "heroina"})
    assert response.status_code == 200
    assert found_as_typed(response)
    assert HEROIN in site_result_titles(response)


def test_autocomplete_ignores_accents(client):
    response = client.get("/search/autocomplete/", {"q": "heroi"})
    titles = [result["title"] for result in response.json()["results"]]
    assert HEROIN in titles


@postgresql_only
@pytest.mark.parametrize(
    ("query", "title"),
    [
        # "administrar" in the title: the same stem as the gerund a person may type.
        ("administrando naloxona", "Aprenda a administrar un aerosol nasal de naloxona"),
        ("familia", FAMILIES),
        ("respuesta sanitaria", FAMILIES),
    ],
)
def test_spanish_resources_are_stemmed_as_spanish(client, query, title):
    assert title in library_titles(client, query)


@postgresql_only
def test_english_resources_are_still_stemmed_as_english(client):
    assert "Naloxone Saves Lives" in library_titles(client, "saving lives")
