"""Closing an opening now, in one step from the page list or the job's own header: the
position is filled or withdrawn, and applicants must stop applying today, whatever the closing
date says. The job's live content is published again with "closed now" ticked, so the page
cache is cleared and visitors see it closed at once."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.utils import get_valid_next_url_from_request

from core import republish

from .models import JobPage


class CloseJobButton(PageMenuItem):
    label = "Close opening now"
    icon_name = "lock"
    url_name = "careers_close_job"

    def is_shown(self, user):
        page = self.page.specific_deferred
        return (
            isinstance(page, JobPage)
            and page.live
            and page.is_open
            and page.permissions_for_user(user).can_publish()
        )


@hooks.register("register_page_listing_more_buttons")
def close_job_listing_button(page, user, next_url=None):
    yield CloseJobButton(page=page, next_url=next_url, priority=35)


@hooks.register("register_page_header_buttons")
def close_job_header_button(page, user, view_name, next_url=None):
    yield CloseJobButton(page=page, next_url=next_url, priority=55)


def close_job(request, page_id):
    job = get_object_or_404(JobPage, pk=page_id, live=True)
    if not job.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=(job.pk,))
    if request.method == "POST":
        refusal = republish.refusal(
            job,
            request.user,
            action="closed this way",
            with_draft=f"“{job.title}” has changes that are not published yet. Open it, tick "
            "“Closed now” and publish, so the changes are not lost.",
        )
        if refusal:
            messages.warning(request, refusal)
            return redirect(edit_url)
        if not job.closed:
            job.closed = True
            if republish.publish_again(job, request.user, log_action=True) is None:
                messages.error(
                    request,
                    f"“{job.title}” needs changes before it can be published again: open it, "
                    "tick “Closed now”, and publish it there.",
                )
                return redirect(edit_url)
        messages.success(
            request,
            f"“{job.title}” is closed: applicants can no longer apply.",
            buttons=[messages.button(edit_url, "Edit")],
        )
        next_url = get_valid_next_url_from_request(request)
        return redirect(next_url or reverse("wagtailadmin_explore", args=(job.get_parent().pk,)))
    return TemplateResponse(
        request,
        "careers/confirm_close_job.html",
        {
            "job": job,
            "header_title": f"Close “{job.title}”",
            "page_title": "Close opening",
            "page_subtitle": job.title,
            "header_icon": "lock",
            "next_url": get_valid_next_url_from_request(request) or edit_url,
        },
    )


@hooks.register("register_admin_urls")
def close_job_urls():
    return [path("careers/jobs/<int:page_id>/close/", close_job, name="careers_close_job")]
