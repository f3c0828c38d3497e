"""Which searches the editors' "Search terms" report keeps, and how much a visitor can add to it.

Every search is a request anyone can send, so what it writes must be bounded: otherwise a script
sending unique words fills the report and the database with rows. A term already in the report
always has its hit counted, so the terms people really use keep their counts; a term not seen
before is added only while fewer than `SEARCH_TERMS_PER_DAY` terms (setting, default 200) have
been counted today. A flood of made-up words can then add about that many rows a day (searches
arriving at the same moment may each add one more), and Wagtail's
`searchpromotions_garbage_collect` clears them once their daily counts are old.

Nothing about who searched is kept, and neither is a query that may be about the visitor: one
that looks like an email address or a phone number (someone in a hard moment may type their own
details), or one longer than a search term (a pasted message or someone's story, not words
editors can act on)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from core.search_query import SearchQuery

DEFAULT_TERMS_PER_DAY = 200
# Real searches are a few words; a 100-character query is already a sentence.
MAX_TERM_LENGTH = 100


def terms_per_day():
    return getattr(settings, "SEARCH_TERMS_PER_DAY", DEFAULT_TERMS_PER_DAY)


def count_search(query: SearchQuery):
    """Count one search in the report; return whether it was counted."""
    # The form Wagtail stores, and matches editors' promotions against.
    term = normalise_query_string(query.normalised)
    if not query or query.looks_personal or len(term) > MAX_TERM_LENGTH:
        return False
    # The day Wagtail counts hits by (the UTC date), read once for the cap and the count.
    today = timezone.now().date()
    recorded = Query.objects.filter(query_string=term).first()
    if recorded is None:
        if QueryDailyHits.objects.filter(date=today).count() >= terms_per_day():
            return False
        try:
            with transaction.atomic():
                recorded = Query.objects.create(query_string=term)
        except IntegrityError:  # the same new term, searched at the same moment
            recorded = Query.objects.get(query_string=term)
    recorded.add_hit(date=today)
    return True
