"""A real, throwaway copy of the site for the tools that need one over HTTP: the browser tests
(tests/browser/) and `make audit` (tests/audit/run_audit.py).

It is a database with the demo content, served by gunicorn under the production settings
(WhiteNoise, compressed hashed static files) on 127.0.0.1 over plain HTTP: a copy of the demo
database the tests keep (`site_from_demo`), or, with none kept (an audit before any test run,
a checkout outside git), a SQLite database built in a scratch folder (`build_site`).
pytest-django's live_server would flush the demo content after each test, so the site runs in
its own process and is spoken to like a visitor's browser does."""

import datetime
import fcntl
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from psycopg import sql

from tests.support import manage_py

BASE_DIR = Path(__file__).resolve().parents[1]
GUNICORN_CONFIG = BASE_DIR / "config" / "gunicorn.py"

# The start of every script that looks pages up in the built site (`shell_json`).
PAGES_PRELUDE = """
import json
from django.utils import timezone
from careers.models import CareersIndexPage, JobPage
from home.models import ContactPage, ExplainerPage, FeesPage, GoalsPage, HomePage
from core.models import PracticeSettings
from wagtail.models import Locale
from practice_events.models import EventIndexPage, EventPage
from resources.models import ResourceIndexPage, ResourcePage
from team.models import TeamIndexPage, TeamMemberPage, TelehealthPage

def first(model, **filters):
    return model.objects.live().public().filter(**filters).order_by("path").first()

def url(model, **filters):
    return first(model, **filters).get_url()

today = timezone.localdate()
practice = PracticeSettings.load()

# One page of each public type by name; the callers choose which member and job.
def public_pages(team_member, open_job):
    library = url(ResourceIndexPage)
    coming = EventPage.objects.live().public().filter(ends_at__gte=timezone.now())
    next_event = coming.order_by("starts_at").first()
    return {
        "home": url(HomePage),
        "explainer": url(ExplainerPage),
        "goals": url(GoalsPage),
        "contact": url(ContactPage),
        "fees": url(FeesPage),
        "library": library,
        "library-search": library + "?q=naloxone",
        "resource": url(ResourcePage),
        "team": url(TeamIndexPage),
        "team-member": team_member.get_url(),
        "telehealth": url(TelehealthPage),
        "careers": url(CareersIndexPage),
        "job": open_job.get_url(),
        "events": url(EventIndexPage),
        "event": next_event.get_url(),
        "search": "/search/?q=therapy",
        "not-found": "/this-page-does-not-exist/",
        "browsing-safely": practice.browsing_safely_page.get_url(),
        "privacy": practice.privacy_page.get_url(),
        # One page of each type the demo has in Spanish.
        "es-home": url(HomePage, locale__language_code="es"),
        "es-explainer": url(ExplainerPage, locale__language_code="es"),
        "es-goals": url(GoalsPage, locale__language_code="es"),
        "es-contact": url(ContactPage, locale__language_code="es"),
        "es-browsing-safely": practice.browsing_safely_page.get_translation(
            Locale.objects.get(language_code="es")
        ).get_url(),
        "es-library": url(ResourceIndexPage, locale__language_code="es"),
        "es-team": url(TeamIndexPage, locale__language_code="es"),
        "es-team-member": url(TeamMemberPage, locale__language_code="es"),
        "es-search": "/es/search/?q=naloxona",
    }
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(workdir, port, secret_key):
    """The production settings on throwaway storage, served over plain HTTP on 127.0.0.1: no
    redirect to HTTPS, no HSTS, and cookies a browser keeps over HTTP. Everything else is as in
    production."""
    env = dict(os.environ)
    env.pop("DEBUG", None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        SECURE_COOKIES="false",
        DATABASE_URL=f"sqlite:///{workdir / 'site.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        PRIVATE_MEDIA_ROOT=str(workdir / "private_media"),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        # Kept pages in the copy's own folder, not in the project's .page-cache/.
        PAGE_CACHE_DIR=str(workdir / "page-cache"),
        # Django serves uploaded media (demo images), as `make serve` does.
        SERVE_MEDIA="true",
        # A proxy on this machine may stand in front (tests/browser/test_behind_the_proxy.py),
        # as nginx does in docs/deploy.md.
        TRUSTED_PROXIES="127.0.0.1",
        LOG_LEVEL="ERROR",
    )
    return env


def run_manage(env, *args):
    result = manage_py(env, *args, timeout=600)
    if result.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


# What `manage.py migrate` and `manage.py load_demo_content` do, Django's checks included.
MIGRATE_AND_LOAD = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0, skip_checks=False)
call_command("load_demo_content")
"""
# Then the built database and uploaded files are copied to KEPT, before the script changes them.
KEEP_BUILT = """
import shutil
from pathlib import Path
from django.conf import settings
from django.db import connection
connection.close()
shutil.copyfile(settings.DATABASES["default"]["NAME"], Path(KEPT) / "site.sqlite3")
if Path(settings.MEDIA_ROOT).exists():
    shutil.copytree(settings.MEDIA_ROOT, Path(KEPT) / "media")
"""

