"""What visitors, applicants and editors come to do, done in a real Chromium against a live
copy of the site with the demo content."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .axe import serious_violations
from .server import EDITOR, STAFF

pytestmark = pytest.mark.browser


def results_heading(page):
    return page.locator("#results-heading")


@pytest.mark.slow
@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_reader_goes_from_the_explainer_to_a_resource(new_context, live_site, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto(live_site.url("explainer"))

    # An approach described on the explainer leads to the library's resources for it.
    page.get_by_role("link", name="Resources for substance use management").click()
    expect(page).to_have_url(re.compile(r"/resources/\?approach=substance-use-management$"))
    expect(page.locator("#f-approach-substance-use-management")).to_be_checked()

    page.get_by_label("Search the library").fill("harm")
    page.get_by_label("Search the library").press("Enter")
    expect(results_heading(page)).to_contain_text("for “harm”")

    page.locator("summary", has_text="Language").click()
    page.get_by_label(re.compile(r"^English")).check()
    if not javascript:
        page.get_by_role("button", name="Apply filters").click()
    expect(results_heading(page)).to_have_text(re.compile(r"13 resources for “harm”"))
    expect(page).to_have_url(re.compile(r"language=english"))

    pages_nav = page.get_by_role("navigation", name="Pages of results")
    expect(pages_nav).to_contain_text("Page 1 of 2")
    pages_nav.get_by_role("link", name="Next page").click()
    expect(pages_nav).to_contain_text("Page 2 of 2")
    # Paging keeps the search and every filter.
    for part in ("q=harm", "language=english", "approach=substance-use-management", "page=2"):
        assert part in page.url
    expect(page.locator("#library-q")).to_have_value("harm")

    first = page.locator(".resource-list .resource-card__title a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    assert "/resources/" in page.url and "?" not in page.url


def test_search_suggestions_work_from_the_keyboard(page, live_site):
    page.goto(live_site.url("home"))
    box = page.get_by_role("combobox", name="Search the site")
    box.fill("naloxone")
    listbox = page.get_by_role("listbox", name="Suggested pages")
    expect(listbox).to_be_visible()
    box.press("Escape")
    expect(listbox).to_be_hidden()
    box.press("ArrowDown")
    expect(listbox).to_be_visible()
    chosen = listbox.get_by_role("option").first
    expect(chosen).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", chosen.get_attribute("id"))
    title = chosen.locator(".site-search__option-title").inner_text()
    box.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
    assert page.url.startswith(live_site.base_url)


def test_the_library_box_suggests_resources_only(page, live_site):
    page.goto(live_site.url("library"))
    box = page.get_by_role("combobox", name="Search the library")
    box.fill("naloxone")
    listbox = page.get_by_role("listbox", name="Suggested resources")
    expect(listbox).to_be_visible()
    types = listbox.locator(".site-search__option-type").all_inner_texts()
    assert types and set(types) == {"Resource"}
    box.press("ArrowDown")
    title = listbox.get_by_role("option").first.locator(".site-search__option-title").inner_text()
    box.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
    assert "/resources/" in page.url


def test_site_search_finds_a_page_from_the_header(page, live_site):
    page.goto(live_site.url("home"))
    page.get_by_label("Search the site").fill("naloxone")
    page.get_by_label("Search the site").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=naloxone"))
    expect(page.locator("h1")).to_have_count(1)
    assert page.locator("main a[href^='/resources/']").count() > 0


@pytest.mark.slow
def test_visitor_sends_the_contact_form(page, live_site, axe_source):
    page.goto(live_site.url("home"))
    page.get_by_role("navigation", name=re.compile("main", re.I)).get_by_role(
        "link", name="Reach out today"
    ).click()
    expect(page.get_by_label("Who would you like to hear from?")).to_have_value("")
    fill_contact_form(page)
    page.get_by_role("button", name="Send").click()
    expect(page.locator("h1")).to_have_text("Thank you, your message was sent")
    assert serious_violations(page, axe_source) == []


def test_clinicians_reach_out_today_preselects_them(page, live_site):
    member = live_site.facts["member"]
    page.goto(live_site.url("team-member"))
    page.locator("main").get_by_role("link", name="Reach out today").first.click()
    expect(page).to_have_url(re.compile(rf"/contact/\?clinician={member['slug']}$"))
    expect(page.get_by_label("Who would you like to hear from?")).to_have_value(member["slug"])


def fill_contact_form(page):
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Phone or email").fill("555-0100")
    page.get_by_role("group", name=re.compile("Preferred way")).get_by_label("Phone call").check()
    page.get_by_role("group", name=re.compile("voicemail")).get_by_label("No").check()
    page.get_by_role("group", name=re.compile("OK to email")).get_by_label("No").check()


def tiny_pdf():
    """A real one-page PDF (valid cross-reference table), made here rather than kept in git."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    text = b"BT /F1 18 Tf 72 720 Td (Sam Rivera - Resume) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.mark.slow
