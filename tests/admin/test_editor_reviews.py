"""Reviewing pages that can hurt people when stale (safer-use advice, crisis information): a report
of the live pages past their review date or never reviewed, and “Mark as reviewed” for a page an
editor checked and found right, which publishes it again, unchanged, with the new dates."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import PageLogEntry

from core.dates import add_months
from core.models import PracticeSettings
from home.models import ContactPage, ExplainerPage, GoalsPage, HomePage, StandardPage
from resources.models import ResourcePage
from tests.resources.factories import make_resource

pytestmark = pytest.mark.django_db

REPORT_URL = reverse("reviews:due")
TODAY = timezone.localdate()
LONG_AGO = TODAY - datetime.timedelta(days=400)
LAST_MONTH = TODAY - datetime.timedelta(days=35)


def reviewed(page, last, due):
    page.last_reviewed, page.next_review_due = last, due
    page.save_revision().publish()
    return page


@pytest.fixture
def every_page_up_to_date():
    """The demo pages all reviewed today, so a test sees only the pages it makes overdue."""
    for model in (HomePage, ExplainerPage, GoalsPage, StandardPage, ResourcePage):
        model.objects.update(last_reviewed=TODAY, next_review_due=add_months(TODAY, 12))


def content_of(revision):
    """A revision's fields, StreamFields read as data (their JSON text may differ in key order)."""
    content = {}
    for key, value in revision.content.items():
        if isinstance(value, str) and value.startswith("["):
            value = json.loads(value)
        content[key] = value
    return content


def report_rows(client, **params):
    page = BeautifulSoup(client.get(REPORT_URL, params).content, "html.parser")
    return {
        row.select_one("td a").get_text(strip=True): row.get_text(" ", strip=True)
        for row in page.select("tbody tr")
    }


def test_the_report_lists_overdue_and_never_reviewed_live_pages(
    admin_client, every_page_up_to_date
):
    explainer = reviewed(
        ExplainerPage.objects.get(locale__language_code="en"), LONG_AGO, LAST_MONTH
    )
    goals = reviewed(GoalsPage.objects.get(locale__language_code="en"), None, None)
    fresh = make_resource("Fresh advice")
    reviewed(fresh, TODAY, add_months(TODAY, 12))
    draft = make_resource("Never published advice")
    draft.unpublish()
    ResourcePage.objects.filter(pk=draft.pk).update(
        last_reviewed=LONG_AGO, next_review_due=LAST_MONTH
    )

    rows = report_rows(admin_client)
    assert explainer.title in rows and goals.title in rows
    assert fresh.title not in rows
    assert draft.title not in rows
    assert LAST_MONTH.strftime("%B") in rows[explainer.title]
    assert "Never reviewed" in rows[goals.title]
    # Never reviewed first, then the longest overdue.
    assert list(rows)[:2] == [goals.title, explainer.title]
    # A contact page has no review dates: it is not a page this report asks about.
    assert ContactPage.objects.get(locale__language_code="en").title not in rows


