"""The browser tests' copy of the site (tests/live_site.py), started once per test run: the
accounts the journeys log in with, and the address of one page of each public type."""

import os
from dataclasses import dataclass, field
from pathlib import Path
from subprocess import Popen

from tests.live_site import (
    build_site,
    drop_site_database,
    free_port,
    run_manage,
    shell_json,
    site_environment,
    site_from_demo,
    start_server,
    stop_server,
)

# One page of each public type (their addresses come from SETUP_SCRIPT below).
PUBLIC_PAGES = [
    "home",
    "explainer",
    "goals",
    "contact",
    "fees",
    "library",
    "library-search",
    "resource",
    "team",
    "team-member",
    "telehealth",
    "careers",
    "job",
    "closed-job",
    "events",
    "event",
    "search",
    "not-found",
    "browsing-safely",
    "privacy",
    "es-home",
    "es-explainer",
    "es-goals",
    "es-contact",
    "es-browsing-safely",
    "es-library",
    "es-team",
    "es-team-member",
    "es-search",
]

EDITOR = ("browser-editor", "editor-pass-1234")
# The practice's lead: every part of the admin, for the editors' guide (docs/editing.md).
LEAD = ("browser-lead", "lead-pass-1234")
STAFF = ("browser-staff", "staff-pass-1234")

# Accounts the journeys log in with, and the page of each public type they visit.
SETUP_SCRIPT = """
from django.contrib.auth import get_user_model
from wagtail.models import Page, get_page_models
from core.csp import media_origin
from django.contrib.auth.models import Group, Permission

User = get_user_model()
access_admin = Permission.objects.get(codename="access_admin")

def user(username, password, groups):
    account, _created = User.objects.get_or_create(username=username)
    account.set_password(password)
    account.is_staff = True
    account.save()
    account.groups.set(groups)
    account.user_permissions.add(access_admin)
    return account

# Wagtail's own "Moderators" group may edit and publish every page; it has no access to job
# applications, which only the "Hiring managers" group has.
user(EDITOR_NAME, EDITOR_PASSWORD, [Group.objects.get(name="Moderators")])
user(STAFF_NAME, STAFF_PASSWORD, [])
lead = user(LEAD_NAME, LEAD_PASSWORD, [])
lead.is_superuser = True
lead.save()

member = first(TeamMemberPage, accepting_new_clients=True)
open_job = first(JobPage, closing_date__gte=today)
closed_job = first(JobPage, closing_date__lt=today)
pages = public_pages(member, open_job)
# An opening of its own for the journey that closes one, so the others keep theirs open.
to_close = open_job.copy(
    update_attrs={"title": "Peer outreach worker", "slug": "peer-outreach-worker"}
)
pages["closed-job"] = closed_job.get_url()
print(json.dumps({
    "pages": pages,
    "member": {"slug": member.slug, "name": member.title},
    "open_job": {"id": open_job.pk, "title": open_job.title},
    "closed_job": {"title": closed_job.title},
    "job_to_close": {"id": to_close.pk, "title": to_close.title, "url": to_close.get_url()},
    "careers_id": to_close.get_parent().pk,
    "goals_id": first(GoalsPage).pk,
    # One live page of every page type editors can open, by the type's name.
    "page_ids": {
        model._meta.verbose_name: model.objects.live().order_by("path").first().pk
        for model in get_page_models()
        if model is not Page and model.objects.live().exists()
    },
    "quick_exit_url": practice.quick_exit_url,
    # Where uploaded images come from when they are not the site's own (media on S3).
    "media_origin": media_origin(),
}))
"""


@dataclass
class LiveSite:
    base_url: str
    pages: dict
    facts: dict
    workdir: Path
    env: dict = field(repr=False)
    process: Popen | None = field(repr=False)

    def url(self, name_or_path):
        path = self.pages.get(name_or_path, name_or_path)
        return self.base_url + path

    def manage(self, *args):
        return run_manage(self.env, *args)

    def stop(self):
        if self.process is not None:
            stop_server(self.process)
            drop_site_database(self.env)


def setup_script():
    return (
        SETUP_SCRIPT.replace("EDITOR_NAME", repr(EDITOR[0]))
        .replace("EDITOR_PASSWORD", repr(EDITOR[1]))
        .replace("STAFF_NAME", repr(STAFF[0]))
        .replace("STAFF_PASSWORD", repr(STAFF[1]))
        .replace("LEAD_NAME", repr(LEAD[0]))
        .replace("LEAD_PASSWORD", repr(LEAD[1]))
    )


def running_site(base_url, workdir):
    """A site someone else started, at `base_url`: `make cluster`'s balancer, in front of app
    servers on the database and storages the environment names (with the settings module
    LIVE_SITE_SETTINGS). The journeys' accounts and pages are made there as for a site of
    their own; the site is left running."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get(
            "LIVE_SITE_SETTINGS", "config.settings.production"
        ),
    }
    facts = shell_json(env, setup_script())
    return LiveSite(
        base_url=base_url.rstrip("/"),
        pages=facts.pop("pages"),
        facts=facts,
        workdir=workdir,
        env=env,
        process=None,
    )


def start_site(workdir, demo=None, database=None):
    """The site on a free port: a copy of the test run's demo database (`demo`, kept for the
    tests' `database`: tests/conftest.py), or, without one, a site built from scratch."""
    port = free_port()
    env = site_environment(workdir, port, secret_key="browser-tests-only-not-a-secret")
    if demo:
        facts = site_from_demo(env, setup_script(), demo, database, role="site")
    else:
        facts = build_site(env, setup_script())
    # Threads enough for Chromium's connections: it opens up to six to the site for each
    # browser context, some of which it never sends a request on, and gunicorn's threaded
    # worker gives each new connection a thread until its first request comes (up to 5 s).
    try:
        process = start_server(env, port, workdir / "server.log", threads=8)
    except BaseException:
        drop_site_database(env)
        raise
    return LiveSite(
        base_url=f"http://127.0.0.1:{port}",
        pages=facts.pop("pages"),
        facts=facts,
        workdir=workdir,
        env=env,
        process=process,
    )
