"""The contact form: the shared bounded form builder with its honeypot (core/forms.py), the
choice of clinician, and checks that the practice can reply the way the person asked."""

import re

import django.forms
from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from core.forms import BoundedFormBuilder
from core.locales import in_main_language, pages_in_language_shown
from core.visibility import visible_to_public

CLINICIAN_FIELD = "clinician"
NO_PREFERENCE = "No preference"


def clinicians_taking_new_clients():
    """(slug, name, name with pronouns) of each clinician who takes new clients and whose page
    anyone may see: a private clinician is neither offered nor accepted in a post."""
    member_model = apps.get_model("team", "TeamMemberPage")
    members = list(
        visible_to_public(member_model.objects)
        .filter(accepting_new_clients=True, **in_main_language())
        .order_by("display_order", "title")
        .only("title", "slug", "pronouns", "translation_key", "locale")
    )
    # Known by their main language page's slug; offered by their names and pronouns in the
    # language shown where their page is translated.
    shown = pages_in_language_shown(
        members, load=lambda pages: pages.only("title", "pronouns", "translation_key", "locale")
    )
    return [
        (member.slug, member.title, shown_member.name_with_pronouns)
        for member, shown_member in zip(members, shown, strict=True)
    ]


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
            label=_("Who would you like to hear from?"),
            help_text=_("Everyone listed is taking new clients. All of us work without judgement."),
            choices=[("", gettext_lazy("No preference"))]
            + [(slug, label) for slug, _name, label in clinicians],
            error_messages={
                "invalid_choice": _("Please choose someone from the list, or “No preference”.")
            },
        )
        if self.initial.get(CLINICIAN_FIELD) not in self.clinician_names:
            # An unknown or outdated name in a link falls back to no preference.
            self.initial.pop(CLINICIAN_FIELD, None)
        self.order_fields([CLINICIAN_FIELD])

    def clean_clinician(self):
        """The clinician's name, which staff read in the admin, or “No preference”."""
        return self.clinician_names.get(self.cleaned_data.get(CLINICIAN_FIELD), NO_PREFERENCE)


# The contact form's standard questions, by the names Wagtail gives their labels. Editors may
# rename them; the checks below then simply do not apply.
REACH_FIELD = "phone_or_email"
METHOD_FIELD = "preferred_way_to_contact_you"
EMAIL_OK_FIELD = "is_it_ok_to_email_you"
EMAIL_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_DIGITS = 7


class ReplyConsistencyMixin(django.forms.Form):
    """Catches answers that would leave the practice unable to reply the way the person
    asked: an email reply with no email address, or with “not OK to email”."""

    def clean(self):
        cleaned = super().clean()
        method = (cleaned.get(METHOD_FIELD) or "").lower()
        reach = (cleaned.get(REACH_FIELD) or "").strip()
        # The choices are in the language of the page: the words to look for are too.
        email_word = pgettext("the word in the contact form's choice of a reply by email", "email")
        no_word = pgettext("the contact form's answer “No”", "No")
        if email_word.lower() in method:
            if cleaned.get(EMAIL_OK_FIELD) == no_word:
                self.add_error(
                    EMAIL_OK_FIELD,
                    _(
                        "You chose email as the way to reply, but said it is not OK to email "
                        "you. Please change one of the two."
                    ),
                )
            if reach and REACH_FIELD in self.fields and not EMAIL_ADDRESS.match(reach):
                self.add_error(
                    REACH_FIELD, _("Please give an email address, since you chose email.")
                )
        elif (
            method
            and reach
            and REACH_FIELD in self.fields
            and sum(character.isdigit() for character in reach) < PHONE_DIGITS
        ):
            self.add_error(
                REACH_FIELD, _("Please give a phone number, since you chose a call or a text.")
            )
        return cleaned


class ContactFormBuilder(BoundedFormBuilder):
    """The contact form: bounded fields and a honeypot, plus the choice of clinician."""

    def get_form_class(self):
        form_class = super().get_form_class()
        return type("ContactForm", (ClinicianChoiceMixin, ReplyConsistencyMixin, form_class), {})
