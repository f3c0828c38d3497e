import re
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.jsonld import json_ld_script
from core.locales import (
    in_language,
    in_main_language,
    main_language_version,
    pages_in_language_shown,
)
from core.routing import find_site
from core.search_fields import PAGE_SEARCH_FIELDS
from core.visibility import (
    ViewRestrictionsFromCache,
    first_public_page,
    is_visible_to_public,
    visible_to_public,
)

from .taxonomy import LicensedState, SessionFormat, Specialty

# The only image sizes the team's pages use: a card (shown at up to 160px, sharp on 2x screens)
# and the profile (up to 240px), each in AVIF and, for browsers without it, WebP. Listings
# prefetch exactly the card's renditions (templates/team/includes/member_photo.html).
CARD_PHOTO = tuple(
    f"format-{kind}|fill-{size}" for kind in ("avif", "webp") for size in ("320x320", "160x160")
)
PROFILE_PHOTO = "fill-480x480"


def in_language_shown(members, card_details=True):
    """`members` (the main language's clinicians), each by their page in the language shown
    where it is translated and public (core.locales.pages_in_language_shown), with everything a
    card shows (`card_details`) or only the photo, which a translation shares with its source:
    the photo already loaded, with its renditions, is reused."""
    shown = pages_in_language_shown(members, load=with_card_details if card_details else None)
    photo_field = TeamMemberPage.photo.field
    for member, translated in zip(members, shown, strict=True):
        if translated.photo_id == member.photo_id and photo_field.is_cached(member):
            translated.photo = member.photo
    return shown


def with_card_details(members):
    """Everything a member card shows, in a fixed number of queries however many members."""
    rendition_model = get_image_model().get_rendition_model()
    return members.select_related("photo").prefetch_related(
        Prefetch(
            "photo__renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=CARD_PHOTO),
        ),
        "specialties",
        "languages",
        "session_formats",
    )


