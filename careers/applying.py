"""What happens when someone applies: the application and its resume are saved first, in one
transaction; only then are emails sent, and a failed email is logged, never lost data."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.models import PracticeSettings

from .models import JobApplication

logger = logging.getLogger(__name__)


def admin_url(application):
    path = reverse("careers_jobapplication_modeladmin_inspect", args=[application.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def save_application(job, form):
    data = form.cleaned_data
    kind = form.resume_kind
    application = JobApplication(
        job=job,
        job_title=job.title,
        full_name=data["full_name"],
        email=data["email"],
        phone=data["phone"],
        cover_note=data["cover_note"],
        resume_type=kind.extension,
        resume_size=data["resume"].size,
        consented_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            # The storage picks a random name; the upload's own name is never used.
            application.resume.save("resume", data["resume"], save=False)
            application.save()
    except Exception:
        # A resume without its database row would never be found or deleted.
        if application.resume.name:
            application.resume.storage.delete(application.resume.name)
        raise
    return application


def send_hiring_notification(application, index_page):
    body = render_to_string(
        "careers/emails/hiring_notification.txt",
        {"application": application, "admin_url": admin_url(application)},
    )
    send_mail(
        f"New application: {application.job_title}",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [index_page.notification_address if index_page else settings.HIRING_CONTACT_EMAIL],
    )


def send_applicant_confirmation(application, index_page, practice):
    body = render_to_string(
        "careers/emails/applicant_confirmation.txt",
        {
            "application": application,
            "practice": practice,
            "retention_days": settings.APPLICATION_RETENTION_DAYS,
        },
    )
    # Replies reach the people hiring, not the website's sending address.
    reply_to = index_page.notification_address if index_page else settings.HIRING_CONTACT_EMAIL
    EmailMessage(
        subject=gettext("We received your application: %(title)s")
        % {"title": application.job_title},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[application.email],
        reply_to=[reply_to],
    ).send()


def submit_application(job, form):
    application = save_application(job, form)
    practice = PracticeSettings.load()
    index_page = job.careers_index
    for who, send in (
        ("hiring contact", lambda: send_hiring_notification(application, index_page)),
        ("applicant", lambda: send_applicant_confirmation(application, index_page, practice)),
    ):
        try:
            send()
        except Exception:
            # The application is saved; staff see it in the admin whatever mail does.
            logger.exception("Email to the %s failed for application %s", who, application.pk)
    return application
