"""The phone-first header and the site's look (docs/design.md): the page's h1 in the first
screen of a phone, the menu one row on a desktop, the quick exit first and always in view, the
menu button with and without JavaScript, phone numbers kept whole, and full-page screenshots of
every public page type at both widths (artifacts/screens/after/)."""

import re

import pytest

from .conftest import SMALL_PHONE, WIDTHS, pages_per_width
from .server import PUBLIC_PAGES

pytestmark = pytest.mark.browser

H1_TOP_LIMIT = 260


@pytest.fixture(scope="module")
def width_pages(browser, live_site):
    """One page per width, reused by every test here, to keep the run short."""
    yield from pages_per_width(browser, live_site, WIDTHS)


def test_screenshots_of_every_public_page_type(public_page_visits):
    assert len(public_page_visits) == len(PUBLIC_PAGES) * len(WIDTHS)
    for visit in public_page_visits.values():
        assert visit["shot"].stat().st_size > 10_000, visit["shot"].name


@pytest.mark.parametrize("page_name", PUBLIC_PAGES)
def test_the_h1_starts_in_the_first_260_px_of_a_phone(public_page_visits, page_name):
    top = public_page_visits[page_name, "phone"]["h1_top"]
    assert top is not None, "the page has no h1 in <main>"
    assert top <= H1_TOP_LIMIT, f"the h1 starts at y={top:.0f}"


def menu_link_tops(page):
    return page.eval_on_selector_all(
        ".main-nav__link", "links => links.map(link => link.getBoundingClientRect().top)"
    )


FALLBACK_IN_USE = """() => [...document.fonts].some(face =>
    face.family.replace(/"/g, "") === "Source Sans 3 fallback" && face.status === "loaded")"""


def test_the_menu_is_one_row_on_a_desktop(width_pages, live_site):
    page = width_pages["desktop"]
    for name, menu, site_search in (
        ("home", "Main", "Site search"),
        ("team-member", "Main", "Site search"),
        ("es-home", "Principal", "Buscar en el sitio"),
    ):
        # In the fallback, as a first visit whose typeface comes late shows the page (`font-display:
        # optional`), and in the typeface, or the fallback again if it is still late: the
        # fallback is scaled to the typeface's widths, so either way the menu keeps to one row.
        page.route("**/*.woff2", lambda route: route.abort())
        page.goto(live_site.url(name))
        in_fallback = menu_link_tops(page)
        assert page.evaluate(FALLBACK_IN_USE), "the scaled fallback face was not used"
        page.unroute("**/*.woff2")
        page.goto(live_site.url(name))
        page.evaluate("document.fonts.ready.then(() => true)")
        tops = menu_link_tops(page)
        assert len(tops) >= 5
        assert len(set(in_fallback)) == 1, (
            f"the menu wraps on {name} in the fallback: {in_fallback}"
        )
        assert len(set(tops)) == 1, f"the menu wraps on {name}: link tops {tops}"
        # No menu button on a desktop: the menu and the search box are simply there.
        assert page.get_by_role("navigation", name=menu).is_visible()
        assert page.get_by_role("search", name=site_search).is_visible()
        assert page.locator(".site-header__toggle").filter(visible=True).count() == 0


def test_no_card_is_left_alone_on_a_row_at_1280(width_pages, live_site):
    """Every grid of cards (home, team, goals, careers) shows its two to six items with no row
    of one, as its rows are measured in the browser."""
    page = width_pages["desktop"]
    checked = 0
    for name in ("home", "team", "goals", "careers"):
        page.goto(live_site.url(name))
        rows_per_grid = page.eval_on_selector_all(
            ".card-grid, .member-grid, .statement-list--grid",
            """grids => grids.map(grid => {
                const tops = [...grid.children].map(
                    item => Math.round(item.getBoundingClientRect().top));
                const rows = {};
                tops.forEach(top => { rows[top] = (rows[top] || 0) + 1; });
                return Object.values(rows);
            })""",
        )
        for rows in rows_per_grid:
            if 2 <= sum(rows) <= 6:
                checked += 1
                assert 1 not in rows, f"a card alone on a row on {name}: rows of {rows}"
    assert checked >= 4


