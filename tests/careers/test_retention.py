import os
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from careers.models import JobApplication

from .factories import make_application

pytestmark = pytest.mark.django_db


def purge(*args):
    out = StringIO()
    call_command("purge_job_applications", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def applications(settings):
    settings.APPLICATION_RETENTION_DAYS = 180
    return {
        "old": make_application(name="Old applicant", days_ago=200),
        "older": make_application(name="Older applicant", days_ago=400),
        "recent": make_application(name="Recent applicant", days_ago=10),
    }


def test_dry_run_reports_and_deletes_nothing(applications, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        output = purge("--dry-run")
    assert "Would delete 2 job applications" in output
    assert "180-day retention" in output
    assert JobApplication.objects.count() == 3
    assert all(os.path.exists(a.resume.path) for a in applications.values())


def test_purge_deletes_old_applications_and_their_files_and_keeps_recent_ones(
    applications, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        output = purge()
    assert "Deleted 2 job applications" in output
    assert list(JobApplication.objects.values_list("full_name", flat=True)) == ["Recent applicant"]
    assert not os.path.exists(applications["old"].resume.path)
    assert not os.path.exists(applications["older"].resume.path)
    assert os.path.exists(applications["recent"].resume.path)


def test_purge_is_idempotent(applications, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        purge()
    with django_capture_on_commit_callbacks(execute=True):
        assert "Deleted 0 job applications" in purge()
    assert JobApplication.objects.count() == 1


def test_days_option_overrides_the_setting(applications, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert "Deleted 3 job applications" in purge("--days", "5")
    assert not JobApplication.objects.exists()


def test_retention_comes_from_settings(applications, settings, django_capture_on_commit_callbacks):
    settings.APPLICATION_RETENTION_DAYS = 300
    with django_capture_on_commit_callbacks(execute=True):
        assert "Deleted 1 job application " in purge()
    assert not JobApplication.objects.filter(full_name="Older applicant").exists()


@pytest.mark.parametrize("days", ["0", "-3"])
def test_a_retention_of_less_than_a_day_is_refused(applications, days):
    with pytest.raises(CommandError):
        purge("--days", days)
    assert JobApplication.objects.count() == 3


def test_resume_files_left_without_an_application_are_cleaned_up(applications, private_media):
    storage = JobApplication._meta.get_field("resume").storage
    orphan = storage.save("resumes/0123456789abcdef0123456789abcdef.pdf", StringIO("x"))
    fresh_orphan = storage.save("resumes/fedcba9876543210fedcba9876543210.pdf", StringIO("y"))
    long_ago = time.time() - 400 * 86400
    os.utime(storage.path(orphan), (long_ago, long_ago))
    assert "Would delete 1 resume file" in purge("--dry-run")
    assert storage.exists(orphan)
    assert "Deleted 1 resume file" in purge()
    assert not storage.exists(orphan)
    # A file from an upload in progress right now is left alone.
    assert storage.exists(fresh_orphan)
    assert storage.exists(applications["recent"].resume.name)
