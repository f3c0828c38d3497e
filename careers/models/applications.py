from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.text import slugify

from careers.resumes import RESUME_TYPES, resume_upload_to
from careers.storage import private_storage


class ApplicationStatus(models.TextChoices):
    NEW = "new", "New"
    REVIEWING = "reviewing", "Reviewing"
    INTERVIEW = "interview", "Interview"
    OFFER = "offer", "Offer"
    HIRED = "hired", "Hired"
    NOT_SELECTED = "not-selected", "Not selected"


class JobApplication(models.Model):
    """Someone's application for an opening, with their resume. It is saved before any email
    is sent, read and moved along by staff in the admin, and deleted with its file after the
    retention period the applicant agreed to. The resume lives in private storage and is
    downloaded only through a permission-checked admin view."""

    job = models.ForeignKey(
        "careers.JobPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        help_text="Kept empty if the job page is later deleted; the job title stays below.",
    )
    job_title = models.CharField(max_length=255, help_text="The job's title when they applied.")
    full_name = models.CharField("applicant", max_length=120)
    email = models.EmailField("email address", max_length=254)
    phone = models.CharField("phone number", max_length=30, blank=True)
    cover_note = models.TextField(blank=True)
    resume = models.FileField(upload_to=resume_upload_to, storage=private_storage, max_length=200)
    resume_type = models.CharField(
        "resume file type",
        max_length=10,
        choices=[(key, kind.label) for key, kind in RESUME_TYPES.items()],
    )
    resume_size = models.PositiveIntegerField("resume size in bytes", default=0)
    consented_at = models.DateTimeField(
        "agreed to the retention policy",
        help_text="When the applicant agreed to the retention policy.",
    )
    received_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.NEW
    )
    notes = models.TextField(
        "staff notes",
        blank=True,
        help_text="The applicant never sees them; keep them factual.",
    )
    updated_at = models.DateTimeField("last changed", auto_now=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "job application"
        verbose_name_plural = "job applications"

    def __str__(self):
        return f"{self.full_name} — {self.job_title}"

    @property
    def resume_extension(self):
        return self.resume_type

    @property
    def resume_content_type(self):
        kind = RESUME_TYPES.get(self.resume_type)
        return kind.content_type if kind else "application/octet-stream"

    @property
    def resume_download_name(self):
        name = slugify(self.full_name)[:60] or "applicant"
        return f"resume-{self.pk}-{name}.{self.resume_type or 'bin'}"

    def retention_ends(self):
        from datetime import timedelta

        return self.received_at + timedelta(days=settings.APPLICATION_RETENTION_DAYS)


def delete_resume_file(name):
    if name:
        storage = JobApplication._meta.get_field("resume").storage
        storage.delete(name)


@receiver(post_delete, sender=JobApplication)
def delete_resume_with_application(sender, instance, **kwargs):
    """Deleting an application (in the admin or by the retention command) deletes its resume,
    once the deletion is committed, so a rolled-back delete keeps the file."""
    name = instance.resume.name
    transaction.on_commit(lambda: delete_resume_file(name))
