"""Groups, workshops and trainings: the pages a visitor reads, the registration request they
send (kept minimal, purged on time), the calendar file and the structured data search engines
read."""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from practice_events.models import EventPage, EventRegistration
from tests.support import add_published, assert_no_inline_code, queries_for_page

pytestmark = pytest.mark.django_db

INDEX = "/groups-and-events/"
GROUP = "/groups-and-events/drinking-less-group/"
WORKSHOP = "/groups-and-events/naloxone-workshop/"
TRAINING = "/groups-and-events/harm-reduction-therapy-training/"
PAST = "/groups-and-events/family-evening/"

# Google's event documentation: required, then recommended properties.
REQUIRED = {"@context", "@type", "name", "startDate", "location"}
RECOMMENDED = {
    "description",
    "endDate",
    "eventAttendanceMode",
    "eventStatus",
    "image",
    "offers",
    "organizer",
    "performer",
}
OFFER_FIELDS = {"price", "priceCurrency", "availability", "url", "validFrom"}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def json_ld(client, url):
    scripts = soup(client.get(url)).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_the_events_page_lists_upcoming_events_soonest_first_and_marks_past_ones(client):
    response = client.get(INDEX)
    assert response.status_code == 200
    assert_no_inline_code(response.text)
    page = soup(response)
    upcoming = page.select_one("#upcoming-heading").find_parent("section")
    titles = [a.get_text(strip=True) for a in upcoming.select(".event-card h3 a")]
    assert titles == [
        "Free naloxone workshop",
        "Drinking less: a harm reduction group",
        "Harm reduction therapy: a one-day training for clinicians",
    ]
    past = page.select_one("#past-heading").find_parent("section")
    assert "An evening for families and friends" in past.get_text()
    assert "Past event" in past.get_text()


def test_an_event_page_says_when_where_cost_and_who_it_is_for_in_chicago_time(client):
    response = client.get(GROUP)
    assert response.status_code == 200
    assert_no_inline_code(response.text)
    facts = soup(response).select_one(".event-facts").get_text(" ", strip=True)
    event = EventPage.objects.get(slug="drinking-less-group")
    local = timezone.localtime(event.starts_at)
    assert local.strftime("%B") in facts and "6:00 p.m." in facts.replace("pm", "p.m.")
    assert "In person" in facts and "100 Example Street" in facts
    assert "$30" in facts and "Sliding scale" in facts
    assert "Adults who want to change how they drink" in facts
    assert "Maria Delgado" in facts


def test_a_training_shows_its_learning_objectives_and_continuing_education(client):
    page = soup(client.get(TRAINING))
    objectives = page.select_one("#objectives-heading").find_parent("section")
    assert len(objectives.select("li")) == 3
    assert "contact hours" in page.select_one("#credits-heading").find_parent("section").get_text()


def test_a_registration_request_keeps_only_what_is_needed_and_thanks_the_person(client):
    response = client.post(
        WORKSHOP,
        {"name": "Ana", "email": "ana@example.com", "message": "Captions, please."},
    )
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "arrived safely" in thanks.text
    registration = EventRegistration.objects.get()
    assert (registration.name, registration.email) == ("Ana", "ana@example.com")
    assert registration.event_title == "Free naloxone workshop"
    fields = {field.name for field in EventRegistration._meta.get_fields()}
    assert fields == {"id", "event", "event_title", "name", "email", "message", "received_at"}


def test_the_practice_is_told_of_a_request_without_what_the_person_wrote(client, mailoutbox):
    from core.models import PracticeSettings

    client.post(WORKSHOP, {"name": "Ana", "email": "ana@example.com", "message": "Captions."})
    (email,) = mailoutbox
    # No address on the events page: the practice's own, from its settings.
    assert email.to == [PracticeSettings.load().email]
    assert email.subject == "New registration request: Free naloxone workshop"
    registration = EventRegistration.objects.get()
    assert f"/admin/event_registrations/inspect/{registration.pk}/" in email.body
    for private in ("Ana", "ana@example.com", "Captions"):
        assert private not in email.body and private not in email.subject


def test_the_events_page_may_name_who_hears_of_requests(client, mailoutbox):
    from practice_events.models import EventIndexPage

    index = EventIndexPage.objects.get()
    index.registrations_email = "groups@example.org"
    index.save_revision().publish()
    client.post(WORKSHOP, {"name": "Ana", "email": "ana@example.com"})
    assert [email.to for email in mailoutbox] == [["groups@example.org"]]


def test_a_request_is_kept_and_thanked_when_the_email_fails(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("practice_events.models.send_mail", broken)
    response = client.post(WORKSHOP, {"name": "Ana", "email": "ana@example.com"})
    assert response.status_code == 302
    assert EventRegistration.objects.filter(name="Ana").exists()


def test_a_registration_with_mistakes_keeps_what_was_typed_and_says_what_to_fix(client):
    response = client.post(WORKSHOP, {"name": "Ana", "email": "not an address", "message": "Hi"})
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("#form-alert a[href='#id_email']")
    assert page.select_one("#id_name")["value"] == "Ana"
    assert page.select_one("#id_message").get_text().strip() == "Hi"
    assert not EventRegistration.objects.exists()


def test_a_past_event_takes_no_requests_and_says_so(client):
    response = client.get(PAST)
    assert "This event has passed" in response.text
    assert not soup(response).select_one("form.form")
    refused = client.post(PAST, {"name": "Ana", "email": "ana@example.com"})
    assert refused.status_code == 410
    assert not EventRegistration.objects.exists()


def test_the_honeypot_refuses_a_bot_with_a_clear_answer(client):
    response = client.post(
        WORKSHOP, {"name": "Bot", "email": "bot@example.com", "website": "http://spam"}
    )
    assert response.status_code == 400
    assert not EventRegistration.objects.exists()


def test_old_registration_requests_are_purged(settings):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 30
    event = EventPage.objects.get(slug="naloxone-workshop")
    old = EventRegistration.objects.create(
        event=event, event_title=event.title, name="A", email="a@example.com"
    )
    EventRegistration.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=31)
    )
    recent = EventRegistration.objects.create(
        event=event, event_title=event.title, name="B", email="b@example.com"
    )
    out = io.StringIO()
    call_command("purge_event_registrations", stdout=out)
    assert list(EventRegistration.objects.all()) == [recent]
    assert "Deleted 1 registration request " in out.getvalue()


