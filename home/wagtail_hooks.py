"""The contact messages inbox in the admin: who may read messages, the “Contact messages” menu
item, the pages to read one and mark it handled, and the dashboard panel counting new ones.
The views themselves are in home/inbox.py, beside the list Wagtail's forms admin shows."""

from django.db.models import Count, Min
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from home import inbox
from home.models import ContactPage
from home.models.contact import READ_CONTACT_MESSAGES


@hooks.register("filter_form_submissions_for_user")
def contact_messages_need_their_own_permission(user, editable_forms):
    """Wagtail lets whoever may edit a form page read its submissions. Contact messages are
    read by those given “Can read contact messages” instead, whether or not they edit pages:
    the Forms menu, the list, its export and delete, the inbox's own pages, the dashboard
    panel and the edit view's panel all ask here."""
    if user.has_perm(READ_CONTACT_MESSAGES):
        return editable_forms | Page.objects.type(ContactPage)
    return editable_forms.not_type(ContactPage)


@hooks.register("register_admin_urls")
def register_contact_message_urls():
    return [
        path("contact-messages/", inbox.inbox, name="contact_messages"),
        path(
            "contact-messages/<int:pk>/", inbox.ContactMessageView.as_view(), name="contact_message"
        ),
        path(
            "contact-messages/<int:pk>/status/",
            inbox.set_message_status,
            name="contact_message_status",
        ),
    ]


class ContactMessagesMenuItem(MenuItem):
    def is_shown(self, request):
        # The permission the forms hook above asks for; no query once the user's are loaded.
        return request.user.has_perm(READ_CONTACT_MESSAGES)


@hooks.register("register_admin_menu_item")
def register_contact_messages_menu_item():
    return ContactMessagesMenuItem(
        "Contact messages", reverse("contact_messages"), icon_name="mail", order=290
    )


class ContactMessagesWaitingPanel(Component):
    """Dashboard: how many contact messages nobody has handled yet, and how long the oldest has
    waited, in one query, linked to the list of new messages."""

    name = "contact_messages_waiting"
    # Panels that ask an editor to act come first: 100 messages, 110 applications, 120 openings
    # closing, 130 pages due for review; Wagtail's own start at 210.
    order = 100
    template_name = "wagtailadmin/dashboard/waiting_panel.html"

    def get_context_data(self, parent_context=None):
        waiting = FormSubmission.objects.filter(
            page__in=ContactPage.objects.all(), handled__isnull=True
        ).aggregate(count=Count("pk"), oldest=Min("submit_time"))
        count = waiting["count"]
        if count:
            noun = "message is" if count == 1 else "messages are"
            summary = f"{count} new {noun} waiting to be handled."
        else:
            summary = "No new messages: every message has been handled."
        return {
            "panel_id": "contact-messages-waiting",
            "heading": "Contact messages waiting",
            "icon": "mail",
            "summary": summary,
            "oldest": waiting["oldest"],
            "link_url": reverse("contact_messages") + "?status=new",
            "link_text": "Read new messages" if count else "Open the inbox",
        }


@hooks.register("construct_homepage_panels")
def add_contact_messages_waiting_panel(request, panels):
    if request.user.has_perm(READ_CONTACT_MESSAGES):
        panels.append(ContactMessagesWaitingPanel())
