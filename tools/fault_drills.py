"""Fault drills against the real server (make faults; docs/deploy.md, "Faults"):

1. PostgreSQL restarted under load: gunicorn keeps running; requests fail only while the database
   is down, and the next ones succeed on fresh connections (CONN_HEALTH_CHECKS), with no restart
   of the app.
2. Redis down: pages are still served (rendered from the database), the contact form still
   saves messages, and once Redis is back the page cache works again.

Run with the production settings and DATABASE_URL pointing at a scratch database on a cluster
the drill may restart (make faults makes one on port 5433; never the shared one):
`python -m tools.fault_drills --restart-command "..." [--port P] [--redis-port P] [--seconds S]`.
"""

import argparse
import http.cookiejar
import os
import shlex
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from wagtail.contrib.forms.models import FormSubmission

from home.models import ContactPage
from tools import ToolError, run, style
from tools.proxy import csrf_token

PAGES = ("/", "/what-is-harm-reduction/", "/resources/", "/our-experts/")
CONTACT_MESSAGE = {
    "your_name": "Fault drill",
    "phone_or_email": "drill@example.org",
    "preferred_way_to_contact_you": "Email",
    "is_it_ok_to_leave_a_voicemail": "No",
    "is_it_ok_to_email_you": "Yes",
    "anything_you_would_like_us_to_know": "Sent by a drill.",
}


class Address:
    """Where pages are asked for: an app server, or the balancer in front of several."""

    def __init__(self, port):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"

    def get(self, path, opener=None):
        """(status, X-Page-Cache header, body) of one GET."""
        opener = opener or urllib.request.build_opener()
        try:
            with opener.open(self.url + path, timeout=10) as response:
                return response.status, response.headers.get("X-Page-Cache", ""), response.read()
        except urllib.error.HTTPError as error:
            return error.code, "", b""


