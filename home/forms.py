"""Forms of the site core: the contact form's builder with bounded fields, a honeypot, and the
choice of clinician."""

import django.forms
from django.apps import apps
from wagtail.contrib.forms.forms import FormBuilder

HONEYPOT_FIELD = "website"
SINGLE_LINE_MAX = 200
MULTI_LINE_MAX = 2000


class HoneypotMixin(django.forms.Form):
    """A field people never see and bots fill in. The field is hidden by the stylesheet and
    from assistive technology, and its label says to leave it empty."""

    website = django.forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=django.forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def honeypot_filled(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


CLINICIAN_FIELD = "clinician"
NO_PREFERENCE = "No preference"


def clinicians_taking_new_clients():
    """(slug, name, name with pronouns) of each live clinician who takes new clients."""
    member_model = apps.get_model("team", "TeamMemberPage")
    members = (
        member_model.objects.live()
        .filter(accepting_new_clients=True)
        .order_by("display_order", "title")
        .only("title", "slug", "pronouns")
    )
    return [(member.slug, member.title, member.name_with_pronouns) for member in members]


class ClinicianChoiceMixin(django.forms.Form):
    """An optional choice of clinician, first on the form. “Reach out today” on a clinician's
    page links here with ?clinician=<their slug>, and the submission keeps their name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        clinicians = clinicians_taking_new_clients()
        if not clinicians:
            return
        self.clinician_names = {slug: name for slug, name, _label in clinicians}
        self.fields[CLINICIAN_FIELD] = django.forms.ChoiceField(
            required=False,
            label="Who would you like to hear from?",
            help_text="Everyone listed is taking new clients. All of us work without judgement.",
            choices=[("", NO_PREFERENCE)] + [(slug, label) for slug, _name, label in clinicians],
            error_messages={
                "invalid_choice": "Please choose someone from the list, or “No preference”."
            },
        )
        if self.initial.get(CLINICIAN_FIELD) not in self.clinician_names:
            # An unknown or outdated name in a link falls back to no preference.
            self.initial.pop(CLINICIAN_FIELD, None)
        self.order_fields([CLINICIAN_FIELD])

    def clean_clinician(self):
        """The clinician's name, which staff read in the admin, or “No preference”."""
        return self.clinician_names.get(self.cleaned_data.get(CLINICIAN_FIELD), NO_PREFERENCE)


class BoundedFormBuilder(FormBuilder):
    """Wagtail's form builder, with limits on text length so a huge post gets a form error."""

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTI_LINE_MAX
        options["widget"] = django.forms.Textarea(attrs={"rows": 5})
        return django.forms.CharField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = 254
        return django.forms.EmailField(**options)

    def get_form_class(self):
        form_class = super().get_form_class()
        return type("ContactForm", (HoneypotMixin, form_class), {})


class ContactFormBuilder(BoundedFormBuilder):
    """The contact form: bounded fields and a honeypot, plus the choice of clinician."""

    def get_form_class(self):
        form_class = super().get_form_class()
        return type("ContactForm", (ClinicianChoiceMixin, form_class), {})
