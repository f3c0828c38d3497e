"""Search, facets, sorting and pagination for the resource library.

Every state of the library is a set of GET parameters, validated by `LibraryFilter` (django-filter)
before they touch a query. Which resources match the words is the search backend's answer
(core/search_results.py); the counts of every facet value are the database's, in one query. The
number of SQL queries does not depend on how many resources there are: the facets' values (kept
in the cache until the next edit), the counts, then the results (the page's ids in order, those
resources, their topics)."""

from dataclasses import dataclass
from functools import cached_property

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import DatabaseError, connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    Value,
    When,
)
from django.http import QueryDict
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core import page_cache, spelling
from core.locales import locale_id_of
from core.models import Approach, Language
from core.search_query import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    STOP_WORDS,
    WORD,
    SearchQuery,
    SearchQueryField,
    word_forms,
)
from core.search_results import as_queryset
from core.visibility import first_public_page

from .models import Audience, ResourcePage, ResourceType, Substance, Topic

SORT_RELEVANCE, SORT_RECOMMENDED = "relevance", "recommended"
SORT_NEWEST, SORT_TITLE = "newest", "title"
# Resources newest first: by when they were published, else when they joined the library.
NEWEST_FIRST = [F("published_date").desc(nulls_last=True), "-first_published_at", "pk"]
SORT_CHOICES = [
    (SORT_RELEVANCE, _("Best match")),
    (SORT_RECOMMENDED, _("Recommended")),
    (SORT_NEWEST, _("Newest first")),
    (SORT_TITLE, _("Title A to Z")),
]


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    model: type
    field: str  # the ResourcePage field: a foreign key or a many-to-many
    many: bool


FACETS = [
    Facet("type", _("Type of resource"), ResourceType, "resource_type", many=False),
    Facet("topic", _("Topic"), Topic, "topics", many=True),
    Facet("substance", _("Substance"), Substance, "substances", many=True),
    Facet("approach", _("Approach"), Approach, "approaches", many=True),
    Facet("audience", _("Written for"), Audience, "audiences", many=True),
    Facet("language", _("Language"), Language, "language", many=False),
]
FACET_PARAMS = [facet.param for facet in FACETS]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


def through_model(facet):
    """The table that says which resources carry which value of a many-to-many facet, and
    the name of its column for the value."""
    through = ResourcePage._meta.get_field(facet.field).remote_field.through
    return through, facet.model._meta.model_name


def tagged_with(facet, lookup, values):
    """The ids of resources carrying any of `values` of a many-to-many facet, as a subquery;
    `lookup` is "slug" or "pk"."""
    through, target = through_model(facet)
    return through.objects.filter(**{f"{target}__{lookup}__in": values}).values("resourcepage_id")


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values and drops the rest, so an old or mistyped link still shows the
    library (with a notice) instead of an error page."""

    def clean(self, value):
        values = self.to_python(value)
        known = {str(key) for key, _label in self.choices}
        return [v for v in dict.fromkeys(values) if v in known]


class FacetFilter(django_filters.MultipleChoiceFilter):
    """One facet, chosen by slugs (?topic=naloxone&topic=fentanyl): the resources carrying any
    of the values."""

    field_class = LenientMultipleChoiceField

    def __init__(self, facet):
        self.facet = facet
        super().__init__(field_name=facet.field, label=facet.label, required=False)

    def filter(self, queryset, values):
        if not values:
            return queryset
        if self.facet.many:
            return queryset.filter(pk__in=tagged_with(self.facet, "slug", values))
        return queryset.filter(**{f"{self.facet.field}__slug__in": values})


class LibraryForm(forms.Form):
    """The search and the order, beside the facets' fields that `LibraryFilter` adds."""

    q = SearchQueryField(required=False, label=_("Search the library"))
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES, label=_("Sort by"))
    # "Search instead for" what was typed: no correcting of its spelling.
    as_typed = forms.BooleanField(required=False)

    def clean_sort(self):
        return self.cleaned_data["sort"] or ""

    def full_clean(self):
        # An unknown sort value falls back to the default rather than failing the whole form.
        if self.data.get("sort") not in dict(SORT_CHOICES):
            self.data = self.data.copy()
            self.data.pop("sort", None)
        super().full_clean()


