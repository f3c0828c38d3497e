import fcntl
import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command

from tests.live_site import (
    KEPT_DEMO,
    WHOLE,
    built_from,
    drop_other_demos,
    hold_demo,
    is_whole,
    kept_demo,
    source_digest,
)

# Where the test processes of one run (pytest-xdist) note that the demo's images are in the
# run's own folder.
DEMO_MEDIA_READY = "demo-media.ready"
# Each process's copy of the demo database, on SQLite.
COPY_OF_DEMO_DATABASE = "test-database.sqlite3"


def build_demo_template(name):
    """Migrate a fresh database called `name` (on SQLite, a file), load the demo content into it
    and make its pictures' renditions; the connection's settings are left as they were."""
    from django.db import connection

    database = connection.settings_dict
    kept_name, kept_test_name = database["NAME"], database["TEST"].get("NAME")
    database["TEST"]["NAME"] = name
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        call_command("load_demo_content", stdout=io.StringIO())
        make_demo_renditions()
    finally:
        # CREATE DATABASE ... TEMPLATE refuses a template anyone is connected to.
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = database["NAME"] = kept_name
        database["TEST"]["NAME"] = kept_test_name


@pytest.fixture(scope="session")
def demo_database(request, tmp_path_factory, django_db_blocker):
    """The kept demo database for this run's files, as (its folder in KEPT_DEMO, the database's
    name or file), built by the first process of a run that needs it if no build from the same
    files is whole; None outside git or on another kind of database."""
    from django.db import connection

    if connection.vendor not in ("postgresql", "sqlite"):
        return None
    digest = source_digest(read=built_from)
    if digest is None:
        return None
    # With several processes, each one's temporary folder is inside the run's own (pytest-xdist's
    # recipe).
    run_folder = tmp_path_factory.getbasetemp()
    if hasattr(request.config, "workerinput"):
        run_folder = run_folder.parent
    # The demo's images are files: every copy of the demo database needs them, so the run's
    # processes share one folder (pytest removes it with the run's folder).
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    settings.MEDIA_ROOT = run_folder / "media"
    KEPT_DEMO.mkdir(parents=True, exist_ok=True)
    ready = run_folder / DEMO_MEDIA_READY
    with open(KEPT_DEMO / "lock", "w") as lock, django_db_blocker.unblock():
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time, for every run in this checkout
        # The run's processes use the build the first of them chose, even if a file changes
        # while they start.
        if ready.exists():
            digest = ready.read_text()
        folder, database = kept_demo(connection.settings_dict, digest)
        if not ready.exists():
            if is_whole(connection.settings_dict, folder, database):
                shutil.copytree(folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
            else:
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True)
                build_demo_template(database)
                # The images beside the database, then the build marked whole.
                shutil.copytree(settings.MEDIA_ROOT, folder / "media", dirs_exist_ok=True)
                (folder / WHOLE).touch()
                drop_other_demos(connection.settings_dict, folder)
            ready.write_text(digest)
        hold_demo(folder)
    return folder, database


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, demo_database, tmp_path_factory
):
    """Every test process's own test database is a copy of the demo database (KEPT_DEMO), far
    quicker than migrating and loading again: on PostgreSQL made with CREATE DATABASE ...
    TEMPLATE, on SQLite a copy of the file, which the process keeps as it is (`keepdb`)."""
    from django.db import connection

    if demo_database is None:  # migrated and loaded by each process (django_db_setup)
        return False
    _folder, template = demo_database
    if connection.vendor == "sqlite":
        copy = tmp_path_factory.getbasetemp() / COPY_OF_DEMO_DATABASE
        shutil.copyfile(template, copy)
        connection.settings_dict["TEST"]["NAME"] = str(copy)
        return True
    connection.settings_dict["TEST"]["TEMPLATE"] = template
    return False


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """`--reuse-db`, or a process's copy of the demo database on SQLite (above): kept as it
    is rather than made afresh (Django then only checks that it is migrated)."""
    return bool(request.config.getvalue("reuse_db")) or django_db_modify_db_settings


def needs_database(item):
    return bool(
        item.get_closest_marker("django_db")
        or {"db", "transactional_db", "live_site"} & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(items):
    """The tests that need no database first, in their order, then the rest in theirs: while one
    test process builds the demo database (a run after a change to what it is built from), the
    other runs those instead of waiting for it."""
    items.sort(key=needs_database)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`make test` (--dist loadgroup) runs every browser test in the same process, so their live
    site (tests/browser/server.py) is built once; every other test goes wherever a process is
    free. The browser tests, the largest group, are handed out first.

    The tests are grouped here, by their folder, rather than by xdist_group marks: with pytest
    9.2, pytest-xdist 3.8 no longer sees those marks and spreads the group over every process
    (pytest-dev/pytest-xdist#1386)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "browser" if nodeid.startswith("tests/browser/") else nodeid

    return BrowserTestsTogether(config, log)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the full demo site: a copy of the demo database above,
    where the loader finds the pages and leaves them be (or, outside git or on another kind of
    database, loaded here)."""
    from wagtail.images import get_image_model

    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
        # A copy of the demo database has its renditions already.
        if not get_image_model().get_rendition_model().objects.exists():
            make_demo_renditions()


def make_demo_renditions():
    """Visit the pages that show the demo's pictures once, so their renditions are in this
    process's database for good: made in a test, they would go with its transaction and be made
    again in the next (an AVIF rendition takes about a tenth of a second). Made in the demo
    database, they come with every copy of it (about 3 s less for each test process)."""
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    pictured = ("homepage", "teamindexpage", "teammemberpage")
    for page in Page.objects.live().filter(content_type__model__in=pictured):
        client.get(page.url)


@pytest.fixture(autouse=True)
def clear_cache():
    # Wagtail keeps site root paths in the default cache; the shared layout and kept pages live
    # in the pages cache. (The form limits count in the database, rolled back after each test.)
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture(scope="session", autouse=True)
def remove_test_media():
    """The throwaway folders config/settings/test.py made for this process go with it (a
    folder the run's processes share goes with the run's own, above)."""
    yield
    for folder in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
        if Path(folder).name.startswith(("hrt-test-media-", "hrt-test-static-")):
            shutil.rmtree(folder, ignore_errors=True)
    if settings.CACHES["pages"]["BACKEND"].endswith("FileCache"):
        shutil.rmtree(settings.CACHES["pages"]["LOCATION"], ignore_errors=True)


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")
