"""The library's Atom feed: resources as they are added or updated, newest first, for anyone who
follows the library in a feed reader. No tracker, no email service."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from core.models import PracticeSettings

FEED_ITEMS = 30


class ResourcesFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, library):
        super().__init__()
        self.library = library

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.library

    def title(self, library):
        return f"{library.title}: new and updated"

    def link(self, library):
        return library.get_url(self.request)

    def feed_url(self, library):
        return library.get_url(self.request) + library.reverse_subpage("feed")

    def subtitle(self, library):
        return "Resources added to the library or checked again, newest first."

    def author_name(self, library):
        return PracticeSettings.load(request_or_site=self.request).practice_name

    def items(self, library):
        return (
            library.resources()
            .select_related("resource_type")
            .order_by("-last_published_at", "pk")[:FEED_ITEMS]
        )

    def item_title(self, resource):
        return resource.title

    def item_description(self, resource):
        return resource.summary

    def item_link(self, resource):
        return resource.get_url(self.request)

    def item_pubdate(self, resource):
        return resource.first_published_at

    def item_updateddate(self, resource):
        return resource.last_published_at

    def item_categories(self, resource):
        return [resource.resource_type.name]
