from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, StatementBlock
from core.ratelimit import refuses_form
from core.search_fields import PAGE_SEARCH_FIELDS
from core.visibility import ViewRestrictionsFromCache, visible_to_public

from .choices import EmploymentType, LocationType, PayPeriod

JOBS_PER_PAGE = 20
APPLICATION_SCOPE = "job-application"


class CareersIndexPage(ViewRestrictionsFromCache, Page):
    """“Come work with us”: why work at the practice, its values and benefits, and the openings
    that are still accepting applications. Closed openings drop off this list by themselves."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    why_heading = models.CharField(max_length=120, default="Why work here")
    why_work_here = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    values_heading = models.CharField(max_length=120, default="What we value")
    values = StreamField([("value", StatementBlock())], blank=True)
    benefits_heading = models.CharField(max_length=120, default="Benefits")
    benefits = StreamField([("benefit", StatementBlock())], blank=True)
    openings_heading = models.CharField(max_length=120, default="Open positions")
    no_openings_text = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Shown when no position is open. Invite people to check back.",
    )
    applicant_privacy_note = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Shown above every application form: who reads applications and how long "
        "they are kept.",
    )
    hiring_email = models.EmailField(
        blank=True,
        help_text="Who is told that an application arrived (the email holds only the "
        "applicant's name and the job). Leave empty to use the site's default.",
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("why_heading"), FieldPanel("why_work_here")], heading="Why work here"
        ),
        MultiFieldPanel([FieldPanel("values_heading"), FieldPanel("values")], heading="Values"),
        MultiFieldPanel(
            [FieldPanel("benefits_heading"), FieldPanel("benefits")], heading="Benefits"
        ),
        MultiFieldPanel(
            [FieldPanel("openings_heading"), FieldPanel("no_openings_text")],
            heading="Open positions",
        ),
        MultiFieldPanel(
            [FieldPanel("applicant_privacy_note"), FieldPanel("hiring_email")],
            heading="Applications",
        ),
        FieldPanel("body"),
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("intro"),
        index.SearchField("why_work_here"),
        index.SearchField("values"),
        index.SearchField("benefits"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["careers.JobPage"]
    max_count = 1

    class Meta:
        verbose_name = "careers page"

    def open_jobs(self):
        return (
            visible_to_public(JobPage.objects.child_of(self))
            .filter(closed=False, closing_date__gte=timezone.localdate())
            .order_by("-date_posted", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        from careers.forms import JobFilter

        context = super().get_context(request, *args, **kwargs)
        open_jobs = self.open_jobs()
        filters = JobFilter(request.GET or None, queryset=open_jobs)
        page_of_jobs = Paginator(filters.qs, JOBS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            filters=filters,
            page_obj=page_of_jobs,
            jobs=page_of_jobs.object_list,
            is_filtered=filters.is_filtered,
            # Tells "nothing matches your filters" apart from "no openings right now".
            has_openings=bool(page_of_jobs.object_list) or open_jobs.exists(),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        filters = response.context_data.get("filters")
        if filters is not None and filters.is_bound:
            if not filters.is_valid():
                response.status_code = 400
            # Filtered lists are for people, not for search engines.
            response.headers["X-Robots-Tag"] = "noindex, follow"
        return response

    @property
    def notification_address(self):
        return self.hiring_email or settings.HIRING_CONTACT_EMAIL


class JobPage(ViewRestrictionsFromCache, RoutablePageMixin, Page):
    """One opening at the practice, written so an applicant knows the pay, the hours and where
    the work happens before applying. It takes applications until its closing date, and carries
    the structured data search engines use for job listings."""

    summary = models.TextField(
        max_length=400, help_text="Two or three plain sentences: shown in the list of openings."
    )
    employment_type = models.CharField(
        max_length=20, choices=EmploymentType.choices, default=EmploymentType.FULL_TIME
    )
    schedule = models.CharField(
        max_length=160,
        blank=True,
        help_text="Hours and days, for example “32 hours a week, two evenings”.",
    )
    location_type = models.CharField(
        max_length=20, choices=LocationType.choices, default=LocationType.ON_SITE
    )
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("city", max_length=100, blank=True)
    region = models.CharField("state", max_length=100, blank=True, help_text="For example “IL”.")
    postal_code = models.CharField("ZIP code", max_length=20, blank=True)
    country = models.CharField(
        max_length=2, default="US", help_text="Two-letter country code, such as US."
    )
    remote_area = models.CharField(
        "where remote staff must live",
        max_length=100,
        blank=True,
        help_text="For remote or hybrid work: the state (for licensure), for example "
        "“Illinois”. Leave empty for anywhere in the country.",
    )
    pay_min = models.DecimalField("pay from", max_digits=10, decimal_places=2)
    pay_max = models.DecimalField(
        "pay up to",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Leave empty for a single rate.",
    )
    pay_period = models.CharField(max_length=10, choices=PayPeriod.choices, default=PayPeriod.YEAR)
    pay_currency = models.CharField(max_length=3, default="USD")
    responsibilities = RichTextField(features=RICH_TEXT_FEATURES)
    qualifications = RichTextField(features=RICH_TEXT_FEATURES)
    how_to_apply = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What happens after someone applies, and any other way to apply.",
    )
    date_posted = models.DateField(default=timezone.localdate)
    closing_date = models.DateField(
        help_text="The last day applications are accepted. After it, the opening leaves the "
        "careers page and its form closes. Move it later to reopen."
    )
    closed = models.BooleanField(
        "closed now",
        default=False,
        help_text="Tick and publish to stop taking applications today, before the closing "
        "date (the position is filled, or withdrawn). Untick to reopen.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("employment_type"), FieldPanel("schedule")]),
        MultiFieldPanel(
            [
                FieldPanel("location_type"),
                FieldPanel("street_address"),
                FieldRowPanel(
                    [FieldPanel("locality"), FieldPanel("region"), FieldPanel("postal_code")]
                ),
                FieldPanel("country"),
                FieldPanel("remote_area"),
            ],
            heading="Where the work happens",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pay_min"), FieldPanel("pay_max")]),
                FieldRowPanel([FieldPanel("pay_period"), FieldPanel("pay_currency")]),
            ],
            heading="Pay",
            help_text="Pay transparency: every opening shows its pay range.",
        ),
        FieldPanel("responsibilities"),
        FieldPanel("qualifications"),
        FieldPanel("how_to_apply"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date_posted"), FieldPanel("closing_date")]),
                FieldPanel("closed"),
            ],
            heading="Open for applications",
        ),
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("summary"),
        index.SearchField("responsibilities"),
        index.SearchField("qualifications"),
        index.FilterField("closing_date"),
    ]

    parent_page_types = ["careers.CareersIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "job opening"

    def clean(self):
        super().clean()
        errors = {}
        if self.pay_max is not None and self.pay_min is not None and self.pay_max < self.pay_min:
            errors["pay_max"] = "The top of the range must not be below the bottom."
        if self.location_type != LocationType.REMOTE:
            for field in ("locality", "region"):
                if not getattr(self, field):
                    errors[field] = "Needed for on-site and hybrid work."
        if self.date_posted and self.closing_date and self.closing_date < self.date_posted:
            errors["closing_date"] = "The closing date must not be before the date posted."
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self):
        return not self.closed and self.closing_date >= timezone.localdate()

    @property
    def search_result_label(self):
        return _("Job") if self.is_open else _("Job (closed)")

    def get_admin_display_title(self):
        """The page list and the editor's header say whether applicants can still apply."""
        title = super().get_admin_display_title()
        return title if self.is_open else f"{title} (closed)"

    @property
    def is_remote_possible(self):
        return self.location_type in (LocationType.REMOTE, LocationType.HYBRID)

    @property
    def place_text(self):
        return ", ".join(part for part in (self.locality, self.region) if part)

    @property
    def pay_text(self):
        from careers.jobposting import pay_range_text

        return pay_range_text(self)

    @cached_property
    def careers_index(self):
        return CareersIndexPage.objects.ancestor_of(self).first()

    def get_sitemap_urls(self, request=None):
        # A closed opening should drop out of search engines, not linger as a dead listing.
        return super().get_sitemap_urls(request) if self.is_open else []

    def get_context(self, request, *args, **kwargs):
        from careers.jobposting import job_posting_json_ld

        context = super().get_context(request, *args, **kwargs)
        context["careers_index"] = self.careers_index
        context["retention_days"] = settings.APPLICATION_RETENTION_DAYS
        if self.is_open:
            context["job_posting_json_ld"] = job_posting_json_ld(self, request)
        return context

    def render_job(self, request, form=None, refusal="", status=200):
        from careers.forms import ApplicationForm

        if form is None and self.is_open:
            form = ApplicationForm()
        response = self.render(request, context_overrides={"form": form, "refusal": refusal})
        response.status_code = status
        return response

    @path("")
    def job(self, request):
        if request.method == "POST":
            return self.apply(request)
        return self.render_job(request)

    def apply(self, request):
        from careers.applying import submit_application
        from careers.forms import ApplicationForm

        if not self.is_open:
            return self.render_job(
                request,
                refusal="This opening has closed and no longer accepts applications. "
                "Please see our other open positions.",
                status=410,
            )
        form = ApplicationForm(request.POST, request.FILES)
        if form.honeypot_filled():
            return self.render_job(
                request,
                form,
                "Your application could not be sent. If you filled in every box, please leave "
                "the one labelled “Leave this field empty” blank and try again.",
                status=400,
            )
        if refuses_form(
            request,
            APPLICATION_SCOPE,
            form,
            settings.JOB_APPLICATION_RATE_LIMIT,
            settings.JOB_APPLICATION_RATE_WINDOW_SECONDS,
        ):
            return self.render_job(
                request,
                form,
                "Several applications were sent from your connection in a short time, so this "
                "one was not sent. Your answers are still below: please try again later (you "
                "will need to choose your resume again).",
                status=429,
            )
        if not form.is_valid():
            return self.render_job(request, form)
        submit_application(self, form)
        return redirect(self.get_url(request) + self.reverse_subpage("thank_you"))

    @path("thank-you/", name="thank_you")
    def thank_you(self, request):
        response = self.render(
            request,
            template="careers/job_page_thank_you.html",
            context_overrides={"retention_days": settings.APPLICATION_RETENTION_DAYS},
        )
        response.headers["X-Robots-Tag"] = "noindex"
        return response