# Built sites kept for the next build from the same files: `make test`'s browser tests build
# one, and `make audit` after them takes a copy instead of building again. The folder is named by
# a digest of every file in the project (see `source_digest`), so any change builds afresh.
BUILT_SITES = BASE_DIR / ".cache" / "live-site"
BUILDING = "building-"

# The demo database every test starts from, built by the first test process that needs it
# (tests/conftest.py) and kept between runs, named by a digest of what builds it (the site's
# code, migrations, demo content and settings, and the tests' conftest.py): a change to any of
# them builds it afresh, a change to another test, the docs, the tools or the static files does
# not. Kept in KEPT_DEMO: the demo's uploaded images, on SQLite the database's file, and a file
# saying the build is whole; on PostgreSQL the database itself, beside the test databases. The
# browser tests' site and the audit's are copies of it.
KEPT_DEMO = BASE_DIR / ".cache" / "demo-database"
NOT_BUILT_FROM = ("docs/", "tools/", "static/", ".ci/", "tests/")
BUILT_FROM_TESTS = {"tests/conftest.py", "tests/__init__.py"}
WHOLE = "whole"


def built_from(path):
    """Whether the file at `path` (relative to the project) is read when the demo database is
    built."""
    if path in BUILT_FROM_TESTS:
        return True
    return not path.startswith(NOT_BUILT_FROM) and not path.endswith(".md")


def source_digest(read=None):
    """A digest of every file git would commit here (tracked, or new and not ignored), path and
    contents, of the Python running and of today's date (the demo's events and openings are
    dated from the day it is loaded): what a build reads, and more. With `read`, only the files
    whose path it accepts. None outside git."""
    try:
        listed = subprocess.run(  # noqa: S603 (fixed arguments)
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],  # noqa: S607
            cwd=BASE_DIR,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    digest = hashlib.sha256(f"{sys.version} {datetime.date.today()}".encode())
    for name in sorted(set(listed.split(b"\0")) - {b""}):
        if read and not read(os.fsdecode(name)):
            continue
        path = BASE_DIR / os.fsdecode(name)
        digest.update(name + b"\0")
        if path.is_file():  # a tracked file deleted in the working tree is skipped
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


def site_paths(env):
    """The built site's database file, uploaded files and collected static files."""
    return (
        Path(env["DATABASE_URL"].removeprefix("sqlite:///")),
        Path(env["MEDIA_ROOT"]),
        Path(env["STATIC_ROOT"]),
    )


def copy_built(source, env):
    database, media, static = site_paths(env)
    shutil.copyfile(source / "site.sqlite3", database)
    if (source / "media").exists():
        shutil.copytree(source / "media", media, dirs_exist_ok=True)
    shutil.copytree(source / "static", static, dirs_exist_ok=True)


