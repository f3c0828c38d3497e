import shutil

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the full demo site, built once per test run."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


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
    """The throwaway folders config/settings/test.py made for this process go with it."""
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    if settings.CACHES["pages"]["BACKEND"].endswith("FileBasedCache"):
        shutil.rmtree(settings.CACHES["pages"]["LOCATION"], ignore_errors=True)


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()
