"""Contact messages hold names, phone numbers and what people wrote: only staff given “Can read
contact messages” (the “Client intake” group) and superusers see them, not every editor."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from home.demo import CLIENT_INTAKE_GROUP
from home.models import ContactPage
from tests.careers.factories import staff_user
from tests.support import CONTACT_POST

pytestmark = pytest.mark.django_db

FORMS_URL = "/admin/forms/"


@pytest.fixture
def contact():
    return ContactPage.objects.get(locale__language_code="en")


@pytest.fixture
def message(client, contact):
    assert "Thank you" in client.post(contact.url, CONTACT_POST).text
    return FormSubmission.objects.get(page=contact)


def log_in(client, user):
    client.force_login(user)
    return user


@pytest.fixture
def editor(client, django_user_model):
    """A member of Wagtail's standard “Editors” group: edits every page, reads no messages."""
    return log_in(client, staff_user(django_user_model, "editor", groups=["Editors"]))


@pytest.fixture
def intake_editor(client, django_user_model):
    """An editor who also reads messages."""
    groups = ["Editors", CLIENT_INTAKE_GROUP]
    return log_in(client, staff_user(django_user_model, "intake", groups=groups))


@pytest.fixture
def intake_staff(client, django_user_model):
    """Client intake alone: reads messages, edits no page."""
    return log_in(client, staff_user(django_user_model, "reader", groups=[CLIENT_INTAKE_GROUP]))


@pytest.fixture
def superuser(client, django_user_model):
    return log_in(client, django_user_model.objects.create_superuser("chief", "c@example.org"))


def list_url(contact):
    return reverse("wagtailforms:list_submissions", args=[contact.pk])


def delete_url(contact, message):
    url = reverse("wagtailforms:delete_submissions", args=[contact.pk])
    return f"{url}?selected-submissions={message.pk}"


def assert_refused(response):
    """Wagtail's admin turns a refusal into a redirect to the dashboard, with a message."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert b"sam@example.org" not in response.content


def submissions_panel(client, contact):
    page = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=[contact.pk])).content, "html.parser"
    )
    return page.find("a", href=list_url(contact))


def test_editor_without_the_permission_sees_no_contact_messages(client, contact, message, editor):
    assert FORMS_URL not in client.get(reverse("wagtailadmin_home")).text
    assert contact.title not in client.get(FORMS_URL).text
    assert_refused(client.get(list_url(contact)))


def test_editor_without_the_permission_cannot_export_contact_messages(
    client, contact, message, editor
):
    for export in ("csv", "xlsx"):
        assert_refused(client.get(list_url(contact), {"export": export}))


def test_editor_without_the_permission_cannot_delete_contact_messages(
    client, contact, message, editor
):
    assert_refused(client.get(delete_url(contact, message)))
    assert_refused(client.post(delete_url(contact, message)))
    assert FormSubmission.objects.filter(pk=message.pk).exists()


def test_editor_without_the_permission_edits_the_page_without_the_submissions_panel(
    client, contact, message, editor
):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[contact.pk]))
    assert response.status_code == 200
    assert "Total submissions" not in response.text
    assert submissions_panel(client, contact) is None


def test_editor_with_the_permission_reads_exports_and_deletes_contact_messages(
    client, contact, message, intake_editor
):
    assert FORMS_URL in client.get(reverse("wagtailadmin_home")).text
    assert contact.title in client.get(FORMS_URL).text
    assert "sam@example.org" in client.get(list_url(contact)).text
    export = client.get(list_url(contact), {"export": "csv"})
    assert b"sam@example.org" in b"".join(export.streaming_content)
    assert submissions_panel(client, contact) is not None
    assert client.post(delete_url(contact, message)).status_code == 302
    assert not FormSubmission.objects.filter(pk=message.pk).exists()


def test_client_intake_reads_messages_without_page_editing_rights(
    client, contact, message, intake_staff
):
    assert FORMS_URL in client.get(reverse("wagtailadmin_home")).text
    assert "sam@example.org" in client.get(list_url(contact)).text
    assert client.get(reverse("wagtailadmin_pages:edit", args=[contact.pk])).status_code == 302


def test_superuser_keeps_access(client, contact, message, superuser):
    assert FORMS_URL in client.get(reverse("wagtailadmin_home")).text
    assert "sam@example.org" in client.get(list_url(contact)).text
    assert submissions_panel(client, contact) is not None


def test_the_demo_client_intake_group_may_read_messages_and_registrations_and_use_the_admin():
    codenames = set(
        Permission.objects.filter(group__name=CLIENT_INTAKE_GROUP).values_list(
            "content_type__app_label", "codename"
        )
    )
    assert codenames == {
        ("home", "read_contact_messages"),
        ("practice_events", "view_eventregistration"),
        ("practice_events", "delete_eventregistration"),
        ("wagtailadmin", "access_admin"),
    }


def test_the_notification_links_to_the_messages_for_someone_who_may_read_them(
    client, contact, message, intake_staff
):
    admin_url = next(
        line.split(": ", 1)[1] for line in mail.outbox[0].body.splitlines() if "admin" in line
    )
    assert admin_url == f"http://testserver{list_url(contact)}"
    assert "sam@example.org" in client.get(admin_url).text
