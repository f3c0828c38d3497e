from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import Approach


class ApproachViewSet(SnippetViewSet):
    model = Approach
    icon = "list-ol"
    menu_label = "Spectrum of approaches"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "short_name", "summary"]
    search_fields = ["name", "summary"]


register_snippet(ApproachViewSet)
