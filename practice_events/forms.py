from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin

from .models import EventRegistration


class RegistrationForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = EventRegistration
        fields = ["name", "email", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Email address"),
            "message": _("Anything we should know"),
        }
        help_texts = {
            "name": _("Any name you would like us to use."),
            "email": _(
                "We write to confirm your place and send the details. We send nothing else."
            ),
            "message": _("Optional. Such as access needs, or questions about the event."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }
