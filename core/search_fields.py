"""What every page type indexes for site search, before its own fields."""

from wagtail.models import Page
from wagtail.search import index

# The search description is written for people looking for the page ("careers", "pronouns"),
# so it is searched as well as shown.
PAGE_SEARCH_FIELDS = Page.search_fields + [index.SearchField("search_description")]
