import pytest
from bs4 import BeautifulSoup

from core.models import PracticeSettings, SiteText
from tests.support import assert_no_inline_code

pytestmark = pytest.mark.django_db

CORE_PAGES = ["/", "/what-is-harm-reduction/", "/goals/", "/contact/"]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_shows_promise_teaser_pathways_and_call_to_action(client):
    response = client.get("/")
    assert response.status_code == 200
    page = soup_of(response)
    assert page.h1.get_text(strip=True) == "Pragmatic Help without Judgement"
    assert "What is harm reduction?" in page.get_text()
    assert page.select_one('a[href="/contact/"]').get_text(strip=True) == "Reach out today"
    pathway_links = {a["href"] for a in page.select(".pathways a")}
    assert {"/what-is-harm-reduction/", "/goals/"} <= pathway_links


def test_explainer_shows_abstinence_answer_and_spectrum_in_order(client):
    page = soup_of(client.get("/what-is-harm-reduction/"))
    text = page.get_text(" ")
    assert "meet people where they are at" in text
    assert "Is abstinence/sobriety the goal?" in text
    assert "Abstinence is not required, nor is it forced on individuals." in text
    names = [h.get_text(" ", strip=True) for h in page.select(".spectrum__name")]
    assert names[0].startswith("Substance Use Management")
    assert names[1:] == ["Targeted Abstinence", "Total Abstinence"]
    assert "Using clean needles" in text


def test_explainer_faq_is_native_disclosure_widgets(client):
    page = soup_of(client.get("/what-is-harm-reduction/"))
    items = page.select(".faq details.faq__item")
    assert len(items) >= 3
    assert all(item.summary and item.summary.get_text(strip=True) for item in items)


def test_editing_an_approach_changes_the_explainer(client):
    from core.models import Approach

    approach = Approach.objects.get(slug="targeted-abstinence", locale__language_code="en")
    approach.summary = "One substance at a time, edited."
    approach.save()
    assert "One substance at a time, edited." in client.get("/what-is-harm-reduction/").text


def test_goals_page_shows_goals_and_principles(client):
    page = soup_of(client.get("/goals/"))
    titles = [h.get_text(strip=True) for h in page.select(".statement__title")]
    for principle in ("Dignity", "Respect", "Informed choice", "Collaboration"):
        assert principle in titles
    assert "collaborative effort by both the individual and their therapist" in page.get_text()


@pytest.mark.parametrize("url", CORE_PAGES)
def test_every_page_has_one_h1_landmarks_skip_link_and_meta(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = soup_of(response)
    assert len(page.find_all("h1")) == 1
    assert page.find("main", id="main")
    assert page.find("header") and page.find("footer") and page.find("nav")
    assert page.select_one("a.skip-link")["href"] == "#main"
    assert page.find("html")["lang"] == "en"
    assert page.title.get_text(strip=True)
    assert page.find("meta", attrs={"name": "description"})["content"]
    assert page.find("link", rel="canonical")["href"] == f"http://localhost{url}"
    for prop in ("og:title", "og:description", "og:url", "og:site_name"):
        assert page.find("meta", property=prop)["content"]


@pytest.mark.parametrize("url", CORE_PAGES + ["/search/?q=harm", "/no-such-page/"])
def test_pages_carry_no_inline_script_or_style_and_send_a_csp(client, url):
    response = client.get(url)
    assert_no_inline_code(response.text)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("url", CORE_PAGES)
def test_crisis_lines_and_quick_exit_come_from_the_settings(client, url):
    practice = PracticeSettings.load()
    practice.quick_exit_url = "https://example.com/weather"
    practice.save()
    text = SiteText.objects.get(locale__language_code="en")
    text.footer_text = "We acknowledge the land we work on."
    text.save()
    page = soup_of(client.get(url))
    exit_link = page.select_one("[data-quick-exit]")
    assert exit_link["href"] == "https://example.com/weather"
    # The quick exit comes first in the tab order, before the skip link.
    first_link = page.body.find("a")
    assert first_link is exit_link
    banner = page.select_one(".crisis")
    assert "988 Suicide & Crisis Lifeline" in banner.get_text()
    assert banner.select_one('a[href="tel:18006624357"]')
    assert banner.select_one('a[href="tel:988"]')
    assert "We acknowledge the land we work on." in page.select_one("footer").get_text()


def test_main_menu_is_built_from_the_page_tree(client, home_page):
    page = soup_of(client.get("/goals/"))
    links = {a.get_text(strip=True): a for a in page.select(".main-nav a")}
    assert "What is harm reduction?" in links
    assert links["Goals of harm reduction therapy"]["aria-current"] == "page"
    goals = home_page.get_children().get(slug="goals")
    goals.show_in_menus = False
    goals.save()
    page = soup_of(client.get("/"))
    assert "Goals of harm reduction therapy" not in page.select_one(".main-nav").get_text()


def test_home_page_query_count_is_bounded(client, home_page, django_assert_max_num_queries):
    client.get("/")  # warm Wagtail's site-root cache as a running site would have it
    # 17: two of them are the hero's picture and its renditions; four list the featured team
    # members with their photos, leaving out private ones (tests/team checks 20 members), and
    # two the next events (tests/practice_events).
    with django_assert_max_num_queries(17):
        assert client.get("/").status_code == 200
    # More cards on the page cost no more queries.
    home_page.pathways = list(home_page.pathways.raw_data) * 4
    home_page.save_revision().publish()
    client.get("/")
    with django_assert_max_num_queries(17):
        assert client.get("/").status_code == 200


def test_sitemap_lists_live_pages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.text
    for url in CORE_PAGES:
        assert f"<loc>http://localhost{url}</loc>" in body


def test_robots_txt_points_to_the_sitemap_and_keeps_admin_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


def test_unknown_url_gets_a_friendly_404(client):
    response = client.get("/this/does/not/exist/")
    assert response.status_code == 404
    page = soup_of(response)
    assert "can’t find that page" in page.h1.get_text()
    assert page.select_one("[data-quick-exit]")


def test_admin_is_not_indexed(client):
    response = client.get("/admin/login/")
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"


def test_reach_out_today_comes_last_in_the_main_menu(client):
    page = soup_of(client.get("/"))
    titles = [a.get_text(strip=True) for a in page.select(".main-nav a")]
    assert titles[-1] == "Reach out today"
    assert titles[0] == "What is harm reduction?"
