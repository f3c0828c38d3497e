"""Issue 9 in a real browser: no public page makes a request to another origin, and the quick
exit leaves at once, by mouse and by keyboard, replacing the page in the history."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from .conftest import stub_the_quick_exit
from .server import PUBLIC_PAGES

pytestmark = pytest.mark.browser


def test_no_public_page_makes_a_request_to_another_origin(public_page_visits, live_site):
    """Every public page at both widths as it loaded, with everything on it opened and with a
    search typed into its header (the suggestions): `public_page_visits` in conftest.py."""
    assert len(public_page_visits) == 2 * len(PUBLIC_PAGES)
    refused = {key: visit["refused"] for key, visit in public_page_visits.items()}
    assert {key: urls for key, urls in refused.items() if urls} == {}
    requested = [url for visit in public_page_visits.values() for url in visit["requested"]]
    assert sum("/autocomplete/" in url for url in requested) >= len(PUBLIC_PAGES)
    assert all(url.startswith((live_site.base_url, "data:")) for url in requested), [
        url for url in requested if not url.startswith(live_site.base_url)
    ]


def test_the_tests_browser_reaches_no_other_site(new_context):
    """What the test above relies on: a request to another site fails at once, off the network,
    and is kept as refused."""
    context = new_context()
    page = context.new_page()
    for url in ("https://example.org/", "http://10.0.0.1/", "http://[::1]/"):
        with pytest.raises(PlaywrightError, match="ERR_NAME_NOT_RESOLVED"):
            page.goto(url)
    assert context.refused == ["https://example.org/", "http://10.0.0.1/", "http://[::1]/"]


def test_no_cookie_is_set_on_pages_without_a_form(new_context, live_site):
    context = new_context()
    page = context.new_page()
    for name in ("home", "explainer", "library", "resource", "team", "careers", "privacy"):
        page.goto(live_site.url(name))
    assert context.cookies() == []


def page_that_can_leave(context, live_site):
    """A page of `context`, which answers the quick exit's destination from a stub page."""
    stub_the_quick_exit(context, live_site)
    return context.new_page()


@pytest.fixture
def page(new_context, live_site):
    return page_that_can_leave(new_context(), live_site)


def exit_url(live_site):
    return live_site.facts["quick_exit_url"]


def came_from_elsewhere(page, live_site):
    """A history with another site before ours, as when someone arrives from a search engine."""
    page.goto(exit_url(live_site) + "?before")
    page.goto(live_site.url("explainer"))
    return page.evaluate("history.length")


def assert_left_and_history_replaced(page, live_site, length_before):
    page.wait_for_url(exit_url(live_site))
    assert page.evaluate("history.length") == length_before
    page.go_back()
    assert not page.url.startswith(live_site.base_url)
    assert page.url == exit_url(live_site) + "?before"


def test_quick_exit_by_mouse_leaves_and_back_does_not_return(page, live_site):
    length = came_from_elsewhere(page, live_site)
    page.get_by_role("link", name="Leave this site").click()
    assert_left_and_history_replaced(page, live_site, length)


def test_quick_exit_is_first_in_the_tab_order_and_works_with_enter(page, live_site):
    length = came_from_elsewhere(page, live_site)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Leave this site" in focused
    page.keyboard.press("Enter")
    assert_left_and_history_replaced(page, live_site, length)


def test_pressing_shift_three_times_leaves(page, live_site):
    length = came_from_elsewhere(page, live_site)
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_and_history_replaced(page, live_site, length)


def test_shift_used_for_a_capital_letter_does_not_leave(page, live_site):
    page.goto(live_site.url("library"))
    page.locator("#site-search-q").click()
    page.keyboard.type("NAL")  # three capitals: Shift held with another key each time
    page.wait_for_timeout(300)
    assert page.url.startswith(live_site.base_url)
    assert page.locator("#site-search-q").input_value() == "NAL"


def test_quick_exit_without_javascript_is_a_plain_link(new_context, live_site):
    page = page_that_can_leave(new_context(java_script_enabled=False), live_site)
    page.goto(live_site.url("contact"))
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(exit_url(live_site))
    assert "Another site" in page.content()


def test_browsing_safely_is_linked_beside_the_quick_exit(page, live_site):
    page.goto(live_site.url("home"))
    page.locator(".quick-exit").get_by_role("link", name="Browsing safely").click()
    # The click returns once the address changes; the page's heading may come a moment later.
    page.wait_for_url(live_site.url("browsing-safely"))
    expect(page.locator("h1")).to_have_count(1)


def test_the_sitemap_opens_in_the_browser_without_a_policy_violation(page, live_site):
    """Browsers show sitemap.xml with their own XML viewer; its policy lets that viewer work."""
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    response = page.goto(f"{live_site.base_url}/sitemap.xml")
    assert response.status == 200
    page.wait_for_timeout(300)
    assert not [text for text in messages if "Content Security Policy" in text]
