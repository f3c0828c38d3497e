"""Template context every page gets."""

import uuid

from django.utils.functional import SimpleLazyObject

from home import page_cache


def layout_generation(request):
    """`layout_generation`: what the parts of the layout shared by every page (quick exit,
    crisis lines, footer) are kept in the cache under, in base.html, so that any edit shows
    at once. When the cache cannot say which generation is current, a key never used before:
    the parts are rendered afresh."""

    def generation():
        return page_cache.current_generation(request) or uuid.uuid4().hex

    return {"layout_generation": SimpleLazyObject(generation)}
