"""Registration requests in the admin: a list staff read and answer by email, newest first, and
delete once answered. Nobody adds or edits them here: they are what a person sent."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import EventRegistration


class RegistrationViewSet(ModelViewSet):
    model = EventRegistration
    icon = "date"
    menu_label = "Registrations"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "email", "event_title", "received_at"]
    list_filter = ["event_title"]
    search_fields = ["name", "email", "event_title"]
    inspect_view_enabled = True
    inspect_view_fields = ["event_title", "name", "email", "message", "received_at"]
    form_fields = ["name", "email", "message"]

    def get_urlpatterns(self):
        # No add or edit screens: a registration is what the person sent.
        return [
            pattern for pattern in super().get_urlpatterns() if pattern.name not in {"add", "edit"}
        ]


@hooks.register("register_admin_viewset")
def register_registrations():
    return RegistrationViewSet("event_registrations")
