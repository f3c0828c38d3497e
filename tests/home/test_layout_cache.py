"""The parts of the layout every page shares (quick exit, crisis lines, menu, footer) are kept
in the cache until the next edit, and every edit shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import PracticeSettings, SiteText
from home.models.pages import StandardPage
from tests.support import add_published, page_at

pytestmark = pytest.mark.django_db


def menu(page):
    return {
        link.get_text(strip=True): link.get("aria-current")
        for link in page.select(".main-nav__link")
    }


def test_a_second_page_view_asks_less_of_the_database(client):
    with CaptureQueriesContext(connection) as first:
        client.get("/privacy/")
    with CaptureQueriesContext(connection) as again:
        client.get("/privacy/")
    # The menu's pages and their view restrictions come from the cache the second time.
    assert len(again) <= len(first) - 2


def test_the_kept_menu_still_marks_the_page_being_read(client):
    assert menu(page_at(client, "/goals/"))["Goals of harm reduction therapy"] == "page"
    on_library = menu(page_at(client, "/resources/"))
    assert on_library["Goals of harm reduction therapy"] is None
    assert "page" in on_library.values()


def test_a_page_published_into_the_menu_shows_at_once(client, home_page):
    page_at(client, "/goals/")
    page = StandardPage(title="Groups and workshops", slug="groups", show_in_menus=True)
    add_published(home_page, page)
    assert "Groups and workshops" in menu(page_at(client, "/goals/"))
    page.unpublish()
    assert "Groups and workshops" not in menu(page_at(client, "/goals/"))


def test_a_settings_change_shows_in_the_banner_and_footer_at_once(client):
    page_at(client, "/goals/")
    practice = PracticeSettings.load()
    practice.phone = "(555) 010-4242"
    practice.save()
    text = SiteText.objects.get(locale__language_code="en")
    text.footer_text = "Closed on public holidays."
    text.save()
    page = page_at(client, "/goals/")
    assert "(555) 010-4242" in page.select_one(".site-footer").get_text()
    assert "Closed on public holidays." in page.select_one(".site-footer").get_text()


def test_with_the_cache_unable_to_say_the_layout_is_rendered_afresh(client, monkeypatch):
    page_at(client, "/goals/")
    monkeypatch.setattr("core.page_cache.current_generation", lambda request=None: None)
    # A change no signal reports: only a fresh rendering can show it.
    SiteText.objects.update(footer_text="Fresh footer line.")
    assert "Fresh footer line." in page_at(client, "/goals/").select_one(".site-footer").get_text()


def settings_queries(queries):
    table = PracticeSettings._meta.db_table
    return [query for query in queries if table in query["sql"]]


def test_the_practice_settings_are_kept_until_they_are_saved(client):
    page_at(client, "/goals/")
    with CaptureQueriesContext(connection) as again:
        page_at(client, "/goals/")
    assert not settings_queries(again)
    practice = PracticeSettings.load()
    practice.practice_name = "Harm Reduction Therapy Collective"
    practice.save()
    with CaptureQueriesContext(connection) as after_the_edit:
        page = page_at(client, "/goals/")
    assert settings_queries(after_the_edit)
    assert page.title.get_text().endswith("| Harm Reduction Therapy Collective")