class Server(Address):
    """gunicorn with the production settings on 127.0.0.1:`port`, `env` added to this
    process's environment."""

    def __init__(self, port, **env):
        super().__init__(port)
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_LOG_LEVEL": "warning",
            "LOG_LEVEL": "CRITICAL",
            **env,
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        # The expected errors' tracebacks go to a log file, not over the drill's report.
        self.log = Path(tempfile.gettempdir()) / f"hrt-fault-drill-{port}.log"
        self.process = subprocess.Popen(  # noqa: S603
            [str(gunicorn), "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}"]
            + ["config.wsgi"],
            cwd=settings.BASE_DIR,
            env=environment,
            stderr=self.log.open("a"),
            # Its own process group, so a drill can kill the server with its workers at once.
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                self.get("/robots.txt")
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise ToolError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_redis(port):
    """A throwaway redis-server on 127.0.0.1:`port` that keeps nothing on disk."""
    redis = subprocess.Popen(  # noqa: S603
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1"]  # noqa: S607
        + ["--save", "", "--appendonly", "no", "--loglevel", "warning"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return redis
        except OSError:
            time.sleep(0.1)
    raise ToolError("redis-server did not start")


class Load:
    """A few clients asking `address` for `paths` in turn until stopped, recording for each
    answer when it was asked for, what it was, and how long it took."""

    def __init__(self, address, clients=4, paths=PAGES):
        self.address, self.paths = address, paths
        self.results, self.stopping = [], threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(clients)]
        self.start = time.monotonic()
        for thread in self.threads:
            thread.start()

    def run(self, number):
        count = number
        while not self.stopping.is_set():
            asked = time.monotonic()
            try:
                status = self.address.get(self.paths[count % len(self.paths)])[0]
            except OSError as error:
                status = type(error).__name__
            self.results.append((asked - self.start, status, time.monotonic() - asked))
            count += 1

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join()
        return self.results


class FaultDrills:
    """The drills in turn; each returns the failures it saw."""

    def run(self, restart_command, port, redis_port, seconds):
        failures = self.postgres_restart(restart_command, port, seconds)
        failures += self.redis_down(port, redis_port)
        if failures:
            raise ToolError("; ".join(failures))
        print(style.SUCCESS("All fault drills passed."))

    def postgres_restart(self, restart_command, port, seconds):
        print(
            "== PostgreSQL restarted under load (page cache off: every request reads the database)"
        )
        server = Server(port, PAGE_CACHE_SECONDS="0", DB_CONN_MAX_AGE="60")
        print(f"(gunicorn's log: {server.log})")
        failures = []
        try:
            load = Load(server)
            time.sleep(seconds / 4)
            began = time.monotonic() - load.start
            subprocess.run(shlex.split(restart_command), check=True)  # noqa: S603
            ended = time.monotonic() - load.start
            time.sleep(seconds * 3 / 4)
            results = load.stop()
            alive = server.process.poll() is None
        finally:
            server.stop()
        errors = [(at, status) for at, status, _took in results if status != 200]
        print(
            f"restart took {ended - began:.1f} s (from {began:.1f} s to {ended:.1f} s); "
            f"{len(results)} requests, {len(errors)} failed"
        )
        if errors:
            kinds = sorted({str(status) for _, status in errors})
            print(
                f"failures from {errors[0][0]:.1f} s to {errors[-1][0]:.1f} s ({', '.join(kinds)})"
            )
            last_error = errors[-1][0]
        else:
            last_error = ended
        after = [status for at, status, _took in results if at > last_error]
        print(
            f"after the last failure: {len(after)} requests, all answered 200: "
            f"{all(s == 200 for s in after)}; gunicorn still the same process: {alive}"
        )
        if not alive:
            failures.append("gunicorn died during the PostgreSQL restart")
        if last_error - ended > 5:
            failures.append(f"errors went on {last_error - ended:.1f} s after PostgreSQL was back")
        if len(after) < 10:
            failures.append("too few requests after the restart to show recovery")
        return failures

    def redis_down(self, port, redis_port):
        print(f"== Redis down (a throwaway redis-server on port {redis_port})")
        redis = start_redis(redis_port)
        server = Server(
            port,
            REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            PAGE_CACHE_SECONDS="600",
            REDIS_TIMEOUT_MS="250",
        )
        failures = []
        try:
            served = [server.get("/")[1] for _ in range(4)]
            print(f"Redis up: home page {served}")
            if "hit" not in served:
                failures.append("the page cache did not use Redis")
            redis.terminate()
            redis.wait(timeout=10)
            started = time.monotonic()
            answers = [server.get(path)[:2] for path in PAGES * 3]
            took = (time.monotonic() - started) / len(answers) * 1000
            statuses = sorted({status for status, _ in answers})
            print(
                f"Redis stopped: {len(answers)} page requests answered {statuses}, "
                f"none from the cache: {all(kept != 'hit' for _, kept in answers)}, "
                f"{took:.0f} ms each on average"
            )
            if statuses != [200]:
                failures.append(f"pages failed with Redis down: {statuses}")
            saved = self.send_contact_message(server)
            print(f"Redis stopped: contact message saved: {saved}")
            if not saved:
                failures.append("a contact message was lost with Redis down")
            redis = start_redis(redis_port)
            time.sleep(0.5)
            again = [server.get("/")[1] for _ in range(4)]
            print(f"Redis back: home page {again}")
            if "hit" not in again:
                failures.append("the page cache did not come back with Redis")
        finally:
            server.stop()
            redis.terminate()
            redis.wait(timeout=10)
        return failures

    def send_contact_message(self, server):
        page = ContactPage.objects.live().first()
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        status, _, body = server.get(page.url, opener)
        token = csrf_token(body.decode())
        form = {"csrfmiddlewaretoken": token, **CONTACT_MESSAGE}
        before = FormSubmission.objects.filter(page=page).count()
        # The production CSRF cookie is Secure-only, so the jar would not send it over plain
        # http on loopback: send it by hand, as a browser on HTTPS would.
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)
        request = urllib.request.Request(  # noqa: S310 - our own loopback server
            server.url + page.url,
            data=urllib.parse.urlencode(form).encode(),
            headers={"Referer": server.url + page.url, "Cookie": cookies},
        )
        try:
            opener.open(request, timeout=10).read()
        except urllib.error.HTTPError as error:
            print(f"contact post answered {error.code}")
        return FormSubmission.objects.filter(page=page).count() == before + 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m tools.fault_drills",
        description="Restart PostgreSQL under load and stop Redis, checking the site copes "
        "(make faults).",
    )
    parser.add_argument("--restart-command", required=True, help="restarts the database")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--seconds", type=int, default=20)
    run(FaultDrills().run, parser)
