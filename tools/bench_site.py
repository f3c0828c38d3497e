"""Load-test the site as it runs in production: gunicorn (2 workers, production settings) on
loopback, driven by wrk, for each kind of page with the page cache on and off, and a static file
from the same server as the ceiling. Prints requests per second, median and 95th-percentile
latency, and each page's share of the ceiling (docs/scaling.md, "Measured").

The latency of a request on its own (1 connection) is measured in rounds that visit every page in
turn, and each page's figure is the median of its rounds: this machine's speed drifts from one
minute to the next, and a page measured in one stretch would carry whatever the machine did
then.

`python -m tools.bench_site [--resources N] [--seconds S] [--rounds R] [--round-seconds S]
[--connections C] [--soak-seconds S] [--port P]` (make bench-site runs it)."""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command

from careers.models import JobPage
from home.models import ExplainerPage
from resources.models import ResourceIndexPage, ResourcePage
from team.models import TeamMemberPage
from tools import ToolError, run
from tools.bench_library import SCENARIOS as LIBRARY_SCENARIOS
from tools.seed_resources import seed_resources

REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""

# The soak test walks every page in turn, so each connection sees the whole site.
ROTATE = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


class Server:
    """gunicorn with the production settings, started and stopped by this tool."""

    def __init__(self, port, page_cache_seconds):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "PAGE_CACHE_SECONDS": str(page_cache_seconds),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "ERROR",
            "GUNICORN_LOG_LEVEL": "warning",
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(  # noqa: S603
            [str(gunicorn), "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}"]
            + ["config.wsgi"],
            cwd=settings.BASE_DIR,
            env=env,
        )
        self.wait_until_ready()

    def wait_until_ready(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/robots.txt", timeout=2)  # noqa: S310
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise ToolError("gunicorn did not start within 60 seconds")

    def fetch(self, path):
        request = urllib.request.Request(  # noqa: S310 - our own loopback server
            self.url + path, headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.headers.get("X-Page-Cache", "")

    def drain(self):
        """Wait until the workers have answered the requests wrk left queued when it stopped,
        so they do not slow the next measurement."""
        self.fetch("/robots.txt")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def run_wrk(url, seconds, connections, script):
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    command += ["-H", "Accept-Encoding: gzip", "-s", script, url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    count, duration, p50, p95, *errors = (int(part) for part in line.split()[1:])
    return {
        "rps": count / (duration / 1_000_000),
        "median": p50 / 1000,
        "p95": p95 / 1000,
        "errors": sum(errors),
        "requests": count,
    }


class SiteBench:
    """One run of the load test: every page, uncached then cached, and the soak."""

    def run(self, resources, seconds, rounds, round_seconds, connections, soak_seconds, port):
        if not shutil.which("wrk"):
            raise ToolError("wrk is not installed (apt-get install wrk; make bench does it).")
        self.connections = connections
        self.ensure_content(resources)
        pages = self.pages()
        ceiling_path = staticfiles_storage.url("css/site.css")
        self.folder = Path(tempfile.mkdtemp(prefix="hrt-bench-"))
        report = self.folder / "report.lua"
        report.write_text(REPORT)
        print(
            f"{ResourcePage.objects.live().count()} resources, "
            f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, gunicorn 2 workers, "
            f"wrk {connections} connections x {seconds} s each, then 1 connection in {rounds} "
            f"rounds of {round_seconds} s over every page"
        )
        results = []
        for mode, cache_seconds in (("uncached", 0), ("cached", 600)):
            server = Server(port, cache_seconds)
            try:
                measured = []
                if mode == "cached":
                    ceiling = self.measure(server, "static file (ceiling)", ceiling_path, "-")
                    measured.append((ceiling, ceiling_path))
                for name, path in pages:
                    state = "-"
                    if mode == "cached":
                        # Each worker keeps its own copy with the local-memory cache.
                        seen = {server.fetch(path)[1] for _ in range(6)}
                        state = "hit" if "hit" in seen else "never"
                    row = self.measure(server, name, path, state, mode, seconds)
                    measured.append((row, path))
                self.measure_alone(server, measured, rounds, round_seconds)
                results.extend(row for row, _path in measured)
                if mode == "cached":
                    soak = self.soak(server, [path for _, path in pages], connections, soak_seconds)
            finally:
                server.stop()
        self.print_table(results, ceiling["loaded"]["rps"])
        print(
            f"\nSoak: every page in turn, {connections} connections for {soak_seconds} s, "
            f"cache on: {soak['requests']} requests, {soak['rps']:.0f} req/s, "
            f"median {soak['median']:.1f} ms, p95 {soak['p95']:.1f} ms, errors {soak['errors']}"
        )
        shutil.rmtree(self.folder, ignore_errors=True)

    def ensure_content(self, resources):
        """The scratch database from make bench-library is reused: the demo content goes into it
        only when it is empty (load_demo_content never touches a site that has pages), and
        resources are generated only when there are fewer than asked for."""
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        missing = resources - ResourcePage.objects.count()
        if missing > 0:
            seed_resources(missing)

    def pages(self):
        library = ResourceIndexPage.objects.get(locale__language_code="en")
        search_filters = next(params for name, params in LIBRARY_SCENARIOS if "search" in name)
        job = JobPage.objects.live().order_by("-closing_date").first()
        return [
            ("home", "/"),
            ("explainer", ExplainerPage.objects.live().first().url),
            ("library, unfiltered", library.url),
            ("library, search + filters", f"{library.url}?{urlencode(search_filters)}"),
            ("resource", ResourcePage.objects.live().order_by("pk").first().url),
            ("team member", TeamMemberPage.objects.live().order_by("pk").first().url),
            ("job (with its form)", job.url),
            ("site search", "/search/?q=naloxone"),
        ]

    def measure(self, server, name, path, state, mode="cached", seconds=5):
        """Throughput and latency under load; `measure_alone` adds the latency on its own."""
        status, _ = server.fetch(path)
        if status != 200:
            raise ToolError(f"{path} answered {status}")
        loaded = run_wrk(server.url + path, seconds, self.connections, self.report_script)
        server.drain()
        return {"name": name, "mode": mode, "state": state, "loaded": loaded}

    def measure_alone(self, server, measured, rounds, seconds):
        """1 connection, every page in turn, `rounds` times; each page keeps the median of its
        rounds' medians and 95th percentiles."""
        runs = {path: [] for _row, path in measured}
        for _round in range(rounds):
            for _row, path in measured:
                runs[path].append(run_wrk(server.url + path, seconds, 1, self.report_script))
                server.drain()
        for row, path in measured:
            row["alone"] = {
                "median": statistics.median(run["median"] for run in runs[path]),
                "p95": statistics.median(run["p95"] for run in runs[path]),
                "rounds": [run["median"] for run in runs[path]],
            }

    @property
    def report_script(self):
        return str(self.folder / "report.lua")

    def soak(self, server, paths, connections, seconds):
        script = self.folder / "soak.lua"
        script.write_text(ROTATE % ", ".join(f'"{path}"' for path in paths) + REPORT)
        return run_wrk(server.url + paths[0], seconds, connections, str(script))

    def print_table(self, results, ceiling):
        load = self.connections
        print(
            f"\n{'page':28} {'mode':9} {'kept':6} | {f'{load} conn: req/s':>15} {'median':>7} "
            f"{'p95':>7} {'ratio':>6} {'errors':>6} | {'1 conn: median':>14} {'p95':>6}  rounds"
        )
        for row in results:
            loaded, alone = row["loaded"], row["alone"]
            rounds = " / ".join(f"{median:.1f}" for median in alone["rounds"])
            print(
                f"{row['name']:28} {row['mode']:9} {row['state']:6} | {loaded['rps']:15.0f} "
                f"{loaded['median']:7.1f} {loaded['p95']:7.1f} {loaded['rps'] / ceiling:6.2f} "
                f"{loaded['errors']:6} | {alone['median']:14.1f} {alone['p95']:6.1f}  {rounds}"
            )
        print(
            "(latencies in ms; ratio = req/s over the static file's req/s; 1 conn: the median of "
            "the rounds' medians and 95th percentiles, rounds: each round's median)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench_site",
        description="Load-test gunicorn with the production settings using wrk (make bench-site).",
    )
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=5, help="per page and mode")
    parser.add_argument(
        "--rounds", type=int, default=3, help="of 1-connection runs, every page in turn"
    )
    parser.add_argument("--round-seconds", type=int, default=2, help="per page and round")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--soak-seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8765)
    run(SiteBench().run, parser)
