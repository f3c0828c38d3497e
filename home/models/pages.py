from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import (
    RICH_TEXT_FEATURES,
    BaseStreamBlock,
    FeeBlock,
    GoodFaithEstimateBlock,
    SlidingScaleTierBlock,
    StatementBlock,
)
from core.locales import in_language
from core.models import Approach, ReviewedPage
from core.search_fields import PAGE_SEARCH_FIELDS
from core.visibility import ViewRestrictionsFromCache, first_public_page


class PathwayBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    heading = blocks.CharBlock(max_length=80, required=False, help_text="Defaults to the title.")
    text = blocks.TextBlock(max_length=300)

    class Meta:
        icon = "link"
        template = "blocks/pathway.html"
        description = "A card that leads into one part of the site."


class HomePage(ViewRestrictionsFromCache, ReviewedPage, Page):
    """The front door: the practice's promise, what harm reduction is in a few lines, and the
    ways into the rest of the site."""

    hero_promise = models.CharField(
        max_length=120,
        default="Pragmatic Help without Judgement",
        help_text="The practice's promise, the largest words on the page.",
    )
    hero_text = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences under the promise."
    )
    hero_cta_text = models.CharField(max_length=60, default="Reach out today")
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Usually the contact page.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A warm illustration or photo beside the promise (landscape, at least 1200 "
        "pixels wide). Its description in the image library is read to people who cannot see "
        "it; leave the description empty if the image only sets a mood.",
    )
    teaser_heading = models.CharField(max_length=120, default="What is harm reduction?")
    teaser_text = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    teaser_link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Usually the explainer page.",
    )
    teaser_link_text = models.CharField(max_length=60, default="Read more about harm reduction")
    pathways_heading = models.CharField(max_length=120, default="Find your way")
    pathways = StreamField(
        [("pathway", PathwayBlock())],
        blank=True,
        help_text="Cards that lead into the explainer, resources, team and careers.",
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_promise"),
                FieldPanel("hero_text"),
                FieldPanel("hero_cta_text"),
                FieldPanel("hero_cta_page"),
                FieldPanel("hero_image"),
            ],
            heading="Hero",
        ),
        MultiFieldPanel(
            [
                FieldPanel("teaser_heading"),
                FieldPanel("teaser_text"),
                FieldPanel("teaser_link_page"),
                FieldPanel("teaser_link_text"),
            ],
            heading="What is harm reduction (teaser)",
        ),
        FieldPanel("pathways_heading"),
        FieldPanel("pathways"),
        InlinePanel("featured_team_members", label="Featured team members", max_num=4),
        FieldPanel("body"),
        ReviewedPage.review_panel,
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("hero_promise"),
        index.SearchField("hero_text"),
        index.SearchField("teaser_text"),
        index.SearchField("body"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ExplainerPage",
        "home.GoalsPage",
        "home.ContactPage",
        "home.StandardPage",
        "resources.ResourceIndexPage",
        "team.TeamIndexPage",
        "careers.CareersIndexPage",
        "practice_events.EventIndexPage",
        "team.TelehealthPage",
        "home.FeesPage",
    ]

    class Meta:
        verbose_name = "home page"


