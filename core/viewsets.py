"""The admin's lists of terms (the spectrum of approaches, the languages, each app's lists), all
kept the same way: they open in the order visitors see, with the handles to drag an entry into
place, and a line that says where the list shows and how to reorder it."""

from django.utils.functional import cached_property
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet


class TermIndexView(IndexView):
    list_help = ""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        # A translated list (the approaches) opens on the main language's entries, in the order
        # every language shows; the locale filter shows another language's.
        if issubclass(self.model, TranslatableMixin) and "locale" not in self.request.GET:
            queryset = queryset.filter(locale=Locale.get_default())
        return queryset

    def get_ordering(self):
        ordering = super().get_ordering()
        # Unsorted, the list is in the order visitors see: show it ready to drag. A search or a
        # filter shows part of the list, which cannot be put in order.
        if ordering is None and not (self.is_searching or self.is_filtering):
            return self.sort_order_field
        return ordering

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.reorder_button and not self.show_ordering_column:
            # Sorted by another column, the way back to dragging is on the page, not in a menu.
            buttons = [
                *buttons,
                HeaderButton(
                    "Change the order",
                    url=self.reorder_button.url,
                    icon_name="list-ul",
                    priority=20,
                ),
            ]
        return buttons

    @cached_property
    def header_more_buttons(self):
        return [button for button in super().header_more_buttons if button != self.reorder_button]


class TermViewSet(SnippetViewSet):
    """A list of `core.models.Term`: ordered by dragging, explained by `list_help`."""

    index_view_class = TermIndexView
    # A few dozen short names: the database searches them directly (the search backend's
    # field-restricted search fails on SQLite, and a list this short gains nothing from it).
    search_backend_name = None
    index_template_name = "core/term_index.html"
    list_help = (
        "Visitors see this list in this order. To change the order, drag an entry by the handle "
        "at its left and drop it where it belongs: it is saved when you let go."
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(list_help=self.list_help, **kwargs)
