"""An Atom feed of one page's items (the library's resources, the upcoming events), served at
the page's `feed/` route and linked from its head: the page's address, the feed's own address
and the practice as its author, for every feed alike. No tracker, no email service."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from core.models import PracticeSettings


class PageFeed(Feed):
    """Subclasses give the title, subtitle, items and each item's parts."""

    feed_type = Atom1Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def link(self, page):
        return page.get_url(self.request)

    def feed_url(self, page):
        return page.get_url(self.request) + page.reverse_subpage("feed")

    def author_name(self, page):
        return PracticeSettings.load(request_or_site=self.request).practice_name

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
