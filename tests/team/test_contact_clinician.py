import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from home.models import ContactPage

from .conftest import soup_of

pytestmark = pytest.mark.django_db

URL = "/contact/"


@pytest.fixture
def good_post():
    """A valid message for whatever questions the contact page asks today."""
    form = ContactPage.objects.get(locale__language_code="en").get_form()
    data = {}
    for name, field in form.fields.items():
        if name in ("clinician", "website"):
            continue
        if isinstance(field, forms.ChoiceField):
            first = next(value for value, _label in field.choices if value)
            is_many = isinstance(field, forms.MultipleChoiceField)
            data[name] = [first] if is_many else first
        elif isinstance(field, forms.BooleanField):
            data[name] = "on"
        elif isinstance(field, forms.EmailField):
            data[name] = "sam@example.org"
        elif isinstance(field.widget, forms.Textarea):
            data[name] = "Evenings are best."
        else:
            data[name] = "sam@example.org" if "email" in name else "Sam"
    # The first reply method is a phone call, which needs a number to call.
    if "phone_or_email" in data:
        data["phone_or_email"] = "(555) 010-0199"
    return data


def clinician_select(response):
    return soup_of(response).select_one('form.form select[name="clinician"]')


def test_contact_form_offers_clinicians_taking_new_clients_with_no_preference_first(client):
    select = clinician_select(client.get(URL))
    label = soup_of(client.get(URL)).select_one(f'label[for="{select["id"]}"]')
    assert "Who would you like to hear from?" in label.get_text()
    options = [(o["value"], o.get_text(strip=True)) for o in select.find_all("option")]
    assert options == [
        ("", "No preference"),
        ("jordan-avery", "Jordan Avery (he/him/they/them)"),
        ("maria-delgado", "Maria Delgado (she/her)"),
        ("riley-chen", "Riley Chen (she/they)"),
    ]
    # Sam is not taking new clients, so cannot be chosen.
    assert "sam-okafor" not in {value for value, _ in options}


def test_the_clinician_question_comes_first_and_is_optional(client):
    form = soup_of(client.get(URL)).select_one("form.form")
    first = form.select_one("input:not([type=hidden]), select, textarea")
    assert first["name"] == "clinician"
    assert not first.has_attr("required")


def test_a_link_from_a_clinician_page_preselects_them(client):
    select = clinician_select(client.get(f"{URL}?clinician=maria-delgado"))
    assert select.select_one("option[selected]")["value"] == "maria-delgado"


@pytest.mark.parametrize(
    "value", ["nobody", "sam-okafor", "", "%00", "<script>", "x" * 3000, "jordan-avery/"]
)
def test_an_unknown_or_unavailable_clinician_falls_back_to_no_preference(client, value):
    response = client.get(f"{URL}?clinician={value}")
    assert response.status_code == 200
    selected = clinician_select(response).select("option[selected]")
    assert [option["value"] for option in selected] in ([], [""])


def test_the_submission_records_the_clinician_and_the_email_names_only_them(client, good_post):
    response = client.post(URL, {**good_post, "clinician": "jordan-avery"})
    assert response.status_code == 200
    submission = FormSubmission.objects.get()
    assert submission.form_data["clinician"] == "Jordan Avery"
    assert submission.get_data()["your_name"] == "Sam"
    email = mail.outbox[0]
    assert "They asked to hear from: Jordan Avery." in email.body
    assert "Evenings are best" not in email.body
    assert "sam@example.org" not in email.body


def test_no_preference_is_recorded_as_such_and_not_mentioned_in_the_email(client, good_post):
    client.post(URL, good_post)
    assert FormSubmission.objects.get().form_data["clinician"] == "No preference"
    assert "asked to hear from" not in mail.outbox[0].body


def test_choosing_someone_who_cannot_be_chosen_is_a_form_error_not_a_500(client, good_post):
    response = client.post(URL, {**good_post, "clinician": "sam-okafor"})
    assert response.status_code == 200
    assert "Please check the form" in response.text
    assert "Please choose someone from the list" in response.text
    assert FormSubmission.objects.count() == 0
    # What the person typed is still there.
    assert 'value="(555) 010-0199"' in response.text


def test_admin_submissions_list_shows_the_clinician_asked_for(client, good_post):
    contact = ContactPage.objects.get(locale__language_code="en")
    assert ("clinician", "Clinician asked for") in contact.get_data_fields()
    client.post(URL, {**good_post, "clinician": "riley-chen"})
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    response = client.get(f"/admin/forms/submissions/{contact.pk}/")
    assert response.status_code == 200
    assert "Clinician asked for" in response.text
    assert "Riley Chen" in response.text


def test_without_any_clinician_taking_clients_the_question_is_not_asked(client, good_post):
    from team.models import TeamMemberPage

    TeamMemberPage.objects.update(accepting_new_clients=False)
    assert clinician_select(client.get(URL)) is None
    assert client.post(URL, good_post).status_code == 200
    assert "clinician" not in FormSubmission.objects.get().form_data
