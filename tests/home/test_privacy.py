"""The privacy promises the site makes: no cookies on pages without forms, nothing loaded from
another origin, a privacy notice linked from every form and the footer, and contact questions
that let people say how (and whether) we may reach them."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from core import page_cache
from core.models import PracticeSettings
from tests.home.test_contact import GOOD_POST

pytestmark = pytest.mark.django_db

PAGES_WITHOUT_FORMS = [
    "/",
    "/what-is-harm-reduction/",
    "/goals/",
    "/browsing-safely/",
    "/privacy/",
    "/no-such-page/",
    "/search/?q=naloxone",
]
SAME_ORIGIN_HOSTS = {"", "testserver", "localhost"}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def one_url_per_page_type():
    """One live page of every page type in the tree, so new sections are checked too."""
    urls = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        urls.setdefault(type(page).__name__, page.url)
    return sorted(urls.values())


def has_post_form(page):
    return any(form.get("method", "").lower() == "post" for form in page.find_all("form"))


@pytest.mark.parametrize("url", PAGES_WITHOUT_FORMS)
def test_pages_without_forms_set_no_cookies(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert not response.cookies, f"{url} set {list(response.cookies)}"
    assert "Set-Cookie" not in response.headers


def test_the_contact_page_sets_only_the_csrf_cookie(client):
    response = client.get("/contact/")
    assert set(response.cookies) == {django_settings.CSRF_COOKIE_NAME}


def test_every_page_type_sets_a_cookie_only_if_it_has_a_form(client):
    urls = one_url_per_page_type()
    assert {"/", "/contact/", "/goals/"} <= set(urls)
    for url in urls + PAGES_WITHOUT_FORMS:
        response = client.get(url)
        allowed = {django_settings.CSRF_COOKIE_NAME} if has_post_form(soup_of(response)) else set()
        assert set(response.cookies) <= allowed, f"{url} set {list(response.cookies)}"


def asset_addresses(page):
    """Every address the browser fetches by itself when it renders the page."""
    for tag in page.find_all("script", src=True):
        yield tag["src"]
    for tag in page.find_all("link", href=True):
        rels = {rel.lower() for rel in tag.get("rel", [])}
        if rels & {
            "stylesheet",
            "icon",
            "preload",
            "modulepreload",
            "manifest",
            "apple-touch-icon",
        }:
            yield tag["href"]
    for tag in page.find_all(["img", "source", "iframe", "video", "audio", "embed"]):
        if tag.get("src"):
            yield tag["src"]
        for candidate in tag.get("srcset", "").split(","):
            if candidate.strip():
                yield candidate.split()[0]
    for tag in page.find_all("object", data=True):
        yield tag["data"]


def test_no_public_page_loads_anything_from_another_origin(client):
    urls = sorted(set(one_url_per_page_type() + PAGES_WITHOUT_FORMS + ["/contact/"]))
    checked = 0
    for url in urls:
        page = soup_of(client.get(url))
        for address in asset_addresses(page):
            parts = urlsplit(address)
            assert parts.scheme in ("", "http", "https", "data"), (url, address)
            assert parts.scheme == "data" or parts.hostname in SAME_ORIGIN_HOSTS | {None}, (
                url,
                address,
            )
            checked += 1
    # The check saw the stylesheet, the script and the logo on every page.
    assert checked >= 3 * len(urls)


def test_the_stylesheets_import_nothing_from_another_origin():
    for stylesheet in (django_settings.BASE_DIR / "static" / "css").glob("*.css"):
        css = stylesheet.read_text()
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), stylesheet.name
        assert "@import" not in css, stylesheet.name


def test_privacy_notice_says_what_why_who_how_long_and_no_trackers(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    page = soup_of(response)
    assert page.h1.get_text(strip=True) == "Privacy notice"
    text = page.get_text(" ", strip=True)
    for promise in (
        "What we collect",
        "Why",
        "Who sees it",
        "How long we keep it",
        "no cookies, trackers, analytics, advertising",
        "csrftoken",
        "how many times a day they were searched, never who searched",
    ):
        assert promise in text, promise
    assert page.select_one(".page-meta time")["datetime"]


def test_the_retention_period_on_the_privacy_notice_follows_the_setting(client, settings):
    settings.CONTACT_RETENTION_DAYS = 30
    settings.APPLICATION_RETENTION_DAYS = 365
    text = soup_of(client.get("/privacy/")).select_one(".retention").get_text(" ", strip=True)
    assert "deleted automatically 30 days after they arrive" in text
    assert "Job applications" in text and "365 days" in text


def test_every_page_footer_links_the_privacy_notice_and_browsing_safely(client):
    for url in ("/", "/goals/", "/contact/", "/no-such-page/"):
        footer = soup_of(client.get(url)).find("footer")
        links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
        assert links["Privacy notice"] == "/privacy/", url
        assert links["Browsing safely"] == "/browsing-safely/", url


def test_the_contact_form_links_the_privacy_notice(client):
    page = soup_of(client.get("/contact/"))
    link = page.select_one("main .privacy-link a")
    assert link["href"] == "/privacy/"
    assert "your message" in page.select_one("main .privacy-link").get_text()


def render_privacy_link(**context):
    request = RequestFactory().get("/")
    return render_to_string("includes/privacy_link.html", context, request=request)


def test_the_privacy_link_include_works_beside_any_form():
    html = render_privacy_link(what="your application")
    link = BeautifulSoup(html, "html.parser").select_one("p.privacy-link a")
    assert link["href"] == "/privacy/"
    assert "How we use your application" in html


def test_the_privacy_link_says_nothing_without_a_privacy_page():
    practice = PracticeSettings.load()
    practice.privacy_page = None
    practice.save()
    assert render_privacy_link().strip() == ""


def test_an_unpublished_privacy_page_is_not_linked(client):
    practice = PracticeSettings.load()
    practice.privacy_page.specific.unpublish()
    page = soup_of(client.get("/contact/"))
    assert not page.select(".privacy-link")
    assert "/privacy/" not in str(page.find("footer"))


def test_the_safety_pages_come_with_the_settings_in_one_query(client):
    client.get("/goals/")
    page_cache.clear()  # as after an edit: the settings are read afresh
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/goals/")
    assert 'href="/privacy/"' in response.text
    settings_queries = [q["sql"] for q in queries if 'FROM "core_practicesettings"' in q["sql"]]
    assert len(settings_queries) == 1
    # browsing safely, privacy, accessibility, fees
    assert settings_queries[0].count("JOIN") == 4


def contact_form(client):
    return soup_of(client.get("/contact/")).select_one("form.form")


@pytest.mark.parametrize(
    ("name", "question"),
    [
        ("is_it_ok_to_leave_a_voicemail", "Is it OK to leave a voicemail?"),
        ("is_it_ok_to_email_you", "Is it OK to email you?"),
    ],
)
def test_the_contact_form_asks_yes_or_no_about_voicemail_and_email(client, name, question):
    form = contact_form(client)
    group = form.find("legend", string=re.compile(re.escape(question))).find_parent("fieldset")
    radios = group.select(f'input[type=radio][name="{name}"]')
    assert [radio["value"] for radio in radios] == ["Yes", "No"]
    assert all(radio.has_attr("required") for radio in radios)
    # No answer is chosen for the visitor.
    assert not any(radio.has_attr("checked") for radio in radios)


def test_the_contact_form_says_replies_come_the_chosen_way(client):
    form = contact_form(client)
    note = form.select_one("#reply-note")
    assert "We reply only in the way you choose" in note.get_text()
    assert form.select_one("button[type=submit]")["aria-describedby"] == "reply-note"
    assert form.find("legend", string=re.compile("Preferred way to contact you"))


def test_voicemail_and_email_answers_are_saved_with_the_message(client):
    response = client.post("/contact/", GOOD_POST)
    assert "Thank you, your message was sent" in response.text
    data = FormSubmission.objects.get().get_data()
    assert data["is_it_ok_to_leave_a_voicemail"] == "No"
    assert data["is_it_ok_to_email_you"] == "Yes"


@pytest.mark.parametrize("missing", ["is_it_ok_to_leave_a_voicemail", "is_it_ok_to_email_you"])
def test_the_voicemail_and_email_questions_must_be_answered(client, missing):
    post = {key: value for key, value in GOOD_POST.items() if key != missing}
    response = client.post("/contact/", post)
    assert response.status_code == 200
    assert "Please check the form" in response.text
    assert FormSubmission.objects.count() == 0


def test_the_thank_you_page_points_to_browsing_safely_and_the_privacy_notice(client):
    page = soup_of(client.post("/contact/", GOOD_POST))
    main_links = {a["href"] for a in page.find("main").find_all("a")}
    assert {"/browsing-safely/", "/privacy/"} <= main_links


def test_editors_choose_the_privacy_and_browsing_safely_pages_in_the_settings(
    client, django_user_model, home_page
):
    admin = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/settings/core/practicesettings/", follow=True)
    assert response.status_code == 200
    for text in (
        "Safety, privacy and accessibility",
        "Browsing safely page",
        "Privacy page",
    ):
        assert text in response.text, text
    lines = client.get("/admin/snippets/core/sitetext/")
    assert "Crisis lines and footer (English)" in lines.text
    add_page = client.get(f"/admin/pages/add/home/standardpage/{home_page.pk}/")
    assert add_page.status_code == 200
    assert "Last reviewed" in add_page.text
