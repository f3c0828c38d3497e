"""Whole anonymous pages come from the cache, and editors' changes show at once
(core/page_cache.py)."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import CacheHandler
from django.test import RequestFactory
from wagtail.models import Page

from careers.models import JobPage
from core import page_cache
from core.models import PracticeSettings
from home.models import ExplainerPage, GoalsPage, HomePage
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db

CACHED = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def heading(response):
    return BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)


def menu_titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".main-nav a")]


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    first = client.get("/what-is-harm-reduction/")
    assert first[CACHED] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/what-is-harm-reduction/")
    assert second[CACHED] == "hit"
    assert second.content == first.content
    # Security headers still come with a kept page.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Content-Type-Options"] == "nosniff"


def test_compressed_and_plain_copies_are_kept_apart(client):
    client.get("/goals/", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/goals/")
    assert plain[CACHED] == "miss"
    assert "Content-Encoding" not in plain
    gzipped = client.get("/goals/", HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped[CACHED] == "hit"
    assert gzipped["Content-Encoding"] == "gzip"


def test_publishing_a_change_shows_at_once(client):
    goals = GoalsPage.objects.get(locale__language_code="en")
    client.get(goals.url)
    assert client.get(goals.url)[CACHED] == "hit"
    goals.title = "Goals of harm reduction therapy, revised"
    goals.save_revision().publish()
    response = client.get(goals.url)
    assert response[CACHED] == "miss"
    assert heading(response) == "Goals of harm reduction therapy, revised"


def test_a_change_to_one_page_clears_the_others_that_show_it(client):
    """The menu on every page shows each section's title."""
    client.get("/")
    explainer = ExplainerPage.objects.get(locale__language_code="en")
    explainer.title = "Harm reduction, explained"
    explainer.save_revision().publish()
    assert "Harm reduction, explained" in menu_titles(client.get("/"))


def test_unpublishing_a_page_clears_it_and_the_pages_that_list_it(client):
    library = client.get("/resources/")
    first_listed = BeautifulSoup(library.content, "html.parser").select_one("main h3 a")
    resource = ResourcePage.objects.get(url_path__endswith=first_listed["href"][1:])
    client.get(resource.url)
    assert client.get("/resources/")[CACHED] == "hit"
    resource.unpublish()
    assert client.get(resource.url).status_code == 404
    assert f'href="{first_listed["href"]}"' not in client.get("/resources/").text


def test_moving_a_page_clears_the_old_address(client):
    goals = GoalsPage.objects.get(locale__language_code="en")
    old_url = goals.url
    client.get(old_url)
    goals.move(ExplainerPage.objects.get(locale__language_code="en"), pos="last-child")
    # Wagtail leaves a redirect from the old address to the new one.
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == "/what-is-harm-reduction/goals/"


def test_deleting_a_page_clears_it(client):
    resource = ResourcePage.objects.live().first()
    client.get(resource.url)
    Page.objects.get(pk=resource.pk).delete()
    assert client.get(resource.url).status_code == 404


def test_saving_a_draft_keeps_the_pages(client):
    """Visitors see a draft only once it is published: editors' saves cost them nothing."""
    client.get("/goals/")
    goals = Page.objects.get(url_path__endswith="/goals/").specific
    goals.title = "A draft title"
    goals.save_revision()
    response = client.get("/goals/")
    assert response[CACHED] == "hit"
    assert "A draft title" not in response.text


def test_changing_the_practice_settings_shows_at_once(client):
    """A crisis line or phone number must never be shown out of date."""
    client.get("/")
    practice = PracticeSettings.load()
    practice.phone = "(555) 010-9999"
    practice.save()
    response = client.get("/")
    assert response[CACHED] == "miss"
    assert "(555) 010-9999" in response.text


