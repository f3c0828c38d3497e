import pytest
from wagtail.models import Page

from home.models import ContactPage, ExplainerPage, GoalsPage, HomePage

pytestmark = pytest.mark.django_db


def test_there_can_be_only_one_home_page():
    root = Page.get_first_root_node()
    # One per language: the Spanish home page is the English one's translation.
    assert HomePage.objects.filter(locale__language_code="en").count() == 1
    assert not HomePage.can_create_at(root)


@pytest.mark.parametrize("page_class", [ExplainerPage, GoalsPage, ContactPage])
def test_core_pages_live_under_the_home_page_only(page_class, home_page):
    assert page_class.allowed_parent_page_models() == [HomePage]
    explainer = ExplainerPage.objects.get(locale__language_code="en")
    assert not page_class.can_create_at(explainer)


def test_core_pages_are_single_and_have_no_children():
    for page_class in (ExplainerPage, GoalsPage, ContactPage):
        assert page_class.max_count == 1
        assert page_class.allowed_subpage_models() == []


def test_home_page_allows_its_sections():
    allowed = set(HomePage.allowed_subpage_models())
    assert {ExplainerPage, GoalsPage, ContactPage} <= allowed
