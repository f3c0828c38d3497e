"""Delete contact messages older than the retention period. Safe to run from cron: it changes
nothing when there is nothing to delete, prints what it did, and fails loudly on bad input."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from home.models import ContactPage


class Command(BaseCommand):
    help = (
        "Delete contact form messages older than CONTACT_RETENTION_DAYS (or --days). "
        "Run it daily from cron; --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep messages this many days (default: settings.CONTACT_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be deleted, delete nothing.",
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.CONTACT_RETENTION_DAYS if days is None else days
        if days < 1:
            # Zero would delete a message the moment it arrived, before anyone read it.
            raise CommandError(f"The retention period must be at least 1 day, not {days}.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        total = 0
        with transaction.atomic():
            for page in ContactPage.objects.all():
                old = page.get_submission_class().objects.filter(page=page, submit_time__lt=cutoff)
                total += old.count()
                if not dry_run:
                    old.delete()
        if options.get("verbosity", 1) == 0:
            return
        verb = "Would delete" if dry_run else "Deleted"
        noun = "message" if total == 1 else "messages"
        self.stdout.write(
            f"{verb} {total} contact {noun} received before {cutoff:%Y-%m-%d %H:%M} "
            f"(older than {days} days)."
        )
