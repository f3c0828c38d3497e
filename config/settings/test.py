"""Tests: fast password hashing, plain static storage, emails kept in memory."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"

# Uploaded files in tests go to a throwaway folder, never into the project.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="hrt-test-media-"))
# No collected static files: tests name static files but never fetch them. WhiteNoise reads every
# file in STATIC_ROOT each time a test client starts, so the project's own folder (left by `make
# serve` or `make bench`, 913 files) would cost every test that makes a request about 30 ms.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="hrt-test-static-"))

# Kept pages in this test process's own folder (never inside MEDIA_ROOT, which is served).
if CACHES["pages"]["BACKEND"].endswith("FileCache"):  # noqa: F405
    CACHES["pages"]["LOCATION"] = tempfile.mkdtemp(prefix="hrt-test-pages-")  # noqa: F405

# A test database on SQLite that is a file (each test process's copy of the demo database,
# tests/conftest.py) need not survive a crash: its writes are not waited for on the disk, and
# its transactions' journal is kept in memory.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (  # noqa: F405
        "PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY"
    )
