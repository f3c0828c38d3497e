import fcntl
import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command

# Where the test processes of one run (pytest-xdist) agree which of them builds the demo
# database: a lock, and a file saying it is built.
DEMO_DATABASE_LOCK = "demo-database.lock"
DEMO_DATABASE_BUILT = "demo-database.built"
# On SQLite, the demo database's file in the run's folder, and each process's copy of it.
DEMO_DATABASE_FILE = "demo-database.sqlite3"
COPY_OF_DEMO_DATABASE = "test-database.sqlite3"


def demo_template_name(run_folder=None):
    """The demo database: on PostgreSQL a database beside the test databases, on SQLite a file
    in the run's folder."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return str(run_folder / DEMO_DATABASE_FILE)
    return f"test_{connection.settings_dict['NAME']}_demo"


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
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, request, tmp_path_factory, django_db_blocker
):
    """With several test processes, the first that needs a database migrates one and loads the
    demo content into it, once; every process's own test database is then a copy of it, far
    quicker than migrating and loading again: on PostgreSQL made with CREATE DATABASE ...
    TEMPLATE, on SQLite a copy of the file, which the process keeps as it is (`keepdb`). On
    PostgreSQL the demo database is dropped when the run ends (pytest_sessionfinish); on SQLite
    it goes with the run's folder."""
    from django.db import connection

    if connection.vendor not in ("postgresql", "sqlite") or not hasattr(
        request.config, "workerinput"
    ):
        return False
    # Each process's temporary folder is inside the run's own (pytest-xdist's recipe).
    run_folder = tmp_path_factory.getbasetemp().parent
    template = demo_template_name(run_folder)
    # The demo's images are files: every copy of the demo database needs the folder they were
    # written to, so the run's processes share one (pytest removes it with the run's folder).
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    settings.MEDIA_ROOT = run_folder / "media"
    with open(run_folder / DEMO_DATABASE_LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (run_folder / DEMO_DATABASE_BUILT).exists():
            with django_db_blocker.unblock():
                build_demo_template(template)
            (run_folder / DEMO_DATABASE_BUILT).touch()
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


def pytest_sessionfinish(session):
    """The run's controlling process drops the demo database its test processes copied."""
    config = session.config
    if hasattr(config, "workerinput") or not hasattr(config, "_tmp_path_factory"):
        return
    if not (config._tmp_path_factory.getbasetemp() / DEMO_DATABASE_BUILT).exists():
        return
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    if connection.vendor != "postgresql":
        return
    with config.stash[blocking_manager_key].unblock(), connection.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(demo_template_name())}")


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
    """Every database test starts from the full demo site, built once per test run (or copied
    from the demo database above, when the loader finds the pages there and leaves them be)."""
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
