"""Deletes job applications, and their resumes, older than the retention period. Safe to run
from cron: it only ever deletes what is past the period, so running it twice does nothing more."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from careers.models import JobApplication
from careers.models.applications import delete_resume_file

RESUME_FOLDER = "resumes"


class Command(BaseCommand):
    help = (
        "Delete job applications and their resume files received more than "
        "APPLICATION_RETENTION_DAYS days ago. Use --dry-run to see what would go."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted; delete nothing."
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days instead of settings.APPLICATION_RETENTION_DAYS.",
        )

    def handle(self, *args, dry_run=False, days=None, **options):
        days = settings.APPLICATION_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = JobApplication.objects.filter(received_at__lt=cutoff).order_by("received_at")
        count = expired.count()
        verb = "Would delete" if dry_run else "Deleted"
        when = timezone.localtime(cutoff).strftime("%Y-%m-%d %H:%M %Z")

        if not dry_run and count:
            with transaction.atomic():
                # Each row's post_delete signal removes its resume once this commits.
                expired.delete()
        self.stdout.write(
            f"{verb} {count} job application{'s' if count != 1 else ''} (and their resumes) "
            f"received before {when} ({days}-day retention)."
        )
        orphans = self.orphan_files(cutoff)
        for name in orphans:
            if not dry_run:
                delete_resume_file(name)
        if orphans:
            self.stdout.write(
                f"{verb} {len(orphans)} resume file{'s' if len(orphans) != 1 else ''} "
                "left behind by applications that were never saved."
            )

    def orphan_files(self, cutoff):
        """Resume files older than the cutoff that no application refers to."""
        storage = JobApplication._meta.get_field("resume").storage
        try:
            if not storage.exists(RESUME_FOLDER):
                return []
            _folders, files = storage.listdir(RESUME_FOLDER)
        except (NotImplementedError, FileNotFoundError):
            return []
        names = [f"{RESUME_FOLDER}/{name}" for name in files]
        known = set(
            JobApplication.objects.filter(resume__in=names).values_list("resume", flat=True)
        )
        orphans = []
        for name in names:
            if name in known:
                continue
            try:
                if storage.get_modified_time(name) < cutoff:
                    orphans.append(name)
            except (NotImplementedError, FileNotFoundError):
                continue
        return orphans
