"""The next events for another page to list (the home page), without that page's app importing
this one: `{% upcoming_events as coming %}` in a template."""

from django import template

from core.visibility import listing_url
from practice_events.models import upcoming_events as next_events

register = template.Library()

HOME_PAGE_EVENTS = 3


@register.simple_tag(takes_context=True)
def upcoming_events(context, limit=HOME_PAGE_EVENTS):
    """The next `limit` events anyone may see, soonest first, and the address of the events
    page, in two queries (events live directly under that page)."""
    events = next_events(limit)
    index_url = listing_url(events[0], context.get("request")) if events else ""
    return {"events": events, "index_url": index_url}