class ExplainerPage(ViewRestrictionsFromCache, ReviewedPage, Page):
    """Explains harm reduction: what it is, whether abstinence is the goal, and the spectrum of
    approaches, which comes from the editable list of approaches."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, help_text="What harm reduction is.")
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="Sections before the spectrum, such as “Is abstinence/sobriety the goal?”.",
    )
    spectrum_heading = models.CharField(max_length=120, default="The spectrum of harm reduction")
    spectrum_intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    spectrum_start_label = models.CharField(
        max_length=40,
        default="Using more safely",
        help_text="The words at the start of the spectrum's picture, before the first approach.",
    )
    spectrum_end_label = models.CharField(
        max_length=40,
        default="Not using at all",
        help_text="The words at the end of the spectrum's picture, after the last approach.",
    )
    closing = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="Sections after the spectrum, such as questions and answers.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("spectrum_heading"),
                FieldPanel("spectrum_intro"),
                FieldPanel("spectrum_start_label"),
                FieldPanel("spectrum_end_label"),
            ],
            heading="Spectrum of approaches",
            help_text="The picture of the spectrum and the sections under it follow the "
            "approaches: edit them, and their order, under “Approaches” in the menu.",
        ),
        FieldPanel("closing"),
        ReviewedPage.review_panel,
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("spectrum_intro"),
        index.SearchField("closing"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "harm reduction explainer"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["approaches"] = Approach.for_language_shown(self.locale_id)
        # Each approach links to the resource library filtered by it.
        library = in_language(first_public_page("resources.ResourceIndexPage"))
        context["library_url"] = library.get_url(request) if library else ""
        return context


class GoalsPage(ViewRestrictionsFromCache, ReviewedPage, Page):
    """The goals of harm reduction therapy and how it is used in therapy, as separate
    statements editors can add to, reorder and reword."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    goals_heading = models.CharField(max_length=120, default="Goals of harm reduction therapy")
    goals = StreamField([("goal", StatementBlock())], blank=True)
    therapy_heading = models.CharField(
        max_length=120, default="How is harm reduction used in therapy?"
    )
    therapy_text = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    principles = StreamField(
        [("principle", StatementBlock())],
        blank=True,
        help_text="What therapy rests on: dignity, respect, informed choice, collaboration.",
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("goals_heading"),
        FieldPanel("goals"),
        FieldPanel("therapy_heading"),
        FieldPanel("therapy_text"),
        FieldPanel("principles"),
        FieldPanel("body"),
        ReviewedPage.review_panel,
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("intro"),
        index.SearchField("goals"),
        index.SearchField("therapy_text"),
        index.SearchField("principles"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "goals of harm reduction therapy"


class StandardPage(ViewRestrictionsFromCache, ReviewedPage, Page):
    """A plain page of text for things people need to read in full, such as “Browsing
    safely” and the privacy notice: an introduction, a body, and when it was last reviewed."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="One or two sentences: the gist."
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        ReviewedPage.review_panel,
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "standard page"


class FeesPage(ViewRestrictionsFromCache, ReviewedPage, Page):
    """What therapy costs and how to pay: session fees, the sliding scale, insurance and
    superbills, payment, cancellations, and the Good Faith Estimate notice the No Surprises Act
    requires for people who are uninsured or not using insurance."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    fees = StreamField([("fee", FeeBlock())], blank=True, help_text="One row per service.")
    sliding_scale_text = RichTextField(
        "about the sliding scale",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Who it is for and how to ask for it.",
    )
    sliding_scale = StreamField(
        [("tier", SlidingScaleTierBlock())], blank=True, help_text="From the lowest fee up."
    )
    insurance = RichTextField(
        "insurance and superbills",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="The plans you are in network with, and how out-of-network clients claim.",
    )
    payment = RichTextField("how to pay", features=RICH_TEXT_FEATURES, blank=True)
    cancellation = RichTextField("cancellation policy", features=RICH_TEXT_FEATURES, blank=True)
    good_faith_estimate = StreamField(
        [("good_faith_estimate", GoodFaithEstimateBlock())],
        blank=True,
        max_num=1,
        help_text="Required by law on this page if you see clients who pay for themselves.",
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("fees"),
        MultiFieldPanel(
            [FieldPanel("sliding_scale_text"), FieldPanel("sliding_scale")],
            heading="Sliding scale",
        ),
        FieldPanel("insurance"),
        FieldPanel("payment"),
        FieldPanel("cancellation"),
        FieldPanel("good_faith_estimate"),
        FieldPanel("body"),
        ReviewedPage.review_panel,
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("intro"),
        index.SearchField("fees"),
        index.SearchField("sliding_scale_text"),
        index.SearchField("insurance"),
        index.SearchField("payment"),
        index.SearchField("cancellation"),
        index.SearchField("good_faith_estimate"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "fees and insurance page"
