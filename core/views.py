"""Wagtail's own forms for private pages, with a limit on wrong passwords."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from core.ratelimit import count_use, limit_reached

PASSWORD_SCOPE = "page-password"  # noqa: S105 (a counter's name)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form for a private page, refusing a person who has guessed wrong
    too often: a page's password is short and shared, so guesses must stay few."""
    limit = settings.PAGE_PASSWORD_ATTEMPT_LIMIT
    if request.method == "POST" and limit_reached(request, PASSWORD_SCOPE, limit):
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = PasswordViewRestrictionForm(instance=restriction)
        action_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
        response = page.serve_password_required_response(request, form, action_url)
        response.context_data["refusal"] = gettext(
            "That password was tried wrongly several times from your connection, so it cannot "
            "be tried again for a while. Please ask whoever gave you the link."
        )
        response.status_code = 429
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:
        # The form came back: the password was wrong.
        count_use(request, PASSWORD_SCOPE, limit, settings.PAGE_PASSWORD_ATTEMPT_WINDOW_SECONDS)
    return response
