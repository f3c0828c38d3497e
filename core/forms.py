"""What every public form shares: a honeypot field that bots fill in and people never see, and
Wagtail's form builder with bounded text fields, so a huge post gets a form error."""

import django.forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

HONEYPOT_FIELD = "website"
SINGLE_LINE_MAX = 200
MULTI_LINE_MAX = 2000


class HoneypotMixin(django.forms.Form):
    """A field people never see and bots fill in. The field is hidden by the stylesheet and
    from assistive technology, and its label says to leave it empty."""

    website = django.forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=django.forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def honeypot_filled(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


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
