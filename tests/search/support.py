"""Helpers for the site search tests."""

from bs4 import BeautifulSoup

from home.models import GoalsPage
from tests.support import add_published


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    """The ordinary results, in order (promoted results are listed apart)."""
    page = soup_of(response)
    return [item.h3.get_text(strip=True) for item in page.select("ol.search-results > li")]


def add_page(parent, title, intro="", slug=None, **fields):
    """A live page under `parent`. GoalsPage's max_count only binds editors in the admin, so
    tests can add as many as they need of a type with a title and free text."""
    page = GoalsPage(
        title=title, slug=slug or title.lower().replace(" ", "-"), intro=intro, **fields
    )
    return add_published(parent, page)
