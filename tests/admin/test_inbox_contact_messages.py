"""The contact messages inbox: each message is new until someone at the practice marks it
handled, the list shows who handled it and when, filters by status, and every time on screen and
in the exports is the practice's (America/Chicago), not UTC. Only “Client intake” (and
superusers) see any of it, and the retention purge deletes handled messages as before."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from home.demo import CLIENT_INTAKE_GROUP
from home.models import ContactPage
from home.models.contact import HandledMessage
from tests.careers.factories import staff_user
from tests.support import CONTACT_POST

pytestmark = pytest.mark.django_db

# 02:30 UTC on January 15 is 8:30 p.m. on January 14 in Chicago (CST, six hours behind).
EVENING_IN_CHICAGO = datetime.datetime(2026, 1, 15, 2, 30, tzinfo=datetime.UTC)
NEXT_MORNING_IN_CHICAGO = datetime.datetime(2026, 1, 15, 15, 5, tzinfo=datetime.UTC)


@pytest.fixture
def contact():
    return ContactPage.objects.get(locale__language_code="en")


@pytest.fixture
def intake(client, django_user_model):
    """Someone in “Client intake”, the group that reads messages, with a name to show."""
    user = staff_user(django_user_model, "robin", groups=[CLIENT_INTAKE_GROUP])
    user.first_name, user.last_name = "Robin", "Diaz"
    user.save()
    client.force_login(user)
    return user


@pytest.fixture
def editor(client, django_user_model):
    """An editor of every page who is not in “Client intake”."""
    user = staff_user(django_user_model, "editor", groups=["Editors"])
    client.force_login(user)
    return user


def message(contact, name="Sam", received=EVENING_IN_CHICAGO):
    submission = FormSubmission.objects.create(
        page=contact, form_data={**CONTACT_POST, "your_name": name}
    )
    FormSubmission.objects.filter(pk=submission.pk).update(submit_time=received)
    submission.refresh_from_db()
    return submission


def handled(submission, user, at=NEXT_MORNING_IN_CHICAGO):
    return HandledMessage.objects.create(message=submission, handled_by=user, handled_at=at)


def list_url(contact, **query):
    url = reverse("wagtailforms:list_submissions", args=[contact.pk])
    return f"{url}?{'&'.join(f'{key}={value}' for key, value in query.items())}"


def rows(client, url):
    """Each message row of the list: its status cell's text and the names shown."""
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return [
        " ".join(row.get_text(" ", strip=True).split())
        for row in page.select("table.listing tbody tr")
    ]


def status_url(submission):
    return reverse("contact_message_status", args=[submission.pk])


