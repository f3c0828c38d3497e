from django.db.models import Count, Q
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.viewsets import TermViewSet
from team.models import LicensedState, SessionFormat, Specialty


class TaxonomyViewSet(TermViewSet):
    """A team list: editors see how many clinicians use each entry before they rename or remove
    it, and drag entries into the order visitors see in the filters."""

    list_display = ["name", "slug", Column("member_count", label="Clinicians")]
    search_fields = ["name"]
    # A few dozen short names: the database's own matching is enough, and it sees the counts.
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return self.model.objects.annotate(
            member_count=Count("team_members", filter=Q(team_members__live=True))
        )


class SpecialtyViewSet(TaxonomyViewSet):
    model = Specialty
    icon = "tag"
    menu_label = "Specialties"


class SessionFormatViewSet(TaxonomyViewSet):
    model = SessionFormat
    icon = "desktop"
    menu_label = "Session formats"
    list_display = ["name", "description", Column("member_count", label="Clinicians")]


class LicensedStateViewSet(TaxonomyViewSet):
    model = LicensedState
    icon = "site"
    menu_label = "Licensed states"
    list_display = ["name", "code", Column("member_count", label="Clinicians")]


class TeamViewSetGroup(SnippetViewSetGroup):
    items = (SpecialtyViewSet, SessionFormatViewSet, LicensedStateViewSet)
    menu_icon = "group"
    menu_label = "Team"
    menu_order = 210


register_snippet(TeamViewSetGroup)
