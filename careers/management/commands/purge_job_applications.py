"""Deletes job applications, and their resumes, older than APPLICATION_RETENTION_DAYS
(core/purge.py), and resume files no application refers to."""

from careers.models import JobApplication
from careers.models.applications import delete_resume_file
from core.purge import PurgeCommand

RESUME_FOLDER = "resumes"


class Command(PurgeCommand):
    help = (
        "Delete job applications and their resume files past their retention period "
        "(--dry-run counts)."
    )
    retention_setting = "APPLICATION_RETENTION_DAYS"
    noun = ("job application (and its resume)", "job applications (and their resumes)")

    def expired(self, cutoff):
        # Each row's post_delete signal removes its resume once the deletion commits.
        return JobApplication.objects.filter(received_at__lt=cutoff)

    def after_purge(self, cutoff, dry_run):
        # The deleted applications' resumes are gone by now: what is left has no application.
        orphans = self.orphan_files(cutoff)
        for name in orphans:
            if not dry_run:
                delete_resume_file(name)
        if orphans:
            self.say(
                dry_run,
                len(orphans),
                ("resume file", "resume files"),
                "left behind by applications that were never saved.",
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
