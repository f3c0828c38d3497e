"""schema.org Event data for an event page: what Google's event results read, see
https://developers.google.com/search/docs/appearance/structured-data/event (required: name,
startDate, location; recommended: description, endDate, eventAttendanceMode, eventStatus, image,
offers, organizer, performer). Trainings and workshops are EducationEvents, with what they
teach."""

from django.templatetags.static import static

from core.jsonld import json_ld_script
from core.locales import language_of
from core.models import PracticeSettings

from .models import Attendance, EventKind

ATTENDANCE_MODES = {
    Attendance.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Attendance.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Attendance.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


def _locations(page, url):
    locations = []
    if page.in_person:
        address = {"@type": "PostalAddress", "addressCountry": "US"}
        for key, value in (
            ("streetAddress", page.street_address),
            ("addressLocality", page.city),
            ("addressRegion", page.region),
            ("postalCode", page.postal_code),
        ):
            if value:
                address[key] = value
        locations.append({"@type": "Place", "name": page.venue, "address": address})
    if page.online:
        # The joining link is sent to each person; the page is where they ask for it.
        locations.append({"@type": "VirtualLocation", "url": url})
    return locations[0] if len(locations) == 1 else locations


def event_data(page, request=None):
    practice = PracticeSettings.load(request_or_site=request)
    url = page.get_full_url(request)
    site = page.get_site()
    root = site.root_url if site is not None else ""
    organizer = {"@type": "Organization", "name": practice.practice_name, "url": f"{root}/"}
    educational = page.kind in (EventKind.TRAINING, EventKind.WORKSHOP)
    data = {
        "@context": "https://schema.org",
        "@type": "EducationEvent" if educational else "Event",
        "name": page.title,
        "description": page.summary,
        "startDate": page.starts_at.isoformat(),
        "endDate": page.ends_at.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[page.attendance],
        "location": _locations(page, url),
        "image": [f"{root}{static('img/logo.svg')}"],
        "organizer": organizer,
        "url": url,
        "inLanguage": language_of(page),
        "offers": {
            "@type": "Offer",
            "price": f"{page.price:.2f}",
            "priceCurrency": "USD",
            "availability": "https://schema.org/InStock"
            if page.accepts_registrations
            else "https://schema.org/SoldOut",
            "url": url,
            "validFrom": (page.first_published_at or page.starts_at).isoformat(),
        },
        "audience": {"@type": "Audience", "audienceType": page.audience},
    }
    performers = [
        {"@type": "Person", "name": presenter.title} for presenter in page.presenter_pages
    ]
    if page.guest_presenters:
        performers.append({"@type": "Person", "name": page.guest_presenters})
    if performers:
        data["performer"] = performers
    else:
        data["performer"] = {"@type": "Organization", "name": practice.practice_name}
    if educational and page.objectives:
        data["teaches"] = page.objectives
    return data


def event_json_ld(page, request=None):
    return json_ld_script(event_data(page, request))
