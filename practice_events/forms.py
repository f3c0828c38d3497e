from django import forms

from core.forms import HoneypotMixin

from .models import EventRegistration


class RegistrationForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = EventRegistration
        fields = ["name", "email", "message"]
        labels = {
            "name": "Your name",
            "email": "Email address",
            "message": "Anything we should know",
        }
        help_texts = {
            "name": "Any name you would like us to use.",
            "email": "We write to confirm your place and send the details. We send nothing else.",
            "message": "Optional. Such as access needs, or questions about the event.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }
