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


def machine_speed():
    """The same fixed work on every machine and day, in ms (median of five): a Python loop and a
    PostgreSQL or SQLite count, printed beside the figures so that runs on a faster or busier
    machine can be told apart from changes in the code."""
    python, database = [], []
    with connection.cursor() as cursor:
        for _ in range(5):
            start = time.perf_counter()
            total = 0
            for number in range(1_000_000):
                total += number
            python.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            cursor.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)"
                " SELECT count(*) FROM n"
            )
            cursor.fetchone()
            database.append((time.perf_counter() - start) * 1000)
    return statistics.median(python), statistics.median(database)


def bench_library(requests=60):
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    url = library.url
    client = Client(HTTP_HOST="localhost")
    total = ResourcePage.objects.live().count()
    print(f"{total} resources, {connection.vendor}, {requests} requests each")
    python, database = machine_speed()
    print(
        f"this machine now: a million-step Python loop {python:.0f} ms, "
        f"a 200,000-row count {database:.0f} ms"
    )
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
