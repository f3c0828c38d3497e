"""The resource form as a clinician meets it: tick boxes for the tags a resource has several of,
plain drop-downs for the short lists, and help under every field that needs it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.locales import in_main_language
from resources.models import ResourcePage, ResourceType, Topic
from tests.resources.factories import main_entries

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource_form(admin_client):
    resource = ResourcePage.objects.get(slug="naloxone-saves-lives")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[resource.pk]))
    assert response.status_code == 200
    return resource, BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("field", ["topics", "substances", "approaches", "audiences"])
def test_tags_are_tick_boxes_not_a_list_that_one_click_empties(resource_form, field):
    resource, form = resource_form
    assert not form.select(f'select[name="{field}"]')
    boxes = form.select(f'input[type="checkbox"][name="{field}"]')
    # Of each translated list, the main language's entries: those pages carry.
    model = getattr(resource, field).model
    assert len(boxes) == model.objects.filter(**in_main_language()).count()
    ticked = {box["value"] for box in boxes if box.has_attr("checked")}
    assert ticked == {str(pk) for pk in getattr(resource, field).values_list("pk", flat=True)}
    # Each box carries the name the editor reads, beside it.
    assert all(form.select_one(f'label[for="{box["id"]}"]') for box in boxes)


@pytest.mark.parametrize("field", ["resource_type", "language"])
def test_type_and_language_are_plain_drop_downs_not_a_pop_up_chooser(resource_form, field):
    resource, form = resource_form
    select = form.select_one(f'select[name="{field}"]')
    assert select is not None
    chosen = select.select_one("option[selected]")
    assert chosen["value"] == str(getattr(resource, f"{field}_id"))
    if field == "resource_type":
        options = [option.get_text(strip=True) for option in select.select("option[value!='']")]
        main = main_entries(ResourceType)
        assert options == list(main.values_list("name", flat=True))


def test_the_body_says_what_it_is_for(resource_form):
    _resource, form = resource_form
    body = form.find(id="panel-child-content-body-section") or form
    assert ResourcePage._meta.get_field("body").help_text
    assert ResourcePage._meta.get_field("body").help_text in body.get_text(" ", strip=True)


def test_an_editor_saves_tags_ticked_in_the_boxes(admin_client):
    resource = ResourcePage.objects.get(slug="naloxone-saves-lives")
    chosen = list(main_entries(Topic).order_by("pk")[:2])
    form = nested_form_data(
        {
            "title": resource.title,
            "slug": resource.slug,
            "summary": resource.summary,
            "body": streamfield([]),
            "external_url": resource.external_url,
            "resource_type": resource.resource_type_id,
            "language": resource.language_id,
        }
    )
    form["topics"] = [str(topic.pk) for topic in chosen]
    form["action-publish"] = "publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[resource.pk]), form)
    assert response.status_code == 302, response.content[:2000]
    resource.refresh_from_db()
    assert set(resource.topics.all()) == set(chosen)
