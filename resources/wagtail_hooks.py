from django.db.models import Count
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core import viewsets
from resources.models import Audience, ResourceType, Substance, Topic

RESOURCE_COUNT = Column("resource_count", label="Resources", sort_key="resource_count")


class TermViewSet(viewsets.TermViewSet):
    """A taxonomy list: name, slug and how many resources use each value, in the order editors
    drag them into. (The languages, shared with the team, are listed under "Languages".)"""

    list_display = ["name", "slug", RESOURCE_COUNT]
    search_fields = ["name", "slug"]
    # A few dozen short names: the database searches them directly, counts included.
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return self.model.objects.annotate(resource_count=Count("resources"))


def term_viewset(term_model, term_icon):
    return type(
        f"{term_model.__name__}ViewSet",
        (TermViewSet,),
        {"model": term_model, "icon": term_icon},
    )


class LibraryTaxonomies(SnippetViewSetGroup):
    menu_label = "Library lists"
    menu_icon = "tag"
    menu_order = 210
    items = (
        term_viewset(ResourceType, "doc-full"),
        term_viewset(Topic, "tag"),
        term_viewset(Substance, "tag"),
        term_viewset(Audience, "group"),
    )


register_snippet(LibraryTaxonomies)
