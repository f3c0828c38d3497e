"""gunicorn's settings, from the environment (docs/deploy.md): `gunicorn -c config/gunicorn.py
config.wsgi`. Sync workers: the site's requests are short and CPU-bound, so one worker per core
(WEB_CONCURRENCY) serves best; a slow client is the proxy's to buffer, not a worker's."""

import os
import tempfile
from pathlib import Path

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Load the site once, before forking: workers start in milliseconds and share memory.
preload_app = True
# Recycling workers after N requests is off by default: at cached-page rates a worker would
# restart every few seconds, dropping its local cache. Set it if a leak ever shows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# Only the local proxy may say the request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("ACCESS_LOG", "").lower() in {"1", "true", "yes", "on"} else None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The heartbeat file in memory, not on a disk that may be slow or full.
SHARED_MEMORY = Path("/dev/shm")  # noqa: S108 - gunicorn's own advice for its heartbeat file
worker_tmp_dir = str(SHARED_MEMORY) if SHARED_MEMORY.is_dir() else tempfile.gettempdir()
