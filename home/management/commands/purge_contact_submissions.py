"""Deletes contact messages older than CONTACT_RETENTION_DAYS (core/purge.py)."""

from core.purge import PurgeCommand
from home.models import ContactPage


class Command(PurgeCommand):
    help = "Delete contact form messages past their retention period (--dry-run counts)."
    retention_setting = "CONTACT_RETENTION_DAYS"
    noun = ("contact message", "contact messages")

    def purge(self, cutoff, dry_run):
        total = 0
        for page in ContactPage.objects.all():
            old = page.get_submission_class().objects.filter(page=page, submit_time__lt=cutoff)
            total += old.count()
            if not dry_run:
                old.delete()
        return total
