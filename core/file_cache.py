"""The `pages` cache on one machine without Redis: Django's file-based cache, which lists its whole
folder on every write to see whether it holds more than MAX_ENTRIES (Django's cache docs warn that
this grows slow with many files, and suggest overriding `_cull`).

The page cache's folder fills up by design: an edit moves the generation on, and what was kept
under the older one stays until culled. With 5,000 files a write took 13.6 ms here, and a first
view after an edit makes several writes (the page, the layout's parts). So the folder is listed
to cull only on the first write of a process and on one write in `CULL_EVERY` after it: the cache
may hold up to that many entries over its limit between culls (a cull removes a third of them,
so with a limit of at least three times `CULL_EVERY`), and a write costs about what it costs with
an empty folder. Reading is unchanged."""

from itertools import count

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 100


class FileCache(FileBasedCache):
    def __init__(self, location, params):
        super().__init__(location, params)
        self._writes = count()

    def _cull(self):
        if next(self._writes) % CULL_EVERY == 0:
            super()._cull()
