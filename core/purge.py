"""The retention purges' one shape (`manage.py purge_contact_submissions`,
`purge_job_applications`, `purge_event_registrations`; README, "Privacy and retention"):
`--days` (the setting's number of days by default, never below 1) and `--dry-run`, deletion in
one transaction, and one line saying what went. Safe to run from cron: each run deletes only
what is past the period, so running it twice does nothing more."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone


class PurgeCommand(BaseCommand):
    """A purge: subclasses name the setting, what they delete, and the rows past a cutoff."""

    retention_setting = ""  # e.g. "CONTACT_RETENTION_DAYS"
    noun = ("thing", "things")  # what one row is called, and several

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Keep this many days (default: settings.{self.retention_setting}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted; delete nothing."
        )

    def expired(self, cutoff):
        """The rows received before `cutoff`."""
        raise NotImplementedError

    def purge(self, cutoff, dry_run):
        """Delete the rows received before `cutoff` (unless `dry_run`); how many there were."""
        expired = self.expired(cutoff)
        count = expired.count()
        if count and not dry_run:
            expired.delete()
        return count

    def handle(self, *args, days=None, dry_run=False, **options):
        self.verbosity = options.get("verbosity", 1)
        days = getattr(settings, self.retention_setting) if days is None else days
        if days < 1:
            # Zero would delete what arrived the moment it arrived, before anyone read it.
            raise CommandError(f"The retention period must be at least 1 day, not {days}.")
        cutoff = timezone.now() - timedelta(days=days)
        with transaction.atomic():
            count = self.purge(cutoff, dry_run)
        self.say(
            dry_run,
            count,
            self.noun,
            f"received before {timezone.localtime(cutoff):%Y-%m-%d %H:%M %Z} "
            f"({days}-day retention).",
        )
        self.after_purge(cutoff, dry_run)

    def after_purge(self, cutoff, dry_run):
        """Anything left to tidy once the deletion has committed."""

    def say(self, dry_run, count, noun, rest):
        if self.verbosity == 0:
            return
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} {noun[0] if count == 1 else noun[1]} {rest}")
