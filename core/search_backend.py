"""The site's search backend: Wagtail's database backend, which on PostgreSQL also ignores accents
and stems each page in its own language.

People type without accents, most of all on a phone: "heroina" must find "heroína", "como usar
naloxona" must find "Cómo usar la naloxona". And a Spanish resource stemmed as English loses its
plurals and verb endings ("sobredosis", "administrar"). So, on PostgreSQL:

- Text is indexed and queried through text search configurations that remove accents before
  stemming (core migration 0003 creates them: `site_english`, `site_spanish`, and `site_simple`
  for autocomplete, which must not stem).
- Each page is indexed with the configuration of its language (`search_language(obj)`: a
  resource's own language, else the page's locale), the English one for anything else.
- A search matches a page stemmed in any of the languages: the visitor's words are stemmed once
  per language and either may match. (An English word stemmed as Spanish rarely means something
  else, and a visitor who wants one language has the library's language filter.)

SQLite (`make run`) needs none of this: its FTS5 index folds accents already (`unicode61`), and
stems English only. OpenSearch is configured in the settings (`INDEX_SETTINGS`).

The index class and the query compiler are modelsearch's own, extended at two points: the
configuration an object is indexed with, and the tsquery built from a query."""

import copy
from collections import defaultdict

from django.contrib.postgres.search import CombinedSearchQuery, SearchQueryField, SearchRank
from django.db import connection
from django.db.models import prefetch_related_objects
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.index import RelatedFields
from modelsearch.query import Or, Phrase, PlainText

# The configurations core migration 0003 creates, by language code.
LANGUAGE_CONFIGS = {"en": "site_english", "es": "site_spanish"}
AUTOCOMPLETE_CONFIG = "site_simple"
# What a match in another language than the search's counts for in ranking, beside one in it.
OTHER_LANGUAGE_WEIGHT = 0.25


def search_language(obj):
    """The language an object's text is written in: its own `search_language` when it says
    (a resource does), else its page's locale, else None."""
    language = getattr(obj, "search_language", None)
    if language is None:
        locale = getattr(obj, "locale", None)
        language = getattr(locale, "language_code", None)
    return (language or "").split("-")[0].lower() or None


class SiteIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Each object is indexed with its language's configuration: modelsearch's own
        `add_items` once per language, through a copy of the backend naming that one.

        modelsearch reads an object's search fields once for each part of its entry (title,
        body, autocomplete and their plain texts): each related field (a resource's topics, a
        clinician's specialties) is fetched for all the objects once beforehand, not five times
        for each (a demo resource is indexed in 10 queries instead of 25)."""
        related = [
            field.field_name
            for field in model.get_search_fields()
            if isinstance(field, RelatedFields)
        ]
        if related:
            prefetch_related_objects(objs, *related)
        by_config = defaultdict(list)
        for obj in objs:
            config = self.backend.language_configs.get(search_language(obj), self.backend.config)
            by_config[config].append(obj)
        for config, group in by_config.items():
            index = self
            if config != self.backend.config:
                index = copy.copy(self)
                index.backend = copy.copy(self.backend)
                index.backend.config = config
            super(SiteIndex, index).add_items(model, group)


class EitherQuery(CombinedSearchQuery):
    """Pages matching either tsquery; just the first when both stem the words alike ("overdose"
    is "overdos" in English and Spanish). Both are constants, so PostgreSQL decides which while
    planning, and plans as for one query: a query OR-ed with itself looks twice as common to the
    planner, which then reads every index entry instead of using the index (16 ms instead of 5
    at 10,000 resources)."""

    def __init__(self, first, other):
        super().__init__(first, self.BITOR, other, config=None, output_field=SearchQueryField())

    def as_sql(self, compiler, connection):
        first, first_params = compiler.compile(self.lhs)
        other, other_params = compiler.compile(self.rhs)
        sql = (
            f"(CASE WHEN ({first})::text = ({other})::text "
            f"THEN {first} ELSE ({first}) || ({other}) END)"
        )
        params = [*first_params, *other_params, *first_params, *first_params, *other_params]
        return sql, params


class SiteQueryCompiler(PostgresSearchQueryCompiler):
    # The configurations of the languages pages are indexed in, set by `search`.
    language_configs = ()
    # While ranking: the one configuration the query is stemmed in.
    ranking_config = None

    def search(self, config, start, stop, score_field=None, backend=None):
        self.language_configs = tuple(
            dict.fromkeys(getattr(backend, "language_configs", {}).values())
        )
        return super().search(config, start, stop, score_field=score_field, backend=backend)

    def other_configs(self, config):
        return [each for each in self.language_configs if each != config]

    def build_tsquery(self, query, config=None):
        """The query stemmed in each language's configuration, any of them matching (one
        configuration only while ranking)."""
        if self.ranking_config is not None:
            return self.build_tsquery_content(query, config=self.ranking_config)
        queries = [
            self.build_tsquery_content(query, config=each)
            for each in [config, *self.other_configs(config)]
        ]
        queries = [each for each in queries if each is not None]
        if not queries:
            return None
        combined = queries[0]
        for other in queries[1:]:
            combined = EitherQuery(combined, other)
        return combined

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        """A synonym group (words and phrases, any of which may match) ranked by one `ts_rank`
        of its members OR-ed together. PostgreSQL scores an OR as the mean of its members'
        scores, the figure modelsearch computes with one `ts_rank` per member; one call instead
        of five for "naloxone" (Narcan, Kloxxado...) makes the site search's statement 5 ms
        shorter to run and to build (docs/performance.md)."""
        if isinstance(query, Or) and all(
            isinstance(member, PlainText | Phrase) for member in query.subqueries
        ):
            rank = SearchRank(vector, self.build_tsquery(query, config), weights=self.sql_weights)
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def _build_rank_expression(self, vectors, config):
        """Pages matching in the search's own language rank above pages matching only in
        another: "narcan" finds the Spanish naloxone resources too, after the English ones."""
        try:
            self.ranking_config = config
            rank = super()._build_rank_expression(vectors, config)
            for other in self.other_configs(config):
                self.ranking_config = other
                rank += OTHER_LANGUAGE_WEIGHT * super()._build_rank_expression(vectors, other)
        finally:
            self.ranking_config = None
        return rank


class SitePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SiteQueryCompiler
    index_class = SiteIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = params.get("LANGUAGE_CONFIGS", LANGUAGE_CONFIGS)
        self.config = params.get("SEARCH_CONFIG") or self.language_configs["en"]
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", AUTOCOMPLETE_CONFIG)


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend's module)
    """On PostgreSQL the site's backend; on any other database Wagtail's own choice."""
    if connection.vendor == "postgresql":
        return SitePostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
