"""The library's and the events' Atom feeds, read by a real feed parser."""

import feedparser
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize(
    ("page_url", "feed_url"),
    [("/resources/", "/resources/feed/"), ("/groups-and-events/", "/groups-and-events/feed/")],
)
def test_each_feed_is_linked_from_its_page(client, page_url, feed_url):
    page = BeautifulSoup(client.get(page_url).content, "html.parser")
    link = page.select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert link["href"] == feed_url


def test_the_library_feed_lists_resources_newest_first_with_what_a_reader_needs(client):
    feed = read_feed(client, "/resources/feed/")
    assert feed.feed.title.startswith("Harm reduction resources")
    assert feed.feed.author == "Harm Reduction Therapy"
    assert any(link.rel == "self" for link in feed.feed.links)
    assert len(feed.entries) == 30
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    entry = feed.entries[0]
    assert entry.link.startswith("http://testserver/resources/")
    assert entry.summary and entry.id and entry.tags


def test_the_events_feed_lists_only_upcoming_events_soonest_first(client):
    feed = read_feed(client, "/groups-and-events/feed/")
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "Free naloxone workshop",
        "Drinking less: a harm reduction group",
        "Harm reduction therapy: a one-day training for clinicians",
    ]
    assert "Online" in feed.entries[0].summary
