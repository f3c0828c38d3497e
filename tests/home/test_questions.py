"""What people ask before they reach out (“Your first session”), and the accessibility statement
linked from every page."""

import pytest

from tests.support import page_at

pytestmark = pytest.mark.django_db

FIRST_SESSION = "/your-first-session/"
ACCESSIBILITY = "/accessibility/"


def test_the_first_session_page_answers_what_people_ask_each_with_its_own_link(client):
    page = page_at(client, FIRST_SESSION)
    items = page.select("details.faq__item")
    questions = [item.summary.get_text(strip=True) for item in items]
    for asked in ("Do I have to quit", "use before a session", "first session", "private", "long"):
        assert any(asked in question for question in questions), asked
    anchors = [item["id"] for item in items]
    assert len(set(anchors)) == len(anchors)
    for item in items:
        # Closed until asked for, and linkable: the link names the item's own address.
        assert not item.has_attr("open")
        assert item.select_one(".faq__link a")["href"] == f"#{item['id']}"


def test_confidentiality_is_explained_with_its_limits(client):
    page = page_at(client, FIRST_SESSION)
    answer = page.select_one("#is-what-i-say-kept-private-what-are-the-limits").get_text(" ")
    assert "42 CFR Part 2" in answer
    assert "written consent" in answer
    assert "immediate danger" in answer


def test_the_first_session_page_ends_with_a_way_to_reach_out(client):
    page = page_at(client, FIRST_SESSION)
    assert page.select("main a[href='/contact/']")


def test_the_contact_page_leads_to_the_first_session_page(client):
    page = page_at(client, "/contact/")
    assert page.select_one(f"main a[href='{FIRST_SESSION}']")


@pytest.mark.parametrize("url", ["/", FIRST_SESSION, "/resources/", "/contact/"])
def test_every_page_links_to_the_accessibility_statement_in_its_footer(client, url):
    footer = page_at(client, url).select_one("footer")
    assert footer.select_one(f"a[href='{ACCESSIBILITY}']").get_text(strip=True) == (
        "Accessibility statement"
    )


def test_the_accessibility_statement_names_the_standard_the_tests_and_other_formats(client):
    text = page_at(client, ACCESSIBILITY).select_one("main").get_text(" ")
    for said in ("WCAG) 2.2", "level AA", "axe", "Lighthouse", "Nu Html Checker"):
        assert said in text, said
    assert "What we know falls short" in text
    assert "another format" in text
