"""What every public template may use."""

from django.utils.functional import SimpleLazyObject

from core.models import SiteText


def site_text(request):
    """`site_text`: the crisis lines, tagline, hours and footer in the language shown, looked up
    only by a template that uses them."""
    return {"site_text": SimpleLazyObject(lambda: SiteText.for_request(request))}
