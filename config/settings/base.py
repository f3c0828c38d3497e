"""Settings shared by every environment. Everything that differs between machines comes from the
environment (see README.md, "Configuration"); dev.py, test.py and production.py adjust the rest."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "resources",
    "team",
    "careers",
    "practice_events",
    "search",
    "wagtail_localize",
    # Wagtail Localize's locale admin (replaces wagtail.locales).
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    # wagtail-modeladmin's list filters and lookups use the Django admin's helpers.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole anonymous pages from the cache, before any other work (core/page_cache.py). Above
    # GZip, so a cached page is stored and served already compressed.
    "core.page_cache.AnonymousPageCacheMiddleware",
    # Compresses the HTML pages (WhiteNoise serves static files already compressed). Django's
    # GZip adds random padding against BREACH, and CSRF tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address alone (/es/…, English at the root), never a header.
    "core.middleware.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its "too many attempts" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_text",
            ],
        },
    },
]

# The database comes from DATABASE_URL; with none set, an SQLite file beside manage.py, so a
# newcomer needs no database server.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index needs it on PostgreSQL (postgres.E005 otherwise).
    INSTALLED_APPS.append("django.contrib.postgres")
    # Planner settings for a web site on SSD storage, sent with each new connection:
    # - no parallel workers for a web request's query: starting them costs more than the small
    #   scans here save (a site search took 52 ms with them, 27 without), and under load they
    #   take the cores the app servers need;
    # - random reads cost about what sequential ones do (PostgreSQL's default of 4 assumes
    #   spinning disks): the search index's GIN index is then used where it should be.
    # DB_OPTIONS replaces them; empty, none are sent (PgBouncer refuses startup options: set
    # them on the database role instead, docs/scaling.md).
    db_options = env_str(
        "DB_OPTIONS", "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"
    )
    if db_options:
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", db_options)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Admin logins: django-axes counts failures first and refuses a locked-out login before the
# password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for one user name from one address lock that pair out for an hour (a
# wrong guess from elsewhere cannot lock an editor out everywhere); a success resets the
# count. The address is the visitor's as the site's own proxies report it (core/client.py).
AXES_CLIENT_IP_CALLABLE = "core.client.client_address"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the site's root and Spanish under /es/ (config/urls.py, docs/decisions.md). A third
# language is one more line in each list, a Locale in the admin and a catalogue (docs/editing.md).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = env_str("TIME_ZONE", "America/Chicago")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media on S3-compatible storage (django-storages) when a bucket is named; the credentials come
# from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read by boto3 itself (docs/scaling.md).
S3_OPTIONS = {
    "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
    "region_name": env_str("AWS_S3_REGION_NAME") or None,
}
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_OPTIONS,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            # Public images: plain, cacheable addresses rather than signed ones that expire.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "max-age=86400"},
        },
    }

# The cache: local memory in each process by default; Redis, shared by every app server, when
# REDIS_URL is set (redis://, or rediss:// with TLS). A Redis outage is never fatal: reads miss,
# writes are dropped, and the site renders pages from the database (docs/scaling.md).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "hrt"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                # A Redis that is down or unreachable costs each request at most this long.
                "SOCKET_CONNECT_TIMEOUT": env_int("REDIS_TIMEOUT_MS", 250) / 1000,
                "SOCKET_TIMEOUT": env_int("REDIS_TIMEOUT_MS", 250) / 1000,
            },
        }
    }
    # Kept pages (core/page_cache.py) and the form limits' counters (core/ratelimit.py) on the
    # same Redis, each under its own prefix.
    for alias in ("pages", "ratelimit"):
        CACHES[alias] = {
            **CACHES["default"],
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "hrt") + f"-{alias}",
        }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        # Kept pages, in files every worker on this machine reads (core/page_cache.py); Django's
        # file cache, culled on one write in a hundred rather than on each (core/file_cache.py).
        "pages": {
            "BACKEND": "core.file_cache.FileCache",
            "LOCATION": env_str("PAGE_CACHE_DIR", str(BASE_DIR / ".page-cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        # Shared by every worker and server, and apart from the page cache, so page traffic
        # cannot evict a count. The table is made by core's migration (`createcachetable`).
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "core_rate_limit_cache",
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
    }
PAGE_CACHE_ALIAS = "pages"
# Whole anonymous pages are kept this many seconds at most (0, the default outside production,
# turns the page cache off); editors' publish, unpublish, move and delete clear it at once
# (core/page_cache.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)

# Email: SMTP configured from the environment; dev.py prints emails to the console instead.
EMAIL_BACKEND_PATH = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env_str("EMAIL_HOST_USER"),
            "password": env_str("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "timeout": env_int("EMAIL_TIMEOUT", 10),
        }
        if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "website@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Public forms carry a few short fields; anything larger than this is refused with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# A visitor's uploaded file is not kept past this size, not even in a temporary file, when the
# app server is reached without the proxy's body limit (core/uploads.py); the form then says the
# file is too large and keeps what was typed. A little above the resume form's 5 MB.
FILE_UPLOAD_MAX_SIZE = env_int("FILE_UPLOAD_MAX_SIZE", 6 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "core.uploads.SizeLimitedUploadHandler",
]

# Content Security Policy for public pages: nothing inline, nothing from another origin.
# The Wagtail admin gets its own policy in core.middleware.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# sitemap.xml holds only the site's own addresses and runs nothing; a browser shows it with its
# own XML viewer, whose inline styles and icon the strict policy would block.
SITEMAP_CSP = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Wagtail
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Harm Reduction Therapy")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, which on PostgreSQL ignores accents and stems each page in its
# own language (core/search_backend.py). The configuration is named rather than left to the
# database server's default (a managed PostgreSQL may default to "simple", which does not stem);
# named, PostgreSQL also parses a query once instead of once per matching row. SQLite's backend
# does not use it.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "core.search_backend", "SEARCH_CONFIG": "site_english"}
}
# New terms that visitors' searches may add to the editors' "Search terms" report per day
# (search/terms.py); terms already there are always counted.
SEARCH_TERMS_PER_DAY = env_int("SEARCH_TERMS_PER_DAY", 200)
# OpenSearch or Elasticsearch when SEARCH_URL is set (with SEARCH_BACKEND naming Wagtail's module
# for that server's version, and the client package installed; docs/scaling.md).
SEARCH_URL = env_str("SEARCH_URL")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": env_str("SEARCH_BACKEND", "wagtail.search.backends.opensearch2"),
            "URLS": [SEARCH_URL],
            "INDEX": env_str("SEARCH_INDEX", "hrt"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
            "OPTIONS": {},
            # Accents ignored, as on PostgreSQL (core/search_backend.py): the server's default
            # analyser for full-text fields, with ASCII folding.
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": ["lowercase", "asciifolding"],
                            }
                        }
                    }
                }
            },
        }
    }
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no request to a third party from the admin either
# The dashboard's check for new Wagtail releases calls another site, which the admin's policy
# (rightly) blocks: upgrades are the developers' business, through the lock file.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Private pages ask for their password or a login in the site's own design.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "privacy/password_required.html"  # noqa: S105
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "privacy/login.html"
# Uploaded files are never pages: no HTML, SVG or script can be uploaded, and documents are
# downloaded (Content-Disposition: attachment, nosniff, a CSP that runs nothing), never shown
# in the site's origin.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt", "xlsx", "pptx", "csv", "epub"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Documents are always served by Wagtail's view, which checks their collection's privacy; never
# by the proxy, S3 or the media route by file name (docs/deploy.md keeps documents/ private).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Who a visitor is behind the site's own proxies (core/client.py, docs/deploy.md): their
# addresses or networks, or how many stand in front. Neither: the connection's own address.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# The cache that keeps the form limits' counters (core/ratelimit.py).
RATE_LIMIT_CACHE = "ratelimit"

# Wrong passwords one person may try on private pages (core/views.py).
PAGE_PASSWORD_ATTEMPT_LIMIT = env_int("PAGE_PASSWORD_ATTEMPT_LIMIT", 10)
PAGE_PASSWORD_ATTEMPT_WINDOW_SECONDS = env_int("PAGE_PASSWORD_ATTEMPT_WINDOW_SECONDS", 3600)

# The contact form: where notifications go and how many posts one person may send.
CONTACT_RATE_LIMIT = env_int("CONTACT_RATE_LIMIT", 5)
CONTACT_RATE_WINDOW_SECONDS = env_int("CONTACT_RATE_WINDOW_SECONDS", 600)

# Privacy and retention: contact messages are deleted this many days after they arrive, by
# `manage.py purge_contact_submissions` run daily from cron (README, "Privacy and retention").
CONTACT_RETENTION_DAYS = env_int("CONTACT_RETENTION_DAYS", 180)

# Careers: applicants' resumes live outside MEDIA_ROOT, with no public URL, in the "private"
# storage, or in a private S3 bucket when PRIVATE_AWS_STORAGE_BUCKET_NAME is set (docs/scaling.md).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media")))
STORAGES["private"] = {"BACKEND": "careers.storage.PrivateFileSystemStorage"}
PRIVATE_AWS_STORAGE_BUCKET_NAME = env_str("PRIVATE_AWS_STORAGE_BUCKET_NAME")
if PRIVATE_AWS_STORAGE_BUCKET_NAME:
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_OPTIONS,
            "bucket_name": PRIVATE_AWS_STORAGE_BUCKET_NAME,
            "default_acl": "private",
            # Resumes are streamed by the admin's download view; a signed address expires fast.
            "querystring_auth": True,
            "querystring_expire": 60,
            "file_overwrite": False,
        },
    }
# Applications and their resumes are deleted this many days after they arrive, by
# `manage.py purge_job_applications` run daily from cron (README, "Job applications").
APPLICATION_RETENTION_DAYS = env_int("APPLICATION_RETENTION_DAYS", 180)
JOB_APPLICATION_RATE_LIMIT = env_int("JOB_APPLICATION_RATE_LIMIT", 5)
JOB_APPLICATION_RATE_WINDOW_SECONDS = env_int("JOB_APPLICATION_RATE_WINDOW_SECONDS", 3600)
# Events: registration requests are deleted this many days after they arrive, by
# `manage.py purge_event_registrations` run daily from cron (README, "Privacy and retention").
EVENT_REGISTRATION_RETENTION_DAYS = env_int("EVENT_REGISTRATION_RETENTION_DAYS", 90)
EVENT_REGISTRATION_RATE_LIMIT = env_int("EVENT_REGISTRATION_RATE_LIMIT", 5)
EVENT_REGISTRATION_RATE_WINDOW_SECONDS = env_int("EVENT_REGISTRATION_RATE_WINDOW_SECONDS", 3600)
# Told when an application arrives, unless the careers page names another address.
HIRING_CONTACT_EMAIL = env_str("HIRING_CONTACT_EMAIL", "hiring@example.org")
