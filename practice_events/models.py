"""Groups, public workshops and trainings for clinicians: one page per event under the events
page, with its dates in the practice's time zone, where it happens, what it costs and who it is
for, and a short registration request that staff answer by hand.

A registration keeps the least the practice needs to reply (a name to use, an email address, and
anything the person wants to say, such as access needs), and is deleted after
EVENT_REGISTRATION_RETENTION_DAYS by `manage.py purge_event_registrations`. The practice is told
by email that one arrived, with a link to it in the admin; the email holds nothing the person
wrote."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.models import PracticeSettings
from core.ratelimit import refuses_form
from core.search_fields import PAGE_SEARCH_FIELDS
from core.visibility import ViewRestrictionsFromCache, visible_among, visible_to_public

logger = logging.getLogger(__name__)

REGISTRATION_SCOPE = "event-registration"
PAST_EVENTS_SHOWN = 6


class EventKind(models.TextChoices):
    GROUP = "group", _("Group")
    WORKSHOP = "workshop", _("Public workshop")
    TRAINING = "training", _("Training for clinicians")


class Attendance(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


class EventIndexPage(ViewRestrictionsFromCache, RoutablePageMixin, Page):
    """Every upcoming event, soonest first, then the most recent past ones, marked as past."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    registrations_email = models.EmailField(
        blank=True,
        help_text="Who is told that a registration request arrived (the email holds only the "
        "event and a link to the request in the admin). Leave empty to use the practice's "
        "email address from Settings › Practice settings.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("registrations_email")]
    search_fields = PAGE_SEARCH_FIELDS + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["practice_events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "groups and events page"

    def events(self):
        return visible_to_public(EventPage.objects.child_of(self))

    @path("feed/", name="feed")
    def feed(self, request):
        from practice_events.feeds import EventsFeed

        return EventsFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming"] = list(self.events().filter(ends_at__gte=now).order_by("starts_at"))
        context["past"] = list(
            self.events().filter(ends_at__lt=now).order_by("-starts_at")[:PAST_EVENTS_SHOWN]
        )
        return context


def upcoming_events(limit=3):
    """The next public events anywhere on the site, soonest first (the home page lists them)."""
    return list(
        visible_to_public(EventPage.objects.all())
        .filter(ends_at__gte=timezone.now())
        .order_by("starts_at")[:limit]
    )


class EventPage(ViewRestrictionsFromCache, RoutablePageMixin, Page):
    kind = models.CharField(max_length=20, choices=EventKind.choices, default=EventKind.GROUP)
    summary = models.TextField(
        max_length=400, help_text="One or two plain sentences: what it is and who it is for."
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="What happens, session by session if it is a series, and anything to know.",
    )
    starts_at = models.DateTimeField(
        "starts", help_text="In the practice's local time. For a series, the first one."
    )
    ends_at = models.DateTimeField("ends", help_text="For a series, when the last one ends.")
    schedule = models.CharField(
        max_length=200,
        blank=True,
        help_text="For a series, in words, such as “Six Tuesdays, 6 to 7:30 pm”.",
    )
    attendance = models.CharField(
        "where", max_length=20, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue = models.CharField(
        max_length=160, blank=True, help_text="For in person: the place, such as “Our office”."
    )
    street_address = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=80, blank=True, default="Chicago")
    region = models.CharField("state", max_length=40, blank=True, default="IL")
    postal_code = models.CharField("ZIP code", max_length=20, blank=True)
    online_details = models.CharField(
        max_length=200,
        blank=True,
        help_text="For online: how people join, such as “A private video link, sent the day "
        "before”. Never put the link itself here.",
    )
    price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        default=0,
        help_text="In US dollars; 0 for free.",
    )
    cost_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Such as “Sliding scale: pay what you can” or “Free for peer workers”.",
    )
    audience = models.CharField(
        "who it is for",
        max_length=200,
        help_text="Such as “Adults who want to cut down on drinking” or “Licensed clinicians”.",
    )
    learning_objectives = models.TextField(
        blank=True,
        help_text="For trainings: one objective per line, each finishing “Participants will "
        "be able to …”.",
    )
    continuing_education = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="For trainings: credits offered, for which licenses, and who approves them.",
    )
    presenters = ParentalManyToManyField(
        "team.TeamMemberPage",
        blank=True,
        related_name="events",
        help_text="Team members who lead it.",
    )
    guest_presenters = models.CharField(
        max_length=200, blank=True, help_text="Anyone else who leads it, with their credentials."
    )
    registration_open = models.BooleanField(
        "taking requests",
        default=True,
        help_text="Untick when the event is full or no longer takes requests.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("schedule"),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue"),
                FieldPanel("street_address"),
                FieldRowPanel(
                    [FieldPanel("city"), FieldPanel("region"), FieldPanel("postal_code")]
                ),
                FieldPanel("online_details"),
            ],
            heading="Where",
        ),
        MultiFieldPanel([FieldPanel("price"), FieldPanel("cost_note")], heading="Cost"),
        FieldPanel("audience"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("presenters"),
                FieldPanel("guest_presenters"),
                FieldPanel("learning_objectives"),
                FieldPanel("continuing_education"),
            ],
            heading="Presenters and, for trainings, objectives and credits",
        ),
        FieldPanel("registration_open"),
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("audience"),
        index.SearchField("learning_objectives"),
        index.SearchField("continuing_education"),
        index.AutocompleteField("summary"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
    ]

    parent_page_types = ["practice_events.EventIndexPage"]
    subpage_types = []
    search_result_label = _("Event")

    class Meta:
        verbose_name = "event"

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The end must come after the start."
        if self.attendance != Attendance.ONLINE and not self.venue:
            errors["venue"] = "Say where people come to, or choose “Online”."
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def is_training(self):
        return self.kind == EventKind.TRAINING

    @property
    def in_person(self):
        return self.attendance != Attendance.ONLINE

    @property
    def online(self):
        return self.attendance != Attendance.IN_PERSON

    @property
    def objectives(self):
        return [line.strip() for line in self.learning_objectives.splitlines() if line.strip()]

    @property
    def address_text(self):
        parts = [
            self.street_address,
            self.city,
            " ".join(filter(None, [self.region, self.postal_code])),
        ]
        return ", ".join(part for part in parts if part)

    @property
    def cost_text(self):
        if not self.price:
            return _("Free")
        text = f"${self.price:,.0f}" if self.price == int(self.price) else f"${self.price:,.2f}"
        return text

    @property
    def accepts_registrations(self):
        return self.registration_open and not self.is_past

    @cached_property
    def presenter_pages(self):
        # Asked by id, so a preview's choices, not saved yet, are asked the same way.
        model = self._meta.get_field("presenters").related_model
        return list(visible_among(model, self.presenters.all()).order_by("title"))

    def get_sitemap_urls(self, request=None):
        # Past events stay on the site, marked, but search engines need not list them.
        return [] if self.is_past else super().get_sitemap_urls(request)

    def get_context(self, request, *args, **kwargs):
        from practice_events.structured_data import event_json_ld

        context = super().get_context(request, *args, **kwargs)
        context["event_json_ld"] = event_json_ld(self, request)
        context["retention_days"] = settings.EVENT_REGISTRATION_RETENTION_DAYS
        return context

    def render_event(self, request, form=None, refusal="", status=200):
        from practice_events.forms import RegistrationForm

        if form is None and self.accepts_registrations:
            form = RegistrationForm()
        response = self.render(request, context_overrides={"form": form, "refusal": refusal})
        response.status_code = status
        return response

    @path("")
    def event(self, request):
        if request.method == "POST":
            return self.register(request)
        return self.render_event(request)

    def register(self, request):
        from practice_events.forms import RegistrationForm

        if not self.accepts_registrations:
            return self.render_event(
                request,
                refusal="This event no longer takes registration requests. Please see our other "
                "groups and events, or contact us.",
                status=410,
            )
        form = RegistrationForm(request.POST)
        if form.honeypot_filled():
            return self.render_event(
                request,
                form,
                "Your request could not be sent. If you filled in every box, please leave the "
                "one labelled “Leave this field empty” blank and try again.",
                status=400,
            )
        if refuses_form(
            request,
            REGISTRATION_SCOPE,
            form,
            settings.EVENT_REGISTRATION_RATE_LIMIT,
            settings.EVENT_REGISTRATION_RATE_WINDOW_SECONDS,
        ):
            return self.render_event(
                request,
                form,
                "Several requests were sent from your connection in a short time, so this one "
                "was not sent. Your answers are still below: please try again later.",
                status=429,
            )
        if not form.is_valid():
            return self.render_event(request, form)
        registration = form.save(commit=False)
        registration.event = self
        registration.event_title = self.title
        registration.save()
        try:
            self.send_registration_notification(registration)
        except Exception:
            # The request is saved; staff see it in the admin whatever mail does.
            logger.exception("Registration email failed for registration %s", registration.pk)
        return redirect(self.get_url(request) + self.reverse_subpage("thank_you"))

    def send_registration_notification(self, registration):
        index = EventIndexPage.objects.parent_of(self).first()
        address = (index and index.registrations_email) or PracticeSettings.load().email
        if not address:
            return
        admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
            "event_registrations:inspect", args=[registration.pk]
        )
        starts = date_format(timezone.localtime(self.starts_at), "DATETIME_FORMAT")
        send_mail(
            f"New registration request: {self.title}",
            f"A registration request for {self.title} ({starts}) arrived through the "
            f"website.\n\nRead it and reply in the admin: {admin_url}\n\n"
            "For the person's privacy, this email does not include their name, address or "
            "message.",
            settings.DEFAULT_FROM_EMAIL,
            [address],
        )

    @path("thank-you/", name="thank_you")
    def thank_you(self, request):
        response = self.render(
            request,
            template="practice_events/event_page_thank_you.html",
            context_overrides={"retention_days": settings.EVENT_REGISTRATION_RETENTION_DAYS},
        )
        response.headers["X-Robots-Tag"] = "noindex"
        return response

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from django.http import HttpResponse

        from practice_events.calendar import event_calendar

        response = HttpResponse(
            event_calendar(self, request), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response


class EventRegistration(models.Model):
    """A request to join an event, answered by staff by email."""

    event = models.ForeignKey(
        EventPage, null=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    event_title = models.CharField(max_length=255, help_text="The event's title when they asked.")
    name = models.CharField(
        "name to use", max_length=120, help_text="Any name they like us to use."
    )
    email = models.EmailField("email address", max_length=254)
    message = models.TextField("anything to tell us", max_length=2000, blank=True)
    received_at = models.DateTimeField("received", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "registration request"

    def __str__(self):
        return f"{self.name} for {self.event_title}"
