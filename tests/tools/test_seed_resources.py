"""The benchmarks' seeding writes resources the library shows and finds like any other."""

import pytest

from resources.models import ResourcePage
from tools.seed_resources import seed_resources

pytestmark = pytest.mark.django_db


def test_seeded_resources_are_live_tagged_and_found_by_search(client):
    before = ResourcePage.objects.live().count()
    seed_resources(12, seed=3)
    seeded = ResourcePage.objects.live().order_by("-pk")[:12]
    assert ResourcePage.objects.live().count() == before + 12
    assert all(resource.topics.exists() and resource.language_id for resource in seeded)
    word = seeded[0].title.split()[0].lower()
    assert ResourcePage.objects.live().search(word).count() > 0
    response = client.get("/resources/")
    assert response.status_code == 200
    assert f"{before + 12}" in response.text.replace(",", "")
