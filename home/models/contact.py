import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES
from core.forms import HONEYPOT_FIELD
from core.ratelimit import refuses_form
from core.search_fields import PAGE_SEARCH_FIELDS
from core.visibility import ViewRestrictionsFromCache
from home.forms import CLINICIAN_FIELD, NO_PREFERENCE, ContactFormBuilder

logger = logging.getLogger(__name__)

CONTACT_SCOPE = "contact"
# The language the person wrote in (its English name, as staff read it), so the reply can be in it.
LANGUAGE_FIELD = "language"

# Messages hold names, phone numbers and what people wrote: they are read by staff given this
# permission (the “Client intake” group) and by superusers, not by every editor of the page.
READ_CONTACT_MESSAGES = "home.read_contact_messages"


class ContactMessagesPanel(FormSubmissionsPanel):
    """The count of messages and a link to them, shown only to someone who may read them."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return (
                get_forms_for_user(self.request.user).filter(pk=self.instance.pk).exists()
                and super().is_shown()
            )


class HandledMessage(models.Model):
    """A contact message that someone at the practice has dealt with: who, and when. A message
    without one is new. The message itself stays Wagtail's own submission row, where the forms
    admin, its exports and the retention purge find it; this row is deleted with it."""

    message = models.OneToOneField(
        FormSubmission, primary_key=True, on_delete=models.CASCADE, related_name="handled"
    )
    handled_at = models.DateTimeField("handled", default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="handled by",
        help_text="Empty once that person's account is deleted; the message stays handled.",
    )

    class Meta:
        verbose_name = "handled contact message"

    def __str__(self):
        return f"Message {self.message_id}, handled {self.handled_at:%Y-%m-%d}"


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A question of the contact form. Translated with its page (labels, help and choices);
    its name stays the main language's, so every language's messages have the same columns."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(ViewRestrictionsFromCache, AbstractEmailForm):
    """“Reach out today”: a short form that asks for the least needed to get back to someone.
    A message is saved first; the email to the practice only says that one arrived."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    privacy_note = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Shown above the form: what not to send, and who reads messages.",
    )
    thank_you_text = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    form_builder = ContactFormBuilder

    content_panels = AbstractEmailForm.content_panels + [
        ContactMessagesPanel(),
        FieldPanel("intro"),
        FieldPanel("privacy_note"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Notification email",
            help_text=(
                "Who is told that a message arrived. The email holds no message content: "
                "staff read messages in the admin."
            ),
        ),
    ]

    search_fields = PAGE_SEARCH_FIELDS + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "contact page"
        permissions = [("read_contact_messages", "Can read contact messages")]

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.honeypot_filled():
                return self.render_refusal(
                    request,
                    form,
                    _(
                        "Your message could not be sent. If you filled in every box, please "
                        "leave the one labelled “Leave this field empty” blank and try again."
                    ),
                    status=400,
                )
            if refuses_form(
                request,
                CONTACT_SCOPE,
                form,
                settings.CONTACT_RATE_LIMIT,
                settings.CONTACT_RATE_WINDOW_SECONDS,
            ):
                return self.render_refusal(
                    request,
                    form,
                    _(
                        "You have sent several messages in a short time, so this one was not "
                        "sent. Your words are still below: please try again later."
                    ),
                    status=429,
                )
            if form.is_valid():
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            return self.render_form(request, form, status=200)
        # “Reach out today” on a clinician's page arrives with ?clinician=<their slug>.
        initial = {CLINICIAN_FIELD: request.GET.get(CLINICIAN_FIELD, "")}
        return self.render_form(
            request, self.get_form(page=self, user=request.user, initial=initial)
        )

    def get_submissions_list_view_class(self):
        # The inbox's views need this model, so they are imported when first asked for.
        from home.inbox import ContactMessagesListView

        return ContactMessagesListView

    def get_data_fields(self):
        fields = super().get_data_fields()
        # After the date: which clinician someone asked for and the language they wrote in, in
        # the list and the export.
        asked = [(CLINICIAN_FIELD, "Clinician asked for"), (LANGUAGE_FIELD, "Language")]
        return fields[:1] + asked + fields[1:]

    def render_form(self, request, form, status=200, refusal=""):
        context = self.get_context(request)
        context["form"] = form
        context["refusal"] = refusal
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_refusal(self, request, form, message, status):
        return self.render_form(request, form, status=status, refusal=message)

    def inbox_page(self):
        """The version of this page whose messages staff read: the main language's, so a
        message sent from the Spanish page lands in the same inbox, marked as Spanish."""
        return self.get_translation_or_none(Locale.get_default()) or self

    def process_form_submission(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != HONEYPOT_FIELD}
        data[LANGUAGE_FIELD] = get_language_info(get_language())["name"]
        submission = self.get_submission_class().objects.create(
            form_data=data, page=self.inbox_page()
        )
        if self.to_address:
            try:
                self.send_notification(submission)
            except Exception:
                # The message is already saved; staff see it in the admin whatever mail does.
                logger.exception(
                    "Contact notification email failed for submission %s", submission.pk
                )
        return submission

    def send_notification(self, submission):
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
            "wagtailforms:list_submissions", args=[submission.page_id]
        )
        # The clinician's name helps route the message; what the sender wrote stays out.
        clinician = submission.form_data.get(CLINICIAN_FIELD)
        asked_for = ""
        if clinician and clinician != NO_PREFERENCE:
            asked_for = f"They asked to hear from: {clinician}.\n\n"
        written_in = submission.form_data.get(LANGUAGE_FIELD)
        if written_in and written_in != get_language_info(settings.LANGUAGE_CODE)["name"]:
            asked_for += f"They wrote in {written_in}: please reply in it if you can.\n\n"
        body = (
            "A new message arrived through the website's contact form.\n\n"
            f"{asked_for}"
            f"Read it in the admin: {admin_url}\n\n"
            "For the sender's privacy, this email does not include what they wrote."
        )
        send_mail(
            self.subject or "New message from the website",
            body,
            self.from_address or settings.DEFAULT_FROM_EMAIL,
            addresses,
        )