class LibraryFilter(django_filters.FilterSet):
    """The library's address, read by django-filter like the team's and the careers' filters:
    one filter per facet, offering the values editors keep in the admin."""

    class Meta:
        form = LibraryForm

    def __init__(self, data, facet_choices):
        super().__init__(data, queryset=ResourcePage.objects.none())
        for facet in FACETS:
            self.filters[facet.param] = FacetFilter(facet)
            self.filters[facet.param].extra["choices"] = facet_choices.get(facet.param, [])

    def filter_queryset(self, queryset, skip=None):
        """`queryset` narrowed by every chosen facet value, except those of the facet `skip`."""
        for param, facet_filter in self.filters.items():
            if param != skip:
                queryset = facet_filter.filter(queryset, self.form.cleaned_data.get(param))
        return queryset


def topics_of(pks):
    """{resource id: its topics, in the order editors chose} for the resources `pks`: which
    resource has which topic is one narrow query; the topics themselves (a short list) are kept
    in the cache until the next edit. Loading them with each page of results took 1.7 ms."""
    through, target = through_model(FACETS_BY_PARAM["topic"])
    tagged = through.objects.filter(resourcepage_id__in=pks).values_list(
        "resourcepage_id", f"{target}_id"
    )

    def every_topic():
        return list(Topic.objects.all())  # in the list's own order

    topics = page_cache.cached_until_next_publish("topics", None, every_topic)
    position = {topic.pk: index for index, topic in enumerate(topics)}
    by_id = {topic.pk: topic for topic in topics}
    found = {}
    for resource_id, topic_id in sorted(tagged, key=lambda row: position.get(row[1], 0)):
        if topic_id in by_id:
            found.setdefault(resource_id, []).append(by_id[topic_id])
    return found


class ShownResources:
    """The sorted results, as the paginator takes a page of them, with what their cards show.

    Up to `ONE_QUERY_UP_TO` matches, in one query. Beyond, first only the page's ids, in order,
    then those resources: sorting narrow rows spares the database from carrying every matching
    resource, all its columns, through the joins and the sort. At 10,000 resources the library
    unfiltered found its first page in 12.6 ms that way against 24.1 in one query; with 500
    matches or fewer, one query is 1.2–1.6 ms faster (docs/performance.md)."""

    ONE_QUERY_UP_TO = 500

    def __init__(self, ordered, total):
        self.queryset = ordered
        self.total = total

    def __getitem__(self, window):
        if self.total <= self.ONE_QUERY_UP_TO:
            shown = list(self.queryset.select_related("resource_type", "language")[window])
        else:
            pks = list(self.queryset.values_list("pk", flat=True)[window])
            # The ids come from the library's visible resources (`LibrarySearch.base`): no need
            # to ask again which pages are private.
            cards = ResourcePage.objects.live().select_related("resource_type", "language")
            found = cards.in_bulk(pks) if pks else {}
            shown = [found[pk] for pk in pks if pk in found]
        topics = topics_of([resource.pk for resource in shown]) if shown else {}
        for resource in shown:
            resource.card_topics = topics.get(resource.pk, [])
        return shown

    def count(self):
        return self.total