@pytest.mark.parametrize("width", WIDTHS)
def test_the_quick_exit_is_first_in_tab_order_and_stays_in_view(width_pages, live_site, width):
    page = width_pages[width]
    page.goto(live_site.url("team-member"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-quick-exit')")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("window.scrollY > 300")
    in_view = page.evaluate(
        """() => {
            const link = document.querySelector('[data-quick-exit]');
            const box = link.getBoundingClientRect();
            const x = box.left + box.width / 2, y = box.top + box.height / 2;
            const hit = document.elementFromPoint(x, y);
            return box.top >= 0 && box.bottom <= window.innerHeight && link.contains(hit);
        }"""
    )
    assert in_view, "the quick exit scrolled out of view"


def test_the_menu_and_search_buttons_work_with_javascript(width_pages, live_site):
    page = width_pages["phone"]
    page.goto(live_site.url("goals"))
    menu = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Main")
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.get_attribute("aria-controls") == "main-nav"
    assert not nav.is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    assert nav.get_by_role("link", name="Reach out today").is_visible()
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()

    # Search is one tap away: the box opens with the cursor in it.
    search = page.get_by_role("button", name="Search", exact=True).first
    assert search.get_attribute("aria-expanded") == "false"
    search.click()
    assert search.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("naloxone")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=naloxone")


def test_the_menu_and_search_open_without_javascript(new_context, live_site):
    page = new_context(viewport=SMALL_PHONE, java_script_enabled=False).new_page()
    page.goto(live_site.url("goals"))
    nav = page.get_by_role("navigation", name="Main")
    box = page.get_by_role("searchbox", name="Search the site")
    assert not nav.is_visible() and not box.is_visible()
    page.locator(".site-header__toggle--menu > summary").click()
    assert nav.get_by_role("link", name="Reach out today").is_visible()
    page.locator(".site-header__toggle--search > summary").click()
    assert box.is_visible()
    box.fill("naloxone")
    box.press("Enter")
    page.wait_for_url("**/search/?q=naloxone")


@pytest.mark.parametrize("page_name", ["home", "contact", "team-member", "search"])
def test_phone_numbers_never_break_across_lines(width_pages, live_site, page_name):
    page = width_pages["phone"]
    page.goto(live_site.url(page_name))
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    broken = page.evaluate(
        """() => [...document.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')]
            .filter(link => link.getClientRects().length > 1)
            .map(link => link.textContent.trim())"""
    )
    assert page.locator('a[href^="tel:"]').count() > 0
    assert broken == []


# Whether the picture `img` has arrived and been decoded.
LOADED = "img.complete && img.naturalWidth > 0"
PICTURES = f"""selector => [...document.querySelectorAll(selector)].map(img => ({{
    source: img.currentSrc, loaded: {LOADED},
    shown: Math.round(img.getBoundingClientRect().width)}}))"""
# The rendition's own width, from its name: "….format-avif.width-800.avif", "….fill-320x320.avif".
RENDITION_WIDTH = re.compile(r"\.(?:width-|fill-)(\d+)")


def rendition_width(picture):
    return int(RENDITION_WIDTH.search(picture["source"])[1])


IMAGE_LOADED = f"""selector => {{
    const img = document.querySelector(selector);
    return img && {LOADED};
}}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_pictures_arrive_as_avif_no_smaller_than_shown(width_pages, live_site, width):
    """Chromium takes the AVIF renditions, at a width that is sharp where it is shown (the
    `sizes` attributes match the layout) and not far beyond it: a phone does not fetch the
    1200 px hero."""
    page = width_pages[width]
    for name, selector in (("home", ".hero__image"), ("team-member", ".member__header img")):
        page.goto(live_site.url(name))
        page.wait_for_function(IMAGE_LOADED, arg=selector)
        (picture,) = page.evaluate(PICTURES, selector)
        assert picture["loaded"] and picture["source"].endswith(".avif"), f"{name}: {picture}"
        assert picture["shown"] <= rendition_width(picture) <= 2 * picture["shown"], picture
    page.goto(live_site.url("team"))
    for img in page.locator(".member-card img").all():
        img.scroll_into_view_if_needed()  # lazy: fetched as it comes near the screen
        for _try in range(50):
            if img.evaluate(f"img => {LOADED}"):
                break
            page.wait_for_timeout(100)
    cards = page.evaluate(PICTURES, ".member-card img")
    assert len(cards) == 3, cards
    for card in cards:
        assert card["loaded"] and card["source"].endswith(".avif"), card
        assert card["shown"] <= rendition_width(card) <= 2 * card["shown"], card


BUDGET_BYTES = 250_000


def test_the_one_typeface_is_self_hosted_and_every_first_visit_stays_small(
    public_page_visits, live_site
):
    """Each page at a phone's width as a first visit, with nothing in the browser's cache: the
    load event waits for the stylesheet, the typeface and the pictures on screen, everything a
    first visit fetches (pictures further down are fetched as they near it)."""
    sizes = {}
    for name in PUBLIC_PAGES:
        visit = public_page_visits[name, "phone"]
        assert visit["typeface"]["loaded"], name
        assert "Source Sans 3" in visit["typeface"]["family"], name
        fonts = [url for url in visit["requested"] if url.endswith(".woff2")]
        assert fonts and all(url.startswith(live_site.base_url) for url in fonts), (name, fonts)
        sizes[name] = visit["transferred"]
    print("first-visit bytes:", sizes)
    too_big = {name: size for name, size in sizes.items() if size >= BUDGET_BYTES}
    assert too_big == {}
