"""The `pages` cache on one machine without Redis: Django's file-based cache, which lists its whole
folder on every write to see whether it holds more than MAX_ENTRIES (Django's cache docs warn that
this grows slow with many files, and suggest overriding `_cull`).

The page cache's folder fills up by design: an edit moves the generation on, and what was kept
under the older one stays until culled. With 5,000 files a write took 13.6 ms here, and a first
view after an edit makes several writes (the page, the layout's parts). So the folder is listed
to cull only on the first write of a process and on one write in `CULL_EVERY` after it: the cache
may hold up to that many entries over its limit between culls (a cull removes a third of them,
so with a limit of at least three times `CULL_EVERY`), and a write costs about what it costs with
an empty folder.

Django compresses every value with zlib, which a kept page's body, gzip-compressed already for
nearly every visitor, does not shrink: reading it back spent a decompression on every page
served from the cache. A value is written compressed only where that saves a tenth of it; a
file tells which it holds by its first byte (a pickle starts with 0x80, a zlib stream with
0x78), so files Django wrote stay readable."""

import pickle
import zlib
from itertools import count

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 100
WORTH_COMPRESSING = 0.9  # compressed only to at most this share of the pickled size
_MISSING = object()


class FileCache(FileBasedCache):
    def __init__(self, location, params):
        super().__init__(location, params)
        self._writes = count()

    def _cull(self):
        if next(self._writes) % CULL_EVERY == 0:
            super()._cull()

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        pickled = pickle.dumps(value, self.pickle_protocol)
        packed = zlib.compress(pickled)
        file.write(packed if len(packed) <= WORTH_COMPRESSING * len(pickled) else pickled)

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    data = file.read()
                    if data[:1] != pickle.PROTO:
                        data = zlib.decompress(data)
                    # The cache's own files, read as Django's backend reads them.
                    return pickle.loads(data)  # noqa: S301
        except FileNotFoundError:
            pass
        return default

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, _MISSING, version)
        if value is _MISSING:
            return False
        self.set(key, value, timeout, version)
        return True
