from django import forms
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.locales import in_main_language, main_language_version
from core.models import ReviewedPage
from core.search_fields import PAGE_SEARCH_FIELDS
from core.visibility import ViewRestrictionsFromCache, visible_to_public

from .taxonomy import Audience, ResourceType, Substance, Topic

RELATED_COUNT = 3


class ResourceIndexPage(ViewRestrictionsFromCache, RoutablePageMixin, Page):
    """The resource library: one search box, facets with counts, sorting and pagination over
    every resource below it. Every state is a plain URL, so it works without JavaScript."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="Shown under the results, such as a “Get naloxone” block.",
    )
    per_page = models.PositiveSmallIntegerField(
        default=12, help_text="How many resources to show on one page of results."
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("per_page"),
    ]

    search_fields = PAGE_SEARCH_FIELDS + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = "resource library"

    def resources(self):
        """The library's resources: one collection in every language (a translation of the
        library lists the main language's library's resources, each in its own language)."""
        return visible_to_public(ResourcePage.objects.child_of(self.main_library))

    @cached_property
    def main_library(self):
        return main_language_version(self)

    @path("")
    def library(self, request):
        from resources.library import LibrarySearch

        library = LibrarySearch(self, request.GET)
        response = self.render(
            request,
            context_overrides={"library": library, "results": library.page_of_results()},
        )
        if library.has_parameters:
            # Filtered and searched views are for people, not for search engines or shared caches.
            response.headers["X-Robots-Tag"] = "noindex, follow"
        return response

    @path("feed/", name="feed")
    def feed(self, request):
        from resources.feeds import ResourcesFeed

        return ResourcesFeed(self)(request)


class ResourcePage(ViewRestrictionsFromCache, ReviewedPage, Page):
    """One resource in the library: a guide, hotline, worksheet or reading, described in plain
    language, tagged so visitors can find it, with a link or a document to open, and checked
    again on a schedule, since stale safer-use advice can hurt someone."""

    summary = models.TextField(
        max_length=400,
        help_text="One or two plain sentences: what this is and who it helps. Shown in lists.",
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="Optional: more than the summary says, such as what the resource covers, how "
        "to use it, and anything to be careful about. Shown on the resource's own page.",
    )
    organisation = models.CharField(
        max_length=160, blank=True, help_text="Who made or runs it, such as “SAMHSA”."
    )
    resource_type = models.ForeignKey(
        ResourceType,
        on_delete=models.PROTECT,
        related_name="resources",
        limit_choices_to=in_main_language,
    )
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="resources", limit_choices_to=in_main_language
    )
    substances = ParentalManyToManyField(
        Substance, blank=True, related_name="resources", limit_choices_to=in_main_language
    )
    approaches = ParentalManyToManyField(
        "core.Approach",
        blank=True,
        related_name="resources",
        limit_choices_to=in_main_language,
        help_text="The points on the spectrum this resource serves.",
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="resources", limit_choices_to=in_main_language
    )
    language = models.ForeignKey(
        "core.Language",
        on_delete=models.PROTECT,
        related_name="resources",
        limit_choices_to=in_main_language,
    )
    external_url = models.URLField(
        "external link", max_length=500, blank=True, help_text="The resource on its own site."
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A file to download, such as a worksheet (PDF).",
    )
    published_date = models.DateField(
        null=True, blank=True, help_text="When the resource itself was published, if known."
    )
    featured = models.BooleanField(
        "feature in the library",
        default=False,
        help_text="Featured resources come first in the library until a visitor searches: a "
        "few that help most people, such as how to get naloxone.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("external_url"), FieldPanel("document")],
            heading="Where to find it",
            help_text="Give a link, a document, or both.",
        ),
        # Tick boxes for the tags (a click never clears the others) and plain drop-downs for the
        # short lists: editors see every choice at once, with no pop-up to search.
        MultiFieldPanel(
            [
                FieldPanel("resource_type", widget=forms.Select),
                FieldPanel("language", widget=forms.Select),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("substances", widget=forms.CheckboxSelectMultiple),
                FieldPanel("approaches", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading="How visitors find it",
            help_text="Tick every topic, substance, approach and audience that fits. Edit the "
            "lists themselves under “Library lists”, “Approaches” and “Languages” in the menu.",
        ),
        FieldPanel("published_date"),
        FieldPanel("featured"),
        ReviewedPage.review_panel,
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("organisation"),
        index.AutocompleteField("summary"),
        index.RelatedFields("resource_type", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("substances", [index.SearchField("name")]),
        index.RelatedFields("approaches", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("language", [index.SearchField("name")]),
        index.FilterField("published_date"),
    ]

    # A translation keeps the main language's type and language, as it keeps its other tags:
    # pages are tagged with the main language's entries, each shown in the visitor's words.
    override_translatable_fields = [
        SynchronizedField("resource_type"),
        SynchronizedField("language"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    search_result_label = _("Resource")

    class Meta:
        verbose_name = "resource"

    @property
    def search_language(self):
        """The language the search index stems this resource's words in (core/search_backend.py):
        its own, which may differ from the site's."""
        return self.language.code if self.language_id else None

    def clean(self):
        super().clean()
        if not self.external_url and not self.document_id:
            from django.core.exceptions import ValidationError

            raise ValidationError(
                {"external_url": "Give a link to the resource or attach a document."}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library_url"] = self.get_parent().get_url(request)
        context["related_resources"] = self.related_resources()
        return context

    def related_resources(self):
        """Up to three other public resources of the library sharing the most topics and
        approaches with this one; then the most recently reviewed, then by title. One query:
        each candidate's shared tags are counted in the tags' own tables and the three are
        chosen by id, then read in full (grouping whole pages by their shared tags took twice as
        long with 10,000 resources, docs/performance.md).

        The tags are read through the managers, so a preview ranks by the draft's own tags."""
        tags = {
            "topics": [topic.pk for topic in self.topics.all()],
            "approaches": [approach.pk for approach in self.approaches.all()],
        }
        tags = {relation: ids for relation, ids in tags.items() if ids}
        if not tags:
            return []
        shares, shared = Q(), Value(0)
        for relation, ids in tags.items():
            field = ResourcePage._meta.get_field(relation)
            resource, tag = field.m2m_field_name(), field.m2m_reverse_field_name()
            tagged = field.remote_field.through.objects.filter(**{f"{tag}__in": ids})
            shares |= Q(pk__in=tagged.values(resource))
            count = tagged.filter(**{resource: OuterRef("pk")}).order_by().values(resource)
            count = count.annotate(count=Count("*")).values("count")
            shared += Coalesce(Subquery(count, output_field=models.IntegerField()), 0)
        order = ("-shared", F("last_reviewed").desc(nulls_last=True), "title", "pk")
        chosen = (
            visible_to_public(ResourcePage.objects.sibling_of(self, inclusive=False))
            .filter(shares)
            .annotate(shared=shared)
            .order_by(*order)
            .values("pk")[:RELATED_COUNT]
        )
        return list(
            ResourcePage.objects.filter(pk__in=chosen)
            .annotate(shared=shared)
            .select_related("resource_type", "language")
            .order_by(*order)
        )