def test_the_calendar_file_parses_and_holds_the_event(client):
    response = client.get(f"{WORKSHOP}calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    page = EventPage.objects.get(slug="naloxone-workshop")
    assert str(event["SUMMARY"]) == "Free naloxone workshop"
    assert event.decoded("DTSTART") == page.starts_at
    assert event.decoded("DTEND") == page.ends_at
    assert str(event["LOCATION"]) == "Online"
    assert str(event["UID"]).startswith(f"event-{page.pk}@")
    assert WORKSHOP in str(event["URL"])


@pytest.mark.parametrize("url", [GROUP, WORKSHOP, TRAINING])
def test_events_carry_the_structured_data_google_reads(client, url):
    data = json_ld(client, url)
    assert not (REQUIRED | RECOMMENDED) - data.keys()
    assert not OFFER_FIELDS - data["offers"].keys()
    start = datetime.datetime.fromisoformat(data["startDate"])
    end = datetime.datetime.fromisoformat(data["endDate"])
    assert start.tzinfo is not None and end > start
    assert data["organizer"]["name"] == "Harm Reduction Therapy"
    assert data["offers"]["priceCurrency"] == "USD"
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    for location in locations:
        if location["@type"] == "Place":
            assert location["address"]["addressLocality"] == "Chicago"
        else:
            assert location["@type"] == "VirtualLocation" and location["url"].startswith("http")


def test_trainings_are_education_events_that_say_what_they_teach(client):
    data = json_ld(client, TRAINING)
    assert data["@type"] == "EducationEvent"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert len(data["teaches"]) == 3
    assert {"Maria Delgado", "A visiting peer specialist"} <= {p["name"] for p in data["performer"]}


def test_past_events_leave_the_sitemap(client):
    sitemap = client.get("/sitemap.xml").text
    assert WORKSHOP in sitemap
    assert PAST not in sitemap


def test_the_events_page_asks_the_same_number_of_queries_for_more_events(client):
    client.get(INDEX)
    before = queries_for_page(client, INDEX)
    index = EventPage.objects.first().get_parent()
    for number in range(3):
        start = timezone.now() + datetime.timedelta(days=50 + number)
        event = EventPage(
            title=f"Extra {number}",
            summary="More.",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
            attendance="online",
            audience="Anyone",
        )
        add_published(index, event)
    client.get(INDEX)  # the layout, cleared by the publishing, is kept again
    assert queries_for_page(client, INDEX) == before <= 12
    assert "Extra 2" in client.get(INDEX).text


def test_the_rate_limit_refuses_with_429_and_keeps_what_was_typed(client, settings):
    settings.EVENT_REGISTRATION_RATE_LIMIT = 2
    for number in range(2):
        sent = client.post(WORKSHOP, {"name": f"Ana {number}", "email": "ana@example.com"})
        assert sent.status_code == 302
    response = client.post(WORKSHOP, {"name": "Third try", "email": "ana@example.com"})
    assert response.status_code == 429
    assert soup(response).select_one("#id_name")["value"] == "Third try"
    assert EventRegistration.objects.count() == 2
    other = client.post(WORKSHOP, {"name": "Bo", "email": "bo@example.com"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_an_event_taking_requests_is_never_kept_and_a_past_one_is(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for _ in range(2):
        response = client.get(WORKSHOP)
        assert "csrfmiddlewaretoken" in response.text
        assert "X-Page-Cache" not in response
    client.get(PAST)
    assert client.get(PAST)["X-Page-Cache"] == "hit"


def test_a_private_event_is_left_out_of_every_list_and_feed(client):
    event = EventPage.objects.get(url_path__endswith="/naloxone-workshop/")
    event.view_restrictions.create(restriction_type="login")
    for url in (INDEX, "/", f"{INDEX}feed/"):
        assert "Free naloxone workshop" not in client.get(url).text, url
    assert client.get(WORKSHOP).status_code == 302  # to the login page


def test_the_home_page_lists_the_next_events_soonest_first(client):
    page = soup(client.get("/"))
    section = page.select_one("#upcoming-events-heading").find_parent("section")
    titles = [link.get_text(strip=True) for link in section.select(".event-card h3 a")]
    soonest = EventPage.objects.filter(ends_at__gte=timezone.now()).order_by("starts_at")
    assert titles == [event.title for event in soonest[:3]]
    assert section.select_one(f"a[href='{INDEX}']")


def test_site_search_finds_an_event_by_what_it_teaches(client):
    page = soup(client.get("/search/", {"q": "continuing education"}))
    assert "Harm reduction therapy" in page.select_one("main").get_text()


def test_an_event_page_asks_the_same_number_of_queries_with_more_presenters(client):
    training = EventPage.objects.get(url_path__endswith="/harm-reduction-therapy-training/")
    client.get(TRAINING)
    before = queries_for_page(client, TRAINING)
    member_model = EventPage._meta.get_field("presenters").related_model
    training.presenters.set(member_model.objects.live())
    training.save_revision().publish()
    client.get(TRAINING)
    assert queries_for_page(client, TRAINING) == before <= 20