def build_site(env, script):
    """Migrate the site's database, load the demo content and collect the static files, or copy
    them from a site built from the same files (BUILT_SITES); then run `script` as `shell_json`
    does and return what it printed. The database's part is one Django process rather than
    three (each spends a second or more starting Django), and the static files are collected
    beside it, in a process of their own."""
    digest = source_digest()
    built = BUILT_SITES / digest if digest else None
    # A kept build is renamed into place only once it is whole, so one there is complete.
    if built and built.exists():
        copy_built(built, env)
        return shell_json(env, script)
    BUILT_SITES.mkdir(parents=True, exist_ok=True)
    kept = Path(tempfile.mkdtemp(prefix=BUILDING, dir=BUILT_SITES))
    try:
        facts = build_and_keep(env, script, kept)
        if built and not built.exists():
            shutil.copytree(site_paths(env)[2], kept / "static")
            # Only the newest build is kept: one from other files is no use any more (a build
            # still under way is left to finish).
            for older in BUILT_SITES.iterdir():
                if older != kept and not older.name.startswith(BUILDING):
                    shutil.rmtree(older, ignore_errors=True)
            kept.rename(built)
    finally:
        shutil.rmtree(kept, ignore_errors=True)
    return facts


def is_sqlite(database):
    return database["ENGINE"].endswith("sqlite3")


def kept_demo(database, digest):
    """Where the demo database built from the files with `digest` is kept, for the tests'
    database `database` (Django's settings of it): its folder in KEPT_DEMO, and on SQLite the
    database's file in that folder, on PostgreSQL a database named after the tests' and the
    digest."""
    if is_sqlite(database):
        folder = KEPT_DEMO / f"sqlite-{digest}"
        return folder, str(folder / "demo.sqlite3")
    name = database["NAME"]
    return KEPT_DEMO / f"postgresql-{name}-{digest}", f"test_{name}_demo_{digest[:16]}"


def postgres_server(database):
    """An autocommit connection to the PostgreSQL server of `database` (Django's settings of
    it), to make and drop databases."""
    import psycopg

    return psycopg.connect(
        dbname="postgres",
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        autocommit=True,
    )


def postgres_database_exists(database, name):
    with postgres_server(database) as server:
        found = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


def whole_demo(database):
    """The kept demo database for the files here, if one is whole (tests/conftest.py builds
    it), as `kept_demo` gives it, held for this process's use (`hold_demo`); or None, also when
    the database server cannot be reached."""
    import psycopg

    digest = source_digest(read=built_from)
    if digest is None:
        return None
    folder, name = kept_demo(database, digest)
    try:
        if not is_whole(database, folder, name):
            return None
    except psycopg.OperationalError:
        return None
    hold_demo(folder)
    return folder, name


def is_whole(database, folder, name):
    """Whether the demo database kept in `folder` (as `name`) was built to the end."""
    if not (folder / WHOLE).exists():
        return False
    return is_sqlite(database) or postgres_database_exists(database, name)


# The kept demos this process copies from, each held with a shared lock on its folder's IN_USE
# file until the process ends, so that no other run lets go of it meanwhile (`drop_other_demos`).
IN_USE = "in-use"
HELD = []


def hold_demo(folder):
    held = open(folder / IN_USE, "a")  # noqa: SIM115 (kept open while the process lives)
    fcntl.flock(held, fcntl.LOCK_SH)
    HELD.append(held)


