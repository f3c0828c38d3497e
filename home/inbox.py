"""The contact messages inbox in the admin. It is Wagtail's list of the contact page's form
submissions, with each message's status (new, or handled by whom and when), a filter by status,
the status and local times in the CSV and XLSX exports, a page to read one message, and the
“Mark handled” action. Who may read messages is decided in one place, the
`filter_form_submissions_for_user` hook in wagtail_hooks.py: every view here asks it."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name, get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView

from home.models.contact import ContactPage, HandledMessage

NEW = "new"
HANDLED = "handled"
STATUS_CHOICES = [(NEW, "New"), (HANDLED, "Handled")]

# What the exports add after the message's own fields.
STATUS_EXPORT_HEADINGS = {
    "status": "Status",
    "handled_by": "Handled by",
    "handled_at": "Handled on",
}


def contact_pages_for(user):
    """The contact pages whose messages `user` may read."""
    return get_forms_for_user(user).type(ContactPage)


def inbox_url(page, status=None):
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    return f"{url}?status={status}" if status else url


def readable_value(value):
    """A form answer as text: several choices (checkboxes) joined as Wagtail's list joins them."""
    return ", ".join(value) if isinstance(value, list) else value


def handling(message):
    """The message's HandledMessage, or None while it is new."""
    return getattr(message, "handled", None)


def handler_name(handled):
    if handled.handled_by is None:
        return "a former staff member"
    return get_user_display_name(handled.handled_by)


class ContactMessagesFilterSet(SubmissionsListFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=STATUS_CHOICES,
        empty_label="Any status",
        method="filter_status",
        widget=forms.RadioSelect,
    )

    def filter_status(self, queryset, name, value):
        return queryset.filter(handled__isnull=value == NEW)


class ContactMessagesListView(SubmissionsListView):
    """The contact page's messages, newest first: each one's status beside what was sent, a link
    to read it, a button to mark it handled, and the status in the exports."""

    filterset_class = ContactMessagesFilterSet
    results_template_name = "wagtailadmin/contact_messages/list_results.html"
    page_title = "Contact messages"
    header_icon = "mail"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("handled__handled_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            for row, message in zip(context["data_rows"], context["submissions"], strict=True):
                row["handled"] = handling(message)
                row["handler"] = handler_name(row["handled"]) if row["handled"] else ""
                row["url"] = reverse("contact_message", args=[message.pk])
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        self.list_export = [*self.list_export, *STATUS_EXPORT_HEADINGS]
        self.export_headings = {**self.export_headings, **STATUS_EXPORT_HEADINGS}
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        handled = handling(item)
        row["status"] = "Handled" if handled else "New"
        row["handled_by"] = handler_name(handled) if handled else ""
        row["handled_at"] = handled.handled_at if handled else ""
        return row


def readable_message(user, pk):
    """The contact message `pk`, if `user` may read it; refused as Wagtail's forms views refuse."""
    message = get_object_or_404(
        FormSubmission.objects.select_related("handled__handled_by"),
        pk=pk,
        page__in=ContactPage.objects.all(),
    )
    if not contact_pages_for(user).filter(pk=message.page_id).exists():
        raise PermissionDenied
    return message


class ContactMessageView(WagtailAdminTemplateMixin, TemplateView):
    """One message, to read in full: its status, when it arrived (local time), what was sent,
    and the buttons to mark it handled (or new again) and to delete it."""

    template_name = "wagtailadmin/contact_messages/message.html"
    header_icon = "mail"
    page_title = "Contact message"

    def dispatch(self, request, pk):
        self.message = readable_message(request.user, pk)
        self.page = ContactPage.objects.get(pk=self.message.page_id)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return f"received {timezone.localtime(self.message.submit_time):%B %-d, %Y}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": inbox_url(self.page), "label": "Contact messages"},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        data = self.message.get_data()
        handled = handling(self.message)
        delete_query = urlencode(
            {"selected-submissions": self.message.pk, "next": inbox_url(self.page)}
        )
        delete_url = reverse("wagtailforms:delete_submissions", args=[self.page.pk])
        return super().get_context_data(
            message=self.message,
            handled=handled,
            handler=handler_name(handled) if handled else "",
            fields=[
                (label, readable_value(data.get(name)))
                for name, label in self.page.get_data_fields()
                if name != "submit_time"
            ],
            inbox_url=inbox_url(self.page),
            delete_url=f"{delete_url}?{delete_query}",
            **kwargs,
        )


class MessageStatusForm(forms.Form):
    status = forms.ChoiceField(choices=STATUS_CHOICES)


@require_POST
def set_message_status(request, pk):
    """Marks a message handled by the person who clicked (the first one to do so stays on
    record), or new again after a mistake; then back to where they were."""
    message = readable_message(request.user, pk)
    form = MessageStatusForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("The status must be “new” or “handled”.")
    if form.cleaned_data["status"] == HANDLED:
        HandledMessage.objects.get_or_create(message=message, defaults={"handled_by": request.user})
        messages.success(request, "The message is marked handled.")
    else:
        HandledMessage.objects.filter(message=message).delete()
        messages.success(request, "The message is marked new again.")
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse("contact_message", args=[pk]))


def inbox(request):
    """The “Contact messages” menu item's address: the contact page's list of messages, kept
    as it was asked for (a filter such as ?status=new comes along)."""
    page = contact_pages_for(request.user).order_by("path").first()
    if page is None:
        raise PermissionDenied
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)
