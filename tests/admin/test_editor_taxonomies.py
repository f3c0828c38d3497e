"""The lists editors keep (the spectrum of approaches, languages, the library's and the team's
lists) as a clinician finds them: short plain names in the menu, a heading that reads as English,
and the order visitors see changed by dragging, with the handles there at first look."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from core.models import Approach, Term

pytestmark = pytest.mark.django_db

# What fits beside an icon in Wagtail's side menu before it is cut off with “…”.
MENU_LABEL_FITS = 17


def menu_labels(admin_client):
    """The labels of the admin's side menu, top level only, as the sidebar's data gives them."""
    page = BeautifulSoup(admin_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    props = json.loads(page.find(id="wagtail-sidebar-props").string)
    main_menu = next(
        module
        for module in props["modules"]
        if module.get("_type") == "wagtail.sidebar.MainMenuModule"
    )
    return [item["_args"][0]["label"] for item in main_menu["_args"][0]]


def test_the_approaches_menu_item_is_short_and_plain(admin_client):
    labels = menu_labels(admin_client)
    assert "Approaches" in labels
    assert "Spectrum of approaches" not in labels
    too_long = [label for label in labels if len(label) > MENU_LABEL_FITS]
    assert too_long == []


def test_the_approaches_list_reads_as_english_and_says_where_it_shows(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_core_approach:list"))
    page = BeautifulSoup(response.content, "html.parser")
    text = page.get_text(" ", strip=True)
    assert page.h1.get_text(strip=True) == "Approaches"
    assert "spectrum of approaches" not in text.replace("The spectrum of approaches", "")
    assert "Add approach" in text
    help_text = page.select_one(".help-block").get_text(" ", strip=True)
    assert "explainer" in help_text and "drag" in help_text.lower()
    assert Approach._meta.verbose_name_plural == "approaches"


def test_the_approaches_open_ready_to_drag_into_order(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_core_approach:list"))
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("[data-w-orderable-target]"), "no drag handles on the first look"
    names = [row.select_one("td a").get_text(strip=True) for row in page.select("tbody tr")]
    # The main language's, in their order (each language's list is under the locale filter).
    english = Approach.objects.filter(locale__language_code="en")
    assert names == list(english.values_list("name", flat=True))


def ordered_lists():
    return [model for model in get_snippet_models() if issubclass(model, Term)]


def test_every_list_of_terms_is_sortable_the_same_way(admin_client):
    models = ordered_lists()
    assert len(models) >= 8
    for model in models:
        url = reverse(model.snippet_viewset.get_url_name("list"))
        page = BeautifulSoup(admin_client.get(url).content, "html.parser")
        assert page.select_one("[data-w-orderable-target]"), model.__name__
        assert page.select_one(".help-block"), model.__name__
        # Sorted by another column, the way back to dragging is a visible button, not a menu.
        by_name = BeautifulSoup(admin_client.get(url, {"ordering": "name"}).content, "html.parser")
        assert not by_name.select_one("[data-w-orderable-target]"), model.__name__
        buttons = [a for a in by_name.select("a") if "Change the order" in a.get_text()]
        assert len(buttons) == 1, model.__name__
        button = buttons[0]
        assert "ordering=sort_order" in button["href"]


def test_searching_a_list_does_not_offer_dragging_a_part_of_it(admin_client):
    url = reverse("wagtailsnippets_core_approach:list")
    page = BeautifulSoup(admin_client.get(url, {"q": "Abstinence"}).content, "html.parser")
    assert not page.select_one("[data-w-orderable-target]")
    names = [row.select_one("td a").get_text(strip=True) for row in page.select("tbody tr")]
    assert set(names) == {"Targeted Abstinence", "Total Abstinence"}
