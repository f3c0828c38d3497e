"""The Applications area of the admin (wagtail-modeladmin): a list with filters, search and
spreadsheet export, a page to read one application with its resume, and an edit form for the
status and staff notes. Only staff with permission on job applications see any of it. Its
templates (templates/modeladmin/careers/jobapplication/) give it Wagtail's own header with
breadcrumbs. The dashboard's panels for applications waiting and openings closing soon are here
too."""

from datetime import datetime, timedelta

from django.db.models import Count, Min
from django.template.defaultfilters import filesizeformat, linebreaksbr
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button, ButtonWithDropdown, HeaderButton
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import EditView, IndexView, InspectView

from . import closing  # noqa: F401 (registers the “Close opening now” button and view)
from .models import ApplicationStatus, CareersIndexPage, JobApplication, JobPage
from .permissions import ApplicationPermissionHelper
from .views import permission_helper, resume_download

# The application's page, in the order staff read it: who, for what, what they sent, and what
# they agreed to about keeping it.
INSPECT_SECTIONS = [
    ("Applicant", "user", ["full_name", "email", "phone"]),
    ("Application", "form", ["job_title", "received_at", "status", "notes", "updated_at"]),
    ("What they sent", "doc-full", ["resume", "cover_note"]),
    ("Privacy", "lock", ["consented_at", "retention_ends"]),
]


def breadcrumbs(view, *labels):
    """Wagtail's breadcrumbs for an Applications page: Home, Applications, then `labels`."""
    return [
        {"url": reverse("wagtailadmin_home"), "label": "Home"},
        {"url": view.index_url, "label": capfirst(view.model_admin.menu_label)},
        *({"url": "", "label": label} for label in labels),
    ]


class ApplicationInspectView(InspectView):
    """One application in sections (INSPECT_SECTIONS) under Wagtail's header, with plain labels,
    times on the practice's clock, and the resume as a link to the permission-checked download,
    never as a file URL."""

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
        if field_name in ("cover_note", "notes"):
            text = getattr(application, field_name)
            return linebreaksbr(text) if text else "—"
        if field_name == "job_title" and application.job_id:
            return format_html(
                '<a href="{}">{}</a>',
                reverse("wagtailadmin_pages:edit", args=[application.job_id]),
                application.job_title,
            )
        if field_name == "email":
            return format_html('<a href="mailto:{0}">{0}</a>', application.email)
        if field_name == "retention_ends":
            return date_format(timezone.localtime(application.retention_ends()), "DATE_FORMAT")
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return value

    def get_field_label(self, field_name, field=None):
        if field_name == "retention_ends":
            return "Deleted automatically after"
        if field_name == "job_title":
            return "Job"
        return capfirst(super().get_field_label(field_name, field))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, application = self.request.user, self.instance
        buttons = []
        if self.permission_helper.user_can_edit_obj(user, application):
            buttons.append(HeaderButton("Edit status and notes", self.edit_url, icon_name="edit"))
        if self.permission_helper.user_can_delete_obj(user, application):
            buttons.append(HeaderButton("Delete", self.delete_url, icon_name="bin"))
        context.update(
            breadcrumbs_items=breadcrumbs(self, str(application)),
            header_buttons=buttons,
            sections=[
                {
                    "heading": heading,
                    "icon": icon,
                    "fields": [self.get_dict_for_field(name) for name in names],
                }
                for heading, icon, names in INSPECT_SECTIONS
            ],
        )
        return context


class ApplicationEditView(EditView):
    def get_page_title(self):
        return "Edit status and notes"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs_items"] = breadcrumbs(self, str(self.instance), self.get_page_title())
        return context


class ApplicationButtonHelper(ButtonHelper):
    """Plain words on the list's buttons, and the applicant's name opens the application to read:
    staff read one before they change its status."""

    def inspect_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().inspect_button(pk, classnames_add, classnames_exclude)
        return {**button, "label": "Read", "title": "Read this application"}

    def edit_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().edit_button(pk, classnames_add, classnames_exclude)
        return {**button, "label": "Change status", "title": "Change the status and staff notes"}

    def get_primary_button(self, obj):
        if self.permission_helper.user_can_inspect_obj(self.request.user, obj):
            return self.inspect_button(obj.pk)
        return super().get_primary_button(obj)


class ApplicationIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        downloads = [
            Button("Download XLSX", self.xlsx_export_url, icon_name="download", priority=10),
            Button("Download CSV", self.csv_export_url, icon_name="download", priority=20),
        ]
        context["breadcrumbs_items"] = breadcrumbs(self)
        context["header_buttons"] = [
            ButtonWithDropdown(
                buttons=downloads,
                icon_name="dots-horizontal",
                attrs={"aria-label": "Actions"},
                classname="w-h-slim-header",
            )
        ]
        return context

    # The spreadsheet's headings stay short, whatever the admin's labels say.
    export_headings = {
        "full_name": "Applicant",
        "email": "Email",
        "phone": "Phone",
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
    button_helper_class = ApplicationButtonHelper
    list_display = ("full_name", "job_title", "received_at", "status")
    list_filter = ("job", "status", "received_at")
    search_fields = ("full_name", "email", "job_title", "notes")
    ordering = ("-received_at",)
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_class = ApplicationInspectView
    inspect_view_fields = [name for _heading, _icon, names in INSPECT_SECTIONS for name in names]
    edit_view_class = ApplicationEditView
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


# Wagtail's own dashboard panels start at 210; the ones that ask an editor to act come first:
# contact messages (home) 100, applications 110, openings closing 120, pages due for review 130.
APPLICATIONS_PANEL_ORDER = 110
OPENINGS_PANEL_ORDER = 120
CLOSING_SOON_DAYS = 14


class ApplicationsWaitingPanel(Component):
    """Dashboard: how many applications nobody has reviewed yet (status “New”), and how long
    the oldest has waited, in one query, linked to the list of them."""

    name = "applications_waiting"
    order = APPLICATIONS_PANEL_ORDER
    template_name = "wagtailadmin/dashboard/waiting_panel.html"

    def get_context_data(self, parent_context=None):
        waiting = JobApplication.objects.filter(status=ApplicationStatus.NEW).aggregate(
            count=Count("pk"), oldest=Min("received_at")
        )
        count = waiting["count"]
        if count:
            noun = "application is" if count == 1 else "applications are"
            summary = f"{count} new {noun} waiting to be reviewed."
        else:
            summary = "No new applications: every application has been reviewed."
        index_url = reverse("careers_jobapplication_modeladmin_index")
        return {
            "panel_id": "applications-waiting",
            "heading": "Applications waiting",
            "icon": "form",
            "summary": summary,
            "oldest": waiting["oldest"],
            "link_url": f"{index_url}?status__exact={ApplicationStatus.NEW}",
            "link_text": "Review new applications" if count else "Open applications",
        }


def closes_text(closing_date, today):
    days = (closing_date - today).days
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    return f"Closes {when}, {date_format(closing_date, 'l, F j')}"


class OpeningsClosingSoonPanel(Component):
    """Dashboard: the live openings, among those the editor may edit, whose closing date falls
    within CLOSING_SOON_DAYS, soonest first, each linked to its editor: move the date to keep
    one open, or let it close."""

    name = "openings_closing_soon"
    order = OPENINGS_PANEL_ORDER
    template_name = "wagtailadmin/dashboard/waiting_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        editable = PagePermissionPolicy(JobPage).instances_user_has_any_permission_for(
            self.user, {"change", "publish"}
        )
        openings = list(
            editable.live()
            .filter(closed=False, closing_date__range=(today, today + timedelta(CLOSING_SOON_DAYS)))
            .order_by("closing_date", "title")
        )
        count = len(openings)
        if count:
            noun = "opening closes" if count == 1 else "openings close"
            summary = f"{count} {noun} within {CLOSING_SOON_DAYS} days."
        else:
            summary = f"No opening closes within {CLOSING_SOON_DAYS} days."
        careers_index = CareersIndexPage.objects.values_list("pk", flat=True).first()
        all_openings_url = (
            reverse("wagtailadmin_explore", args=[careers_index])
            if careers_index
            else reverse("wagtailadmin_explore_root")
        )
        return {
            "panel_id": "openings-closing-soon",
            "heading": "Openings closing soon",
            "icon": "date",
            "summary": summary,
            "items": [
                {
                    "title": opening.title,
                    "url": reverse("wagtailadmin_pages:edit", args=[opening.pk]),
                    "note": closes_text(opening.closing_date, today),
                }
                for opening in openings
            ],
            "link_url": all_openings_url,
            "link_text": "See all openings",
        }


@hooks.register("construct_homepage_panels")
def add_careers_panels(request, panels):
    user = request.user
    if permission_helper.user_can_view(user):
        panels.append(ApplicationsWaitingPanel())
    if PagePermissionPolicy(JobPage).user_has_any_permission(user, {"change", "publish"}):
        panels.append(OpeningsClosingSoonPanel(user))
