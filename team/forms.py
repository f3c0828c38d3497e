"""The team list's filters. Values arrive in the address, so they are validated here before they
touch a query: an unknown value becomes a message and is left out, never an error page."""

from django import forms

from team.models import Language, SessionFormat, Specialty

NOT_RECOGNISED = "That choice was not recognised, so it was left out."


class TaxonomyChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": NOT_RECOGNISED}

    def __init__(self, **kwargs):
        super().__init__(queryset=None, to_field_name="slug", required=False, **kwargs)


class TeamFilterForm(forms.Form):
    specialty = TaxonomyChoiceField(label="Specialty", empty_label="Any specialty")
    language = TaxonomyChoiceField(label="Language", empty_label="Any language")
    format = TaxonomyChoiceField(label="How you meet", empty_label="In person or telehealth")
    accepting = forms.BooleanField(required=False, label="Only clinicians taking new clients")

    # The member relation each filter narrows, and the list its choices come from.
    FILTERS = {
        "specialty": ("specialties", Specialty),
        "language": ("languages", Language),
        "format": ("session_formats", SessionFormat),
    }

    def __init__(self, data, members):
        super().__init__(data)
        # Offer only what some listed clinician has: a choice that can only find no one helps
        # nobody.
        member_ids = members.order_by().values("pk")
        for name, (_relation, model) in self.FILTERS.items():
            self.fields[name].queryset = model.objects.filter(
                team_members__in=member_ids
            ).distinct()

    @property
    def is_filtered(self):
        return any(self.chosen().values())

    def chosen(self):
        """The valid choices in the address; invalid ones are dropped with an error shown."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, members):
        chosen = self.chosen()
        for name, (relation, _model) in self.FILTERS.items():
            if name in chosen:
                members = members.filter(**{relation: chosen[name]})
        if chosen.get("accepting"):
            members = members.filter(accepting_new_clients=True)
        return members
