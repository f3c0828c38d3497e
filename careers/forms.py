"""The careers page's filters and the application form."""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import HONEYPOT_FIELD, HoneypotMixin
from core.uploads import OversizedUpload

from .models import EmploymentType, LocationType
from .resumes import (
    ACCEPTED_TYPES_TEXT,
    CHOOSE_AGAIN,
    MAX_RESUME_BYTES,
    RESUME_TYPES,
    validate_resume,
)

EMPTY_FILE = _("The file you chose is empty. Please choose your resume file again.")
RESUME_ACCEPT = ",".join(
    [f".{key}" for key in RESUME_TYPES]
    + [kind.content_type.split(";")[0] for kind in RESUME_TYPES.values()]
)


class JobFilter(django_filters.FilterSet):
    """Filters of the list of openings, checked by django-filter's form before they touch the
    query: an unknown value is reported on the page and every opening shown, never a server
    error."""

    type = django_filters.ChoiceFilter(
        field_name="employment_type",
        label=_("Type of work"),
        choices=EmploymentType.choices,
        empty_label=_("Any"),
    )
    where = django_filters.ChoiceFilter(
        field_name="location_type",
        label=_("Where the work happens"),
        choices=LocationType.choices,
        empty_label=_("Any"),
    )

    def filter_queryset(self, queryset):
        # One choice not recognized leaves the list whole, as the page's message says.
        return super().filter_queryset(queryset) if self.is_valid() else queryset

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.form.cleaned_data.values())


class ApplicationForm(HoneypotMixin, forms.Form):
    """What an applicant sends: the least needed to consider them, and their agreement to how
    long the practice keeps it."""

    full_name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("We write to you here about your application."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    cover_note = forms.CharField(
        label=_("Cover note"),
        max_length=5000,
        required=False,
        help_text=_(
            "A few lines on why this role interests you. Please leave out any health details."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    resume = forms.FileField(
        label=_("Resume"),
        widget=forms.FileInput(attrs={"accept": RESUME_ACCEPT}),
        error_messages={"required": _("Please choose your resume file."), "empty": EMPTY_FILE},
    )
    consent = forms.BooleanField(label="", required=True)

    field_order = ["full_name", "email", "phone", "cover_note", "resume", "consent", HONEYPOT_FIELD]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        days = settings.APPLICATION_RETENTION_DAYS
        self.fields["resume"].help_text = gettext("A %(types)s file, up to %(size)s MB.") % {
            "types": ACCEPTED_TYPES_TEXT,
            "size": MAX_RESUME_BYTES // (1024 * 1024),
        }
        self.fields["consent"].label = gettext(
            "I agree that the practice keeps my application and resume for up to %(days)s days "
            "while considering it, and then deletes them."
        ) % {"days": days}
        self.fields["consent"].error_messages["required"] = gettext(
            "Please tick the box to agree, or email us if you would rather apply another way."
        )
        self.resume_kind = None

    def clean_resume(self):
        resume = self.cleaned_data["resume"]
        # A file past the server's upload limit arrives without its content (core/uploads.py);
        # its size, which is past this form's limit too, makes validate_resume say so.
        self.resume_kind = validate_resume(resume)
        if isinstance(resume, OversizedUpload):
            # Only if FILE_UPLOAD_MAX_SIZE is set below this form's limit: never accept a file
            # the server did not keep.
            raise ValidationError(
                gettext("This file is too large for us to receive.") + f" {CHOOSE_AGAIN}",
                code="too_large",
            )
        return resume
