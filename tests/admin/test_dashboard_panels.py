"""The dashboard tells each editor what waits for them: contact messages nobody has handled (for
“Client intake”), applications nobody has reviewed (for “Hiring managers”), and live openings
closing within 14 days (for whoever may edit them). Each panel links to the list it counts, and
costs a fixed number of queries however much is waiting."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import GroupPagePermission, Page

from careers.demo import HIRING_GROUP
from careers.models import JobApplication
from home.demo import CLIENT_INTAKE_GROUP
from home.models import ContactPage
from tests.careers.factories import make_application, make_job, staff_user
from tests.support import CONTACT_POST

pytestmark = pytest.mark.django_db

MESSAGES = "contact-messages-waiting"
APPLICATIONS = "applications-waiting"
OPENINGS = "openings-closing-soon"
APPLICATIONS_URL = "/admin/careers/jobapplication/"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Resumes of the applications made here go to a throwaway folder."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def log_in(client, django_user_model, name, groups):
    user = staff_user(django_user_model, name, groups=groups)
    client.force_login(user)
    return user


@pytest.fixture
def intake(client, django_user_model):
    return log_in(client, django_user_model, "intake", [CLIENT_INTAKE_GROUP])


@pytest.fixture
def hiring_manager(client, django_user_model):
    return log_in(client, django_user_model, "manager", [HIRING_GROUP])


@pytest.fixture
def editor(client, django_user_model):
    return log_in(client, django_user_model, "editor", ["Editors"])


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def panel(client, panel_id):
    """The panel's section on the dashboard, or None when the user is not shown it."""
    return dashboard(client).find("section", id=f"{panel_id}-section")


def text(section):
    return " ".join(section.get_text(" ", strip=True).split())


def link(section):
    return section.find("a", class_="button")["href"]


def no_new_messages_left():
    for submission in FormSubmission.objects.filter(handled__isnull=True):
        submission.delete()


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_each_group_sees_the_panels_it_can_act_on(client, django_user_model):
    shown = {}
    for name, groups in [
        ("intake", [CLIENT_INTAKE_GROUP]),
        ("manager", [HIRING_GROUP]),
        ("editor", ["Editors"]),
    ]:
        log_in(client, django_user_model, name, groups)
        page = dashboard(client)
        shown[name] = [
            panel_id
            for panel_id in (MESSAGES, APPLICATIONS, OPENINGS)
            if page.find("section", id=f"{panel_id}-section")
        ]
    assert shown == {
        "intake": [MESSAGES],
        "manager": [APPLICATIONS, OPENINGS],
        "editor": [OPENINGS],
    }


def test_the_waiting_panels_come_before_wagtails_own(client, django_user_model):
    superuser = django_user_model.objects.create_superuser("chief", "chief@example.org")
    client.force_login(superuser)
    make_application()
    ids = [section["id"] for section in dashboard(client).select("section.w-panel--dashboard")]
    assert ids[:3] == [f"{MESSAGES}-section", f"{APPLICATIONS}-section", f"{OPENINGS}-section"]


def test_the_messages_panel_counts_a_message_when_it_arrives_and_when_it_is_handled(client, intake):
    no_new_messages_left()
    assert "No new messages" in text(panel(client, MESSAGES))

    assert (
        "Thank you"
        in client.post(ContactPage.objects.get(locale__language_code="en").url, CONTACT_POST).text
    )
    assert (
        "Thank you"
        in client.post(ContactPage.objects.get(locale__language_code="en").url, CONTACT_POST).text
    )
    section = panel(client, MESSAGES)
    assert "2 new messages are waiting to be handled." in text(section)
    assert "Oldest: Just now" in text(section)

    first = FormSubmission.objects.earliest("submit_time")
    client.post(reverse("contact_message_status", args=[first.pk]), {"status": "handled"})
    assert "1 new message is waiting to be handled." in text(panel(client, MESSAGES))


def test_the_messages_panel_links_to_the_new_messages(client, intake):
    contact = ContactPage.objects.get(locale__language_code="en")
    client.post(contact.url, CONTACT_POST)
    response = client.get(link(panel(client, MESSAGES)), follow=True)
    assert response.redirect_chain[-1][0] == (
        reverse("wagtailforms:list_submissions", args=[contact.pk]) + "?status=new"
    )
    page = BeautifulSoup(response.content, "html.parser")
    assert len(page.select("table.listing tbody tr")) == 1
    assert "Status: New" in " ".join(page.get_text(" ").split())


