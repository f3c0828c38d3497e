"""More than one server, proven (make cluster; docs/scaling.md, "The cluster drill").

On this machine, on loopback only, the drill starts what a deploy on several servers runs:
nginx as the balancer (docs/deploy.md's very blocks, tools/proxy.py) in front of two gunicorn
app servers with the production settings, a Redis of its own as the shared cache, page cache
and limits' store, an S3-compatible store (moto's standalone server) with a public bucket for
media and a private one for resumes, and a database of its own on the machine's PostgreSQL.
The settings come from the environment alone, as `make cluster` gives them.

Then, through the balancer, with request loops bounded in time:
1. the browser tests' visitor, applicant and editor journeys pass (tests/browser/test_journeys.py
   with LIVE_SITE_URL set to the balancer; all of them, or three in the short form), and the
   pages of a visitor's journey answer;
2. an editor unpublishes a page on one app server and the other stops serving it at once
   (the shared page cache is cleared); the editor's login is valid on the other;
3. the editors' images are in the public bucket, shown on pages, allowed by the Content
   Security Policy, and load in Chromium with no violation;
4. a resume goes to the private bucket: refused without a signature, downloaded through the
   admin by a permitted user and not by another;
5. the contact form's limit holds across both app servers for one person, separately for two;
6. one app server is killed under load: no request fails, and once restarted it serves
   through the balancer again; Redis stopped under load: pages are still served;
7. `manage.py backup` holds the buckets' objects, and `manage.py restore` puts back a picture
   lost from the bucket and the database as it was, with no page kept from before.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import boto3
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.storage import storages
from wagtail.models import Page

from tools import ToolError, run, style
from tools.fault_drills import CONTACT_MESSAGE, PAGES, Address, Load, Server, start_redis
from tools.proxy import Visitor, csrf_token, start_nginx

# The short form's journeys: a reader, an applicant and an editor.
SHORT_JOURNEYS = "reader_goes or applicant_applies or editor_edits_and_publishes"
JOURNEY = PAGES + ("/contact/", "/resources/?q=naloxone", "/careers/", "/search/?q=narcan")
EDITOR = ("cluster-editor", "cluster-editor-pass-1234")
READER = ("cluster-reader", "cluster-reader-pass-1234")  # staff, but may not read applications
PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
# Two people on connections of their own (loopback addresses of their own).
LOOPBACK_PEOPLE = ("127.0.0.2", "127.0.0.3")
# Public reads on the media bucket only for images (docs/scaling.md): documents are streamed
# through the site, which checks who is asking.
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [
                "arn:aws:s3:::{bucket}/images/*",
                "arn:aws:s3:::{bucket}/original_images/*",
            ],
        }
    ],
}


def start_manage(*args):
    """manage.py in a process of its own, with the drill's environment, as a deploy runs it;
    `finish_manage` waits for it."""
    return subprocess.Popen(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_manage(process):
    _output, errors = process.communicate(timeout=600)
    if process.returncode:
        raise ToolError(f"{' '.join(process.args[1:])} failed:\n{errors[-2000:]}")


def manage(*args):
    finish_manage(start_manage(*args))


def manage_while(background, *commands):
    """Run `commands` (each manage.py's arguments) one after the other while `background` (from
    `start_manage`) runs, then wait for it. A command that fails stops `background`, and its own
    error is the one reported."""
    try:
        for command in commands:
            manage(*command)
    except BaseException:
        background.kill()
        background.communicate()
        raise
    finish_manage(background)


def wait_for_port(port, process, name):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=1)
            return
        except requests.ConnectionError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    raise ToolError(f"{name} did not start on port {port}")


class ClusterDrill:
    def __init__(self, balancer_port, app_ports, redis_port, s3_port, seconds, all_journeys):
        self.balancer = Address(balancer_port)
        self.app_ports = app_ports
        self.redis_port = redis_port
        self.s3_port = s3_port
        self.seconds = seconds
        self.all_journeys = all_journeys
        self.failures = []
        # Both buckets are on the one store the settings name (AWS_S3_ENDPOINT_URL).
        store = settings.STORAGES["default"]["OPTIONS"]
        self.endpoint = store["endpoint_url"]
        self.s3 = boto3.client("s3", endpoint_url=self.endpoint, region_name=store["region_name"])

    def check(self, condition, failure):
        if not condition:
            self.failures.append(failure)
            print(style.ERROR(f"  FAILED: {failure}"))

    def run(self):
        started = time.monotonic()
        with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="hrt-cluster-") as folder:
            self.folder = Path(folder)
            self.redis = start_redis(self.redis_port)
            stack.callback(lambda: self.redis.terminate())
            s3 = subprocess.Popen(  # noqa: S603 (fixed arguments)
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.s3_port)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            stack.callback(s3.terminate)
            wait_for_port(self.s3_port, s3, "the S3-compatible store (moto)")
            self.make_buckets()
            print("== one release on both app servers: static files, migrations, demo content")
            # The static files are collected while the database is migrated and filled.
            manage_while(
                start_manage("collectstatic", "--noinput", "-v0"),
                ("migrate", "--noinput", "-v0"),
                ("load_demo_content",),
            )
            self.make_users()
            self.servers = [Server(port) for port in self.app_ports]
            stack.callback(lambda: [server.stop() for server in self.servers])
            nginx = start_nginx(folder, self.balancer.port, self.app_ports, settings.MEDIA_ROOT)
            stack.callback(nginx.terminate)
            print(
                f"balancer {self.balancer.url} -> app servers on {self.app_ports}; Redis on "
                f"{self.redis_port}; S3 on {self.s3_port}; ready in "
                f"{time.monotonic() - started:.0f} s"
            )
            for drill in (
                self.journey,
                self.publish_on_one_server,
                self.images_on_s3,
                self.resume_in_private_bucket,
                self.limits_across_servers,
                self.app_server_killed,
                self.redis_stopped,
                self.backup_and_restore,
            ):
                drill()
        print(f"drill took {time.monotonic() - started:.0f} s")
        if self.failures:
            raise ToolError("; ".join(self.failures))
        print(style.SUCCESS("The cluster drill passed."))

    def make_buckets(self):
        public = settings.STORAGES["default"]["OPTIONS"]["bucket_name"]
        private = settings.STORAGES["private"]["OPTIONS"]["bucket_name"]
        for bucket in (public, private):
            self.s3.create_bucket(Bucket=bucket)
        policy = json.dumps(PUBLIC_READ).replace("{bucket}", public)
        self.s3.put_bucket_policy(Bucket=public, Policy=policy)
        self.public_bucket, self.private_bucket = public, private

    def make_users(self):
        users = get_user_model()
        if not users.objects.filter(username=EDITOR[0]).exists():
            users.objects.create_superuser(EDITOR[0], "editor@example.org", EDITOR[1])
        if not users.objects.filter(username=READER[0]).exists():
            reader = users.objects.create_user(READER[0], "reader@example.org", READER[1])
            reader.groups.add(Group.objects.get(name="Editors"))

    def logged_in(self, port, who):
        """A requests session logged in to the admin on the app server at `port`."""
        session = requests.Session()
        login = f"http://127.0.0.1:{port}/admin/login/"
        token = csrf_token(session.get(login, timeout=10).text)
        answer = session.post(
            login,
            data={"username": who[0], "password": who[1], "csrfmiddlewaretoken": token},
            headers={"Referer": login},
            timeout=10,
        )
        if "/admin/login/" in answer.url:
            raise ToolError(f"{who[0]} could not log in on port {port}")
        return session

    def journey(self):
        print("== 1. the browser tests' journeys through the balancer")
        chosen = [] if self.all_journeys else ["-k", SHORT_JOURNEYS]
        done = subprocess.run(  # noqa: S603 (fixed arguments)
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             "--ds", "config.settings.test", "tests/browser/test_journeys.py", *chosen],
            cwd=settings.BASE_DIR,
            env={
                **os.environ,
                "LIVE_SITE_URL": self.balancer.url,
                "LIVE_SITE_SETTINGS": os.environ["DJANGO_SETTINGS_MODULE"],
            },
            capture_output=True,
            text=True,
            timeout=900,
        )  # fmt: skip
        summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
        print(f"  {summary}")
        self.check(done.returncode == 0, f"journeys failed:\n{done.stdout[-3000:]}")
        answers = {path: self.balancer.get(path)[0] for path in JOURNEY}
        print(f"  {len(answers)} pages: {sorted(set(answers.values()))}")
        self.check(set(answers.values()) == {200}, f"pages failed: {answers}")

    def publish_on_one_server(self):
        print("== 2. unpublished on one app server, gone from the other at once")
        first, second = (Address(port) for port in self.app_ports)
        page = Page.objects.live().filter(url_path__contains="/resources/").last()
        path = page.url
        kept = [second.get(path)[:2] for _ in range(2)]
        print(f"  {path} on the second server before: {kept}")
        self.check(kept[-1] == (200, "hit"), "the second server did not keep the page")
        editor = self.logged_in(first.port, EDITOR)
        unpublish = f"{first.url}/admin/pages/{page.pk}/unpublish/"
        token = csrf_token(editor.get(unpublish, timeout=10).text)
        editor.post(unpublish, data={"csrfmiddlewaretoken": token}, headers={"Referer": unpublish})
        after = second.get(path)[0]
        print(f"  unpublished on the first server; the second answers {after}")
        self.check(after == 404, f"the second server still served the page ({after})")
        dashboard = editor.get(f"{second.url}/admin/", timeout=10, allow_redirects=False)
        print(f"  the login from the first server, on the second: {dashboard.status_code}")
        self.check(dashboard.status_code == 200, "the session was not valid on the other server")

    def images_on_s3(self):
        print("== 3. images in the public bucket, on pages, allowed by the policy")
        response = requests.get(self.balancer.url + "/", timeout=10)
        sources = re.findall(r'srcset="([^" ]+)', response.text)
        hero = next((source for source in sources if ".avif" in source), "")
        self.hero_url = hero
        print(f"  the hero's AVIF: {hero}")
        bucket_images = f"{self.endpoint}/{self.public_bucket}/images/"
        self.check(hero.startswith(bucket_images), "the hero is not in the public bucket")
        image = requests.get(hero, timeout=10)
        print(f"  fetched without credentials: {image.status_code} {image.headers['Content-Type']}")
        self.check(image.status_code == 200, "the public bucket refused an image")
        policy = response.headers["Content-Security-Policy"]
        img_src = re.search(r"img-src ([^;]+)", policy)[1]
        print(f"  img-src {img_src}")
        self.check(self.endpoint in img_src, "the policy does not allow the bucket's images")
        beyond_images = policy.replace(img_src, "")
        self.check(self.endpoint not in beyond_images, "the bucket allowed beyond images")
        self.images_in_chromium()

    def images_in_chromium(self):
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROME_PATH", "/usr/bin/chromium")
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            violations = []
            page.on(
                "console",
                lambda message: (
                    violations.append(message.text)
                    if "Content Security Policy" in message.text
                    else None
                ),
            )
            seen = {}
            for path in ("/", "/our-experts/"):
                page.goto(self.balancer.url + path, wait_until="networkidle")
                seen[path] = page.evaluate(
                    "() => [...document.querySelectorAll('main img')].filter(img => "
                    "img.complete && img.naturalWidth > 0 && img.currentSrc.includes('.avif'))"
                    ".length"
                )
            browser.close()
        print(f"  Chromium: AVIF pictures shown {seen}, policy violations {len(violations)}")
        self.check(all(seen.values()), "Chromium showed no picture from the bucket")
        self.check(violations == [], f"policy violations: {violations[:2]}")

    def resume_in_private_bucket(self):
        print("== 4. a resume in the private bucket, read only through the admin")
        from careers.models import JobApplication, JobPage

        job = next(job for job in JobPage.objects.live() if job.is_open)
        applicant = requests.Session()
        url = self.balancer.url + job.url
        token = csrf_token(applicant.get(url, timeout=10).text)
        answer = applicant.post(
            url,
            data={
                "csrfmiddlewaretoken": token,
                "full_name": "Cluster Drill",
                "email": "drill@example.org",
                "phone": "555-0100",
                "cover_note": "Sent through the balancer.",
                "consent": "on",
            },
            files={"resume": ("resume.pdf", PDF, "application/pdf")},
            headers={"Referer": url},
            timeout=30,
        )
        application = JobApplication.objects.order_by("-pk").first()
        key = application.resume.name if application else ""
        print(f"  application answered {answer.status_code}; resume at {key!r}")
        stored = self.s3.list_objects_v2(Bucket=self.private_bucket).get("Contents", [])
        self.check(any(item["Key"] == key for item in stored), "resume not in the private bucket")
        unsigned = requests.get(f"{self.endpoint}/{self.private_bucket}/{key}", timeout=10)
        print(f"  its address without a signature: {unsigned.status_code}")
        self.check(unsigned.status_code == 403, "the private bucket served a resume to anyone")
        download = f"/admin/careers/jobapplication/resume/{application.pk}/"
        answers = {}
        for who, port in ((EDITOR, self.app_ports[1]), (READER, self.app_ports[0])):
            response = self.logged_in(port, who).get(f"http://127.0.0.1:{port}{download}")
            answers[who[0]] = (response.status_code, response.content == PDF)
        print(f"  the admin's download: {answers}")
        self.check(answers[EDITOR[0]] == (200, True), "a permitted user could not download it")
        self.check(answers[READER[0]][0] == 403, "a user without permission downloaded it")

    def limits_across_servers(self):
        print("== 5. the contact form's limit across both app servers, per person")
        limit = settings.CONTACT_RATE_LIMIT
        one, other = (Visitor(self.balancer.port, source) for source in LOOPBACK_PEOPLE)
        first = [one.send_contact_form("/contact/", CONTACT_MESSAGE) for _ in range(limit + 1)]
        second = other.send_contact_form("/contact/", CONTACT_MESSAGE)
        print(f"  one person, {limit + 1} messages: {first}; another person: {second}")
        self.check(first == [200] * limit + [429], "the limit did not hold across servers")
        self.check(second == 200, "another person was refused")

    def app_server_killed(self):
        print("== 6a. an app server killed under load")
        load = Load(self.balancer, paths=JOURNEY)
        time.sleep(self.seconds / 3)
        killed_at = time.monotonic() - load.start
        victim = self.servers[0]
        os.killpg(victim.process.pid, signal.SIGKILL)
        victim.process.wait()
        time.sleep(self.seconds / 3)
        self.servers[0] = Server(self.app_ports[0])
        restarted = time.monotonic()
        back_at = restarted - load.start
        time.sleep(self.seconds / 3)
        results = load.stop()
        errors = [(at, status) for at, status, _took in results if status != 200]
        around = [took for at, _status, took in results if killed_at <= at <= killed_at + 2]
        print(
            f"  {len(results)} requests; killed at {killed_at:.1f} s, restarted at "
            f"{back_at:.1f} s; failed {len(errors)}; slowest answer in the 2 s after the kill "
            f"{max(around, default=0) * 1000:.0f} ms"
        )
        self.check(errors == [], f"requests failed when a server went down: {errors[:3]}")
        # The restarted server serves through the balancer again once nginx tries it after
        # fail_timeout (docs/deploy.md): with the other one stopped, every answer is its own.
        self.servers[1].stop()
        rejoined = None
        while rejoined is None and time.monotonic() - restarted < 30:
            if self.balancer.get("/robots.txt")[0] == 200:
                rejoined = time.monotonic() - restarted
            else:
                time.sleep(0.5)
        answers = [self.balancer.get(path)[0] for path in JOURNEY]
        print(
            f"  the other server stopped: the restarted one serves through the balancer "
            f"{rejoined or 30:.1f} s after its restart, answering {sorted(set(answers))}"
        )
        self.check(rejoined is not None, "the restarted server did not rejoin the balancer")
        self.check(set(answers) == {200}, f"the restarted server failed pages: {answers}")
        self.servers[1] = Server(self.app_ports[1])

    def redis_stopped(self):
        print("== 6b. Redis stopped under load")
        load = Load(self.balancer, paths=JOURNEY)
        time.sleep(self.seconds / 3)
        self.redis.terminate()
        self.redis.wait(timeout=10)
        stopped_at = time.monotonic() - load.start
        time.sleep(self.seconds / 3)
        results = load.stop()
        after = [status for at, status, _took in results if at > stopped_at]
        print(
            f"  {len(results)} requests, {len(after)} after Redis stopped at {stopped_at:.1f} s: "
            f"{sorted({str(status) for status in after})}"
        )
        self.check(after and set(after) == {200}, "pages failed with Redis stopped")
        self.redis = start_redis(self.redis_port)

    def backup_and_restore(self):
        print("== 7. back-up and restore, with media on S3")
        from home.models import HomePage

        manage("backup", "--output-dir", str(self.folder / "backups"))
        archive = next((self.folder / "backups").glob("hrt-backup-*.tar.gz"))
        with tarfile.open(archive) as tar:
            names = tar.getnames()
        media = [name for name in names if name.startswith("media/")]
        resumes = [name for name in names if name.startswith("private_media/resumes/")]
        print(f"  {archive.name}: {len(media)} media objects, {len(resumes)} resume(s)")
        self.check(any("original_images/path-together" in name for name in media), "no media")
        self.check(resumes, "the archive holds no resume from the private bucket")
        # After the back-up: a picture lost from the bucket, and the home page changed (and
        # kept in the shared page cache).
        key = self.hero_url.split(f"/{self.public_bucket}/", 1)[1]
        self.s3.delete_object(Bucket=self.public_bucket, Key=key)
        home = HomePage.objects.get(locale__language_code="en")
        promise = home.hero_promise
        home.hero_promise = "Changed after the back-up"
        home.save_revision().publish()
        kept = [self.balancer.get("/") for _ in range(3)]
        changed = all(b"Changed after the back-up" in body for _status, _kept, body in kept)
        print(
            f"  changed and kept: {changed} ({kept[-1][1]}); picture lost: "
            f"{requests.get(self.hero_url, timeout=10).status_code}"
        )
        # docs/backups.md: the app servers stop while the restore runs.
        for server in self.servers:
            server.stop()
        manage("restore", "--yes", str(archive))
        self.servers = [Server(port) for port in self.app_ports]
        _status, cached, body = self.balancer.get("/")
        picture = requests.get(self.hero_url, timeout=10).status_code
        print(
            f"  restored: the home page's promise is back: {promise.encode() in body} "
            f"(page cache {cached or 'off'}); the picture answers {picture}"
        )
        self.check(promise.encode() in body, "the restored site served a page kept from before")
        self.check(picture == 200, "the restore did not put the picture back in the bucket")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m tools.cluster_drill",
        description="A balancer, two app servers, Redis, S3 and PostgreSQL, drilled together "
        "(make cluster).",
    )
    parser.add_argument("--balancer-port", type=int, default=8780)
    parser.add_argument("--app-ports", type=int, nargs=2, default=[8781, 8782])
    parser.add_argument("--redis-port", type=int, default=6392)
    parser.add_argument("--s3-port", type=int, default=5090)
    parser.add_argument("--seconds", type=int, default=15, help="each load's length")
    parser.add_argument(
        "--short", action="store_true", help="three journeys of the browser tests, not all"
    )

    def drill(balancer_port, app_ports, redis_port, s3_port, seconds, short):
        if not storages["default"].__class__.__name__.startswith("S3"):
            raise ToolError("run by make cluster, with media on the drill's S3 store")
        ClusterDrill(
            balancer_port, app_ports, redis_port, s3_port, seconds, all_journeys=not short
        ).run()

    run(drill, parser)
