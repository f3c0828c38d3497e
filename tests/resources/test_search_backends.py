"""The library works on every search backend the settings can select (config/settings/base.py):
the database backend, and OpenSearch when SEARCH_URL is set, here with opensearch-py's transport
answered by tests/resources/fake_opensearch.py."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from core.search_backend import SitePostgresSearchBackend
from resources.models import ResourcePage, Topic

from . import fake_opensearch
from .factories import make_resource
from .test_library import facet_counts, get, result_count, result_titles

pytestmark = pytest.mark.django_db

# The settings' own database backend (core/search_backend.py).
DATABASE = settings.WAGTAILSEARCH_BACKENDS
OPENSEARCH = {
    "default": {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": ["http://opensearch.invalid:9200"],
        "INDEX": "hrt-test",
        "OPTIONS": {"connection_class": fake_opensearch.FakeOpenSearchConnection},
    }
}


@pytest.fixture(
    params=[
        DATABASE,
        OPENSEARCH,
    ],
    ids=["database", "opensearch2"],
)
def search_backend(request):
    fake_opensearch.documents.clear()
    with override_settings(WAGTAILSEARCH_BACKENDS=request.param):
        yield get_search_backend()
    fake_opensearch.documents.clear()


def index_every(search_backend, pages):
    """Every page as the backend indexes it. The database backend indexed each as it was
    published, the demo's too; OpenSearch's stand-in was chosen after the demo's were."""
    if not isinstance(search_backend, SitePostgresSearchBackend):
        for page in pages.specific():
            search_backend.add(page)


def test_search_two_filters_sort_and_a_page_of_results_on_each_backend(client, search_backend):
    Topic.objects.create(name="Zebra care", slug="zebra-care")
    for number in range(15):
        make_resource(
            f"Zebra {number:02}",
            summary="Striped zebra facts.",
            topics=("zebra-care", "naloxone") if number % 3 else ("zebra-care",),
            language="spanish" if number % 2 else "english",
        )
    make_resource("Zebra elsewhere", summary="Zebra facts.", topics=("safer-use",))
    make_resource("Horse", summary="Not striped.", topics=("zebra-care",), language="spanish")
    index_every(search_backend, ResourcePage.objects.live())

    params = {"q": "zebra", "topic": "naloxone", "language": "spanish", "sort": "title"}
    _response, page = get(client, params)
    expected = [f"Zebra {n:02}" for n in range(15) if n % 3 and n % 2]
    assert result_count(page) == len(expected) == 5
    assert result_titles(page) == expected
    # A chosen facet is counted without its own filter, the others with every filter.
    assert facet_counts(page, "language") == {"english": 5, "spanish": 5}
    assert facet_counts(page, "topic") == {"naloxone": 5, "zebra-care": 8}

    # The taxonomy names are searched too: "Horse" is tagged "Zebra care".
    _response, second = get(
        client, {"q": "zebra", "topic": "zebra-care", "sort": "title", "page": 2}
    )
    assert result_count(second) == 16
    assert result_titles(second) == ["Zebra 11", "Zebra 12", "Zebra 13", "Zebra 14"]
    _response, newest = get(client, {"q": "zebra", "topic": "zebra-care", "language": "spanish"})
    assert result_count(newest) == 8
    assert "Horse" in result_titles(newest)


def test_relevance_keeps_the_backends_order_after_title_matches(client, search_backend):
    make_resource("Quagga notes", summary="About the quagga.")
    make_resource("Field guide", summary="Quagga quagga quagga: the quagga, again and again.")
    make_resource("Pocket card", summary="One quagga.")
    index_every(search_backend, ResourcePage.objects.live())
    _response, page = get(client, {"q": "quagga"})
    # The title match first; then the backend's ranking, most mentions first on both.
    assert result_titles(page) == ["Quagga notes", "Field guide", "Pocket card"]


def test_site_search_finds_public_pages_on_each_backend(client, search_backend):
    make_resource("Okapi facts", summary="Okapi, a forest animal.")
    make_resource("Okapi sightings", summary="Where okapi live: okapi okapi.")
    private = make_resource("Okapi staff notes", summary="Okapi, for the team only.")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="not-public"
    )
    index_every(search_backend, Page.objects.live())
    response = client.get("/search/", {"q": "okapi"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    titles = [link.get_text(strip=True) for link in page.select(".search-result__title a")]
    assert sorted(titles) == ["Okapi facts", "Okapi sightings"]
