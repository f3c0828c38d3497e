"""The upcoming events as an Atom feed, soonest first, for feed readers."""

from django.utils import timezone
from django.utils.formats import date_format

from core.feeds import PageFeed


class EventsFeed(PageFeed):
    def title(self, index):
        return f"{index.title}: coming up"

    def subtitle(self, index):
        return "Groups, workshops and trainings, soonest first."

    def items(self, index):
        return index.events().filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        when = date_format(timezone.localtime(event.starts_at), "l, F j, Y, P T")
        return f"{when}. {event.get_attendance_display()}. {event.summary}"