def test_every_worker_sees_the_pages_another_kept_and_its_clear(client, settings):
    """Each worker builds its own cache connections (another process would): they read and
    write the same kept pages, and a clear in one is seen by all."""
    client.get("/goals/")
    other_worker = CacheHandler()[settings.PAGE_CACHE_ALIAS]
    assert other_worker is not page_cache.page_cache()
    generation = other_worker.get(page_cache.GENERATION_KEY)
    assert generation is not None
    assert other_worker.get(page_cache.page_key(RequestFactory().get("/goals/")))[0] == generation
    other_worker.set(page_cache.GENERATION_KEY, "cleared by another worker", timeout=None)
    assert client.get("/goals/")[CACHED] == "miss"


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=naloxone",
        "/search/autocomplete/?q=nal",
        "/resources/?q=overdose",
        "/contact/",
    ],
)
def test_searches_and_forms_are_never_kept(client, url):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert CACHED not in response


def test_an_open_job_with_its_form_is_never_kept(client):
    job = JobPage.objects.live().first()
    assert job.is_open
    client.get(job.url)
    response = client.get(job.url)
    assert "csrfmiddlewaretoken" in response.text
    assert CACHED not in response


def test_a_form_page_is_not_kept_even_for_a_visitor_who_has_a_csrf_cookie(client):
    client.get("/contact/")
    assert "csrftoken" in client.cookies
    assert CACHED not in client.get("/contact/")


def test_filters_without_a_search_are_kept(client):
    client.get("/resources/?topic=naloxone")
    assert client.get("/resources/?topic=naloxone")[CACHED] == "hit"
    assert client.get("/resources/?topic=overdose-prevention")[CACHED] != "hit"


def test_logged_in_editors_always_get_a_fresh_page(client, admin_user):
    client.get("/goals/")
    client.force_login(admin_user)
    response = client.get("/goals/")
    assert CACHED not in response
    # Nor is the page an editor saw kept for anonymous visitors.
    client.logout()
    client.cookies.clear()
    assert client.get("/goals/")[CACHED] == "hit"


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client):
    client.get("/goals/")
    client.cookies["messages"] = "a message for this visitor"
    assert CACHED not in client.get("/goals/")


def test_admin_is_never_kept(client, admin_user):
    client.force_login(admin_user)
    for _ in range(2):
        assert CACHED not in client.get("/admin/")


def test_posts_head_requests_and_errors_are_never_kept(client):
    assert CACHED not in client.head("/goals/")
    for _ in range(2):
        missing = client.get("/no-such-page/")
        assert missing.status_code == 404
        assert CACHED not in missing
    post = client.post("/goals/")
    assert CACHED not in post


def test_a_response_setting_a_cookie_is_not_kept(rf):
    from django.http import HttpResponse

    request = rf.get("/")
    request.page_cache_allowed = True
    response = HttpResponse("hello")
    assert page_cache.is_cacheable_response(request, response)
    response.set_cookie("seen", "yes")
    assert not page_cache.is_cacheable_response(request, response)
    private = HttpResponse("hello", headers={"Cache-Control": "private"})
    assert not page_cache.is_cacheable_response(request, private)
    varies = HttpResponse("hello", headers={"Vary": "Accept-Language"})
    assert not page_cache.is_cacheable_response(request, varies)


def test_views_not_marked_in_urls_are_not_kept(client):
    for _ in range(2):
        assert CACHED not in client.get("/robots.txt")
        assert CACHED not in client.get("/sitemap.xml")


def test_the_page_cache_is_off_when_its_lifetime_is_zero(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert CACHED not in client.get("/goals/")


def test_a_failing_cache_is_not_fatal(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "tests.production.support.BrokenCache"},
    }
    for _ in range(2):
        response = client.get("/goals/")
        assert response.status_code == 200
        assert CACHED not in response
    page_cache.clear()  # logs, never raises


def test_the_home_page_is_kept_too(client):
    home = HomePage.objects.get(locale__language_code="en")
    client.get(home.url)
    assert client.get(home.url)[CACHED] == "hit"
