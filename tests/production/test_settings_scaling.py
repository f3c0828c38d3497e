"""Each way of scaling out is switched on by environment variables alone (docs/scaling.md): the
production settings are read afresh with that environment, as a server reads them at start-up."""

from pathlib import Path

from django.utils.module_loading import import_string

from tests.support import production_settings

ROOT = Path(__file__).resolve().parents[2]


def storage(settings, name):
    """The storage `name` as Django builds it from STORAGES (no connection is made)."""
    config = settings.STORAGES[name]
    return import_string(config["BACKEND"])(**config.get("OPTIONS", {}))


def test_without_redis_each_process_caches_locally_and_limits_count_in_the_database(
    monkeypatch,
):
    settings = production_settings(monkeypatch)
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    assert settings.CACHES["ratelimit"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert settings.PAGE_CACHE_SECONDS == 600


def test_redis_url_makes_redis_the_shared_cache_and_its_failures_not_fatal(monkeypatch):
    url = "rediss://:secret@cache.example.org:6380/2"
    settings = production_settings(monkeypatch, REDIS_URL=url)
    for alias in ("default", "ratelimit"):
        cache = settings.CACHES[alias]
        assert cache["BACKEND"] == "django_redis.cache.RedisCache"
        assert cache["LOCATION"] == url
        assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
        assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] == 0.25
    # The limits' counters never share keys with the pages.
    assert settings.CACHES["ratelimit"]["KEY_PREFIX"] != settings.CACHES["default"]["KEY_PREFIX"]


def test_managed_postgresql_with_tls_and_persistent_health_checked_connections(monkeypatch):
    settings = production_settings(
        monkeypatch,
        DATABASE_URL="postgres://site:pw@db.example.org:5432/hrt?sslmode=verify-full"
        "&sslrootcert=/etc/ssl/db-ca.pem",
    )
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == "db.example.org"
    assert database["OPTIONS"] == {
        "sslmode": "verify-full",
        "sslrootcert": "/etc/ssl/db-ca.pem",
        "options": "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1",
    }
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert "django.contrib.postgres" in settings.INSTALLED_APPS
    shorter = production_settings(monkeypatch, DB_CONN_MAX_AGE="5")
    assert shorter.DATABASES["default"]["CONN_MAX_AGE"] == 5


def test_behind_pgbouncer_an_empty_db_options_sends_no_startup_options(monkeypatch):
    settings = production_settings(
        monkeypatch, DATABASE_URL="postgres://site:pw@db/hrt", DB_OPTIONS=""
    )
    assert not settings.DATABASES["default"].get("OPTIONS")


def test_s3_buckets_take_media_and_private_uploads(monkeypatch):
    settings = production_settings(
        monkeypatch,
        AWS_STORAGE_BUCKET_NAME="hrt-media",
        PRIVATE_AWS_STORAGE_BUCKET_NAME="hrt-private",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    media, private = storage(settings, "default"), storage(settings, "private")
    assert (type(media).__name__, media.bucket_name, media.endpoint_url) == (
        "S3Storage",
        "hrt-media",
        "https://s3.example.org",
    )
    assert media.querystring_auth is False  # public images: plain, cacheable addresses
    assert (type(private).__name__, private.bucket_name, private.default_acl) == (
        "S3Storage",
        "hrt-private",
        "private",
    )
    assert private.querystring_auth is True  # resumes: signed addresses that expire


def test_without_buckets_uploads_stay_on_this_machine(monkeypatch):
    settings = production_settings(monkeypatch)
    assert type(storage(settings, "default")).__name__ == "FileSystemStorage"
    assert type(storage(settings, "private")).__name__ == "PrivateFileSystemStorage"


def test_search_url_makes_opensearch_wagtails_search_backend(monkeypatch):
    settings = production_settings(monkeypatch, SEARCH_URL="https://search.example.org:9200")
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["https://search.example.org:9200"]
    assert backend["INDEX"] == "hrt"
    elastic = production_settings(
        monkeypatch,
        SEARCH_URL="http://127.0.0.1:9200",
        SEARCH_BACKEND="wagtail.search.backends.elasticsearch8",
    )
    assert elastic.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].endswith("elasticsearch8")
    assert production_settings(monkeypatch).WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == (
        "core.search_backend"
    )


def test_trusted_proxies_come_from_the_environment(monkeypatch):
    settings = production_settings(monkeypatch, TRUSTED_PROXIES="10.0.0.0/24, 127.0.0.1")
    assert settings.TRUSTED_PROXIES == ["10.0.0.0/24", "127.0.0.1"]
    assert production_settings(monkeypatch, TRUSTED_PROXY_COUNT="2").TRUSTED_PROXY_COUNT == 2


def test_gunicorn_reads_its_settings_from_the_environment(monkeypatch):
    import runpy

    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("BIND", "0.0.0.0:9000")
    config = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
    assert config["workers"] == 3
    assert config["bind"] == "0.0.0.0:9000"
    assert config["preload_app"] is True
    assert config["forwarded_allow_ips"] == "127.0.0.1"
