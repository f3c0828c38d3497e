"""The one set of StreamField blocks shared by every page type. Each block says what it is for
(`description`) and shows an example in the block picker (`preview_value`)."""

from django.conf import settings
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.validators import validate_phone_number

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use section headings for main parts of the page, sub-headings inside them.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = "A heading that starts a section of the page."
        preview_value = {"text": "Is abstinence the goal?", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the image for people who cannot see it. Required.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        description = "An image with a description for screen readers and an optional caption."


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    link_page = blocks.PageChooserBlock(required=False)
    link_url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")
    link_text = blocks.CharBlock(max_length=60, default="Reach out today")

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        description = "A short invitation with one button, such as “Reach out today”."
        preview_value = {
            "heading": "Ready to talk?",
            "text": "A first conversation costs nothing and commits you to nothing.",
            "link_url": "/contact/",
            "link_text": "Reach out today",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("link_page") and not value.get("link_url"):
            from django.core.exceptions import ValidationError
            from wagtail.blocks.struct_block import StructBlockValidationError

            raise StructBlockValidationError(
                block_errors={"link_page": ValidationError("Choose a page or enter a link.")}
            )
        return value


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("important", "Important"), ("safety", "Safety")],
        default="info",
    )
    heading = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        description = "A highlighted box for something readers must not miss."
        preview_value = {
            "tone": "safety",
            "heading": "In an emergency",
            "text": "<p>Call 911. Naloxone can reverse an opioid overdose.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        description = "A quotation with who said it."
        preview_value = {
            "quote": "Any reduction in harm is seen as a positive change.",
            "attribution": "Harm reduction principle",
        }


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Frequently asked questions")
    items = blocks.ListBlock(FAQItemBlock())

    class Meta:
        icon = "help"
        template = "blocks/faq.html"
        description = "Questions and answers that open one at a time."
        preview_value = {
            "heading": "Frequently asked questions",
            "items": [
                {
                    "question": "Do I have to stop using to start therapy?",
                    "answer": "<p>No. You set the goals; abstinence is one of them.</p>",
                }
            ],
        }


NALOXONE_FREE = (
    "<p>Many health departments, harm reduction programs and syringe services programs give "
    "naloxone away free, with no questions asked and no ID. Some pharmacies also give it free "
    "or at low cost: ask at the counter.</p>"
)
NALOXONE_OVER_THE_COUNTER = (
    "Since 2023, naloxone nasal spray (such as Narcan and RiVive) is sold over the counter in US "
    "pharmacies and shops, without a prescription."
)
NALOXONE_MAIL_ORDER = [
    {
        "name": "NEXT Distro",
        "url": "https://nextdistro.org/",
        "note": "Free naloxone by mail in many US states, and a map of local programs.",
    }
]
NALOXONE_STEPS = [
    "Check for a response: shout their name and rub your knuckles hard on the middle of their "
    "chest.",
    "Call 911. Say that someone is not breathing or will not wake up. Most states have Good "
    "Samaritan laws that protect people who call for help.",
    "Give naloxone: lay them on their back, tilt their head back, put the nozzle in one nostril "
    "and press the plunger firmly.",
    "Turn them on their side (the recovery position) so they do not choke, and stay with them.",
    "If they do not wake up after 2 to 3 minutes, give a second dose in the other nostril with a "
    "new device.",
    "Stay until help arrives: naloxone wears off in 30 to 90 minutes, and the overdose can come "
    "back.",
]


class MailOrderProgrammeBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120)
    url = blocks.URLBlock(help_text="The programme's own website.")
    note = blocks.CharBlock(
        max_length=200, required=False, help_text="Who it serves, such as which states."
    )


class NaloxoneBlock(blocks.StructBlock):
    """Where to get naloxone free and how to use it: the one piece of information on the site
    that can save a life today, so it is a block any page can carry."""

    heading = blocks.CharBlock(max_length=120, default="Get naloxone")
    intro = blocks.TextBlock(
        max_length=400,
        required=False,
        default="Naloxone reverses an opioid overdose. It is safe, and it cannot hurt someone "
        "who has not taken opioids. Carry it if you or someone near you uses drugs.",
    )
    where_to_get_it_free = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, default=NALOXONE_FREE, help_text="Where to get it free."
    )
    over_the_counter = blocks.TextBlock(
        max_length=300,
        required=False,
        default=NALOXONE_OVER_THE_COUNTER,
        help_text="Buying it without a prescription.",
    )
    mail_order = blocks.ListBlock(
        MailOrderProgrammeBlock(),
        default=NALOXONE_MAIL_ORDER,
        label="Mail-order programs",
        help_text="Programmes that post naloxone free, for people who cannot go in person.",
    )
    how_to_use_it = blocks.ListBlock(
        blocks.TextBlock(max_length=300),
        default=NALOXONE_STEPS,
        label="How to use it",
        help_text="Numbered steps, in order.",
    )

    class Meta:
        icon = "plus-inverse"
        template = "blocks/naloxone.html"
        description = "Where to get naloxone free, mail-order programs, and how to use it."
        preview_value = {
            "heading": "Get naloxone",
            "intro": "Naloxone reverses an opioid overdose.",
            "where_to_get_it_free": NALOXONE_FREE,
            "over_the_counter": NALOXONE_OVER_THE_COUNTER,
            "mail_order": NALOXONE_MAIL_ORDER,
            "how_to_use_it": NALOXONE_STEPS,
        }


