"""axe-core (pinned in package.json) on every public page type at phone and desktop widths
(visited once, with the screenshots: `public_page_visits` in conftest.py), and keyboard-only
use."""

import pytest
from playwright.sync_api import expect

from .axe import serious_violations
from .conftest import WIDTHS
from .server import PUBLIC_PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_name", PUBLIC_PAGES)
def test_no_accessibility_violations_of_any_impact(public_page_visits, page_name, width):
    visit = public_page_visits[page_name, width]
    assert visit["violations"] == []
    # With every disclosure and the header's menu and search open, what is inside them too.
    assert visit["violations_opened"] == []


def test_no_serious_violations_after_the_forms_are_sent_with_errors(page, live_site, axe_source):
    for name, button in (("contact", "Send"), ("job", "Send application")):
        page.goto(live_site.url(name))
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state()
        assert page.locator("[aria-invalid=true], .form__error, .errorlist").count() > 0
        assert serious_violations(page, axe_source) == []


FOCUSABLE_PAGES = ["home", "explainer", "library", "resource", "team-member", "contact", "job"]


@pytest.mark.slow
@pytest.mark.parametrize("page_name", FOCUSABLE_PAGES)
def test_keyboard_reaches_everything_with_focus_visible_and_no_trap(page, live_site, page_name):
    page.goto(live_site.url(page_name))
    expected = page.evaluate(
        """() => [...document.querySelectorAll(
            'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'
        )].filter(el => el.tabIndex >= 0 && el.getClientRects().length
            && !el.closest('details:not([open]) > :not(summary)')
            && getComputedStyle(el).visibility !== 'hidden'
            // A group of radio buttons is one stop: the arrow keys move within it.
            && !(el.type === 'radio' && el !== document.getElementsByName(el.name)[0])
        ).length"""
    )
    seen = []
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                    || style.boxShadow !== 'none';
                const index = [...document.querySelectorAll('*')].indexOf(el);
                return {key: `${index}: ${el.outerHTML.slice(0, 80)}`, ring};
            }"""
        )
        if state is None or (seen and state["key"] == seen[0]["key"]):
            break  # focus left the page or came round again: no trap
        seen.append(state)
    assert len(seen) >= expected - 1, f"Tab reached {len(seen)} of {expected} controls"
    keys = [state["key"] for state in seen]
    assert len(set(keys)) == len(keys), f"focus visited a control twice: {keys}"
    no_ring = [state["key"] for state in seen if not state["ring"]]
    assert no_ring == [], "focus is not visible on these"


def test_disclosures_open_and_close_from_the_keyboard(page, live_site):
    page.goto(live_site.url("library"))
    for summary in (page.locator(".crisis__summary"), page.locator("summary.facet__summary").first):
        details = summary.locator("xpath=..")
        summary.focus()
        page.keyboard.press("Enter")
        expect(details).to_have_attribute("open", "")
        page.keyboard.press("Space")
        expect(details).not_to_have_attribute("open", "")
