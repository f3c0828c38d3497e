"""Where the Content Security Policy lets pictures come from: the site's own origin, and the
media storage's when uploaded images live elsewhere (an S3 bucket, or its own domain).

The origin is read from the storage itself, from the address it gives a file, so the policy
follows whatever the settings configure (docs/scaling.md) and never needs a list of its own.
"""

import functools
from urllib.parse import urlsplit

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver


@functools.cache
def media_origin():
    """The origin of the media storage's addresses, or None when they are the site's own
    (MEDIA_URL on the same host). Asking an S3 storage for an address makes no request."""
    address = urlsplit(storages["default"].url("csp-origin.png"))
    if not (address.scheme and address.netloc):
        return None
    return f"{address.scheme}://{address.netloc}"


def with_media_origin(policy):
    """`policy` with the media storage's origin added to the sources of images."""
    origin = media_origin()
    if origin is None:
        return policy
    return {**policy, "img-src": [*policy.get("img-src", ["'self'"]), origin]}


@receiver(setting_changed)
def forget_media_origin(setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_URL"):
        media_origin.cache_clear()
