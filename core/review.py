"""Reviewing pages in the admin: the “Reviews due” report of live pages past their review date
or never reviewed, and “Mark as reviewed” for a page an editor checked and found right, which
publishes it again with new review dates and nothing else changed. The dates themselves are
`core.models.ReviewedPage`; core/wagtail_hooks.py puts these in the menus."""

from urllib.parse import urlencode

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import PageReportView
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permissions import policy_registry

from core import republish
from core.dates import add_months
from core.models import PracticeSettings, ReviewedPage

MARK_REVIEWED_ACTION = "core.mark_reviewed"
REVIEWS_PERMISSIONS = ["add", "change", "publish"]


def reviewed_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewedPage) and issubclass(model, Page)
    ]


def path_from_page(model):
    """The lookup from Page to the table that holds `model`'s review dates ("resourcepage")."""
    owner = model._meta.get_field("last_reviewed").model
    chain = [
        parent
        for parent in reversed(owner._meta.get_parent_list())
        if issubclass(parent, Page) and parent is not Page
    ]
    return "__".join(table._meta.model_name for table in [*chain, owner])


def with_review_dates(pages):
    """`pages` that have review dates, each with `last_reviewed_on` and `review_due_on`, read
    from whichever page type's table holds them: one query, whatever the mix of types."""
    lookups = sorted({path_from_page(model) for model in reviewed_page_models()})

    def first_of(field):
        columns = [F(f"{lookup}__{field}") for lookup in lookups]
        return Coalesce(*columns) if len(columns) > 1 else columns[0]

    is_reviewed_type = Q()
    for lookup in lookups:
        is_reviewed_type |= Q(**{f"{lookup}__isnull": False})
    return pages.filter(is_reviewed_type).annotate(
        last_reviewed_on=first_of("last_reviewed"), review_due_on=first_of("next_review_due")
    )


def due_for_review(pages, today):
    """The live pages among `pages` past their review date or never given one: the never
    reviewed first, then the longest overdue."""
    return (
        with_review_dates(pages.live())
        .filter(Q(review_due_on__lte=today) | Q(review_due_on__isnull=True))
        .order_by(F("review_due_on").asc(nulls_first=True), "title", "pk")
    )


class ReviewDateColumn(Column):
    cell_template_name = "core/review_date_cell.html"

    def __init__(self, name, *, when_empty, **kwargs):
        super().__init__(name, **kwargs)
        self.when_empty = when_empty

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["when_empty"] = self.when_empty
        return context


class MarkReviewedColumn(Column):
    """A “Mark as reviewed” button on each row, for those who may publish the page."""

    cell_template_name = "core/mark_reviewed_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        user = parent_context["request"].user
        context["can_publish"] = instance.permissions_for_user(user).can_publish()
        context["action_url"] = reverse("reviews:mark_reviewed", args=[instance.pk])
        # Back to the report (not to its results-only fragment), at the same page of it.
        page_number = parent_context["request"].GET.get("p")
        query = f"?{urlencode({'p': page_number})}" if page_number else ""
        context["next_url"] = reverse("reviews:due") + query
        return context


def page_columns():
    """A page report's first columns: the page (a link to edit it) and its type."""
    return [
        TitleColumn(
            "title",
            label="Page",
            url_name="wagtailadmin_pages:edit",
            accessor="get_admin_display_title",
        ),
        Column("page_type_display_name", label="Type"),
    ]


class ReviewsDueView(PageReportView):
    """Reports › Reviews due."""

    page_title = "Reviews due"
    header_icon = "calendar-check"
    index_url_name = "reviews:due"
    index_results_url_name = "reviews:due_results"
    template_name = "core/reviews_due.html"
    results_template_name = "core/reviews_due_results.html"
    any_permission_required = REVIEWS_PERMISSIONS
    columns = [
        *page_columns(),
        ReviewDateColumn("last_reviewed_on", label="Last reviewed", when_empty="Never"),
        ReviewDateColumn("review_due_on", label="Review due", when_empty="Never reviewed"),
        MarkReviewedColumn("mark_reviewed", label="Checked and still right?"),
    ]
    list_export = ["title", "page_type_display_name", "last_reviewed_on", "review_due_on"]
    export_headings = {
        "title": "Page",
        "page_type_display_name": "Type",
        "last_reviewed_on": "Last reviewed",
        "review_due_on": "Review due",
    }

    def get_filename(self):
        return f"reviews-due-{timezone.localdate():%Y-%m-%d}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        # The crisis lines live in the settings, not on a page: the report says when they are due.
        practice = PracticeSettings.load()
        due = practice.crisis_lines_review_due()
        context["crisis_lines_last_reviewed"] = practice.crisis_lines_last_reviewed
        context["crisis_lines_review_due"] = due
        context["crisis_lines_overdue"] = due is None or due <= timezone.localdate()
        context["settings_url"] = reverse(
            "wagtailsettings:edit", args=["core", "practicesettings", practice.pk]
        )
        return context

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = due_for_review(pages, timezone.localdate())
        return super().get_queryset()


