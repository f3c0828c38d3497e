from django import forms

from core.search_query import SearchQuery, SearchQueryField


class SearchForm(forms.Form):
    """Validates the search page's and the suggestions' parameters before they touch a query. A
    page number that is not a positive number means the first page; one past the end means the
    last page; a `within` that is not a page's id means the whole site."""

    q = SearchQueryField(required=False, strip=False)
    page = forms.IntegerField(required=False, min_value=1)
    # Suggestions only from below one page (the library's box asks for its own resources).
    within = forms.IntegerField(required=False, min_value=1)
    # "Search instead for" what was typed: no correcting of its spelling.
    as_typed = forms.BooleanField(required=False)

    def search_query(self):
        self.is_valid()
        return self.cleaned_data.get("q") or SearchQuery()

    def page_number(self):
        self.is_valid()
        return self.cleaned_data.get("page") or 1

    def searched_as_typed(self):
        self.is_valid()
        return bool(self.cleaned_data.get("as_typed"))

    def within_page(self):
        """The id of the page whose descendants alone are suggested, or None for the site."""
        self.is_valid()
        return self.cleaned_data.get("within")
