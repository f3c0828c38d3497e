"""An event as an iCalendar file (RFC 5545), for people to add it to their own calendar."""

from icalendar import Calendar, Event, vText

from core.models import PracticeSettings

PRODUCT_ID = "-//Harm reduction therapy practice//Events//EN"


def event_calendar(page, request):
    """The .ics file's bytes: one VEVENT with a stable UID, the times in UTC."""
    practice = PracticeSettings.load(request_or_site=request)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"event-{page.pk}@{request.get_host()}")
    event.add(
        "dtstamp", page.last_published_at or page.latest_revision_created_at or page.starts_at
    )
    event.add("dtstart", page.starts_at)
    event.add("dtend", page.ends_at)
    event.add("summary", page.title)
    description = [page.summary]
    if page.schedule:
        description.append(page.schedule)
    if page.online and page.online_details:
        description.append(page.online_details)
    description.append(page.full_url)
    event.add("description", "\n\n".join(description))
    event.add("url", page.full_url)
    if page.in_person:
        event["location"] = vText(", ".join(filter(None, [page.venue, page.address_text])))
    else:
        event["location"] = vText("Online")
    if practice.practice_name:
        event.add("organizer", f"mailto:{practice.email}" if practice.email else page.full_url)
        event["organizer"].params["cn"] = vText(practice.practice_name)
    calendar.add_component(event)
    return calendar.to_ical()
