"""The one way to read a resume: an admin view that checks the user's permission and streams
the file as a download the browser will not render."""

from django.http import FileResponse, Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .models import JobApplication
from .permissions import ApplicationPermissionHelper

permission_helper = ApplicationPermissionHelper(JobApplication, inspect_view_enabled=True)


@require_GET
def resume_download(request, pk):
    # Wagtail's admin wrapper has already sent anonymous users to the login page.
    if not permission_helper.user_can_view(request.user):
        return HttpResponseForbidden("You do not have permission to read job applications.")
    application = get_object_or_404(JobApplication, pk=pk)
    if not application.resume:
        raise Http404("This application has no resume.")
    try:
        handle = application.resume.open("rb")
    except FileNotFoundError as error:
        raise Http404("The resume file is missing.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=application.resume_download_name,
        content_type=application.resume_content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Even if opened in the browser, the file may not run scripts or reach this site.
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
