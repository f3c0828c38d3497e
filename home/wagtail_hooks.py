from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Approach, ContactPage
from home.models.contact import READ_CONTACT_MESSAGES


class ApproachViewSet(SnippetViewSet):
    model = Approach
    icon = "list-ol"
    menu_label = "Spectrum of approaches"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "short_name", "summary"]
    search_fields = ["name", "summary"]


register_snippet(ApproachViewSet)


@hooks.register("filter_form_submissions_for_user")
def contact_messages_need_their_own_permission(user, editable_forms):
    """Wagtail lets whoever may edit a form page read its submissions. Contact messages are
    read by those given “Can read contact messages” instead, whether or not they edit pages:
    the Forms menu, the list, its export and delete, and the edit view's panel all ask here."""
    if user.has_perm(READ_CONTACT_MESSAGES):
        return editable_forms | Page.objects.type(ContactPage)
    return editable_forms.not_type(ContactPage)
