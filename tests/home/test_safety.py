"""Crisis help and the quick exit: the same on every page, editable, and usable without
JavaScript; the “Browsing safely” page beside the quick exit."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from wagtail.models import Page

from core.blocks import crisis_line
from core.models import PracticeSettings, SiteText
from home.models import ExplainerPage, HomePage
from home.models.pages import StandardPage

pytestmark = pytest.mark.django_db

PAGES = ["/", "/what-is-harm-reduction/", "/goals/", "/contact/", "/privacy/", "/no-such-page/"]
STATIC = django_settings.BASE_DIR / "static"


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def banner_of(client, url="/"):
    return soup_of(client.get(url)).select_one("aside.crisis")


@pytest.mark.parametrize("url", PAGES)
def test_quick_exit_then_crisis_help_open_every_page_in_the_same_order(client, url):
    body = soup_of(client.get(url)).body
    top = [tag for tag in body.find_all(recursive=False) if tag.name not in ("script",)]
    assert "quick-exit" in top[0]["class"]
    links = top[0].find_all("a")
    assert "quick-exit__button" in links[0]["class"]
    assert "skip-link" in links[-1]["class"]
    assert top[1].name == "aside" and "crisis" in top[1]["class"]
    assert top[2].name == "header"


def test_the_banner_has_every_crisis_line_the_issue_names(client):
    banner = banner_of(client)
    links = {a["href"]: a.get_text(" ", strip=True) for a in banner.find_all("a")}
    assert links["tel:911"].startswith("Call 911")
    assert links["tel:988"].startswith("Call 988")
    assert links["sms:988"].startswith("Text 988")
    assert links["https://988lifeline.org/chat/"].startswith("Chat online")
    assert links["tel:18006624357"] == "Call 1-800-662-4357"
    assert links["tel:18004874889"] == "TTY 1-800-487-4889"
    assert links["tel:18004843731"] == "Call 1-800-484-3731"
    text = banner.get_text(" ", strip=True)
    assert "SAMHSA National Helpline" in text
    assert "Free, confidential, 24/7, in English and Spanish." in text
    assert "Call or text 988, or chat online, 24/7." in text
    assert "Never Use Alone" in text


def test_the_banner_top_line_shows_only_the_always_visible_lines(client):
    banner = banner_of(client)
    top = [a["href"] for a in banner.select(".crisis__top a")]
    assert top == ["tel:911", "tel:988", "sms:988"]
    # The rest waits one tap away, and no link sits inside the <summary>.
    assert banner.select_one("details.crisis__details > summary").get_text(strip=True) == (
        "More help lines"
    )
    assert not banner.select("summary a")
    # Each short link still says which line it calls, for screen readers.
    assert "988 Suicide & Crisis Lifeline" in banner.select(".crisis__top a")[1].get_text()


def test_editors_change_the_crisis_lines_in_the_settings(client):
    practice = SiteText.objects.get(locale__language_code="en")
    practice.crisis_lines = [
        crisis_line(
            "Local crisis team", "Mobile crisis, 24/7.", phone="(555) 010-0911", pinned=True
        ),
        crisis_line("Warm line", "Someone to talk to.", text="555-0100"),
    ]
    practice.save()
    banner = banner_of(client, "/goals/")
    assert [a["href"] for a in banner.select(".crisis__top a")] == ["tel:5550100911"]
    assert banner.select_one('.crisis__list a[href="sms:5550100"]')
    assert "988" not in banner.get_text()


def test_crisis_lines_are_in_the_footer_too(client):
    footer = soup_of(client.get("/")).find("footer")
    hrefs = {a["href"] for a in footer.find_all("a")}
    assert {"tel:911", "tel:988", "sms:988", "tel:18006624357", "tel:18004843731"} <= hrefs


@pytest.mark.parametrize("url", PAGES)
def test_the_quick_exit_is_a_plain_first_link_that_leaves_no_referrer(client, url):
    page = soup_of(client.get(url))
    exit_link = page.select_one("[data-quick-exit]")
    assert page.body.find("a") is exit_link
    assert exit_link.name == "a" and exit_link["href"] == PracticeSettings.load().quick_exit_url
    assert "noreferrer" in exit_link["rel"]
    assert "Leave this site" in exit_link.get_text()
    # The script that makes it replace the history entry is loaded from this site.
    assert page.find("script", src=re.compile(r"^/static/js/site\.js"))


def test_the_whole_site_sends_no_referrer_to_other_sites(client):
    assert client.get("/").headers["Referrer-Policy"] == "same-origin"


def test_browsing_safely_is_linked_right_after_the_quick_exit(client):
    bar = soup_of(client.get("/goals/")).select_one(".quick-exit")
    links = bar.find_all("a")
    assert links[0].has_attr("data-quick-exit")
    assert links[1].get_text(strip=True) == "Browsing safely"
    assert links[1]["href"] == "/browsing-safely/"


def test_without_a_browsing_safely_page_the_quick_exit_stands_alone(client):
    practice = PracticeSettings.load()
    practice.browsing_safely_page = None
    practice.save()
    bar = soup_of(client.get("/goals/")).select_one(".quick-exit")
    assert len(bar.select("a:not(.skip-link)")) == 1


def test_browsing_safely_explains_private_browsing_history_and_the_button_limits(client):
    response = client.get("/browsing-safely/")
    assert response.status_code == 200
    page = soup_of(response)
    assert page.h1.get_text(strip=True) == "Browsing safely"
    headings = [h.get_text(strip=True) for h in page.find("main").find_all(["h2"])]
    assert "Use a private window" in headings
    assert "Clear your history" in headings
    assert "The button does not erase your history" in headings
    text = page.get_text(" ", strip=True)
    assert "press the Shift key three times" in text
    assert "call log" in text


def test_the_quick_exit_script_follows_the_exit_this_page_pattern():
    script = (STATIC / "js" / "site.js").read_text()
    # Replace the history entry, count three Shift presses at most five seconds apart, and
    # tell screen readers what is happening.
    assert "location.replace(" in script
    assert re.search(r"PRESSES_NEEDED = 3;", script)
    assert re.search(r"PRESS_WINDOW_MS = 5000;", script)
    assert 'setAttribute("role", "status")' in script
    assert 'setAttribute("role", "alert")' in script
    assert '"pageshow"' in script


def css_rules(selector_pattern):
    css = (STATIC / "css" / "site.css").read_text()
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [
        body
        for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
        if re.search(selector_pattern, sel)
    ]


def test_the_sticky_quick_exit_cannot_hide_keyboard_focus():
    # The bar is sticky, one fixed height, and the page scrolls focus clear of it.
    bar = " ".join(css_rules(r"^\s*\.quick-exit\s*$"))
    assert "position: sticky" in bar
    assert "height: var(--quick-exit-height)" in bar
    assert "nowrap" in bar
    padding = " ".join(css_rules(r"^\s*html\s*$"))
    assert "scroll-padding-top: calc(var(--quick-exit-height)" in padding
    # The skip link shows above the bar, not beneath it.
    assert any("z-index: 40" in rule for rule in css_rules(r"^\s*\.skip-link\s*$"))


def test_standard_pages_live_under_the_home_page_only(home_page):
    assert StandardPage.allowed_parent_page_models() == [HomePage]
    assert StandardPage in HomePage.allowed_subpage_models()
    assert StandardPage.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(ExplainerPage.objects.get(locale__language_code="en"))
    assert not StandardPage.can_create_at(Page.get_first_root_node())


def test_a_standard_page_is_searchable_and_has_one_h1(client):
    response = client.get("/privacy/")
    page = soup_of(response)
    assert len(page.find_all("h1")) == 1
    results = Page.objects.live().search("private window")
    assert "Browsing safely" in [result.title for result in results]
