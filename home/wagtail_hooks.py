from wagtail import hooks
from wagtail.models import Page

from home.models import ContactPage
from home.models.contact import READ_CONTACT_MESSAGES


@hooks.register("filter_form_submissions_for_user")
def contact_messages_need_their_own_permission(user, editable_forms):
    """Wagtail lets whoever may edit a form page read its submissions. Contact messages are
    read by those given “Can read contact messages” instead, whether or not they edit pages:
    the Forms menu, the list, its export and delete, and the edit view's panel all ask here."""
    if user.has_perm(READ_CONTACT_MESSAGES):
        return editable_forms | Page.objects.type(ContactPage)
    return editable_forms.not_type(ContactPage)
