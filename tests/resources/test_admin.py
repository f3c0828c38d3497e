import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from resources.models import Audience, Language, ResourceType, Substance, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", [ResourceType, Topic, Substance, Audience, Language])
def test_each_taxonomy_is_listed_with_counts_and_searchable(editor_client, model):
    url = reverse(f"wagtailsnippets_resources_{model._meta.model_name}:list")
    response = editor_client.get(url)
    assert response.status_code == 200
    term = model.objects.order_by("name").first()
    assert term.name in response.text
    assert ">Resources<" in response.text.replace("\n", "").replace("  ", "")
    searched = editor_client.get(url, {"q": term.name})
    assert searched.status_code == 200
    assert term.name in searched.text


def test_an_editor_can_add_a_topic_and_visitors_can_filter_by_it(editor_client, client):
    url = reverse("wagtailsnippets_resources_topic:add")
    response = editor_client.post(url, {"name": "Wound care", "slug": "wound-care"})
    assert response.status_code == 302
    assert Topic.objects.filter(slug="wound-care").exists()
    assert client.get("/resources/", {"topic": "wound-care"}).status_code == 200


def test_the_spectrum_of_approaches_is_edited_in_order(editor_client):
    response = editor_client.get(reverse("wagtailsnippets_core_approach:list"))
    assert response.status_code == 200
    text = response.text
    assert text.index("Substance Use Management") < text.index("Total Abstinence")
