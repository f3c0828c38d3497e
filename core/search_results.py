"""What a search found, as a queryset, on every search backend the settings can select.

The library counts its facets and the site search ranks its matches in the database, so both
need the matches as a queryset, not as a list of objects. The database backends (PostgreSQL,
SQLite) search in SQL: their results hold the search as a queryset already, which the database
then filters, counts and sorts without a second trip. OpenSearch answers with the matching ids,
in order of relevance: those become a queryset that keeps the order.

Wagtail's documented API (`search()`, slicing, iterating) gives objects only: asking it for
every match of a common word built thousands of pages with their search vectors, 240 ms at 5,000
matches against 30 ms for the same ids in SQL. docs/decisions.md says why this one function looks
at which kind of results it has."""

from django.db.models import Case, IntegerField, When


def as_queryset(results, queryset, ranked=False):
    """The objects of `queryset` that `results` (a search of that queryset) found. With
    `ranked`, in the backend's order of relevance (the search must have asked for it)."""
    if hasattr(results, "get_queryset"):  # the database backends: the search is SQL
        return results.get_queryset()
    ids = [found.pk for found in results]
    matches = queryset.filter(pk__in=ids)
    if ranked and ids:
        position = Case(
            *(When(pk=pk, then=index) for index, pk in enumerate(ids)),
            output_field=IntegerField(),
        )
        matches = matches.order_by(position)
    return matches
