from django.conf import settings
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import review, translations_report
from core.locales import locale_id_of
from core.models import Approach, Language, SiteText, SynonymGroup
from core.viewsets import TermViewSet


class ApproachViewSet(TermViewSet):
    """The spectrum of approaches, under a menu name that fits: the explainer shows it in the
    order editors drag it into."""

    model = Approach
    icon = "list-ol"
    menu_label = "Approaches"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "short_name", "summary"]
    search_fields = ["name", "summary"]
    list_help = (
        "The spectrum of approaches shown on the explainer page (“What is harm reduction?”), "
        "and which resources and clinicians are tagged with. Visitors see the approaches in "
        "this order: drag one by the handle at its left to move it; it is saved when you let go."
    )


class LanguageViewSet(TermViewSet):
    """The languages of the library's resources and of the team's clinicians, in one list: editors
    see how many of each use a language before they rename or remove it, and drag entries into
    the order visitors see."""

    model = Language
    icon = "globe"
    menu_label = "Languages"
    menu_order = 205
    add_to_admin_menu = True
    list_display = [
        "name",
        "code",
        "slug",
        Column("resource_count", label="Resources", sort_key="resource_count"),
        Column("member_count", label="Clinicians", sort_key="member_count"),
    ]
    search_fields = ["name", "code", "slug"]
    # A few dozen short names: the database searches them directly, counts included.
    search_backend_name = None
    list_per_page = 50
    list_help = (
        "The languages resources are written in and clinicians offer therapy in. Visitors see "
        "them in this order in the library's and the team's filters: drag one by the handle at "
        "its left to move it; it is saved when you let go."
    )

    def get_queryset(self, request):
        # Two relations counted in one query: distinct, or each count multiplies the other.
        return Language.objects.annotate(
            resource_count=Count("resources", distinct=True),
            member_count=Count("team_members", filter=Q(team_members__live=True), distinct=True),
        )


register_snippet(ApproachViewSet)
register_snippet(LanguageViewSet)


@hooks.register("register_admin_urls")
def report_urls():
    return [
        path("reviews/", include((review.urlpatterns, "reviews"), namespace="reviews")),
        path(
            "translations/",
            include((translations_report.urlpatterns, "translations"), namespace="translations"),
        ),
    ]


@hooks.register("construct_homepage_panels")
def reviews_due_panel(request, panels):
    policy = policy_registry.get_by_type(Page)
    if policy.user_has_any_permission(request.user, review.REVIEWS_PERMISSIONS):
        panels.append(review.ReviewsDuePanel(request.user))


@hooks.register("register_reports_menu_item")
def reviews_due_report():
    return review.reviews_due_menu_item()


@hooks.register("register_reports_menu_item")
def translations_menu_item():
    return translations_report.translations_menu_item()


@hooks.register("register_page_listing_more_buttons")
def mark_reviewed_in_page_listings(page, user, next_url=None):
    yield review.MarkReviewedButton(page=page, next_url=next_url, priority=45)


@hooks.register("register_page_header_buttons")
def mark_reviewed_in_the_editor(page, user, view_name, next_url=None):
    yield review.MarkReviewedButton(page=page, next_url=next_url, priority=62)


@hooks.register("register_log_actions")
def review_log_actions(actions):
    actions.register_action(review.MARK_REVIEWED_ACTION, "Mark as reviewed", "Marked as reviewed")


class SynonymGroupViewSet(SnippetViewSet):
    """The search synonyms: one row per group of words that mean the same thing to visitors."""

    model = SynonymGroup
    icon = "search"
    menu_label = "Search synonyms"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["words"]
    search_fields = ["words"]
    # A few dozen short rows: the database searches them directly.
    search_backend_name = None
    list_per_page = 50


register_snippet(SynonymGroupViewSet)


class SiteTextViewSet(SnippetViewSet):
    """The crisis lines and the footer's words, one set per language, beside the practice's
    settings: editors translate the Spanish set with “Translate” like any snippet."""

    model = SiteText
    icon = "mobile-alt"
    menu_label = "Crisis lines and footer"
    add_to_settings_menu = True
    list_display = ["__str__", "tagline"]


register_snippet(SiteTextViewSet)


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """A page answers only at its own language's address. With no Spanish home page yet,
    Wagtail's router falls back to the English one for /es/…: the visitor is sent to the English
    page's own address, so no page is shown as Spanish that is not."""
    # The language shown's locale, or the main language's while it has none (as Wagtail's own
    # Locale.get_active falls back).
    locale_id = locale_id_of(get_language()) or locale_id_of(settings.LANGUAGE_CODE)
    if page.locale_id != locale_id:
        return redirect(page.get_url(request=request))
    return None
