"""Site search: every live, public page of the site, ranked, paginated and explained.

Wagtail's search backend (PostgreSQL full-text search, SQLite FTS5, or OpenSearch when the site
grows) decides which pages match and how well. On top of that, a page whose title names the
visitor's words ranks first, then one whose search description does, then the rest in the
backend's order: the backends weigh titles differently (FTS5 not at all), and a visitor who
types "abstinence" should land on the page about it before pages that are merely tagged with it.

The database work does not grow with the number of results: one search query gives every match
with the few columns ranking needs (as plain rows, core/search_results.py: building hundreds of
page objects only to read three fields took longer than the search), then the shown page of
results is loaded with one query per page type.

A search that finds nothing is tried again with the visitor's misspelled words corrected
(core/spelling.py), then, on PostgreSQL, with pages whose words are like theirs (modelsearch's
`Fuzzy`, through pg_trgm); the page says which. Only a search that found nothing pays for that."""

import logging
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from core import spelling
from core.locales import in_language_shown
from core.routing import find_site
from core.search_query import WORD, SearchQuery
from core.search_results import as_queryset
from core.visibility import first_public_page, visible_to_public

from .snippets import build_snippet
from .terms import count_search

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
# A practice's site has dozens to hundreds of pages; past this many matches, more words help
# the visitor more than more pages of results would.
MAX_RESULTS = 500
RANKING_FIELDS = ("pk", "content_type_id", "title", "seo_title", "search_description")

# Friendly names for page types that do not set `search_result_label` themselves.
LABELS_BY_VERBOSE_NAME = {
    "resource": _("Resource"),
    "team member": _("Team member"),
    "team member page": _("Team member"),
    "job": _("Job"),
    "job page": _("Job"),
    "job opening": _("Job"),
}


def result_label(page):
    """What kind of page a result is, in a word a visitor understands. `page` is a page or a
    page class; a page may say more than its class (a closed job says it is closed)."""
    label = getattr(page, "search_result_label", None)
    if isinstance(label, str | Promise) and label:
        return str(label)
    verbose_name = str(getattr(page._meta, "verbose_name", "")).lower()
    return str(LABELS_BY_VERBOSE_NAME.get(verbose_name, _("Page")))


