"""Time the resource library and the site search in-process: server time per request (median and
95th percentile) and SQL queries, for the library unfiltered, with two filters, and with a search
and filters; the first view after an edit, which also renders the layout kept in the cache
again; the site search and the header box's suggestions.

`python -m tools.bench_library [--requests N]` (make bench-library runs it)."""

import argparse
import statistics
import time
from urllib.parse import urlencode

from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import page_cache
from resources.library import LibrarySearch
from resources.models import ResourceIndexPage, ResourcePage
from tools import run

SCENARIOS = [
    ("library, unfiltered", {}),
    ("library, two filters", {"topic": "naloxone", "substance": "opioids"}),
    (
        "library, search + two filters",
        {"q": "overdose", "topic": "naloxone", "language": "english"},
    ),
    ("library, search only", {"q": "fentanyl test strips"}),
    ("library, page 50 sorted by title", {"sort": "title", "page": "50"}),
]
# Each request of this one follows an edit (a new page cache generation).
AFTER_AN_EDIT = "library, first view after an edit"
# The site search and the header box's suggestions (issue 18's limits), by address.
SEARCH_SCENARIOS = [
    ("site search", "/search/", {"q": "naloxone overdose"}),
    ("site search, a question", "/search/", {"q": "how do I use naloxone"}),
    ("site search, misspelled", "/search/", {"q": "nalaxone"}),
    ("autocomplete", "/search/autocomplete/", {"q": "nalox"}),
    ("autocomplete, misspelled", "/search/autocomplete/", {"q": "nalax"}),
]


def bench_library(requests=60):
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    url = library.url
    client = Client(HTTP_HOST="localhost")
    total = ResourcePage.objects.live().count()
    print(f"{total} resources, {connection.vendor}, {requests} requests each")
    print(f"{'scenario':36} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'results':>8}")
    library_scenarios = [(name, url, params) for name, params in [*SCENARIOS, (AFTER_AN_EDIT, {})]]
    for name, address, params in [*library_scenarios, *SEARCH_SCENARIOS]:
        after_an_edit = name == AFTER_AN_EDIT
        for _ in range(3):  # warm caches, connections and the template loader
            client.get(address, params, secure=True)
        timings = []
        for _ in range(requests):
            if after_an_edit:
                page_cache.clear()
            start = time.perf_counter()
            response = client.get(address, params, secure=True)
            timings.append((time.perf_counter() - start) * 1000)
        if after_an_edit:
            page_cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address, params, secure=True)
        assert response.status_code == 200, response.status_code
        count = ""
        if address == url:
            count = LibrarySearch(library, QueryDict(urlencode(params))).total
        p95 = statistics.quantiles(timings, n=20)[18]
        print(
            f"{name:36} {statistics.median(timings):10.1f} {p95:8.1f} "
            f"{len(queries.captured_queries):8} {count:>8}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench_library",
        description="Measure the resource library's server time and SQL queries.",
    )
    parser.add_argument("--requests", type=int, default=60)
    run(bench_library, parser)