class TeamIndexPage(ViewRestrictionsFromCache, Page):
    """“Our Experts”: every clinician as a card, with filters for what people look for first
    (a specialty, a language, how sessions happen, and who is taking new clients)."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    not_found_text = models.CharField(
        max_length=250,
        default=(
            "No one matches all of these choices. Try removing one, or reach out and we will "
            "help you find the right person."
        ),
        help_text="Shown when the filters match no clinician.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("not_found_text")]

    search_fields = PAGE_SEARCH_FIELDS + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["team.TeamMemberPage"]
    max_count = 1

    class Meta:
        verbose_name = "team index"

    @cached_property
    def main_team(self):
        return main_language_version(self)

    def members(self):
        """The public clinicians: one team in every language (a translation of this page lists
        the main language's clinicians, each shown in the visitor's language where their page
        is translated: `in_language_shown`)."""
        return visible_to_public(TeamMemberPage.objects.child_of(self.main_team)).order_by(
            "display_order", "title"
        )

    def get_context(self, request, *args, **kwargs):
        from team.forms import TeamFilter

        context = super().get_context(request, *args, **kwargs)
        members = self.members()
        filters = TeamFilter(request.GET, queryset=members)
        shown = in_language_shown(list(with_card_details(filters.qs)))
        context["filters"] = filters
        context["members"] = shown
        context["total_members"] = members.count() if filters.is_filtered else len(shown)
        # Only an empty list offers the contact form instead.
        context["contact_page"] = None if shown else contact_page()
        return context


class TeamMemberPage(ViewRestrictionsFromCache, Page):
    """One clinician: who they are (name, pronouns, credentials, role, photo, bio) and what they
    offer (specialties, approaches, languages, formats, whether they take new clients), so a
    visitor can choose someone they trust and reach out to them."""

    pronouns = models.CharField(
        max_length=60,
        blank=True,
        help_text="As the clinician writes them, e.g. “he/him/they/them”. Shown beside the name.",
    )
    credentials = models.CharField(
        max_length=120, blank=True, help_text="Licences and certifications, e.g. “LCSW, CADC”."
    )
    role = models.CharField(max_length=120, blank=True, help_text="e.g. “Clinical Director”.")
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Without a photo, the clinician's initials are shown.",
    )
    photo_alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the photo for people who cannot see it. Required with a photo.",
    )
    short_bio = models.TextField(
        max_length=300, help_text="One to three sentences for the team list and search results."
    )
    bio = RichTextField(features=RICH_TEXT_FEATURES, help_text="The full bio on this page.")
    specialties = ParentalManyToManyField(
        Specialty, blank=True, related_name="team_members", limit_choices_to=in_main_language
    )
    approaches = ParentalManyToManyField(
        "core.Approach",
        blank=True,
        related_name="team_members",
        limit_choices_to=in_main_language,
        help_text="The approaches of the spectrum this clinician works with.",
    )
    languages = ParentalManyToManyField(
        "core.Language", blank=True, related_name="team_members", limit_choices_to=in_main_language
    )
    session_formats = ParentalManyToManyField(
        SessionFormat, blank=True, related_name="team_members", limit_choices_to=in_main_language
    )
    licensed_states = ParentalManyToManyField(
        LicensedState,
        blank=True,
        related_name="team_members",
        limit_choices_to=in_main_language,
        help_text="Where this clinician is licensed. Clients they see by video must be in one of "
        "these states at the time of the session.",
    )
    accepting_new_clients = models.BooleanField(
        default=True,
        help_text="Only clinicians taking new clients can be chosen on the contact form.",
    )
    display_order = models.PositiveSmallIntegerField(
        default=100,
        help_text="Lower numbers come first in the team list; equal numbers go by name.",
    )

    content_panels = [
        TitleFieldPanel("title", heading="Name", help_text="As the clinician likes it written."),
        FieldRowPanel([FieldPanel("pronouns"), FieldPanel("credentials"), FieldPanel("role")]),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading="Photo"),
        FieldPanel("short_bio"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldPanel("specialties", widget=forms.CheckboxSelectMultiple),
                FieldPanel("approaches", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("session_formats", widget=forms.CheckboxSelectMultiple),
                FieldPanel("licensed_states", widget=forms.CheckboxSelectMultiple),
            ],
            heading="What this clinician offers",
            help_text="Edit the lists themselves under “Team” and “Languages” in the menu.",
        ),
        FieldRowPanel([FieldPanel("accepting_new_clients"), FieldPanel("display_order")]),
    ]

    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("pronouns"),
        # "she/her" is one token to PostgreSQL's parser (it looks like a path), and "she" and
        # "her" are English stop words; the autocomplete index keeps them as separate words.
        index.AutocompleteField("pronoun_words"),
        index.SearchField("credentials"),
        index.AutocompleteField("credentials"),
        index.SearchField("role"),
        index.SearchField("short_bio"),
        index.SearchField("bio"),
        index.RelatedFields("specialties", [index.SearchField("name")]),
        index.RelatedFields("languages", [index.SearchField("name")]),
        index.RelatedFields("approaches", [index.SearchField("name")]),
        index.FilterField("accepting_new_clients"),
    ]

    @property
    def pronoun_words(self):
        return " ".join(re.findall(r"\w+", self.pronouns))

    parent_page_types = ["team.TeamIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "team member"

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt_text.strip():
            raise ValidationError(
                {"photo_alt_text": "Describe the photo for people who cannot see it."}
            )

    @property
    def initials(self):
        words = [word for word in self.title.split() if word[:1].isalpha()]
        if not words:
            return ""
        if len(words) == 1:
            return words[0][0].upper()
        return (words[0][0] + words[-1][0]).upper()

    @property
    def name_with_pronouns(self):
        return f"{self.title} ({self.pronouns})" if self.pronouns else self.title

    def reach_out_url(self, request=None):
        """The contact form with this clinician chosen, or None without a public contact page.
        A clinician who cannot be chosen there (not taking new clients, or a private page) gets
        the form without a choice: the form offers only clinicians anyone may see."""
        contact = contact_page()
        if contact is None:
            return None
        url = contact.get_url(request=request)
        if not self.accepting_new_clients or not is_visible_to_public(self):
            return url
        # The form knows each clinician by their main language page's slug.
        return f"{url}?{urlencode({'clinician': main_language_version(self).slug})}"

    def person_json_ld(self, request=None):
        """Schema.org Person data, so search engines show who the clinician is."""
        from core.models import PracticeSettings

        practice = PracticeSettings.load(request_or_site=request)
        data = {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": self.title,
            "url": self.get_full_url(request=request),
            "description": self.short_bio,
        }
        if self.role:
            data["jobTitle"] = self.role
        if self.credentials:
            data["honorificSuffix"] = self.credentials
        if self.photo_id:
            rendition = self.photo.get_rendition(PROFILE_PHOTO)
            url = rendition.url
            if request is not None and url.startswith("/"):
                url = request.build_absolute_uri(url)
            data["image"] = url
        languages = [language.name for language in self.languages.all()]
        if languages:
            data["knowsLanguage"] = languages
        topics = [item.name for item in self.specialties.all()]
        topics += [item.name for item in self.approaches.all()]
        if topics:
            data["knowsAbout"] = topics
        data["worksFor"] = {"@type": "MedicalBusiness", "name": practice.practice_name}
        site = find_site(request) if request is not None else self.get_site()
        if site is not None:
            data["worksFor"]["url"] = site.root_page.get_full_url(request=request)
        return json_ld_script(data)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["person_json_ld"] = self.person_json_ld(request)
        context["reach_out_url"] = self.reach_out_url(request)
        context["team_index"] = self.get_parent()
        # Each approach links to where the explainer describes it.
        explainer = in_language(first_public_page("home.ExplainerPage"))
        context["explainer_url"] = explainer.get_url(request) if explainer else ""
        # Someone who sees clients by video links to where clients may be for it.
        telehealth = in_language(first_public_page("team.TelehealthPage"))
        offers_video = telehealth is not None and any(
            item.pk == telehealth.telehealth_format_id for item in self.session_formats.all()
        )
        context["telehealth_url"] = telehealth.get_url(request) if offers_video else ""
        return context


def contact_page():
    return in_language(first_public_page("home.ContactPage"))


class TelehealthPage(ViewRestrictionsFromCache, Page):
    """Therapy by video: where clients can be seen from (the states the clinicians who offer it
    are licensed in, kept on each clinician's page and summed up here), what a session needs,
    and how it is kept private."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    telehealth_format = models.ForeignKey(
        SessionFormat,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_main_language,
        help_text="The session format that means video sessions: the clinicians who offer it are "
        "listed by the states they are licensed in.",
    )
    states_heading = models.CharField(max_length=120, default="Where we can see you by video")
    no_states_text = models.CharField(
        max_length=250,
        default="Video sessions are not offered just now. Reach out and we will tell you when "
        "they are.",
        help_text="Shown when no clinician offers video sessions.",
    )
    what_you_need = RichTextField("what you need", features=RICH_TEXT_FEATURES, blank=True)
    privacy = RichTextField("privacy of video sessions", features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("telehealth_format"),
                FieldPanel("states_heading"),
                FieldPanel("no_states_text"),
            ],
            heading="Where clients can be seen from",
            help_text="The states come from the clinicians' pages (“Licensed states”).",
        ),
        FieldPanel("what_you_need"),
        FieldPanel("privacy"),
        FieldPanel("body"),
    ]
    search_fields = PAGE_SEARCH_FIELDS + [
        index.SearchField("intro"),
        index.SearchField("what_you_need"),
        index.SearchField("privacy"),
        index.SearchField("body"),
    ]
    # The translation keeps the main language's session format, the one clinicians are tagged with.
    override_translatable_fields = [SynchronizedField("telehealth_format")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "telehealth page"

    def states(self):
        """[(state, [clinicians])] for each state a public clinician offering video sessions is
        licensed in, in the states' order, the clinicians in the team's order: three queries
        however many clinicians and states."""
        if self.telehealth_format_id is None:
            return []
        members = list(
            visible_to_public(
                TeamMemberPage.objects.filter(
                    session_formats=self.telehealth_format_id, **in_main_language()
                )
            )
            .order_by("display_order", "title")
            .prefetch_related("licensed_states")
        )
        # Each clinician's page in the language shown where it is translated.
        shown = dict(zip(members, in_language_shown(members), strict=True))
        by_state = {}
        for member in members:
            for state in member.licensed_states.all():
                by_state.setdefault(state, []).append(shown[member])
        # The states' own order (Term's: editors drag them; a new one without a place goes last).
        return sorted(
            by_state.items(),
            key=lambda item: (item[0].sort_order is None, item[0].sort_order or 0, item[0].name),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["states"] = self.states()
        context["contact_page"] = contact_page()
        return context