@dataclass(frozen=True, slots=True)
class Match:
    """What ranking needs of a matching page."""

    pk: int
    content_type_id: int
    title: str
    seo_title: str
    search_description: str

    @property
    def specific_class(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()


@dataclass
class Result:
    page: object
    label: str
    url: str
    snippet: str
    # Beside a person's name (team members), as on their own page.
    pronouns: str = ""


@dataclass
class Promotion:
    title: str
    url: str
    description: str
    label: str
    page_id: int | None = None


class SiteSearch:
    """One visitor's search: the matching pages, the page of results to show, the editors'
    promoted results and what to tell the visitor about their query."""

    def __init__(self, request, query: SearchQuery, page_number=1, as_typed=False):
        self.request = request
        self.query = query
        self.page_number = page_number
        # `as_typed`: the visitor chose "Search instead for" what they typed; no correcting.
        self.as_typed = as_typed
        self.matched_some_words_only = False
        self.failed = False
        # What was searched when the visitor's own words found nothing: the corrected words
        # ("Showing results for"), or similar words through the backend's fuzzy matching.
        self.corrected_query = None
        self.matched_similar_words = False
        self.site = find_site(request)
        # Which pages are private: asked once per search.
        self.public_pages = visible_to_public(Page.objects.all()) if query else Page.objects.none()
        self.promoted = self.find_promotions() if query else []
        self.matches = self.find_matches() if query else []
        self.paginator = Paginator(self.matches, RESULTS_PER_PAGE)
        # Out of range or not a number: the nearest real page of results, never an error.
        self.page_of_matches = self.paginator.get_page(page_number)

    @property
    def truncated(self):
        return len(self.matches) >= MAX_RESULTS

    def pages(self):
        queryset = self.public_pages
        if self.site is not None:
            queryset = in_language_shown(queryset, self.site, self.request)
        return queryset.only(*RANKING_FIELDS)

    @property
    def searched_query(self):
        """The words the shown results were found by: the corrected ones, when there are."""
        return self.corrected_query or self.query

    def run_backend(self, backend_query, autocomplete=False, optional=False):
        """The matches of one backend query. An `optional` query (fuzzy matching, which a
        backend may not support) that fails is left out without telling the visitor."""
        try:
            # A savepoint, so a backend error leaves the request's connection usable.
            with transaction.atomic():
                if autocomplete:
                    found = self.pages().autocomplete(backend_query)
                else:
                    found = self.pages().search(backend_query)
                found = as_queryset(found[:MAX_RESULTS], self.pages(), ranked=True)
                return [Match(*row) for row in found.values_list(*RANKING_FIELDS)]
        except (DatabaseError, ValueError, NotImplementedError):
            if optional:
                logger.info("Fuzzy site search is not available on this search backend")
                return []
            logger.warning("Site search failed for a query of %d words", len(self.query.terms))
            self.failed = True
            return []

    def find_words(self, query):
        matches = self.run_backend(query.backend_query("and"))
        if not matches and len(query.terms) > 1 and not self.failed:
            matches = self.run_backend(query.backend_query("or"))
            self.matched_some_words_only = bool(matches)
        if not matches and not self.failed:
            # Words such as "she/her" are stop words to full-text search, which drops them;
            # the autocomplete index keeps every word.
            matches = self.run_backend(query.backend_query("and"), autocomplete=True)
        return matches

    def find_matches(self):
        matches = self.find_words(self.query)
        if not matches and not self.failed and not self.as_typed:
            matches = self.find_corrected()
        # A promoted page is shown once, above the others.
        promoted_ids = {promotion.page_id for promotion in self.promoted}
        return self.rank([page for page in matches if page.pk not in promoted_ids])

    def find_corrected(self):
        """Nothing matched the visitor's words: the nearest words the site contains, then (on
        PostgreSQL, through pg_trgm) pages with words like theirs. Costs nothing when the first
        search found something."""
        corrected = spelling.correct(self.query)
        if corrected:
            matches = self.find_words(corrected)
            if matches:
                self.corrected_query = corrected
                return matches
            self.matched_some_words_only = False
        fuzzy = spelling.fuzzy_query(self.query)
        matches = self.run_backend(fuzzy, optional=True) if fuzzy else []
        self.matched_similar_words = bool(matches)
        return matches

    @cached_property
    def did_you_mean(self):
        """Words to try instead, when nothing at all was found: {"word", "url"} each."""
        return [
            {"word": word, "url": "?" + urlencode({"q": word})}
            for word in spelling.suggestions(self.query)
        ]

    @property
    def as_typed_url(self):
        """The same search, of the words as the visitor typed them ("Search instead for")."""
        return "?" + urlencode({"q": self.query.text, "as_typed": "1"})

    @cached_property
    def contact_page(self):
        """Where to reach a person when the search could not help (asked only then)."""
        return first_public_page("home.ContactPage")

    def rank(self, pages):
        """A title that is the query first, then titles naming the words, then search
        descriptions naming them, then the backend's order (the sort is stable)."""
        query = self.searched_query

        def weight(page):
            in_title = query.count_matching_terms(f"{page.title} {page.seo_title}")
            in_description = query.count_matching_terms(page.search_description)
            exact_title = " ".join(WORD.findall(page.title.casefold())) in {
                " ".join(query.terms),
                " ".join(query.keywords),
            }
            return -(2 * in_title + in_description + 3 * exact_title)

        return sorted(pages, key=weight)

    def results(self):
        """The shown page of results, each page loaded as its own type for its snippet."""
        shown = list(self.page_of_matches)
        if not shown:
            return []
        # Each match knows its page type: one query per type on the page, none to find out.
        ids_by_type = {}
        for match in shown:
            ids_by_type.setdefault(match.specific_class, []).append(match.pk)
        specific = {}
        for page_class, ids in ids_by_type.items():
            if page_class is not None:  # a page type whose code was removed
                specific.update((page.pk, page) for page in page_class.objects.filter(pk__in=ids))
        results = []
        for match in shown:
            page = specific.get(match.pk)
            if page is None:
                continue
            url = page.get_url(request=self.request)
            if url is None:
                continue
            results.append(
                Result(
                    page=page,
                    label=result_label(page),
                    url=url,
                    snippet=build_snippet(page, self.searched_query),
                    pronouns=getattr(page, "pronouns", "") or "",
                )
            )
        return results

    def promotions(self):
        """What editors chose to show first for this query, on the first page of results."""
        return self.promoted if self.page_of_matches.number == 1 else []

    def find_promotions(self):
        picks = list(
            SearchPromotion.objects.filter(query__query_string=self.query.normalised)
            .select_related("page")
            .order_by("sort_order")
        )
        # Most searches have none; only pages an editor promoted are checked for being live
        # and public.
        linked = {pick.page_id for pick in picks if pick.page_id}
        if linked:
            linked = set(self.public_pages.filter(pk__in=linked).values_list("pk", flat=True))
        promotions = []
        for pick in picks:
            if pick.page_id and pick.page_id not in linked:
                continue
            if pick.page_id:
                url = pick.page.get_url(request=self.request)
                label = result_label(pick.page.specific_class)
                title = pick.page.title
            else:
                url, title, label = pick.external_link_url, pick.external_link_text, str(_("Link"))
            if url and title:
                promotions.append(Promotion(title, url, pick.description, label, pick.page_id))
        return promotions

    def record_hit(self):
        """Count the query for editors' search-terms report, once per search (on its first
        page of results); search/terms.py decides what is kept and how much."""
        if self.page_of_matches.number != 1:
            return
        try:
            count_search(self.query)
        except DatabaseError:
            # A statistic: the visitor already has their results.
            logger.warning("A search was not counted for the search-terms report", exc_info=True)
