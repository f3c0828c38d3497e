from django.db.models import Count, Q
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import Approach, Language


class ApproachViewSet(SnippetViewSet):
    model = Approach
    icon = "list-ol"
    menu_label = "Spectrum of approaches"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "short_name", "summary"]
    search_fields = ["name", "summary"]


class LanguageViewSet(SnippetViewSet):
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

    def get_queryset(self, request):
        # Two relations counted in one query: distinct, or each count multiplies the other.
        return Language.objects.annotate(
            resource_count=Count("resources", distinct=True),
            member_count=Count("team_members", filter=Q(team_members__live=True), distinct=True),
        )


register_snippet(ApproachViewSet)
register_snippet(LanguageViewSet)