@pytest.fixture
def moderator_client(client, django_user_model):
    """A clinician who edits and publishes pages, without being a superuser."""
    moderator = django_user_model.objects.create_user("clinician", "c@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    return client


def test_the_report_runs_in_the_same_few_queries_however_many_pages_are_overdue(
    moderator_client, every_page_up_to_date
):
    make_resource("Overdue 1")
    ResourcePage.objects.filter(title="Overdue 1").update(next_review_due=LAST_MONTH)
    with CaptureQueriesContext(connection) as one:
        rows = report_rows(moderator_client)
    assert list(rows) == ["Overdue 1"] and "Mark as reviewed" in rows["Overdue 1"]
    for number in range(2, 8):
        make_resource(f"Overdue {number}")
    ResourcePage.objects.filter(title__startswith="Overdue").update(next_review_due=LAST_MONTH)
    with CaptureQueriesContext(connection) as seven:
        assert len(report_rows(moderator_client)) == 7
    assert len(seven) == len(one)
    # The session, the user, their groups' permissions, the practice settings (the crisis lines'
    # date), the count and the page of results, and the admin's own furniture: none of it grows
    # with the rows.
    assert len(one) <= 13


def test_the_report_is_in_the_reports_menu(admin_client):
    page = admin_client.get(reverse("wagtailadmin_home")).text
    assert "Reviews due" in page
    assert REPORT_URL in page


def test_marking_a_page_reviewed_publishes_it_again_unchanged_with_todays_date(
    admin_client, client
):
    explainer = reviewed(
        ExplainerPage.objects.get(locale__language_code="en"), LONG_AGO, LAST_MONTH
    )
    explainer.refresh_from_db()
    before = explainer.live_revision
    url = reverse("reviews:mark_reviewed", args=[explainer.pk])

    confirm = BeautifulSoup(admin_client.get(url).content, "html.parser")
    assert confirm.select_one(f'form[action="{url}"] button[type="submit"]')
    assert "Mark as reviewed" in confirm.get_text(" ", strip=True)

    response = admin_client.post(url, {"next": REPORT_URL})
    assert response.status_code == 302 and response["Location"] == REPORT_URL

    explainer.refresh_from_db()
    assert explainer.last_reviewed == TODAY
    assert explainer.next_review_due == add_months(TODAY, 12)
    assert explainer.live and not explainer.has_unpublished_changes
    assert explainer.live_revision_id != before.pk
    assert explainer.live_revision_id == explainer.latest_revision_id
    after = content_of(explainer.live_revision)
    changed = {key for key in after if after[key] != content_of(before).get(key)}
    assert changed <= {
        "last_reviewed",
        "next_review_due",
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "last_published_at",
        "has_unpublished_changes",
    }
    published = PageLogEntry.objects.filter(page=explainer, action="wagtail.publish").latest("pk")
    assert published.content_changed is False
    assert PageLogEntry.objects.filter(page=explainer, action="core.mark_reviewed").exists()
    assert explainer.title not in report_rows(admin_client)
    visitor = BeautifulSoup(client.get(explainer.url).content, "html.parser")
    assert TODAY.strftime("%B %-d, %Y") in visitor.select_one(".page-review").get_text()


def test_the_next_review_follows_the_practice_review_interval(admin_client):
    practice = PracticeSettings.load()
    practice.review_interval_months = 6
    practice.save()
    goals = reviewed(GoalsPage.objects.get(locale__language_code="en"), None, None)
    admin_client.post(reverse("reviews:mark_reviewed", args=[goals.pk]))
    goals.refresh_from_db()
    assert goals.next_review_due == add_months(TODAY, 6)


def test_a_page_with_unpublished_changes_is_not_marked_behind_the_editors_back(admin_client):
    explainer = reviewed(
        ExplainerPage.objects.get(locale__language_code="en"), LONG_AGO, LAST_MONTH
    )
    explainer.intro = "<p>A draft someone is still writing.</p>"
    draft = explainer.save_revision()
    url = reverse("reviews:mark_reviewed", args=[explainer.pk])
    response = admin_client.post(url, follow=True)
    assert "unpublished changes" in response.text
    explainer = ExplainerPage.objects.get(pk=explainer.pk)
    assert explainer.last_reviewed == LONG_AGO
    assert explainer.latest_revision_id == draft.pk


def test_only_people_who_may_publish_can_mark_a_page_reviewed(client, django_user_model):
    editor = django_user_model.objects.create_user("writer", "w@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    explainer = reviewed(
        ExplainerPage.objects.get(locale__language_code="en"), LONG_AGO, LAST_MONTH
    )
    url = reverse("reviews:mark_reviewed", args=[explainer.pk])
    for response in (client.get(url), client.post(url)):
        # Wagtail's answer to a refusal in the admin: back to the dashboard, with a message.
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    explainer.refresh_from_db()
    assert explainer.last_reviewed == LONG_AGO


def test_mark_as_reviewed_is_offered_beside_the_page_in_the_admin(admin_client, home_page):
    explainer = ExplainerPage.objects.get(locale__language_code="en")
    url = reverse("reviews:mark_reviewed", args=[explainer.pk])
    listing = admin_client.get(reverse("wagtailadmin_explore", args=[home_page.pk])).text
    assert url in listing
    editing = admin_client.get(reverse("wagtailadmin_pages:edit", args=[explainer.pk])).text
    assert url in editing
    contact = ContactPage.objects.get(locale__language_code="en")
    assert reverse("reviews:mark_reviewed", args=[contact.pk]) not in listing


@pytest.mark.parametrize("state", ["unpublished", "locked by someone else"])
def test_a_page_not_live_or_locked_by_someone_else_is_not_marked(
    admin_client, django_user_model, state
):
    explainer = reviewed(
        ExplainerPage.objects.get(locale__language_code="en"), LONG_AGO, LAST_MONTH
    )
    if state == "unpublished":
        explainer.unpublish()
    else:
        colleague = django_user_model.objects.create_superuser("colleague", "c@example.org")
        ExplainerPage.objects.filter(pk=explainer.pk).update(
            locked=True, locked_by=colleague, locked_at=timezone.now()
        )
    url = reverse("reviews:mark_reviewed", args=[explainer.pk])
    confirm = BeautifulSoup(admin_client.get(url).content, "html.parser")
    assert not confirm.select_one(f'form[action="{url}"]')
    response = admin_client.post(url, follow=True)
    assert ("publish it first" if state == "unpublished" else "locked") in response.text
    explainer.refresh_from_db()
    assert explainer.last_reviewed == LONG_AGO


def test_a_page_that_no_longer_passes_its_checks_is_sent_to_the_editor(admin_client):
    resource = make_resource("Lost its link")
    ResourcePage.objects.filter(pk=resource.pk).update(external_url="")
    revisions = resource.revisions.count()
    response = admin_client.post(reverse("reviews:mark_reviewed", args=[resource.pk]))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[resource.pk])
    assert "needs changes" in admin_client.get(response["Location"]).text
    assert resource.revisions.count() == revisions
    resource.refresh_from_db()
    assert resource.last_reviewed is None


