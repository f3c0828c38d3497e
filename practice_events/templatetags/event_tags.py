"""The next events for another page to list (the home page), without that page's app importing
this one: `{% upcoming_events as coming %}` in a template."""

from django import template

from practice_events.models import upcoming_events as next_events

register = template.Library()

HOME_PAGE_EVENTS = 3


@register.simple_tag(takes_context=True)
def upcoming_events(context, limit=HOME_PAGE_EVENTS):
    """The next `limit` events anyone may see, soonest first, and the address of the events
    page, in two queries. Events live directly under that page, and a visitor who may see an
    event may see its parent, so its address is the first event's less the last part."""
    events = next_events(limit)
    index_url = ""
    if events:
        index_url = events[0].get_url(context.get("request")).rstrip("/").rsplit("/", 1)[0] + "/"
    return {"events": events, "index_url": index_url}
