import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from core.models import Language
from resources.models import Audience, ResourcePage, ResourceType, Substance, Topic
from team.models import TeamMemberPage
from tests.resources.factories import main_entries

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", [ResourceType, Topic, Substance, Audience])
def test_each_taxonomy_is_listed_with_counts_and_searchable(editor_client, model):
    url = reverse(f"wagtailsnippets_resources_{model._meta.model_name}:list")
    response = editor_client.get(url)
    assert response.status_code == 200
    # The list opens on the main language's entries (those pages are tagged with).
    term = main_entries(model).order_by("name").first()
    assert term.name in response.text
    assert ">Resources<" in response.text.replace("\n", "").replace("  ", "")
    searched = editor_client.get(url, {"q": term.name})
    assert searched.status_code == 200
    assert term.name in searched.text


def test_an_editor_can_add_a_topic_and_visitors_can_filter_by_it(editor_client, client):
    url = reverse("wagtailsnippets_resources_topic:add")
    response = editor_client.post(url, {"name": "Wound care", "slug": "wound-care"})
    assert response.status_code == 302
    assert main_entries(Topic).filter(slug="wound-care").exists()
    assert client.get("/resources/", {"topic": "wound-care"}).status_code == 200


def test_the_spectrum_of_approaches_is_edited_in_order(editor_client):
    response = editor_client.get(reverse("wagtailsnippets_core_approach:list"))
    assert response.status_code == 200
    text = response.text
    assert text.index("Substance Use Management") < text.index("Total Abstinence")


def test_languages_are_one_list_counting_resources_and_clinicians(editor_client):
    spanish = main_entries(Language).get(slug="spanish")
    url = reverse("wagtailsnippets_core_language:list")
    page = BeautifulSoup(editor_client.get(url).content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in page.select("thead th")]
    assert {"Code", "Slug", "Resources", "Clinicians"} <= set(headings)
    row = next(tr for tr in page.select("tbody tr") if spanish.name in tr.get_text())
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    resources = ResourcePage.objects.filter(language=spanish).count()
    clinicians = TeamMemberPage.objects.live().filter(languages=spanish).count()
    assert resources and clinicians
    assert cells[-4:] == ["es", "spanish", str(resources), str(clinicians)]
    searched = BeautifulSoup(editor_client.get(url, {"q": "espa"}).content, "html.parser")
    assert [tr.select_one("td a").get_text(strip=True) for tr in searched.select("tbody tr")] == [
        spanish.name
    ]


def test_a_taxonomy_can_be_put_in_order_by_dragging(editor_client):
    url = reverse("wagtailsnippets_resources_topic:list")
    response = editor_client.get(url, {"ordering": "sort_order"})
    page = BeautifulSoup(response.content, "html.parser")
    rows = page.select("tbody tr")
    assert [row.select_one("td a").get_text(strip=True) for row in rows[:3]] == list(
        main_entries(Topic).values_list("name", flat=True)[:3]
    )
    assert page.select_one("[data-w-orderable-target]")