def test_the_report_downloads_as_a_spreadsheet(admin_client, every_page_up_to_date):
    goals = reviewed(GoalsPage.objects.get(locale__language_code="en"), None, None)
    explainer = reviewed(
        ExplainerPage.objects.get(locale__language_code="en"), LONG_AGO, LAST_MONTH
    )
    response = admin_client.get(REPORT_URL, {"export": "csv"})
    assert "reviews-due-" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Page", "Type", "Last reviewed", "Review due"]
    assert rows[1:] == [
        [goals.title, "Goals of harm reduction therapy", "", ""],
        [explainer.title, "Harm reduction explainer", str(LONG_AGO), str(LAST_MONTH)],
    ]


def test_the_report_says_when_the_crisis_lines_are_due_for_a_check(admin_client):
    practice = PracticeSettings.load()
    practice.crisis_lines_last_reviewed = LONG_AGO
    practice.save()
    page = BeautifulSoup(admin_client.get(REPORT_URL).content, "html.parser")
    note = page.select_one(".help-block").get_text(" ", strip=True)
    assert "crisis lines are due for a check" in note
    assert date_format(LONG_AGO, "F j, Y") in note
    practice.crisis_lines_last_reviewed = TODAY
    practice.save()
    page = BeautifulSoup(admin_client.get(REPORT_URL).content, "html.parser")
    note = page.select_one(".help-block").get_text(" ", strip=True)
    assert f"next due on {date_format(add_months(TODAY, 12), 'F j, Y')}" in note
