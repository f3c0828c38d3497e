"""Fixtures for the browser tests: one live copy of the site (tests/browser/server.py) and
Debian's Chromium driven by Playwright.

Every browser context refuses requests to any origin but the site's, so nothing a test does
ever leaves the machine; the addresses it refused are kept on `context.refused` for the tests
that assert there were none. The quick exit's destination answers from a stub page instead."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .axe import AXE
from .server import running_site, start_site

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
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
def live_site(tmp_path_factory):
    """The site the browser tests visit: a copy of its own, or, with LIVE_SITE_URL set, a site
    already running there (`make cluster` runs the journeys through its balancer)."""
    workdir = tmp_path_factory.mktemp("browser-site")
    if os.environ.get("LIVE_SITE_URL"):
        yield running_site(os.environ["LIVE_SITE_URL"], workdir)
        return
    site = start_site(workdir)
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
    """Serve the quick exit's destination from a stub and refuse any other foreign request
    (uploaded images may come from the media storage's own origin, such as an S3 bucket)."""
    own = {origin(live_site.base_url), live_site.facts.get("media_origin")}
    exit_origin = origin(live_site.facts["quick_exit_url"])
    context.refused = []

    def handle(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or origin(url) in own:
            route.continue_()
        elif origin(url) == exit_origin and route.request.resource_type == "document":
            route.fulfill(status=200, content_type="text/html", body=STUB_PAGE)
        else:
            context.refused.append(url)
            route.abort()

    context.route("**/*", handle)


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
