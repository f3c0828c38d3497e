"""The team list's filters. Values arrive in the address, so django-filter validates them with a
form before they touch a query: an unknown value becomes a message and is left out while the
other choices still apply, never an error page."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.locales import in_main_language, term_in_language_shown
from core.models import Language

from .models import SessionFormat, Specialty

NOT_RECOGNISED = _("That choice was not recognized, so it was left out.")


class ShownTermChoiceField(forms.ModelChoiceField):
    """Offers the main language's entries (the ones clinicians are tagged with), each named in
    the language shown where it is translated (the list's entries read once, not per choice)."""

    def label_from_instance(self, obj):
        return term_in_language_shown(obj, memo=self).name


class ListChoiceFilter(django_filters.ModelChoiceFilter):
    """One of the team's lists, chosen by slug (?language=spanish), the same in every language."""

    field_class = ShownTermChoiceField

    def __init__(self, list_model, **kwargs):
        self.list_model = list_model
        super().__init__(
            to_field_name="slug",
            error_messages={"invalid_choice": NOT_RECOGNISED},
            queryset=list_model.objects.filter(**in_main_language()),
            **kwargs,
        )


class TeamFilter(django_filters.FilterSet):
    """What people look for first in a clinician: a specialty, a language, how sessions happen,
    and whether they take new clients. `qs` is the listed clinicians narrowed by the choices."""

    specialty = ListChoiceFilter(
        Specialty, field_name="specialties", label=_("Specialty"), empty_label=_("Any specialty")
    )
    language = ListChoiceFilter(
        Language, field_name="languages", label=_("Language"), empty_label=_("Any language")
    )
    format = ListChoiceFilter(
        SessionFormat,
        field_name="session_formats",
        label=_("How you meet"),
        empty_label=_("In person or telehealth"),
    )
    accepting = django_filters.BooleanFilter(
        label=_("Only clinicians taking new clients"),
        widget=forms.CheckboxInput,
        method="only_accepting",
    )

    def __init__(self, data, queryset):
        super().__init__(data, queryset=queryset)
        # Offer only what some listed clinician has: a choice that can only find no one helps
        # nobody.
        member_ids = queryset.order_by().values("pk")
        for list_filter in self.filters.values():
            if isinstance(list_filter, ListChoiceFilter):
                list_filter.queryset = list_filter.list_model.objects.filter(
                    team_members__in=member_ids
                ).distinct()

    def only_accepting(self, members, _name, ticked):
        return members.filter(accepting_new_clients=True) if ticked else members

    @property
    def is_filtered(self):
        """Whether a choice in the address was recognized, and so narrows the list."""
        if not self.is_bound:
            return False
        self.form.is_valid()  # leaves out of `cleaned_data` any value not recognized
        return any(self.form.cleaned_data.values())