def test_the_applications_panel_counts_new_applications_until_they_are_reviewed(
    client, hiring_manager
):
    JobApplication.objects.all().delete()
    assert "No new applications" in text(panel(client, APPLICATIONS))

    application = make_application()
    make_application(name="Alex Kim", status="interview")
    section = panel(client, APPLICATIONS)
    assert "1 new application is waiting to be reviewed." in text(section)

    client.post(
        f"{APPLICATIONS_URL}edit/{application.pk}/", {"status": "reviewing", "notes": "Read it."}
    )
    assert "No new applications" in text(panel(client, APPLICATIONS))


def test_the_applications_panel_links_to_the_new_applications(client, hiring_manager):
    make_application(name="Sam Rivera")
    make_application(name="Alex Kim", status="interview")
    href = link(panel(client, APPLICATIONS))
    assert href == f"{APPLICATIONS_URL}?status__exact=new"
    listing = client.get(href).text
    assert "Sam Rivera" in listing and "Alex Kim" not in listing


def test_the_openings_panel_lists_live_openings_closing_within_fourteen_days(client, editor):
    make_job("Closes today", closing_in_days=0)
    make_job("Closes in five days", closing_in_days=5)
    make_job("Closes in fourteen days", closing_in_days=14)
    make_job("Closes in fifteen days", closing_in_days=15)
    make_job("Closed yesterday", closing_in_days=-1, posted_days_ago=10)
    make_job("Closed early", closing_in_days=3, closed=True)
    make_job("Draft", closing_in_days=2).unpublish()

    section = panel(client, OPENINGS)

    assert "3 openings close within 14 days." in text(section)
    rows = [text(row) for row in section.select("tbody tr")]
    five_days = days_from_today(5)
    assert rows == [
        f"Closes today Closes today, {days_from_today(0):%A, %B %-d}",
        f"Closes in five days Closes in 5 days, {five_days:%A, %B %-d}",
        f"Closes in fourteen days Closes in 14 days, {days_from_today(14):%A, %B %-d}",
    ]
    first = section.select_one("tbody a")
    job = Page.objects.get(title="Closes today")
    assert first["href"] == reverse("wagtailadmin_pages:edit", args=[job.pk])


def test_the_openings_panel_links_to_the_openings_in_the_page_explorer(client, editor):
    careers = Page.objects.get(slug="careers")
    href = link(panel(client, OPENINGS))
    assert href == reverse("wagtailadmin_explore", args=[careers.pk])
    assert client.get(href).status_code == 200


def test_the_openings_panel_leaves_out_openings_the_editor_may_not_edit(client, django_user_model):
    make_job("Closes soon", closing_in_days=4)
    explainer_editors = Group.objects.create(name="Explainer editors")
    explainer_editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupPagePermission.objects.create(
        group=explainer_editors,
        page=Page.objects.get(slug="what-is-harm-reduction"),
        permission=Permission.objects.get(codename="change_page"),
    )
    log_in(client, django_user_model, "explainer", ["Explainer editors"])
    assert "No opening closes within 14 days." in text(panel(client, OPENINGS))


def panels_for(user):
    """The dashboard's panels for `user`, by name, as Wagtail builds them."""
    request = RequestFactory().get("/admin/")
    request.user = user
    panels = []
    for add_panels in hooks.get_hooks("construct_homepage_panels"):
        add_panels(request, panels)
    return {getattr(each, "name", None): each for each in panels}


@pytest.mark.parametrize("waiting", [1, 6])
def test_each_panel_costs_the_same_queries_however_much_waits(
    django_user_model, django_assert_num_queries, waiting
):
    contact = ContactPage.objects.get(locale__language_code="en")
    for number in range(waiting):
        FormSubmission.objects.create(page=contact, form_data={"your_name": f"Sam {number}"})
        make_application(name=f"Applicant {number}")
        make_job(closing_in_days=number + 1)
    superuser = django_user_model.objects.create_superuser("chief", "chief@example.org")
    panels = panels_for(superuser)

    with django_assert_num_queries(1):
        html = panels["contact_messages_waiting"].render_html({})
    assert f"{waiting} new message" in html
    with django_assert_num_queries(1):
        html = panels["applications_waiting"].render_html({})
    assert f"{waiting} new application" in html
    # The openings, then the careers page to link to.
    with django_assert_num_queries(2):
        html = panels["openings_closing_soon"].render_html({})
    assert html.count("Closes ") == waiting


def test_the_openings_panel_for_a_group_editor_costs_two_queries(
    django_user_model, django_assert_num_queries
):
    make_job(closing_in_days=2)
    manager = staff_user(django_user_model, "manager", groups=[HIRING_GROUP])
    # Building the panels loads the editor's page permissions, as the dashboard already does.
    panels = panels_for(manager)
    with django_assert_num_queries(2):
        html = panels["openings_closing_soon"].render_html({})
    assert "1 opening closes within 14 days." in html
