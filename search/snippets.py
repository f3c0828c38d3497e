"""The few lines of matching text shown under each search result, with the words highlighted.

Text comes from the page itself (its search description first, then the fields its page type
indexes), never from a database query per result: StreamFields are read from their stored
JSON without loading the images or pages their blocks point to."""

import html
import re

from django.db import models
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.fields import StreamField
from wagtail.search import index

SNIPPET_LENGTH = 240
SPACES = re.compile(r"\s+")
# Keys in stored StreamField JSON that hold settings rather than words a visitor reads.
NON_TEXT_KEYS = {"type", "id", "level", "style", "kind", "url", "link", "alt", "image", "page"}


def plain(text):
    return SPACES.sub(" ", html.unescape(strip_tags(text or ""))).strip()


def stream_strings(data):
    """Every string in a StreamField's stored JSON, in reading order."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NON_TEXT_KEYS:
                yield from stream_strings(value)
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from stream_strings(item)


def indexed_texts(page):
    """The page's searchable words, field by field, in the order its page type lists them."""
    yield page.search_description
    concrete = {f.name: f for f in page._meta.get_fields() if isinstance(f, models.Field)}
    for search_field in page.get_search_fields():
        name = getattr(search_field, "field_name", None)
        if not isinstance(search_field, index.SearchField) or name in (None, "title"):
            continue
        model_field = concrete.get(name)
        # Relations and methods could cost a query per result; they are left to the backend.
        if model_field is None or model_field.is_relation:
            continue
        value = getattr(page, name, None)
        if isinstance(model_field, StreamField):
            # Single words in stored JSON are mostly settings (a heading level, a style).
            strings = stream_strings(list(getattr(value, "raw_data", None) or []))
            yield " ".join(text for text in strings if " " in text.strip())
        elif isinstance(value, str):
            yield value


def window(text, start, end, length=SNIPPET_LENGTH):
    """About `length` characters of `text` around text[start:end], cut between words."""
    before = max(0, start - length // 3)
    after = min(len(text), before + length)
    before = max(0, min(before, after - length))
    if before > 0:
        space = text.find(" ", before)
        before = space + 1 if 0 <= space < start else before
    if after < len(text):
        space = text.rfind(" ", end, after)
        after = space if space > end else after
    prefix = "… " if before > 0 else ""
    suffix = " …" if after < len(text) else ""
    return prefix, text[before:after], suffix


def highlight(text, pattern):
    """Escape `text`, then wrap each match of `pattern` in <mark>. Only escaped text is ever
    marked safe, so a query or page containing HTML is shown as text."""
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece is escaped above)


def build_snippet(page, query):
    """A short passage of the page around the first of the visitor's words, highlighted; the
    start of the page's description when its words matched only through tags or titles."""
    texts = [text for text in (plain(t) for t in indexed_texts(page)) if text]
    if not texts:
        return ""
    pattern = query.any_term
    for text in texts:
        match = pattern.search(text)
        if match:
            prefix, passage, suffix = window(text, match.start(), match.end())
            return mark_safe(f"{prefix}{highlight(passage, pattern)}{suffix}")  # noqa: S308
    prefix, passage, suffix = window(texts[0], 0, 0)
    return mark_safe(f"{highlight(passage, pattern)}{suffix}")  # noqa: S308
