"""The Applications area of the admin (wagtail-modeladmin): a list with filters, search and
spreadsheet export, a page to read one application with its resume, and an edit form for the
status and staff notes. Only staff with permission on job applications see any of it."""

from django.template.defaultfilters import filesizeformat, linebreaksbr
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import IndexView, InspectView

from .models import JobApplication
from .permissions import ApplicationPermissionHelper
from .views import resume_download


class ApplicationInspectView(InspectView):
    """Shows the resume as a link to the permission-checked download, never as a file URL."""

    def get_field_display_value(self, field_name, field=None):
        application = self.instance
        if field_name == "resume":
            if not application.resume:
                return "No resume"
            return format_html(
                '<a class="button button-small button-secondary" href="{}">Download resume</a> '
                "<span>({}, {})</span>",
                reverse("careers_resume_download", args=[application.pk]),
                application.get_resume_type_display(),
                filesizeformat(application.resume_size),
            )
        if field_name == "cover_note":
            return linebreaksbr(application.cover_note) if application.cover_note else "—"
        if field_name == "job_title" and application.job_id:
            return format_html(
                '<a href="{}">{}</a>',
                reverse("wagtailadmin_pages:edit", args=[application.job_id]),
                application.job_title,
            )
        if field_name == "retention_ends":
            return application.retention_ends().strftime("%B %-d, %Y")
        return super().get_field_display_value(field_name, field)

    def get_field_label(self, field_name, field=None):
        if field_name == "retention_ends":
            return "Deleted automatically after"
        return super().get_field_label(field_name, field)


class ApplicationIndexView(IndexView):
    export_headings = {
        "full_name": "Applicant",
        "job_title": "Job",
        "received_at": "Received",
        "get_status_display": "Status",
    }


class JobApplicationAdmin(ModelAdmin):
    model = JobApplication
    menu_label = "Applications"
    menu_icon = "form"
    menu_order = 300
    add_to_admin_menu = True
    permission_helper_class = ApplicationPermissionHelper
    list_display = ("full_name", "job_title", "received_at", "status")
    list_filter = ("job", "status", "received_at")
    search_fields = ("full_name", "email", "job_title", "notes")
    ordering = ("-received_at",)
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_class = ApplicationInspectView
    inspect_view_fields = [
        "full_name",
        "email",
        "phone",
        "job_title",
        "received_at",
        "status",
        "resume",
        "cover_note",
        "notes",
        "consented_at",
        "retention_ends",
    ]
    # Staff move an application along; what the applicant sent is never edited.
    panels = [FieldPanel("status"), FieldPanel("notes")]
    list_export = ["full_name", "email", "phone", "job_title", "received_at", "get_status_display"]
    index_view_class = ApplicationIndexView
    export_filename = "job-applications"


modeladmin_register(JobApplicationAdmin)


@hooks.register("register_admin_urls")
def register_resume_download_url():
    return [
        path(
            "careers/jobapplication/resume/<int:pk>/",
            resume_download,
            name="careers_resume_download",
        )
    ]
