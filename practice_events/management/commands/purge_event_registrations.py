"""Deletes event registration requests older than EVENT_REGISTRATION_RETENTION_DAYS
(core/purge.py)."""

from core.purge import PurgeCommand
from practice_events.models import EventRegistration


class Command(PurgeCommand):
    help = "Delete event registration requests past their retention period (--dry-run counts)."
    retention_setting = "EVENT_REGISTRATION_RETENTION_DAYS"
    noun = ("registration request", "registration requests")

    def expired(self, cutoff):
        return EventRegistration.objects.filter(received_at__lt=cutoff)
