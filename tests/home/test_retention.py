"""Contact messages are deleted after the retention period by a command cron can run daily."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from home.models import ContactPage
from tests.support import settings_under

pytestmark = pytest.mark.django_db


def message_received(days_ago, name="Sam"):
    submission = FormSubmission.objects.create(
        page=ContactPage.objects.get(locale__language_code="en"), form_data={"your_name": name}
    )
    # submit_time is set on creation; move it back to when the message "arrived".
    FormSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return submission


def purge(*args):
    out = io.StringIO()
    call_command("purge_contact_submissions", *args, stdout=out)
    return out.getvalue()


def remaining_names():
    return sorted(s.get_data()["your_name"] for s in FormSubmission.objects.all())


def test_messages_older_than_the_setting_are_deleted_and_newer_ones_kept(settings):
    settings.CONTACT_RETENTION_DAYS = 30
    message_received(31, "old")
    message_received(400, "older")
    message_received(29, "recent")
    message_received(0, "today")
    output = purge()
    assert remaining_names() == ["recent", "today"]
    assert output.startswith("Deleted 2 contact messages received before ")
    assert "(30-day retention)" in output


def test_a_dry_run_counts_and_deletes_nothing(settings):
    settings.CONTACT_RETENTION_DAYS = 30
    message_received(31, "old")
    message_received(1, "new")
    output = purge("--dry-run")
    assert output.startswith("Would delete 1 contact message received before ")
    assert remaining_names() == ["new", "old"]


def test_running_again_deletes_nothing_more(settings):
    settings.CONTACT_RETENTION_DAYS = 30
    message_received(31, "old")
    message_received(1, "new")
    purge()
    assert purge().startswith("Deleted 0 contact messages")
    assert remaining_names() == ["new"]


def test_quiet_for_cron_with_verbosity_zero(settings):
    settings.CONTACT_RETENTION_DAYS = 30
    message_received(31, "old")
    assert purge("--verbosity", "0") == ""
    assert remaining_names() == []


def test_days_on_the_command_line_override_the_setting(settings):
    settings.CONTACT_RETENTION_DAYS = 365
    message_received(8, "eight days")
    message_received(6, "six days")
    assert "(7-day retention)" in purge("--days", "7")
    assert remaining_names() == ["six days"]


@pytest.mark.parametrize("days", ["0", "-5"])
def test_a_period_under_one_day_is_refused(days):
    message_received(3)
    with pytest.raises(CommandError, match="at least 1 day"):
        purge("--days", days)
    assert FormSubmission.objects.count() == 1


def test_a_zero_setting_is_refused_too(settings):
    settings.CONTACT_RETENTION_DAYS = 0
    message_received(3)
    with pytest.raises(CommandError):
        purge()
    assert FormSubmission.objects.count() == 1


def test_the_retention_period_comes_from_the_environment(monkeypatch):
    base = "config.settings.base"
    assert settings_under(monkeypatch, base).CONTACT_RETENTION_DAYS == 180
    shorter = settings_under(monkeypatch, base, CONTACT_RETENTION_DAYS="90")
    assert shorter.CONTACT_RETENTION_DAYS == 90