def test_applicant_applies_to_an_open_job_with_a_resume(page, live_site, axe_source):
    page.goto(live_site.url("careers"))
    page.get_by_role("link", name=live_site.facts["open_job"]["title"]).first.click()
    expect(page.locator("h1")).to_have_text(live_site.facts["open_job"]["title"])
    page.get_by_label("Your name").fill("Sam Rivera")
    page.get_by_label("Email", exact=True).fill("sam@example.org")
    page.get_by_label("Resume", exact=True).set_input_files(
        {"name": "sam-rivera.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf()}
    )
    page.get_by_label(re.compile("I agree that the practice keeps")).check()
    page.get_by_role("button", name="Send application").click()
    expect(page.locator("h1")).to_have_text("Thank you for applying")
    expect(page.locator(".notice[role=status]")).to_contain_text(
        live_site.facts["open_job"]["title"]
    )
    assert serious_violations(page, axe_source) == []


def test_closed_job_refuses_applications(page, live_site):
    page.goto(live_site.url("closed-job"))
    expect(page.locator(".job-closed")).to_contain_text("This opening has closed")
    expect(page.get_by_role("button", name="Send application")).to_have_count(0)
    # Even a hand-made post, with a valid CSRF token, is refused.
    page.goto(live_site.url("job"))
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    response = page.request.post(
        live_site.url("closed-job"),
        multipart={
            "csrfmiddlewaretoken": token,
            "full_name": "Sam Rivera",
            "email": "sam@example.org",
            "consent": "on",
            "resume": {"name": "r.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf()},
        },
    )
    assert response.status == 410
    assert "This opening has closed" in response.text()


def log_in(page, live_site, account):
    page.goto(live_site.url("/admin/login/"))
    page.get_by_label("Username").fill(account[0])
    page.get_by_label("Password").fill(account[1])
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_site.url("/admin/"))


@pytest.mark.slow
def test_editor_edits_and_publishes_a_page_and_the_change_is_live(new_context, live_site):
    page = new_context().new_page()
    new_title = "Goals of harm reduction therapy, as we practise them"
    page.goto(live_site.url("goals"))  # seen once, so a kept copy would be stale
    assert new_title not in page.locator("h1").inner_text()

    log_in(page, live_site, EDITOR)
    page.goto(live_site.url(f"/admin/pages/{live_site.facts['goals_id']}/edit/"))
    page.locator("#id_title").fill(new_title)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    public = new_context().new_page()
    public.goto(live_site.url("goals"))
    expect(public.locator("h1")).to_have_text(new_title)


def test_staff_without_the_permission_cannot_see_applications(page, live_site):
    log_in(page, live_site, STAFF)
    menu = page.locator("#wagtail-sidebar")
    expect(menu).to_contain_text("Help")  # the menu has been drawn
    expect(menu).not_to_contain_text("Applications")
    page.goto(live_site.url("/admin/careers/jobapplication/"))
    expect(page).to_have_url(live_site.url("/admin/"))
    expect(page.locator(".messages")).to_contain_text("do not have permission")
    assert "sam@example.org" not in page.content()


@pytest.mark.slow
def test_a_visitor_asks_for_a_place_at_an_event_without_javascript(new_context, live_site):
    page = new_context(java_script_enabled=False, accept_downloads=True).new_page()
    page.goto(live_site.url("home"))
    coming_up = page.locator("section", has=page.locator("#upcoming-events-heading"))
    coming_up.locator(".event-card h3 a").first.click()
    expect(page).to_have_url(live_site.url("event"))

    with page.expect_download() as download:
        page.get_by_role("link", name="Add to your calendar (.ics)").click()
    calendar = download.value
    assert calendar.suggested_filename.endswith(".ics")
    assert "BEGIN:VEVENT" in Path(calendar.path()).read_text(encoding="utf-8")

    page.get_by_role("button", name="Send request").click()
    expect(page.locator("#form-alert")).to_contain_text("Your name")
    page.get_by_label("Your name").fill("Ana")
    page.get_by_label("Email address").fill("ana@example.com")
    page.get_by_role("button", name="Send request").click()
    expect(page.locator("h1")).to_have_text("Your request was sent")
    expect(page.locator(".notice")).to_contain_text("arrived safely")


def test_a_visitor_finds_the_sliding_scale_and_opens_an_answer_by_its_link(page, live_site):
    page.goto(live_site.url("home"))
    page.locator("footer").get_by_role("link", name="Fees and insurance").click()
    expect(page.locator("#sliding-scale-heading")).to_be_visible()
    expect(page.locator(".fees-scale dd").first).to_have_text("$60 a session")

    answer = "is-what-i-say-kept-private-what-are-the-limits"
    page.goto(live_site.url(f"/your-first-session/#{answer}"))
    expect(page.locator(f"details#{answer}")).to_have_attribute("open", "")
    expect(page.locator(f"#{answer} .faq__answer")).to_contain_text("42 CFR Part 2")
