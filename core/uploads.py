"""Files sent by visitors are never stored past a size limit, even before any form sees them.

Django writes the files of a request larger than `FILE_UPLOAD_MAX_MEMORY_SIZE` to temporary files
as they arrive, and a form can refuse a file only once all of it is on disk. The proxy refuses large
requests, but the app server may be reached without it; so this handler, which takes the place
of Django's `TemporaryFileUploadHandler`, stops writing a file once it passes
`FILE_UPLOAD_MAX_SIZE` (setting, default 6 MB) and deletes what it had written. Keep the setting
a little above the largest file any visitor's form accepts (a resume: 5 MB).

The rest of the request is still read, so everything the person typed reaches the form. In place
of the file, the form receives an `OversizedUpload`: its name and the size that was sent, with no
content. A form that checks the size of its files (as every form taking files from visitors must)
then tells the person their file is too large, rather than that they forgot to choose one.

The limit is for visitors: people signed in (editors, in the Wagtail admin) upload images and
documents under Wagtail's own limits (`WAGTAILIMAGES_MAX_UPLOAD_SIZE`,
`WAGTAILDOCS_MAX_UPLOAD_SIZE`)."""

import io

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler

DEFAULT_MAX_SIZE = 6 * 1024 * 1024


def max_upload_size():
    return getattr(settings, "FILE_UPLOAD_MAX_SIZE", DEFAULT_MAX_SIZE)


class OversizedUpload(UploadedFile):
    """A file that was sent but not kept because it was too large: its name, its type and the
    number of bytes sent, and no content."""

    def __init__(self, name, content_type, size, charset=None, content_type_extra=None):
        super().__init__(io.BytesIO(), name, content_type, size, charset, content_type_extra)


class SizeLimitedUploadHandler(TemporaryFileUploadHandler):
    """Django's temporary-file handler, which keeps no more than `FILE_UPLOAD_MAX_SIZE` bytes of
    a visitor's file."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        user = getattr(self.request, "user", None)
        signed_in = user is not None and user.is_authenticated
        self.limit = None if signed_in else max_upload_size()
        self.too_large = False
        # A size the browser declares is believed only when it is too large.
        if self.over_limit(self.content_length or 0):
            self.stop_storing()

    def over_limit(self, size):
        return self.limit is not None and size > self.limit

    def stop_storing(self):
        self.too_large = True
        # A NamedTemporaryFile: closing it deletes it from the disk.
        self.file.close()

    def receive_data_chunk(self, raw_data, start):
        if not self.too_large and self.over_limit(start + len(raw_data)):
            self.stop_storing()
        if not self.too_large:
            self.file.write(raw_data)

    def file_complete(self, file_size):
        if not self.too_large:
            return super().file_complete(file_size)
        return OversizedUpload(
            self.file_name, self.content_type, file_size, self.charset, self.content_type_extra
        )