def download(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_message_that_arrives_is_new_and_can_be_marked_handled_from_the_list(
    client, contact, intake
):
    assert "Thank you" in client.post(contact.url, CONTACT_POST).text
    page = BeautifulSoup(client.get(list_url(contact)).content, "html.parser")
    (row,) = page.select("table.listing tbody tr")
    assert "New" in row.get_text(" ", strip=True)
    # The row's “Mark handled” button posts its own little form, outside the delete form.
    button = row.find("button", string=re.compile("Mark handled"))
    form = page.find("form", id=button["form"])
    fields = {field["name"]: field.get("value") for field in form.select("input")}
    assert form["method"] == "post"
    assert fields["status"] == "handled"

    response = client.post(form["action"], fields)

    assert response.status_code == 302
    assert response["Location"] == fields["next"]
    (row,) = rows(client, list_url(contact))
    assert "Handled by Robin Diaz" in row
    assert "Mark handled" not in row
    record = HandledMessage.objects.get()
    assert record.handled_by == intake
    assert timezone.now() - record.handled_at < datetime.timedelta(minutes=1)


def test_the_list_shows_who_handled_a_message_and_when_in_chicago_time(client, contact, intake):
    handled(message(contact, "Sam"), intake)
    message(contact, "Alex", received=EVENING_IN_CHICAGO - datetime.timedelta(days=1))
    sam, alex = rows(client, list_url(contact))
    assert "Handled by Robin Diaz 01/15/2026 9:05 a.m." in sam
    assert "Jan. 14, 2026, 8:30 p.m." in sam
    assert alex.startswith("New Mark handled Jan. 13, 2026, 8:30 p.m.")


def test_the_list_filters_by_status(client, contact, intake):
    handled(message(contact, "Handled Harper"), intake)
    message(contact, "New Nico")
    new = rows(client, list_url(contact, status="new"))
    done = rows(client, list_url(contact, status="handled"))
    everything = rows(client, list_url(contact))
    assert [("Nico" in row, "Harper" in row) for row in new] == [(True, False)]
    assert [("Nico" in row, "Harper" in row) for row in done] == [(False, True)]
    assert len(everything) == 2


def test_an_unknown_status_in_the_address_is_ignored_not_an_error(client, contact, intake):
    message(contact)
    response = client.get(list_url(contact, status="deleted"))
    assert response.status_code == 200
    assert len(rows(client, list_url(contact, status="deleted"))) == 1


def test_reading_one_message_shows_everything_sent_in_chicago_time(client, contact, intake):
    submission = message(contact)
    (link,) = BeautifulSoup(client.get(list_url(contact)).content, "html.parser").select(
        "table.listing tbody a[href*='contact-messages']"
    )
    response = client.get(link["href"])
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    answers = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in page.select("dl dt")
    }
    assert answers["Status"] == "New"
    assert answers["Received"] == "Jan. 14, 2026, 8:30 p.m."
    assert answers["Your name"] == "Sam"
    assert answers["Anything you would like us to know"] == "Evenings are best."
    assert page.find("h1").get_text(strip=True) == "Contact message: received January 14, 2026"
    form = page.find("button", string=re.compile("Mark handled")).find_parent("form")
    assert form["action"] == status_url(submission)


def test_marking_handled_on_the_message_page_then_new_again(client, contact, intake):
    submission = message(contact)
    page_url = reverse("contact_message", args=[submission.pk])
    response = client.post(status_url(submission), {"status": "handled"}, follow=True)
    assert response.redirect_chain[-1][0] == page_url
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
    assert "The message is marked handled." in text
    assert "Handled by Robin Diaz" in text
    assert "Mark as new again" in text

    response = client.post(status_url(submission), {"status": "new"}, follow=True)
    assert "The message is marked new again." in response.text
    assert not HandledMessage.objects.exists()


def test_marking_handled_twice_keeps_the_first_person_who_did(
    client, contact, intake, django_user_model
):
    submission = message(contact)
    colleague = staff_user(django_user_model, "colleague", groups=[CLIENT_INTAKE_GROUP])
    handled(submission, colleague)
    client.post(status_url(submission), {"status": "handled"})
    assert HandledMessage.objects.get().handled_by == colleague


def test_a_message_stays_handled_when_the_person_who_handled_it_leaves(
    client, contact, intake, django_user_model
):
    submission = message(contact)
    leaver = staff_user(django_user_model, "leaver", groups=[CLIENT_INTAKE_GROUP])
    handled(submission, leaver)
    leaver.delete()
    (row,) = rows(client, list_url(contact))
    assert "Handled by a former staff member" in row