class PageReportMenuItem(MenuItem):
    """A page report's item under Reports, shown to whoever holds any of `permissions` on some
    page (Reviews due, Translations)."""

    def __init__(self, *args, permissions, **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        policy = policy_registry.get_by_type(Page)
        return policy.user_has_any_permission(request.user, self.permissions)


def reviews_due_menu_item():
    return PageReportMenuItem(
        "Reviews due",
        reverse("reviews:due"),
        name="reviews-due",
        icon_name="calendar-check",
        order=1050,
        permissions=REVIEWS_PERMISSIONS,
    )


class MarkReviewedView(WagtailAdminTemplateMixin, TemplateView):
    """Asks, then publishes the page as it is live, with today as its last review and the next
    one due after the practice's review interval, as a new revision with no content changes.
    A page with a draft waiting is refused: publishing the live content over it would bury the
    draft, and publishing the draft would publish changes nobody meant to."""

    template_name = "core/mark_reviewed.html"
    page_title = "Mark as reviewed"
    header_icon = "calendar-check"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, id=page_id).specific
        if not isinstance(self.page, ReviewedPage):
            raise Http404
        if not self.page.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("reviews:due"), "label": "Reviews due"},
            {"url": "", "label": self.page_title, "sublabel": self.get_page_subtitle()},
        ]

    @cached_property
    def today(self):
        return timezone.localdate()

    @cached_property
    def review_interval_months(self):
        return PracticeSettings.load().review_interval_months

    @cached_property
    def next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            "wagtailadmin_pages:edit", args=[self.page.pk]
        )

    def refusal(self):
        """Why this page cannot be marked as reviewed now, or None."""
        return republish.refusal(
            self.page,
            self.request.user,
            action="marked as reviewed",
            with_draft="This page has unpublished changes. Publish or discard them first; when "
            "you publish, you can set the review dates on the page itself.",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            refusal=self.refusal(),
            today=self.today,
            next_review_due=add_months(self.today, self.review_interval_months),
            review_interval_months=self.review_interval_months,
            next_url=self.next_url,
            action_url=reverse("reviews:mark_reviewed", args=[self.page.pk]),
        )
        return context

    def post(self, request, page_id):
        refusal = self.refusal()
        if refusal:
            messages.error(request, refusal)
            return redirect(self.next_url)
        page = self.page
        page.mark_reviewed(self.today, self.review_interval_months)
        revision = republish.publish_again(page, request.user, changed=False)
        if revision is None:
            messages.error(
                request,
                f"“{page.get_admin_display_title()}” needs changes before it can be published "
                "again: open it in the editor, check it, and publish it there.",
            )
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        log(instance=page, action=MARK_REVIEWED_ACTION, user=request.user, revision=revision)
        messages.success(
            request,
            f"“{page.get_admin_display_title()}” marked as reviewed. Next review due "
            f"{date_format(page.next_review_due, 'F j, Y')}.",
        )
        return redirect(self.next_url)


class MarkReviewedButton(PageMenuItem):
    """“Mark as reviewed” in a page's ⋯ menu, in the page listing and in the editor."""

    label = "Mark as reviewed"
    icon_name = "calendar-check"
    url_name = "reviews:mark_reviewed"

    def is_shown(self, user):
        page_type = self.page.specific_class
        return (
            page_type is not None
            and issubclass(page_type, ReviewedPage)
            and self.page.live
            and self.page.permissions_for_user(user).can_publish()
        )


urlpatterns = [
    path("", ReviewsDueView.as_view(), name="due"),
    path("results/", ReviewsDueView.as_view(results_only=True), name="due_results"),
    path("<int:page_id>/mark-reviewed/", MarkReviewedView.as_view(), name="mark_reviewed"),
]


class ReviewsDuePanel(Component):
    """Dashboard: how many live pages the editor may change are due for review, the five most
    overdue, and the way to the full report."""

    name = "reviews_due"
    order = 130
    template_name = "wagtailadmin/dashboard/waiting_panel.html"
    shown = 5

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        policy = policy_registry.get_by_type(Page)
        due = due_for_review(policy.instances_user_has_permission_for(self.user, "change"), today)
        count = due.count()
        items = (
            [
                {
                    "title": page.get_admin_display_title(),
                    "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "note": (
                        f"Due since {date_format(page.review_due_on)}"
                        if page.review_due_on
                        else "Never reviewed"
                    ),
                }
                for page in due[: self.shown]
            ]
            if count
            else []
        )
        if count:
            noun = "page is" if count == 1 else "pages are"
            summary = f"{count} {noun} due for review: check them and mark them reviewed."
        else:
            summary = "Every page is within its review date."
        return {
            "panel_id": "reviews-due",
            "heading": "Pages due for review",
            "icon": "calendar-check",
            "summary": summary,
            "items": items,
            "link_url": reverse("reviews:due"),
            "link_text": "See every page due" if count else "Open the report",
        }
