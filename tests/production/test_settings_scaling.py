"""Each way of scaling out is switched on by environment variables alone (docs/scaling.md):
the settings are imported in a fresh process with that environment, as a server would."""

import json
import os
from pathlib import Path

from tests.support import manage_py

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "example.org",
}
CLEAN = {
    "DATABASE_URL",
    "DB_OPTIONS",
    "SECRET_KEY",
    "REDIS_URL",
    "SEARCH_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "PRIVATE_AWS_STORAGE_BUCKET_NAME",
    "PAGE_CACHE_SECONDS",
    "DB_CONN_MAX_AGE",
}


def settings_json(expression, **env):
    """The value of `expression` (over `settings` and `storages`) under production settings."""
    environment = {k: v for k, v in os.environ.items() if k not in CLEAN}
    environment.update(PRODUCTION)
    environment.update(env)
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "from django.core.files.storage import storages; "
        f"print(json.dumps({expression}, default=str))"
    )
    result = manage_py(environment, "shell", "--no-imports", "-c", code, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_redis_the_cache_is_local_memory_and_pages_are_kept_ten_minutes():
    backend, seconds = settings_json(
        "[settings.CACHES['default']['BACKEND'], settings.PAGE_CACHE_SECONDS]"
    )
    assert backend == "django.core.cache.backends.locmem.LocMemCache"
    assert seconds == 600


def test_redis_url_makes_redis_the_shared_cache_and_its_failures_not_fatal():
    cache = settings_json(
        "settings.CACHES['default']", REDIS_URL="rediss://:secret@cache.example.org:6380/2"
    )
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "rediss://:secret@cache.example.org:6380/2"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] == 0.25


def test_managed_postgresql_with_tls_and_persistent_health_checked_connections():
    database = settings_json(
        "settings.DATABASES['default']",
        DATABASE_URL="postgres://site:pw@db.example.org:5432/hrt?sslmode=verify-full"
        "&sslrootcert=/etc/ssl/db-ca.pem",
    )
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == "db.example.org"
    assert database["OPTIONS"] == {
        "sslmode": "verify-full",
        "sslrootcert": "/etc/ssl/db-ca.pem",
        "options": "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1",
    }
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    shorter = settings_json("settings.DATABASES['default']['CONN_MAX_AGE']", DB_CONN_MAX_AGE="5")
    assert shorter == 5


def test_postgresql_queries_run_without_parallel_workers_unless_told_otherwise():
    default = settings_json(
        "settings.DATABASES['default']['OPTIONS']", DATABASE_URL="postgres://site:pw@db/hrt"
    )
    assert default == {"options": "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"}
    # Behind PgBouncer, which refuses startup options, an empty DB_OPTIONS sends none.
    pgbouncer = settings_json(
        "settings.DATABASES['default']['OPTIONS']",
        DATABASE_URL="postgres://site:pw@db/hrt",
        DB_OPTIONS="",
    )
    assert pgbouncer == {}


def test_sessions_live_in_the_database_so_any_app_server_can_answer():
    engine = settings_json("settings.SESSION_ENGINE")
    assert engine == "django.contrib.sessions.backends.db"


def test_s3_buckets_take_media_and_private_uploads():
    expression = (
        "[type(storages['default']).__name__, storages['default'].bucket_name, "
        "storages['default'].endpoint_url, storages['default'].querystring_auth, "
        "type(storages['private']).__name__, storages['private'].bucket_name, "
        "storages['private'].default_acl, storages['private'].querystring_auth]"
    )
    values = settings_json(
        expression,
        AWS_STORAGE_BUCKET_NAME="hrt-media",
        PRIVATE_AWS_STORAGE_BUCKET_NAME="hrt-private",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    assert values == [
        "S3Storage",
        "hrt-media",
        "https://s3.example.org",
        False,
        "S3Storage",
        "hrt-private",
        "private",
        True,
    ]


def test_without_buckets_uploads_stay_on_this_machine():
    values = settings_json(
        "[type(storages['default']).__name__, type(storages['private']).__name__]"
    )
    assert values == ["FileSystemStorage", "PrivateFileSystemStorage"]


def test_search_url_makes_opensearch_wagtails_search_backend():
    backend = settings_json(
        "settings.WAGTAILSEARCH_BACKENDS['default']",
        SEARCH_URL="https://search.example.org:9200",
    )
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["https://search.example.org:9200"]
    assert backend["INDEX"] == "hrt"
    elastic = settings_json(
        "settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']",
        SEARCH_URL="http://127.0.0.1:9200",
        SEARCH_BACKEND="wagtail.search.backends.elasticsearch8",
    )
    assert elastic == "wagtail.search.backends.elasticsearch8"


def test_without_search_url_wagtail_searches_the_database():
    backend = settings_json("settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']")
    assert backend == "wagtail.search.backends.database"


def test_static_files_are_hashed_compressed_and_cached_long():
    storage, max_age = settings_json(
        "[settings.STORAGES['staticfiles']['BACKEND'], settings.WHITENOISE_MAX_AGE]"
    )
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert max_age == 3600


def test_the_page_cache_comes_right_after_whitenoise_and_before_compression():
    middleware = settings_json("settings.MIDDLEWARE")
    position = middleware.index("home.page_cache.AnonymousPageCacheMiddleware")
    assert middleware[position - 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert middleware.index("django.middleware.gzip.GZipMiddleware") > position


def test_gunicorn_reads_its_settings_from_the_environment(monkeypatch):
    import runpy

    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("BIND", "0.0.0.0:9000")
    config = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
    assert config["workers"] == 3
    assert config["bind"] == "0.0.0.0:9000"
    assert config["preload_app"] is True
    assert config["forwarded_allow_ips"] == "127.0.0.1"
