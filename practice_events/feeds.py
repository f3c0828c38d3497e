"""The upcoming events as an Atom feed, soonest first, for feed readers. No tracker, no email
service."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format

from core.models import PracticeSettings


class EventsFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{index.title}: coming up"

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return index.get_url(self.request) + "feed/"

    def subtitle(self, index):
        return "Groups, workshops and trainings, soonest first."

    def author_name(self, index):
        return PracticeSettings.load(request_or_site=self.request).practice_name

    def items(self, index):
        return index.events().filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        when = date_format(timezone.localtime(event.starts_at), "l, F j, Y, P T")
        return f"{when}. {event.get_attendance_display()}. {event.summary}"

    def item_link(self, event):
        return event.get_url(self.request)

    def item_pubdate(self, event):
        return event.first_published_at

    def item_updateddate(self, event):
        return event.last_published_at
