"""The editors' guide (docs/editing.md), walked in Chromium as the practice's lead would: every
step it describes works, and its screenshots are taken on the way. They land in
artifacts/screenshots/editing/; `make editing-screenshots` copies them into docs/editing/."""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS
from .server import LEAD
from .test_journeys import log_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GUIDE_SHOTS = SCREENSHOTS / "editing"


@pytest.fixture(scope="module")
def shots():
    shutil.rmtree(GUIDE_SHOTS, ignore_errors=True)
    GUIDE_SHOTS.mkdir(parents=True)
    yield GUIDE_SHOTS
    if target := os.environ.get("EDITING_SCREENSHOTS_DIR"):
        Path(target).mkdir(parents=True, exist_ok=True)
        for shot in GUIDE_SHOTS.glob("*.jpg"):
            shutil.copy(shot, Path(target) / shot.name)


def shoot(page, path, full_page=False):
    page.screenshot(path=path, type="jpeg", quality=70, full_page=full_page)


def test_the_editors_guide_step_by_step(page, live_site, shots):
    log_in(page, live_site, LEAD)
    ids = live_site.facts["page_ids"]

    # Publish a resource: the form ticks topics with checkboxes.
    page.goto(live_site.url(f"/admin/pages/{ids['resource']}/edit/"))
    expect(page.get_by_role("checkbox").first).to_be_visible()
    shoot(page, shots / "resource-form.jpg")

    # Preview beside the form, and Wagtail's checks.
    page.locator('[data-side-panel-toggle="preview"]').click()
    expect(page.frame_locator("#w-preview-iframe").locator("h1").first).to_be_visible()
    shoot(page, shots / "preview.jpg")
    page.locator('[data-side-panel-toggle="checks"]').click()
    expect(page.locator("[data-content-word-count]")).not_to_have_text("-")
    shoot(page, shots / "checks.jpg")

    # Close an opening now, from its "More" menu.
    page.goto(live_site.url(f"/admin/careers/jobs/{live_site.facts['open_job']['id']}/close/"))
    expect(page.get_by_role("button", name="Yes, close it now")).to_be_visible()
    shoot(page, shots / "close-opening.jpg")

    # Crisis lines, one set per language (Settings › Crisis lines and footer).
    page.goto(live_site.url("/admin/snippets/core/sitetext/"))
    page.get_by_role("link", name="Crisis lines and footer (English)").click()
    expect(page.locator("main")).to_contain_text("Crisis lines")
    shoot(page, shots / "crisis-lines.jpg", full_page=True)

    # The spectrum of approaches, in the order editors choose.
    page.goto(live_site.url("/admin/snippets/core/approach/"))
    expect(page.locator("main")).to_contain_text("Approaches")
    shoot(page, shots / "approaches.jpg")

    # Contact messages, new and handled.
    page.goto(live_site.url("/admin/contact-messages/"))
    expect(page.locator("main")).to_contain_text("Contact messages")
    shoot(page, shots / "contact-messages.jpg")

    # Applications.
    page.goto(live_site.url("/admin/careers/jobapplication/"))
    expect(page.locator("main")).to_contain_text("Applications")
    shoot(page, shots / "applications.jpg")

    # Pages due for review.
    page.goto(live_site.url("/admin/reviews/"))
    expect(page.locator("main")).to_contain_text("Reviews due")
    shoot(page, shots / "reviews-due.jpg")

    # The dashboard's panels.
    page.goto(live_site.url("/admin/"))
    shoot(page, shots / "dashboard.jpg")
    assert sorted(shot.name for shot in shots.glob("*.jpg")) == sorted(
        [
            "resource-form.jpg",
            "preview.jpg",
            "checks.jpg",
            "close-opening.jpg",
            "crisis-lines.jpg",
            "approaches.jpg",
            "contact-messages.jpg",
            "applications.jpg",
            "reviews-due.jpg",
            "dashboard.jpg",
        ]
    )
