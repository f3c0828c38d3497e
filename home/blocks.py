"""The one set of StreamField blocks shared by every page type. Each block says what it is for
(`description`) and shows an example in the block picker (`preview_value`)."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

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


class CrisisLineBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=80, help_text="For example “988 Suicide & Crisis Lifeline”.")
    description = blocks.CharBlock(max_length=200, required=False)
    phone = blocks.CharBlock(max_length=30, required=False, help_text="Number to call.")
    text = blocks.CharBlock(max_length=30, required=False, help_text="Number to text, if any.")
    tty = blocks.CharBlock(max_length=30, required=False, help_text="TTY number, if any.")
    chat_url = blocks.URLBlock(required=False, help_text="Online chat, if any.")

    class Meta:
        icon = "warning"
        description = "A crisis line shown in the banner on every page."


def default_crisis_lines():
    return [
        {
            "type": "line",
            "value": {
                "name": "Emergency",
                "description": "If a life is in danger now.",
                "phone": "911",
                "text": "",
                "tty": "",
                "chat_url": "",
            },
        },
        {
            "type": "line",
            "value": {
                "name": "988 Suicide & Crisis Lifeline",
                "description": "Call, text or chat, 24/7.",
                "phone": "988",
                "text": "988",
                "tty": "",
                "chat_url": "https://988lifeline.org/chat/",
            },
        },
        {
            "type": "line",
            "value": {
                "name": "SAMHSA National Helpline",
                "description": "Free, confidential, 24/7, in English and Spanish.",
                "phone": "1-800-662-4357",
                "text": "",
                "tty": "1-800-487-4889",
                "chat_url": "",
            },
        },
        {
            "type": "line",
            "value": {
                "name": "Never Use Alone",
                "description": "Stays on the line while you use; sends help if you stop answering.",
                "phone": "1-800-484-3731",
                "text": "",
                "tty": "",
                "chat_url": "",
            },
        },
    ]