class LibrarySearch:
    """One visitor's view of the library: the query, the chosen filters, the facet counts
    for that query, and the sorted results."""

    def __init__(self, index_page, params):
        self.index_page = index_page
        self.params = params if isinstance(params, QueryDict) else QueryDict(mutable=True)
        # The facets' values change only with an edit, which moves the cache's generation on.
        terms, self.untranslated = page_cache.cached_until_next_publish(
            "library-terms", None, self._terms
        )
        self.terms = terms
        self.filters = LibraryFilter(self.params, self._choices(terms))
        self.form = self.filters.form
        self.form.is_valid()
        data = self.form.cleaned_data
        self.search_query = data.get("q") or SearchQuery()
        # What the visitor typed, shown back to them.
        self.query = self.search_query.text
        self.selected = {param: data.get(param, []) for param in FACET_PARAMS}
        self.sort = data.get("sort") or (SORT_RELEVANCE if self.query else SORT_RECOMMENDED)
        if self.sort == SORT_RELEVANCE and not self.search_query:
            self.sort = SORT_RECOMMENDED
        # What the results were found by: the visitor's words, or, when those found nothing,
        # their corrected spelling ("Showing results for") or similar words (PostgreSQL).
        self.searched_query = self.search_query
        self.backend_query = self.search_query.backend_query("and")
        self.corrected_query = None
        self.matched_some_words_only = False
        self.matched_similar_words = False
        self.as_typed = bool(data.get("as_typed"))
        self.facet_names = [name for _param, _pk, _slug, name, _position in terms]
        counts, self.total = self._counts(terms)
        if not self.total and self._words_found_nothing():
            counts, self.total = self._search_again(terms, counts)
        self.facets = self._facets(terms, counts)
        self.notices = []
        if self.search_query.shortened:
            self.notices.append(
                gettext("Your search was long, so only its first %(count)s characters were used.")
                % {"count": MAX_QUERY_LENGTH}
            )
        elif self.search_query.dropped_terms:
            self.notices.append(
                gettext("Your search was long, so only its first %(count)s words were used.")
                % {"count": MAX_TERMS}
            )
        if any(len(self.params.getlist(p)) != len(self.selected[p]) for p in FACET_PARAMS):
            self.notices.append(
                gettext("Some filters in the address were not recognized and were ignored.")
            )

    # State -------------------------------------------------------------------------------

    @property
    def is_filtered(self):
        return bool(self.query) or any(self.selected.values())

    @property
    def has_parameters(self):
        """Any address with parameters is a view for people, not for search engines."""
        return bool(self.params)

    @property
    def active_filters(self):
        """Each chosen value, with the address of the library without it."""
        chips = []
        for facet in self.facets:
            for option in facet["options"]:
                if option["selected"]:
                    chips.append(
                        {
                            "label": facet["label"],
                            "name": option["name"],
                            "lang": option["lang"],
                            "remove_url": self.url_without(facet["param"], option["slug"]),
                        }
                    )
        return chips

    def url_without(self, param, value=None):
        params = self.params.copy()
        if value is None:
            params.pop(param, None)
        else:
            params.setlist(param, [v for v in params.getlist(param) if v != value])
        params.pop("page", None)
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else "?"

    # Queries -----------------------------------------------------------------------------

    @cached_property
    def base(self):
        """The library's resources that anyone may see (`core.visibility`)."""
        return self.index_page.resources()

    @cached_property
    def matching(self):
        """The library's visible resources matching the words, as a queryset (in order of
        relevance when the visitor sorts by it); every resource when there are no words."""
        if not self.search_query:
            # A query of punctuation only: nothing can match.
            return self.base.none() if self.query else self.base
        ranked = self.sort == SORT_RELEVANCE
        found = self.base.search(self.backend_query, order_by_relevance=ranked)
        return as_queryset(found, self.base, ranked=ranked)

    # When nothing matches ----------------------------------------------------------------

    def _words_found_nothing(self):
        """Whether the visitor's words, not their filters, found nothing (one more query only
        when filters are chosen), and they did not ask for their words as typed."""
        if not self.search_query or self.as_typed:
            return False
        return not any(self.selected.values()) or not self.matching.exists()

    def _search_with(self, searched_query, backend_query):
        self.searched_query, self.backend_query = searched_query, backend_query
        self.__dict__.pop("matching", None)

    def _search_again(self, terms, counts):
        """The visitor's words found nothing together: the counts of the corrected words, else
        of resources with some of the words (a question typed as a sentence, with a word no
        resource has), else of similar words through the backend's fuzzy matching (pg_trgm on
        PostgreSQL; a backend without it finds nothing), else the visitor's own empty `counts`.
        The facet names are words the library contains too."""
        corrected = spelling.correct(self.search_query, extra_words=self.facet_names)
        if corrected:
            self._search_with(corrected, corrected.backend_query("and"))
            found = self._counts(terms)
            if found[1]:
                self.corrected_query = corrected
                return found
        words, groups = self.search_query.parts()
        if len(words) + len(groups) > 1:
            self._search_with(self.search_query, self.search_query.backend_query("or"))
            found = self._counts(terms)
            if found[1]:
                self.matched_some_words_only = True
                return found
        fuzzy = spelling.fuzzy_query(self.search_query)
        if fuzzy is not None:
            self._search_with(self.search_query, fuzzy)
            try:
                with transaction.atomic():
                    found = self._counts(terms)
            except (DatabaseError, NotImplementedError, ValueError):
                found = ({}, 0)
            if found[1]:
                self.matched_similar_words = True
                return found
        self._search_with(self.search_query, self.search_query.backend_query("and"))
        return counts, 0

    @cached_property
    def did_you_mean(self):
        """Words the site contains that look like the visitor's, each with the library's address
        searching for it: {"word", "url"}."""
        words = spelling.suggestions(self.search_query, extra_words=self.facet_names)
        return [{"word": word, "url": self.url_with(q=word)} for word in words]

    @property
    def as_typed_url(self):
        """The same search and filters, of the words as the visitor typed them."""
        return self.url_with(q=self.query, as_typed="1")

    @cached_property
    def contact_page(self):
        """Where to reach a person when the library could not help (asked only then)."""
        return first_public_page("home.ContactPage")

    def url_with(self, **values):
        params = self.params.copy()
        params.pop("as_typed", None)
        params.pop("page", None)
        for param, value in values.items():
            params[param] = value
        return f"?{params.urlencode()}"

    @staticmethod
    def _terms():
        """Every value of every facet, in one UNION query over the small lists: (facet
        parameter, pk, slug, name, position), each facet's values in the order editors chose.
        Pages are tagged with the main language's values; each is named in the language shown
        where it is translated. Also the values that are not, as {(facet parameter, pk)}."""
        main = locale_id_of(settings.LANGUAGE_CODE)
        shown = locale_id_of(get_language()) or main
        parts = [
            facet.model.objects.filter(locale_id__in={main, shown})
            .order_by()
            .annotate(facet=Value(facet.param))
            .values_list("facet", "pk", "slug", "name", "sort_order", "translation_key", "locale")
            for facet in FACETS
        ]
        first, *rest = parts
        rows = list(first.union(*rest, all=True).order_by())
        names = {(row[0], row[5]): row[3] for row in rows if row[6] == shown}
        terms, untranslated = [], set()
        for param, pk, slug, name, position, key, locale in rows:
            if locale != main:
                continue
            if (param, key) not in names:
                untranslated.add((param, pk))
            terms.append((param, pk, slug, names.get((param, key), name), position))
        terms.sort(key=lambda row: (row[0], row[4] or 0, row[3].lower()))
        return terms, untranslated

    def _chosen_pks(self, terms):
        ids = {(param, slug): pk for param, pk, slug, _name, _position in terms}
        return {
            facet.param: [ids[(facet.param, slug)] for slug in self.selected[facet.param]]
            for facet in FACETS
        }

    def _counts(self, terms):
        """How many resources each facet value would give, and the total, in one SQL query.

        The matching resources are computed once (a common table expression) with their
        single-valued facets (type, language) as columns; each many-to-many facet joins its
        through table to it once. For each facet, the count applies every chosen filter but that
        facet's own, so a visitor sees how many they would get by adding another value of the
        same facet."""
        quote = connection.ops.quote_name
        chosen = self._chosen_pks(terms)
        # Single-valued facets ride along as columns; whether a resource carries a chosen value
        # of a many-to-many facet is worked out once per resource, not once per facet.
        columns = {facet.param: f"term_{facet.param}" for facet in FACETS if not facet.many}
        passes = {
            facet.param: f"pass_{facet.param}"
            for facet in FACETS
            if facet.many and chosen[facet.param]
        }
        annotations = {alias: F(FACETS_BY_PARAM[param].field) for param, alias in columns.items()}
        for param, alias in passes.items():
            tagged = tagged_with(FACETS_BY_PARAM[param], "pk", chosen[param])
            annotations[alias] = ExpressionWrapper(Q(pk__in=tagged), output_field=BooleanField())
        matching = self.matching.order_by().values(rid=F("pk"), **annotations)
        try:
            matching_sql, params = matching.query.sql_with_params()
        except EmptyResultSet:  # a query of punctuation only: nothing can match
            return {}, 0
        params = list(params)

        def conditions(skip):
            """SQL over `matching` keeping the resources that pass every chosen filter but
            the one of the facet `skip`. Identifiers come from the models, values are
            parameters."""
            sql, values = [], []
            for facet in FACETS:
                if facet.param == skip or not chosen[facet.param]:
                    continue
                if facet.many:
                    sql.append(passes[facet.param])
                else:
                    placeholders = ", ".join(["%s"] * len(chosen[facet.param]))
                    sql.append(f"{columns[facet.param]} IN ({placeholders})")
                    values.extend(chosen[facet.param])
            return (" WHERE " + " AND ".join(sql)) if sql else "", values

        parts = []
        for facet in FACETS:
            where, values = conditions(skip=facet.param)
            if facet.many:
                through, target = through_model(facet)
                table = quote(through._meta.db_table)
                term_column = quote(through._meta.get_field(target).column)
                source = f"{table} JOIN matching ON {quote('resourcepage_id')} = rid"
            else:
                term_column, source = columns[facet.param], "matching"
            parts.append(
                f"SELECT %s, {term_column}, COUNT(*) FROM {source}{where} "  # noqa: S608
                f"GROUP BY {term_column}"
            )
            params.extend([facet.param, *values])
        where, values = conditions(skip=None)
        parts.append(f"SELECT %s, 0, COUNT(*) FROM matching{where}")  # noqa: S608
        params.extend(["", *values])
        sql = f"WITH matching AS ({matching_sql}) " + " UNION ALL ".join(parts)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        counts = {(param, pk): count for param, pk, count in rows if param}
        total = next((count for param, _pk, count in rows if not param), 0)
        return counts, total

    @staticmethod
    def _choices(terms):
        choices = {}
        for param, _pk, slug, name, _position in terms:
            choices.setdefault(param, []).append((slug, name))
        return choices

    def _facets(self, terms, counts):
        options = {}
        for param, pk, slug, name, _position in terms:
            count = counts.get((param, pk), 0)
            selected = slug in self.selected[param]
            if count or selected:
                options.setdefault(param, []).append(
                    {
                        "slug": slug,
                        "name": name,
                        "count": count,
                        "selected": selected,
                        # A value not yet translated is read out in the main language.
                        "lang": settings.LANGUAGE_CODE
                        if (param, pk) in self.untranslated
                        else None,
                    }
                )
        return [
            {
                "param": facet.param,
                "label": facet.label,
                "options": options.get(facet.param, []),
                "chosen": len(self.selected[facet.param]),
            }
            for facet in FACETS
        ]

    def results(self):
        queryset = self.filters.filter_queryset(self.matching)
        if self.sort == SORT_RELEVANCE and self.searched_query:
            # By `search_score`, then the backend's order of relevance: the backends weigh
            # titles differently (SQLite's FTS5 not at all) and know nothing of facets.
            queryset = queryset.annotate(search_score=self.search_score()).order_by(
                "-search_score", *queryset.query.order_by
            )
        elif self.sort == SORT_TITLE:
            queryset = queryset.order_by("title", "pk")
        elif self.sort == SORT_NEWEST:
            queryset = queryset.order_by(*NEWEST_FIRST)
        else:
            # The visitor's language first (the Spanish library opens on the resources in
            # Spanish), then what editors feature, then the newest.
            queryset = queryset.order_by(
                self.in_visitors_language().desc(), "-featured", *NEWEST_FIRST
            )
        return queryset

    @staticmethod
    def in_visitors_language():
        """1 for a resource in the language the visitor reads the site in, else 0: an English
        page lists English resources first, a Spanish one Spanish resources."""
        code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return Case(
            When(language__code__iexact=code, then=1), default=0, output_field=IntegerField()
        )

    def search_score(self):
        """How well a resource answers what was searched, before the backend's own ranking.

        The words that matter are those that name a value of the library's facets (a substance,
        a topic): "alcohol" in "harm reduction for alcohol", where "harm" and "reduction" are in
        nearly every resource of a harm reduction library. So, per word or synonym group, a
        title with the word as typed scores 2 and a title with another member of its group 1
        ("Naloxone Saves Lives" for "narcan"), doubled for a word that names a facet value; and
        a resource carrying a facet value the words name scores 4."""
        title_terms = self.searched_query.title_terms()
        named, name_words = self.named_facet_values(title_terms)
        score = Value(0)
        for typed, members in title_terms:
            weight = 2 if name_words & self.words_of([*typed, *members]) else 1
            has_typed, has_member = Q(), Q()
            for form in typed:
                has_typed |= Q(title__icontains=form)
            for form in members:
                has_member |= Q(title__icontains=form)
            cases = [When(has_typed, then=2 * weight)]
            if members:
                cases.append(When(has_member, then=weight))
            score += Case(*cases, default=0, output_field=IntegerField())
        for facet, pks in named.items():
            if facet.many:
                carries = Q(pk__in=tagged_with(facet, "pk", pks))
            else:
                carries = Q(**{f"{facet.field}_id__in": pks})
            score += Case(When(carries, then=4), default=0, output_field=IntegerField())
        return score

    @staticmethod
    def words_of(texts):
        """Every form of every word of `texts`."""
        return {form for text in texts for word in WORD.findall(text) for form in word_forms(word)}

    def named_facet_values(self, title_terms):
        """The facet values whose names the searched words (`title_terms`, with their synonyms)
        spell out, as ({facet: [pk, ...]}, the words of those names). The names are known
        already (`self.terms`)."""
        searched = self.words_of(text for typed, members in title_terms for text in typed + members)
        named, name_words = {}, set()
        for param, pk, _slug, name, _position in self.terms:
            words = [word for word in WORD.findall(name.casefold()) if word not in STOP_WORDS]
            if words and all(word in searched for word in words):
                named.setdefault(FACETS_BY_PARAM[param], []).append(pk)
                name_words.update(words)
        return named, name_words

    def page_of_results(self):
        # The count is already known from the facet query; the paginator need not ask again.
        shown = ShownResources(self.results(), self.total)
        paginator = Paginator(shown, self.index_page.per_page or 12)
        return paginator.get_page(self.params.get("page"))