def drop_other_demos(database, folder):
    """Let go of the kept demo databases built from other files than the one in `folder`, for
    the same tests' database; one that a process is still copying from (held with `hold_demo`)
    stays."""
    import psycopg

    prefix = kept_demo(database, "")[0].name  # the folders' names up to the digest
    for older in KEPT_DEMO.glob(f"{prefix}*"):
        if older == folder:
            continue
        with open(older / IN_USE, "a") as in_use:
            try:
                fcntl.flock(in_use, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            if not is_sqlite(database):
                _folder, older_name = kept_demo(database, older.name.removeprefix(prefix))
                with suppress(psycopg.Error):
                    drop_postgres_database(database, older_name)
            shutil.rmtree(older, ignore_errors=True)


def drop_postgres_database(database, name):
    """Drop the database `name` on the PostgreSQL server of `database`, if it is there."""
    with postgres_server(database) as server:
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


# The databases `site_from_demo` made in this process: the only ones `drop_site_database` drops.
MADE_DATABASES = set()


def site_from_demo(env, script, demo, database, role):
    """The site's database and uploaded files as a copy of the kept demo database (`demo`, for
    the tests' database `database`), its static files collected beside it; then run `script`
    as `shell_json` does and return what it printed. On PostgreSQL the copy is a database of
    its own, named after `role` and this process (CREATE DATABASE ... TEMPLATE), on the server
    DATABASE_URL names; `drop_site_database` drops it."""
    folder, template = demo
    collecting = collect_static(env)
    try:
        database_file, media, _static = site_paths(env)
        shutil.copytree(folder / "media", media, dirs_exist_ok=True)
        if is_sqlite(database):
            shutil.copyfile(template, database_file)
        else:
            name = f"test_{role}_{os.getpid()}"
            drop_postgres_database(database, name)
            with postgres_server(database) as server:
                server.execute(
                    sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                        sql.Identifier(name), sql.Identifier(template)
                    )
                )
            MADE_DATABASES.add(name)
            address = urlsplit(os.environ["DATABASE_URL"])
            env["DATABASE_URL"] = urlunsplit(address._replace(path=f"/{name}"))
    finally:
        waited_for(collecting)
    return shell_json(env, script)


def drop_site_database(env):
    """Drop the database `site_from_demo` made for the site in `env`, if it made one."""
    import dj_database_url

    database = dj_database_url.parse(env["DATABASE_URL"])
    if database["NAME"] in MADE_DATABASES:
        drop_postgres_database(database, database["NAME"])
        MADE_DATABASES.discard(database["NAME"])


def collect_static(env):
    """`manage.py collectstatic` in a process of its own, to wait for with `waited_for`."""
    return subprocess.Popen(  # noqa: S603 (fixed arguments)
        [sys.executable, str(BASE_DIR / "manage.py"), "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def waited_for(collecting):
    output, _ = collecting.communicate(timeout=600)
    if collecting.returncode:
        raise RuntimeError(f"manage.py collectstatic failed:\n{output}")


def build_and_keep(env, script, kept):
    """The build itself, with a copy of the database and uploaded files left in `kept`."""
    collecting = collect_static(env)
    try:
        keep = f"KEPT = {str(kept)!r}\n" + KEEP_BUILT
        facts = shell_json(env, script, before=MIGRATE_AND_LOAD + keep)
    finally:
        waited_for(collecting)
    return facts


def shell_json(env, script, before=""):
    """Run `script` after PAGES_PRELUDE (and after `before`) in the site's Django shell; it
    prints one JSON line."""
    output = run_manage(env, "shell", "-c", before + PAGES_PRELUDE + script)
    return json.loads(output.strip().splitlines()[-1])


def start_server(env, port, log_path, threads=1):
    """gunicorn with the deployment's own settings (config/gunicorn.py), two workers, bound to
    `port`; returns once it answers."""
    log = open(log_path, "w")  # noqa: SIM115 (kept open for the server's lifetime)
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--config",
            str(GUNICORN_CONFIG),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            str(threads),
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
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=10)  # noqa: S310
            return
        except OSError:  # not listening yet, or slow on a busy machine
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 seconds.")


def stop_server(process):
    # SIGINT is gunicorn's quick shutdown; SIGTERM would wait for keep-alive connections.
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
