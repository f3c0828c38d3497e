"""Production: secrets and hosts from the environment, HTTPS everywhere, DEBUG off."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_required, env_str

SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Cookies only over HTTPS. SECURE_COOKIES=false exists only for serving these settings over
# plain HTTP on 127.0.0.1 (the browser tests); `check --deploy` warns if it is ever off.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True

# Where collectstatic writes and WhiteNoise serves from (make audit uses a scratch folder).
STATIC_ROOT = env_str("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405

# Persistent database connections, checked before each request's first query, so a database
# restart costs a few failed requests and then heals without restarting the app (docs/deploy.md).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)  # noqa: F405

# Static files: hashed names are cached for ever (WhiteNoise marks them immutable); the few
# files without a hash in their name for this long.
WHITENOISE_MAX_AGE = env_int("WHITENOISE_MAX_AGE", 3600)

# Only for running the production settings on one machine without a proxy (make serve): Django
# serves uploaded media itself. In production the proxy or S3 serves them (docs/deploy.md).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# Whole anonymous pages kept in the cache for up to ten minutes (core/page_cache.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
