"""A real copy of the site for the browser tests: a throwaway SQLite database with the demo
content, served by gunicorn under the production settings on 127.0.0.1.

pytest-django's live_server would flush the demo content after each test (its tests are
transactional), so the site runs in its own process once per test run and the tests talk to
it over HTTP only, like a visitor's browser does."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

# One page of each public type (their addresses come from SETUP_SCRIPT below).
PUBLIC_PAGES = [
    "home",
    "explainer",
    "goals",
    "contact",
    "library",
    "library-search",
    "resource",
    "team",
    "team-member",
    "careers",
    "job",
    "closed-job",
    "search",
    "not-found",
    "browsing-safely",
    "privacy",
]

EDITOR = ("browser-editor", "editor-pass-1234")
STAFF = ("browser-staff", "staff-pass-1234")

# Accounts the journeys log in with, and the page of each public type they visit.
SETUP_SCRIPT = """
import json
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from careers.models import CareersIndexPage, JobPage
from home.models import ContactPage, ExplainerPage, GoalsPage, HomePage
from home.models.site_settings import PracticeSettings
from resources.models import ResourceIndexPage, ResourcePage
from team.models import TeamIndexPage, TeamMemberPage
from wagtail.models import Page
from django.contrib.auth import get_user_model

User = get_user_model()
access_admin = Permission.objects.get(codename="access_admin")

def user(username, password, groups):
    account, _created = User.objects.get_or_create(username=username)
    account.set_password(password)
    account.is_staff = True
    account.save()
    account.groups.set(groups)
    account.user_permissions.add(access_admin)
    return account

# Wagtail's own "Moderators" group may edit and publish every page; it has no access to job
# applications, which only the "Hiring managers" group has.
user(EDITOR_NAME, EDITOR_PASSWORD, [Group.objects.get(name="Moderators")])
user(STAFF_NAME, STAFF_PASSWORD, [])

def first(model, **filters):
    return model.objects.live().public().filter(**filters).order_by("path").first()

def url(model, **filters):
    return first(model, **filters).get_url()

today = timezone.localdate()
practice = PracticeSettings.load()
member = first(TeamMemberPage, accepting_new_clients=True)
open_job = first(JobPage, closing_date__gte=today)
closed_job = first(JobPage, closing_date__lt=today)
print(json.dumps({
    "pages": {
        "home": url(HomePage),
        "explainer": url(ExplainerPage),
        "goals": url(GoalsPage),
        "contact": url(ContactPage),
        "library": url(ResourceIndexPage),
        "library-search": url(ResourceIndexPage) + "?q=naloxone",
        "resource": url(ResourcePage),
        "team": url(TeamIndexPage),
        "team-member": member.get_url(),
        "careers": url(CareersIndexPage),
        "job": open_job.get_url(),
        "closed-job": closed_job.get_url(),
        "search": "/search/?q=therapy",
        "not-found": "/this-page-does-not-exist/",
        "browsing-safely": practice.browsing_safely_page.get_url(),
        "privacy": practice.privacy_page.get_url(),
    },
    "member": {"slug": member.slug, "name": member.title},
    "open_job": {"id": open_job.pk, "title": open_job.title},
    "closed_job": {"title": closed_job.title},
    "goals_id": first(GoalsPage).pk,
    "quick_exit_url": practice.quick_exit_url,
}))
"""


@dataclass
class LiveSite:
    base_url: str
    pages: dict
    facts: dict
    workdir: Path
    env: dict = field(repr=False)
    process: subprocess.Popen = field(repr=False)

    def url(self, name_or_path):
        path = self.pages.get(name_or_path, name_or_path)
        return self.base_url + path

    def manage(self, *args):
        return run_manage(self.env, *args)

    def stop(self):
        stop_server(self.process)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(workdir, port):
    """The production settings, on throwaway storage, served over plain HTTP on 127.0.0.1."""
    env = dict(os.environ)
    env.pop("DEBUG", None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="browser-tests-only-not-a-secret",
        ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on the loopback address: no redirect to HTTPS, no HSTS, and cookies that a
        # browser keeps over HTTP. Everything else is as in production.
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        SECURE_COOKIES="false",
        DATABASE_URL=f"sqlite:///{workdir / 'site.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        PRIVATE_MEDIA_ROOT=str(workdir / "private_media"),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        SERVE_MEDIA="true",
        LOG_LEVEL="ERROR",
    )
    return env


def run_manage(env, *args):
    result = subprocess.run(  # noqa: S603 (fixed argument lists, no shell)
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def build_site(env):
    run_manage(env, "migrate", "--noinput", "-v0")
    run_manage(env, "load_demo_content")
    run_manage(env, "collectstatic", "--noinput", "-v0")
    script = (
        SETUP_SCRIPT.replace("EDITOR_NAME", repr(EDITOR[0]))
        .replace("EDITOR_PASSWORD", repr(EDITOR[1]))
        .replace("STAFF_NAME", repr(STAFF[0]))
        .replace("STAFF_PASSWORD", repr(STAFF[1]))
    )
    output = run_manage(env, "shell", "-c", script)
    return json.loads(output.strip().splitlines()[-1])


def stop_server(process):
    # SIGINT is gunicorn's quick shutdown; SIGTERM would wait for keep-alive connections.
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start_server(env, port, log_path):
    log = open(log_path, "w")  # noqa: SIM115 (kept open for the server's lifetime)
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_answering(process, port, log_path)
    except BaseException:
        stop_server(process)  # never leave a server behind
        raise
    return process


def wait_until_answering(process, port, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited early:\n{Path(log_path).read_text()}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5)  # noqa: S310
            return
        except OSError:  # not listening yet, or still starting up
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 seconds.")


def start_site(workdir):
    port = free_port()
    env = site_environment(workdir, port)
    facts = build_site(env)
    process = start_server(env, port, workdir / "server.log")
    return LiveSite(
        base_url=f"http://127.0.0.1:{port}",
        pages=facts.pop("pages"),
        facts=facts,
        workdir=workdir,
        env=env,
        process=process,
    )
