"""Search, facets, sorting and pagination for the resource library.

Every state of the library is a set of GET parameters, validated by `LibraryFilterForm` before
they touch a query. The number of SQL queries does not depend on how many resources there are:
one query gives every facet value with its count, and the results take three (count, page,
topics)."""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.http import QueryDict

from home.models import Approach

from .models import Audience, Language, ResourcePage, ResourceType, Substance, Topic

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 20
SLUG = re.compile(r"^[-a-z0-9_]{1,80}$")
# What reaches the search backend: words only. Quotes, brackets and operators mean nothing to
# visitors here and are syntax to SQLite FTS5 and PostgreSQL's tsquery.
NOT_A_WORD = re.compile(r"[^\w]+")
MAX_TITLE_WORDS = 8

SORT_RELEVANCE, SORT_NEWEST, SORT_TITLE = "relevance", "newest", "title"
SORT_CHOICES = [
    (SORT_RELEVANCE, "Best match"),
    (SORT_NEWEST, "Newest first"),
    (SORT_TITLE, "Title A to Z"),
]


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    model: type
    field: str  # the ResourcePage field: a foreign key or a many-to-many
    many: bool


FACETS = [
    Facet("type", "Type of resource", ResourceType, "resource_type", many=False),
    Facet("topic", "Topic", Topic, "topics", many=True),
    Facet("substance", "Substance", Substance, "substances", many=True),
    Facet("approach", "Approach", Approach, "approaches", many=True),
    Facet("audience", "Written for", Audience, "audiences", many=True),
    Facet("language", "Language", Language, "language", many=False),
]
FACET_PARAMS = [facet.param for facet in FACETS]


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values and drops the rest, so an old or mistyped link still shows the
    library (with a notice) instead of an error page."""

    def clean(self, value):
        values = self.to_python(value)
        known = {str(key) for key, _label in self.choices}
        return [v for v in dict.fromkeys(values) if v in known]


class LibraryFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search the library", strip=True)
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES, label="Sort by")

    def __init__(self, data, facet_choices):
        super().__init__(data)
        for facet in FACETS:
            self.fields[facet.param] = LenientMultipleChoiceField(
                required=False, label=facet.label, choices=facet_choices.get(facet.param, [])
            )

    def clean_q(self):
        query = self.cleaned_data["q"].replace("\x00", "")
        query = " ".join(query.split())
        self.query_truncated = len(query) > MAX_QUERY_LENGTH
        return query[:MAX_QUERY_LENGTH].strip()

    def clean_sort(self):
        return self.cleaned_data["sort"] or ""

    def full_clean(self):
        # An unknown sort value falls back to the default rather than failing the whole form.
        if self.data.get("sort") not in dict(SORT_CHOICES):
            self.data = self.data.copy()
            self.data.pop("sort", None)
        super().full_clean()


def search_words(query):
    return [word for word in NOT_A_WORD.sub(" ", query).split() if word.strip("_")]


def raw_selection(params):
    """The facet values asked for, reduced to things that could be slugs."""
    return {
        param: [v for v in params.getlist(param) if SLUG.match(v)][:MAX_VALUES_PER_FACET]
        for param in FACET_PARAMS
    }


class LibrarySearch:
    """One visitor's view of the library: the query, the chosen filters, the facet counts
    for that query, and the sorted results."""

    def __init__(self, index_page, params):
        self.index_page = index_page
        self.params = params if isinstance(params, QueryDict) else QueryDict(mutable=True)
        self.base = index_page.resources()
        terms = self._terms()
        self.form = LibraryFilterForm(self.params, self._choices(terms))
        self.form.is_valid()
        data = self.form.cleaned_data
        self.query = data.get("q", "")
        self.selected = {param: data.get(param, []) for param in FACET_PARAMS}
        counts, self.total = self._counts(terms)
        self.facets = self._facets(terms, counts)
        self.sort = data.get("sort") or (SORT_RELEVANCE if self.query else SORT_NEWEST)
        if self.sort == SORT_RELEVANCE and not self.query:
            self.sort = SORT_NEWEST
        self.notices = []
        if getattr(self.form, "query_truncated", False):
            self.notices.append(
                f"Your search was long, so only its first {MAX_QUERY_LENGTH} characters were used."
            )
        if any(len(self.params.getlist(p)) != len(self.selected[p]) for p in FACET_PARAMS):
            self.notices.append("Some filters in the address were not recognised and were ignored.")

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

    def _searched(self):
        """Live resources of this library matching the query, in the backend's order."""
        words = search_words(self.query)
        if words:
            return self.base.search(
                " ".join(words), operator="and", order_by_relevance=True
            ).get_queryset()
        if self.query:
            return self.base.none()
        return self.base

    def _filtered(self, queryset, skip=None):
        for facet in FACETS:
            values = self.selected.get(facet.param)
            if not values or facet.param == skip:
                continue
            if facet.many:
                through = ResourcePage._meta.get_field(facet.field).remote_field.through
                target = facet.model._meta.model_name
                tagged = through.objects.filter(**{f"{target}__slug__in": values})
                queryset = queryset.filter(pk__in=tagged.values("resourcepage_id"))
            else:
                queryset = queryset.filter(**{f"{facet.field}__slug__in": values})
        return queryset

    def _terms(self):
        """Every value of every facet, in one UNION query over the small taxonomy tables."""
        parts = []
        for facet in FACETS:
            position = F("sort_order") if facet.model is Approach else Value(0)
            parts.append(
                facet.model.objects.order_by()
                .annotate(facet=Value(facet.param), position=position)
                .values_list("facet", "pk", "slug", "name", "position")
            )
        first, *rest = parts
        return sorted(
            first.union(*rest, all=True), key=lambda row: (row[0], row[4], row[3].lower())
        )

    def _counts(self, terms):
        """How many resources each facet value would give, and the total, in one query.

        The matching resources are computed once (a common table expression). For each facet,
        the count applies every chosen filter but that facet's own, so a visitor sees how many
        they would get by adding another value of the same facet."""
        quote = connection.ops.quote_name
        ids = {(param, slug): pk for param, pk, slug, _name, _position in terms}
        chosen = {
            facet.param: [ids[(facet.param, slug)] for slug in self.selected[facet.param]]
            for facet in FACETS
        }
        matching = self._searched().order_by().annotate(rid=F("pk")).values("rid")
        try:
            matching_sql, params = matching.query.sql_with_params()
        except EmptyResultSet:  # a query of punctuation only: nothing can match
            return {}, 0
        params = list(params)
        resources = quote(ResourcePage._meta.db_table)

        def membership(facet):
            """The table and columns that say which resources carry which value."""
            if facet.many:
                through = ResourcePage._meta.get_field(facet.field).remote_field.through
                target = through._meta.get_field(facet.model._meta.model_name).column
                return quote(through._meta.db_table), quote("resourcepage_id"), quote(target)
            column = ResourcePage._meta.get_field(facet.field).column
            return resources, quote("page_ptr_id"), quote(column)

        def conditions(skip):
            sql, values = [], []
            for facet in FACETS:
                if facet.param == skip or not chosen[facet.param]:
                    continue
                table, resource_column, term_column = membership(facet)
                placeholders = ", ".join(["%s"] * len(chosen[facet.param]))
                sql.append(  # identifiers from the models, values as parameters
                    f"rid IN (SELECT {resource_column} FROM {table} "  # noqa: S608
                    f"WHERE {term_column} IN ({placeholders}))"
                )
                values.extend(chosen[facet.param])
            return (" WHERE " + " AND ".join(sql)) if sql else "", values

        parts = []
        for facet in FACETS:
            table, resource_column, term_column = membership(facet)
            where, values = conditions(skip=facet.param)
            parts.append(
                f"SELECT %s, {term_column}, COUNT(*) FROM {table} "  # noqa: S608
                f"WHERE {resource_column} IN (SELECT rid FROM matching{where}) "
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
                    {"slug": slug, "name": name, "count": count, "selected": selected}
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
        queryset = self._filtered(self._searched())
        words = search_words(self.query)
        if self.sort == SORT_RELEVANCE and words:
            # Resources with a searched word in their title come first, on every backend.
            title_hit = Q()
            for word in words[:MAX_TITLE_WORDS]:
                title_hit |= Q(title__icontains=word)
            queryset = queryset.annotate(
                title_hit=Case(When(title_hit, then=1), default=0, output_field=IntegerField())
            ).order_by("-title_hit", *queryset.query.order_by)
        elif self.sort == SORT_TITLE:
            queryset = queryset.order_by("title", "pk")
        else:
            queryset = queryset.order_by(
                F("published_date").desc(nulls_last=True), "-first_published_at", "pk"
            )
        return queryset.select_related("resource_type", "language").prefetch_related("topics")

    def page_of_results(self):
        paginator = Paginator(self.results(), self.index_page.per_page or 12)
        # The count is already known from the facet query; the paginator need not ask again.
        paginator.count = self.total
        return paginator.get_page(self.params.get("page"))
