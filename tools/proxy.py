"""nginx in front of the site's app servers, configured with the very blocks docs/deploy.md
gives (the pool of app servers, and the site's server block), so the document is what runs:
in the proxy's browser test (tests/browser/test_behind_the_proxy.py) and in `make cluster`."""

import http.client
import os
import re
import shutil
import subprocess
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

DEPLOY_DOC = Path(__file__).resolve().parents[1] / "docs" / "deploy.md"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

NGINX_CONF = """
{user}
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
{upstream}
    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1;
{block}
    }}
}}
"""
APP_SERVER_LINE = re.compile(r"^(\s*server 127\.0\.0\.1:)8000(\b.*)$", flags=re.M)


def deploy_doc_blocks():
    """docs/deploy.md's two nginx blocks: the pool of app servers and the site's server block."""
    blocks = re.findall(r"```nginx\n(.*?)```", DEPLOY_DOC.read_text(), flags=re.S)
    if len(blocks) != 2:
        raise ValueError("docs/deploy.md should hold two nginx blocks: the pool, then the site")
    return blocks


def nginx_config(run, port, app_ports, media_root):
    """The configuration for nginx on 127.0.0.1:`port` in front of the app servers on
    `app_ports`, serving images from `media_root`, its files in the folder `run`."""
    upstream, block = deploy_doc_blocks()
    line = APP_SERVER_LINE.search(upstream)
    servers = "\n".join(f"{line[1]}{app_port}{line[2]}" for app_port in app_ports)
    pool = re.sub(r"^\s*server 127\.0\.0\.1:\d+.*\n", "", upstream, flags=re.M)
    pool = pool.replace("{\n", "{\n" + servers + "\n", 1)
    # As root, nginx's workers would drop to "nobody", who may not read the run's own folders.
    user = "user root;" if os.geteuid() == 0 else ""
    return NGINX_CONF.format(
        user=user,
        run=run,
        port=port,
        upstream=pool,
        block=block.replace("/srv/site/media/", f"{media_root}/"),
    )


def start_nginx(run, port, app_ports, media_root):
    """nginx started and answering on `port`; stop it with `.terminate()`."""
    if not Path(NGINX).exists():
        raise RuntimeError("nginx is missing: run `make browser-deps`")
    run = Path(run)
    config = run / "nginx.conf"
    config.write_text(nginx_config(run, port, app_ports, media_root))
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [NGINX, "-p", str(run), "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=2).connect()
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log = (run / "error.log").read_text() if (run / "error.log").exists() else ""
                raise RuntimeError(f"nginx did not start:\n{log}") from None
            time.sleep(0.1)


def csrf_token(html):
    """The CSRF token of the (first) form in a page's HTML."""
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


class Visitor:
    """Someone on a connection of their own (a loopback address of their own, such as
    127.0.0.2, as a person on another network), with their own cookies, asking the proxy on
    127.0.0.1:`port`."""

    def __init__(self, port, source):
        self.port = port
        self.source = source
        self.cookies = SimpleCookie()

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.source, 0)
        )
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        return response.status, response.headers, content.decode(errors="replace")

    def send_contact_form(self, contact_path, form, forged=None):
        """The status of the contact form at `contact_path` sent with the answers `form`,
        with `forged` written into X-Forwarded-For if given."""
        _status, _headers, page = self.request("GET", contact_path)
        token = csrf_token(page)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if forged:
            headers["X-Forwarded-For"] = forged
        body = urlencode({**form, "csrfmiddlewaretoken": token})
        status, _headers, _page = self.request("POST", contact_path, body, headers)
        return status
