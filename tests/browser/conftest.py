"""Fixtures for the browser tests: one live copy of the site (tests/browser/server.py) and
Chromium driven by Playwright: Debian's headless build of it (chromium-headless-shell), the
same engine without the windowed browser around it, as Playwright itself runs headless by default.

Chromium resolves no name and no address but this machine's (127.0.0.1), so nothing a test does
ever leaves the machine: a request to another site fails at once, and every browser context keeps
the addresses that failed so on `context.refused`, for the tests that assert there were none.
The tests that take the quick exit answer its destination from a stub page
(`stub_the_quick_exit`)."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .axe import AXE, every_violation
from .server import PUBLIC_PAGES, running_site, start_site

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium-headless-shell")
# Text is laid out as the windowed Chromium lays it out, at fractional widths: the headless build
# otherwise rounds each glyph's hinted advance, and lines come out a few pixels longer.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--font-render-hinting=none",
    # Another site's address fails to resolve, without asking the network (guard_origin).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
# The smallest phone the design is judged on (an iPhone SE), and the desktop width.
SMALL_PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
WIDTHS = {"phone": SMALL_PHONE, "desktop": DESKTOP}
# Full-page screenshots of every public page type (tests/browser/test_design.py);
# `DESIGN_SCREENS=before` keeps a set taken before a change beside the set taken after it.
SCREENS = Path(__file__).resolve().parents[2] / "artifacts" / "screens"
SCREENS_SET = os.environ.get("DESIGN_SCREENS", "after")
STUB_PAGE = "<!DOCTYPE html><html lang=en><title>Elsewhere</title><h1>Another site</h1></html>"


def pytest_collection_modifyitems(items):
    # With several test processes (pytest-xdist), tests/conftest.py keeps every browser test in
    # the same one, so the live site is built once.
    #
    # Without Chromium (a laptop that never ran `make browser-deps`) the browser tests are
    # skipped; in CI, where .ci/run installs it, they fail instead.
    if Path(CHROMIUM).exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: run `make browser-deps`")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


# Session scope: the browser tests may reach their process between tests of other packages, and
# building the site (migrate, demo content, static files) is the slowest step they have.
@pytest.fixture(scope="session")
def live_site(request, tmp_path_factory):
    """The site the browser tests visit: a copy of the test run's demo database (tests/conftest.py)
    served as in production, or, with LIVE_SITE_URL set, a site already running there (`make
    cluster` runs the journeys through its balancer)."""
    workdir = tmp_path_factory.mktemp("browser-site")
    if os.environ.get("LIVE_SITE_URL"):
        yield running_site(os.environ["LIVE_SITE_URL"], workdir)
        return
    from django.db import connection

    site = start_site(workdir, request.getfixturevalue("demo_database"), connection.settings_dict)
    yield site
    site.stop()


@pytest.fixture(scope="package")
def browser():
    # Package scope: Playwright's event loop must be gone before the database tests of other
    # packages run, or Django takes them for async code.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def guard_origin(context, live_site):
    """Keep on `context.refused` every request to another origin, which Chromium refused
    (CHROMIUM_ARGS). Only requests that failed are looked at: a listener that stopped every
    request on its way (`route`) would also turn off the browser's cache."""
    own = {origin(live_site.base_url), live_site.facts.get("media_origin")}
    context.refused = []

    def note(request):
        url = request.url
        if not url.startswith(("data:", "blob:")) and origin(url) not in own:
            context.refused.append(url)

    context.on("requestfailed", note)


def stub_the_quick_exit(context, live_site):
    """Answer the quick exit's destination, another site, from a stub page, as Chromium cannot
    reach it; any other request to that site fails, and so is kept on `context.refused`."""
    exit_origin = origin(live_site.facts["quick_exit_url"])

    def answer(route):
        if route.request.resource_type == "document":
            route.fulfill(status=200, content_type="text/html", body=STUB_PAGE)
        else:
            route.abort()

    context.route(f"{exit_origin}/**", answer)


