"""The library's Atom feed: resources as they are added or updated, newest first, for anyone who
follows the library in a feed reader."""

from core.feeds import PageFeed

FEED_ITEMS = 30


class ResourcesFeed(PageFeed):
    def title(self, library):
        return f"{library.title}: new and updated"

    def subtitle(self, library):
        return "Resources added to the library or checked again, newest first."

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

    def item_categories(self, resource):
        return [resource.resource_type.name]
