"""Every admin screen an editor reaches from the menu opens, for every page type."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return client


def test_every_page_opens_in_the_editor(admin_client):
    pages = Page.objects.filter(depth__gt=1).specific()
    edited_types = set()
    for page in pages:
        if type(page) in edited_types:
            continue
        edited_types.add(type(page))
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, type(page).__name__
    assert len(edited_types) >= 10


def test_every_page_type_can_be_added_where_it_belongs(admin_client):
    for page in Page.objects.filter(depth__gt=1).specific():
        for model in type(page).allowed_subpage_models():
            if not model.can_create_at(page):
                continue
            url = reverse(
                "wagtailadmin_pages:add",
                args=[model._meta.app_label, model._meta.model_name, page.pk],
            )
            assert admin_client.get(url).status_code == 200, model.__name__


def test_every_snippet_list_and_add_form_opens(admin_client):
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        assert admin_client.get(reverse(viewset.get_url_name("list"))).status_code == 200
        assert admin_client.get(reverse(viewset.get_url_name("add"))).status_code == 200


def test_settings_forms_and_dashboard_open(admin_client):
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailsettings:edit", args=["core", "practicesettings"]),
        reverse("wagtailforms:index"),
        reverse("wagtailadmin_explore_root"),
    ):
        assert admin_client.get(url, follow=True).status_code == 200, url