def pages_per_width(browser, live_site, widths):
    """A page per width ({name: viewport}), guarded as `new_context` guards, yielded as
    {name: page} for a module's fixture to reuse across its tests; closed afterwards."""
    contexts, pages = [], {}
    for name, viewport in widths.items():
        context = browser.new_context(viewport=viewport)
        context.set_default_timeout(10_000)
        guard_origin(context, live_site)
        contexts.append(context)
        pages[name] = context.new_page()
    yield pages
    for context in contexts:
        context.close()


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def new_context(browser, live_site):
    """A factory of fresh browser contexts (no cookies, no history), closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        guard_origin(context, live_site)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture(scope="package")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make browser-deps` (npm ci)")
    return AXE.read_text()


H1_TOP = """() => { const h = document.querySelector('main h1');
    return h ? h.getBoundingClientRect().top + window.scrollY : null; }"""
# Every disclosure, and the header's menu and search both at once (the buttons, site.js, open
# only one at a time), so that axe-core checks what is inside them too. Only those parts
# (`OPENED`) are checked again: the rest of the page was checked as it loaded, and opening them
# changes nothing else.
OPEN_EVERYTHING = """() => {
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    document.querySelectorAll('#main-nav, #site-search')
        .forEach(part => part.classList.add('is-open'));
}"""
OPENED = ["details", "#main-nav", "#site-search"]
# How long the search boxes wait after the last key before asking for suggestions (at least
# static/js/autocomplete.js's DELAY_MS).
SUGGESTIONS_PAUSE_MS = 250


# What a first visit fetched: the page and everything it loaded, in bytes over the wire.
TRANSFERRED = """() => performance.getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource'))
    .reduce((total, entry) => total + entry.transferSize, 0)"""
TYPEFACE = """() => ({
    loaded: document.fonts.check('700 18px "Source Sans 3"'),
    family: getComputedStyle(document.body).fontFamily,
})"""


@pytest.fixture(scope="package")
def public_page_visits(browser, live_site, axe_source):
    """Every public page type at both widths, visited once for the checks that read each page as
    it loads. At the phone's width the browser's cache is off, so each page is fetched as on a
    first visit. By (page name, width name):

    - "shot": a full-page screenshot (artifacts/screens/after/); "h1_top": where its h1 starts;
    - "violations": axe-core's as it loads, and "violations_opened" in what OPEN_EVERYTHING
      opened, once opened;
    - "requested": every address the page asked for, as it loaded and opened, and at the
      phone's width once a search was typed into its header (the suggestions); "refused":
      those to another origin, refused;
    - at the phone's width, "transferred": the bytes the first visit fetched up to the load
      event; "typeface": whether the site's typeface loaded, and the body's font family."""
    folder = SCREENS / SCREENS_SET
    folder.mkdir(parents=True, exist_ok=True)
    visits = {}
    opened = pages_per_width(browser, live_site, WIDTHS)
    for width, page in next(opened).items():
        # axe-core comes with every document rather than being sent into each page twice.
        page.add_init_script(script=axe_source)
        first_visits = width == "phone"
        if first_visits:
            page.context.new_cdp_session(page).send(
                "Network.setCacheDisabled", {"cacheDisabled": True}
            )
            # Time runs as it does, but the suggestions' pause after typing can be skipped.
            page.clock.install()
        viewport = WIDTHS[width]
        for name in PUBLIC_PAGES:
            requested, refused_before = [], len(page.context.refused)

            def record(request, requested=requested):
                requested.append(request.url)

            page.on("request", record)
            # Loaded with its pictures and the typeface: what a screenshot needs (waiting for
            # the network to fall idle as well costs half a second a page and adds nothing).
            page.goto(live_site.url(name), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            visit = {"h1_top": page.evaluate(H1_TOP)}
            if first_visits:
                visit["transferred"] = page.evaluate(TRANSFERRED)
                visit["typeface"] = page.evaluate(TYPEFACE)
            visit["shot"] = folder / f"{name}-{viewport['width']}x{viewport['height']}.png"
            page.screenshot(path=visit["shot"], full_page=True)
            visit["violations"] = every_violation(page, axe_source)
            page.evaluate(OPEN_EVERYTHING)
            visit["violations_opened"] = every_violation(page, axe_source, within=OPENED)
            if first_visits:
                with page.expect_response(lambda response: "/autocomplete/" in response.url):
                    page.locator("#site-search-q").fill("nal")
                    page.clock.fast_forward(SUGGESTIONS_PAUSE_MS)
            page.remove_listener("request", record)
            visit["requested"] = requested
            visit["refused"] = page.context.refused[refused_before:]
            visits[name, width] = visit
    next(opened, None)  # the pages' contexts closed
    return visits
