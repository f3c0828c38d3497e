"""Structured data (schema.org JSON-LD) for search engines, the one kind of inline script public
pages carry."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# Escapes that keep JSON inside a <script> element from ending it early, as Django's json_script.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """`data` as a <script type="application/ld+json"> element, safe to put in a page."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),  # noqa: S308 - escaped just above
    )
