"""The dashboard's fourth panel: the pages due for review, for whoever may edit pages, counted
again when one is marked reviewed, in the same few queries however many are due."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from home.demo import CLIENT_INTAKE_GROUP
from home.models import ExplainerPage, GoalsPage
from resources.models import ResourcePage
from tests.careers.factories import staff_user

from .test_dashboard_panels import panels_for
from .test_editor_reviews import LAST_MONTH, LONG_AGO, every_page_up_to_date, reviewed  # noqa: F401

pytestmark = pytest.mark.django_db

PANEL = "reviews-due-section"


def reviews_panel(client):
    page = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    section = page.find("section", id=PANEL)
    return section and " ".join(section.get_text(" ", strip=True).split())


@pytest.mark.usefixtures("every_page_up_to_date")
def test_the_panel_counts_pages_due_until_they_are_marked_reviewed(admin_client):
    assert "Every page is within its review date." in reviews_panel(admin_client)
    explainer = reviewed(
        ExplainerPage.objects.get(locale__language_code="en"), LONG_AGO, LAST_MONTH
    )
    shown = reviews_panel(admin_client)
    assert "1 page is due for review" in shown
    assert explainer.title in shown
    assert "See every page due" in shown

    admin_client.post(reverse("reviews:mark_reviewed", args=[explainer.pk]))
    assert "Every page is within its review date." in reviews_panel(admin_client)


@pytest.mark.usefixtures("every_page_up_to_date")
def test_the_panel_is_for_editors_not_for_client_intake(client, django_user_model):
    client.force_login(staff_user(django_user_model, "intake", groups=[CLIENT_INTAKE_GROUP]))
    assert reviews_panel(client) is None
    client.force_login(staff_user(django_user_model, "editor", groups=["Editors"]))
    assert "Every page is within its review date." in reviews_panel(client)


@pytest.mark.usefixtures("every_page_up_to_date")
@pytest.mark.parametrize("due", [1, 6])
def test_the_panel_costs_the_same_queries_however_many_pages_are_due(
    django_user_model, django_assert_num_queries, due
):
    GoalsPage.objects.filter(locale__language_code="en").update(
        last_reviewed=None, next_review_due=None
    )
    for resource in ResourcePage.objects.order_by("pk")[: due - 1]:
        reviewed(resource, LONG_AGO, LAST_MONTH - datetime.timedelta(days=resource.pk % 7))
    editor = staff_user(django_user_model, "editor", groups=["Editors"])
    panels = panels_for(editor)
    with django_assert_num_queries(2):  # the count, then the five most overdue
        html = panels["reviews_due"].render_html({})
    noun = "page is" if due == 1 else "pages are"
    assert f"{due} {noun} due for review" in html
    assert html.count("Never reviewed") == 1
