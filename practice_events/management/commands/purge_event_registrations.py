"""Deletes event registration requests older than the retention period. Safe to run from cron:
it only ever deletes what is past the period, so running it twice does nothing more."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from practice_events.models import EventRegistration


class Command(BaseCommand):
    help = (
        "Delete event registration requests received more than "
        "EVENT_REGISTRATION_RETENTION_DAYS days ago. Use --dry-run to see what would go."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Delete nothing; say what.")
        parser.add_argument("--days", type=int, default=None, help="Keep this many days instead.")

    def handle(self, *args, dry_run=False, days=None, **options):
        days = settings.EVENT_REGISTRATION_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = EventRegistration.objects.filter(received_at__lt=cutoff)
        count = expired.count()
        if not dry_run and count:
            expired.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {count} registration request{'s' if count != 1 else ''} received before "
            f"{timezone.localtime(cutoff):%Y-%m-%d %H:%M %Z} ({days}-day retention)."
        )
