"""The site search page and the suggestions behind the header's search box."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .forms import SearchForm
from .results import SiteSearch
from .suggestions import suggest


class SearchResultsResponse(TemplateResponse):
    """The results page, which counts the search for editors' search-terms report once it has
    been sent: nobody waits for a statistic. (The server closes every response when it has
    sent it; so does Django's test client.)"""

    def __init__(self, count_search, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_search = count_search

    def close(self):
        try:
            self.count_search()
        finally:
            super().close()


@never_cache
@require_safe
def search(request):
    """Search results are for the person searching: never stored by a shared cache, never
    indexed by search engines."""
    form = SearchForm(request.GET)
    query = form.search_query()
    site_search = SiteSearch(request, query, form.page_number(), as_typed=form.searched_as_typed())
    response = SearchResultsResponse(
        site_search.record_hit,
        request,
        "search/search.html",
        {
            "search_query": query,
            "site_search": site_search,
            "promotions": site_search.promotions(),
            "results": site_search.results(),
            "page_obj": site_search.page_of_matches,
            "result_count": len(site_search.matches),
        },
    )
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_safe
def autocomplete(request):
    """Up to a handful of page titles for what has been typed so far, as JSON (`within`: only
    below that page, as the library's box asks). Not cached:
    what someone types should not stay in a shared or watched device's cache."""
    form = SearchForm(request.GET)
    query = form.search_query()
    results = suggest(request, query, within=form.within_page())
    response = JsonResponse({"query": query.text, "results": results})
    response.headers["X-Robots-Tag"] = "noindex"
    return response
