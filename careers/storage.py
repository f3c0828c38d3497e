"""Where applicants' resumes are kept: a folder outside the public media folder, with no
public address at all. The "private" alias in settings.STORAGES points here, so a deployment can
swap it for a private S3 bucket (django-storages) by environment without touching the code."""

import contextlib
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Files readable only by the site's own process, served only through the admin's
    permission-checked download view."""

    def __init__(self, location=None, **kwargs):
        kwargs.setdefault("file_permissions_mode", 0o600)
        kwargs.setdefault("directory_permissions_mode", 0o700)
        super().__init__(location=location, **kwargs)

    # Read on every use rather than cached, so the folder follows settings.PRIVATE_MEDIA_ROOT
    # (tests point it at a throwaway folder).
    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError:
            # A disk that fills up mid-write leaves part of a resume under a name no row
            # records, where the retention purge would never find it: remove it.
            with contextlib.suppress(FileNotFoundError):
                os.remove(self.path(name))
            raise

    def url(self, name):
        # A resume must never have a public address; the admin view streams it instead.
        raise NotImplementedError("Private files have no URL; use the admin download view.")


def private_storage():
    """The storage for resumes, looked up by alias so settings decide the backend."""
    return storages["private"]
