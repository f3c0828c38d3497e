"""An editor closes an opening now, in one step, and everyone sees it closed at once: the job's
page, the careers page, the application form, site search and the admin's page list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from careers.models import JobPage
from tests.support import page_at

from .factories import application_post, careers_index, make_job, staff_user

pytestmark = pytest.mark.django_db


def close_url(job, next_url=""):
    url = reverse("careers_close_job", args=(job.pk,))
    return f"{url}?next={next_url}" if next_url else url


def test_an_opening_posted_today_closes_today_in_one_step(admin_client, client):
    job = make_job("Peer outreach worker", posted_days_ago=0, closing_in_days=30)
    explore = reverse("wagtailadmin_explore", args=(careers_index().pk,))
    listing = admin_client.get(explore)
    assert close_url(job) in listing.content.decode()  # in the job's "More" menu
    assert "Peer outreach worker (closed)" not in listing.content.decode()

    confirm = admin_client.get(close_url(job, explore))
    assert confirm.status_code == 200
    assert "Yes, close it now" in confirm.content.decode()
    closed = admin_client.post(close_url(job), {"next": explore}, follow=True)
    assert "is closed: applicants can no longer apply" in closed.content.decode()
    assert "Peer outreach worker (closed)" in closed.content.decode()

    job = JobPage.objects.get(pk=job.pk)
    assert job.closed and job.live and not job.has_unpublished_changes and not job.is_open
    page = page_at(client, job.url)
    assert "This opening has closed." in page.select_one(".job-closed").get_text()
    assert page.find("form", attrs={"method": "post"}) is None
    careers = page_at(client, careers_index().url)
    assert "Peer outreach worker" not in careers.get_text()
    refused = client.post(job.url, application_post())
    assert refused.status_code == 410
    found = page_at(client, "/search/?q=outreach")
    labels = {
        item.select_one(".search-result__title").get_text(strip=True): item.select_one(
            ".search-result__type"
        ).get_text(strip=True)
        for item in found.select(".search-result")
    }
    assert labels["Peer outreach worker"] == "Job (closed)"


def test_a_draft_is_never_buried_by_closing(admin_client):
    job = make_job("Clinical supervisor")
    draft = JobPage.objects.get(pk=job.pk)
    draft.summary = "A new summary the editor has not published yet."
    draft.save_revision()
    response = admin_client.post(close_url(job), follow=True)
    assert "has changes that are not published yet" in response.content.decode()
    job = JobPage.objects.get(pk=job.pk)
    assert not job.closed
    latest = job.get_latest_revision_as_object()
    assert latest.summary == "A new summary the editor has not published yet."


def test_only_people_who_may_publish_see_or_use_the_close_button(client, django_user_model):
    job = make_job("Intake coordinator")
    client.force_login(staff_user(django_user_model))
    # Wagtail's admin answers a refused permission by sending them to the dashboard.
    for response in (client.get(close_url(job)), client.post(close_url(job))):
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not JobPage.objects.get(pk=job.pk).closed


def test_reopening_is_unticking_closed_now(client):
    job = make_job("Harm reduction therapist")
    job.closed = True
    job.save_revision().publish()
    assert page_at(client, job.url).select_one(".job-closed") is not None
    job.closed = False
    job.save_revision().publish()
    assert page_at(client, job.url).select_one(".job-closed") is None
    assert "Harm reduction therapist" in page_at(client, careers_index().url).get_text()


def test_unknown_or_non_job_pages_are_a_404(admin_client):
    assert admin_client.get(reverse("careers_close_job", args=(999999,))).status_code == 404
    home = Page.objects.get(depth=2, locale__language_code="en")
    assert admin_client.get(reverse("careers_close_job", args=(home.pk,))).status_code == 404


def test_a_job_locked_by_a_colleague_is_not_closed_behind_their_back(
    admin_client, django_user_model
):
    job = make_job("Night outreach lead")
    colleague = staff_user(django_user_model, "colleague")
    JobPage.objects.filter(pk=job.pk).update(
        locked=True, locked_by=colleague, locked_at=timezone.now()
    )
    response = admin_client.post(close_url(job), follow=True)
    assert "locked" in response.content.decode()
    assert not JobPage.objects.get(pk=job.pk).closed


def test_a_job_that_no_longer_passes_its_checks_is_sent_to_the_editor_not_an_error(admin_client):
    job = make_job("Outreach coordinator", posted_days_ago=0)
    # Data from before the checks: a closing date before the date posted.
    today = timezone.localdate()
    JobPage.objects.filter(pk=job.pk).update(
        closing_date=today + timedelta(days=5), date_posted=today + timedelta(days=9)
    )
    response = admin_client.post(close_url(job))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=(job.pk,))
    assert not JobPage.objects.get(pk=job.pk).closed