def test_the_status_change_refuses_bad_input_and_unsafe_next_addresses(client, contact, intake):
    submission = message(contact)
    assert client.get(status_url(submission)).status_code == 405
    assert client.post(status_url(submission), {"status": "archived"}).status_code == 400
    missing = reverse("contact_message_status", args=[999999])
    assert client.post(missing, {"status": "handled"}).status_code == 404
    response = client.post(
        status_url(submission), {"status": "handled", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("contact_message", args=[submission.pk])


def test_the_csv_export_has_chicago_times_and_each_message_status(client, contact, intake):
    handled(message(contact, "Sam"), intake)
    message(contact, "Alex", received=EVENING_IN_CHICAGO + datetime.timedelta(hours=1))
    content = download(client.get(list_url(contact, export="csv"))).decode()
    table = list(csv.DictReader(io.StringIO(content)))
    assert [row["Your name"] for row in table] == ["Sam", "Alex"]
    sam, alex = table
    assert sam["Submission date"] == "2026-01-14 20:30:00"
    assert (sam["Status"], sam["Handled by"], sam["Handled on"]) == (
        "Handled",
        "Robin Diaz",
        "2026-01-15 09:05:00",
    )
    assert (alex["Submission date"], alex["Status"], alex["Handled by"]) == (
        "2026-01-14 21:30:00",
        "New",
        "",
    )


def test_the_xlsx_export_has_chicago_times_and_the_status_filter_applies(client, contact, intake):
    handled(message(contact, "Sam"), intake)
    message(contact, "Alex")
    response = client.get(list_url(contact, export="xlsx", status="handled"))
    sheet = openpyxl.load_workbook(io.BytesIO(download(response))).active
    headings, *values = [list(row) for row in sheet.iter_rows(values_only=True)]
    (sam,) = [dict(zip(headings, row, strict=True)) for row in values]
    assert sam["Your name"] == "Sam"
    assert sam["Submission date"] == datetime.datetime(2026, 1, 14, 20, 30)
    assert sam["Handled on"] == datetime.datetime(2026, 1, 15, 9, 5)
    assert sam["Status"] == "Handled"


def test_the_contact_messages_menu_item_opens_the_list_for_client_intake(client, contact, intake):
    message(contact)
    home = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    assert "/admin/contact-messages/" in str(home)
    response = client.get(reverse("contact_messages"), {"status": "new"})
    assert response.status_code == 302
    assert response["Location"] == list_url(contact, status="new")


def test_an_editor_without_the_permission_gets_none_of_the_inbox(client, contact, editor):
    submission = message(contact)
    home = client.get(reverse("wagtailadmin_home")).text
    assert "/admin/contact-messages/" not in home
    for url in (reverse("contact_messages"), reverse("contact_message", args=[submission.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    response = client.post(status_url(submission), {"status": "handled"})
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not HandledMessage.objects.exists()


def test_the_purge_deletes_old_messages_whether_handled_or_not(settings, contact, intake):
    settings.CONTACT_RETENTION_DAYS = 30
    long_ago = timezone.now() - datetime.timedelta(days=31)
    handled(message(contact, "old and handled", received=long_ago), intake)
    message(contact, "old and new", received=long_ago)
    recent = message(contact, "recent and handled", received=timezone.now())
    handled(recent, intake)
    out = io.StringIO()
    call_command("purge_contact_submissions", stdout=out)
    assert out.getvalue().startswith("Deleted 2 contact messages")
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent.pk]
    assert list(HandledMessage.objects.values_list("message_id", flat=True)) == [recent.pk]


def test_what_a_visitor_typed_is_shown_as_text_never_as_markup(client, contact, intake):
    submission = message(contact, name='<script>alert("hi")</script>')
    for url in (list_url(contact), reverse("contact_message", args=[submission.pk])):
        html = client.get(url).text
        assert '<script>alert("hi")</script>' not in html
        assert "&lt;script&gt;" in html


def test_the_list_costs_the_same_queries_however_many_messages_are_handled(
    client, contact, intake, django_user_model
):
    def queries_for_the_list():
        client.get(list_url(contact))  # the user's permissions are loaded once per request
        with CaptureQueriesContext(connection) as queries:
            assert client.get(list_url(contact)).status_code == 200
        return len(queries)

    handled(message(contact, "first"), intake)
    one = queries_for_the_list()
    for number in range(5):
        colleague = staff_user(django_user_model, f"colleague{number}")
        handled(message(contact, f"Sam {number}"), colleague)
    assert queries_for_the_list() == one