class RetentionPeriodsBlock(blocks.StructBlock):
    """How long the site keeps what people send, read from the server's settings at the moment
    the page is shown, so the privacy notice never disagrees with what the purge jobs do."""

    heading = blocks.CharBlock(max_length=120, default="How long we keep it")
    note = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text="Anything to add after the list, such as how long backups are kept.",
    )

    class Meta:
        icon = "time"
        template = "blocks/retention_periods.html"
        description = "The retention periods the site enforces, filled in automatically."
        preview_value = {"heading": "How long we keep it"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["contact_days"] = settings.CONTACT_RETENTION_DAYS
        # Job applications are purged by the careers app, which names its own setting.
        context["application_days"] = getattr(settings, "APPLICATION_RETENTION_DAYS", None)
        return context


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        description="Text with headings, lists and links.",
        preview_value="<p>Harm reduction meets people where they are.</p>",
    )
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    faq = FAQBlock()
    naloxone = NaloxoneBlock()
    retention_periods = RetentionPeriodsBlock()


class CrisisLineBlock(blocks.StructBlock):
    """A crisis line in the banner on every page: its name and when to call it, and the numbers
    and link that reach it. The numbers become call and text links, so each is checked."""

    name = blocks.CharBlock(max_length=80, help_text="For example “988 Suicide & Crisis Lifeline”.")
    description = blocks.CharBlock(
        max_length=200,
        required=False,
        help_text="When to call it and when it is open, such as “Free, confidential, 24/7”.",
    )
    phone = blocks.CharBlock(
        max_length=30,
        required=False,
        label="Phone number",
        help_text="The number to call, in digits, such as 1-800-662-4357.",
        validators=[validate_phone_number],
    )
    text = blocks.CharBlock(
        max_length=30,
        required=False,
        label="Text (SMS) number",
        help_text="The number to text, if any, in digits.",
        validators=[validate_phone_number],
    )
    tty = blocks.CharBlock(
        max_length=30,
        required=False,
        label="TTY number",
        help_text="For people who are deaf or hard of hearing, if the line has one.",
        validators=[validate_phone_number],
    )
    text_word = blocks.CharBlock(
        max_length=20,
        required=False,
        label="Word to text",
        default="",
        help_text="A word people send to the text number, if the line asks for one, such as "
        "“AYUDA” for 988 in Spanish: the text link fills it in.",
    )
    chat_url = blocks.URLBlock(
        required=False, label="Chat link", help_text="The line's online chat, if any."
    )
    pinned = blocks.BooleanBlock(
        required=False,
        default=False,
        label="Always visible",
        help_text="Show this line's call and text links in the banner's top line, not only "
        "behind “More help lines”. Keep it to one or two lines so the banner stays small on "
        "phones.",
    )

    class Meta:
        label = "Crisis line"
        # Collapsed, each line shows its name; a phone, not a warning sign, since this is help.
        label_format = "{name}"
        icon = "mobile-alt"
        description = "A crisis line shown in the banner on every page."


def crisis_line(
    name, description, phone="", text="", tty="", chat_url="", pinned=False, text_word=""
):
    return {
        "type": "line",
        "value": {
            "name": name,
            "description": description,
            "phone": phone,
            "text": text,
            "tty": tty,
            "text_word": text_word,
            "chat_url": chat_url,
            "pinned": pinned,
        },
    }


def default_crisis_lines():
    return [
        crisis_line("Emergency", "If a life is in danger now.", phone="911", pinned=True),
        crisis_line(
            "988 Suicide & Crisis Lifeline",
            "Call or text 988, or chat online, 24/7.",
            phone="988",
            text="988",
            chat_url="https://988lifeline.org/chat/",
            pinned=True,
        ),
        crisis_line(
            "SAMHSA National Helpline",
            "Free, confidential, 24/7, in English and Spanish.",
            phone="1-800-662-4357",
            tty="1-800-487-4889",
        ),
        crisis_line(
            "Never Use Alone",
            "If you use alone, call: someone stays on the line and sends help to where you are "
            "if you stop answering.",
            phone="1-800-484-3731",
        ),
    ]


class StatementBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "tick"
        description = "A short titled statement, such as one goal or one principle."
        preview_value = {
            "title": "Dignity and respect",
            "text": "<p>People who use substances deserve care without judgement.</p>",
        }


class FeeBlock(blocks.StructBlock):
    service = blocks.CharBlock(max_length=120, help_text="e.g. “Individual session”.")
    length = blocks.CharBlock(max_length=60, required=False, help_text="e.g. “50 minutes”.")
    fee = blocks.CharBlock(max_length=60, help_text="As visitors should read it, e.g. “$160”.")
    note = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "tag"
        description = "One service and what it costs."


class SlidingScaleTierBlock(blocks.StructBlock):
    who = blocks.CharBlock(
        max_length=120, help_text="Who pays this, e.g. “Household income under $30,000 a year”."
    )
    fee = blocks.CharBlock(max_length=60, help_text="e.g. “$60 a session”.")

    class Meta:
        icon = "list-ul"
        description = "One step of the sliding scale."


class GoodFaithEstimateBlock(blocks.StructBlock):
    """The No Surprises Act notice for people who are uninsured or not using insurance, kept in
    the words the government's standard notice uses, with the date those words were checked."""

    heading = blocks.CharBlock(max_length=120, default="Your right to a Good Faith Estimate")
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        help_text="The notice's wording. Check it against cms.gov/nosurprises when reviewing "
        "this page, and update the date below.",
    )
    wording_checked = blocks.DateBlock(
        help_text="When the wording was last checked against the government's notice."
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/good_faith_estimate.html"
        description = "The Good Faith Estimate notice (No Surprises Act), dated."
