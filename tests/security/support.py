"""The site's public addresses, found from the demo content rather than written down twice."""

from django.utils import timezone

from careers.models import JobPage
from core.models import PracticeSettings
from resources.models import ResourcePage
from team.models import TeamMemberPage


def public_pages():
    today = timezone.localdate()
    practice = PracticeSettings.load()
    return {
        "home": "/",
        "explainer": "/what-is-harm-reduction/",
        "goals": "/goals/",
        "contact": "/contact/",
        "library": "/resources/",
        "resource": ResourcePage.objects.live().first().url,
        "team": "/our-experts/",
        "team-member": TeamMemberPage.objects.live().first().url,
        "careers": "/careers/",
        "job": open_job().url,
        "closed-job": JobPage.objects.live().filter(closing_date__lt=today).first().url,
        "search": "/search/?q=therapy",
        "browsing-safely": practice.browsing_safely_page.url,
        "privacy": practice.privacy_page.url,
    }


def open_job():
    return JobPage.objects.live().filter(closing_date__gte=timezone.localdate()).first()
