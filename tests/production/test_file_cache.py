"""The page cache's files on one machine (core/file_cache.py): a write does not list the whole
folder, the folder is still kept near its limit, and a value is compressed only where it
shrinks."""

import gzip
import os
import zlib
from unittest import mock

from django.core.cache.backends.filebased import FileBasedCache

from core.file_cache import CULL_EVERY, FileCache


def make_cache(folder, max_entries):
    return FileCache(str(folder), {"OPTIONS": {"MAX_ENTRIES": max_entries}})


def test_a_write_lists_the_folder_only_once_in_a_hundred(tmp_path):
    cache = make_cache(tmp_path, 20_000)
    with mock.patch.object(cache, "_list_cache_files", wraps=cache._list_cache_files) as listed:
        for number in range(2 * CULL_EVERY):
            cache.set(f"page-{number}", b"<html>", 600)
    # The first write of a process culls (a folder left full by a restart is culled at once).
    assert listed.call_count == 2
    assert cache.get("page-7") == b"<html>"


def test_the_folder_stays_near_its_limit(tmp_path):
    # A cull removes a third of the entries, more than the writes between two culls.
    limit = 3 * CULL_EVERY
    cache = make_cache(tmp_path, limit)
    for number in range(5 * limit):
        cache.set(f"page-{number}", b"<html>", 600)
        assert len(list(tmp_path.iterdir())) <= limit + CULL_EVERY


def read_back(cache, key):
    """The value, and whether reading it had to decompress it."""
    with mock.patch("core.file_cache.zlib.decompress", wraps=zlib.decompress) as decompress:
        value = cache.get(key)
    return value, decompress.called


def test_a_compressed_page_is_read_back_without_decompressing_and_text_is_kept_small(tmp_path):
    cache = make_cache(tmp_path / "gzip", 100)
    body = gzip.compress(os.urandom(4096))  # compressed HTML is as dense as this
    cache.set("page", (200, body), 600)
    assert read_back(cache, "page") == ((200, body), False)

    cache = make_cache(tmp_path / "text", 100)
    html = b"<p>Harm reduction meets people where they are.</p>" * 200
    cache.set("page", (200, html), 600)
    (path,) = (tmp_path / "text").iterdir()
    assert path.stat().st_size < len(html) / 10
    assert read_back(cache, "page") == ((200, html), True)


def test_files_written_by_djangos_own_backend_are_still_read(tmp_path):
    FileBasedCache(str(tmp_path), {}).set("page", b"<html>", 600)
    cache = make_cache(tmp_path, 100)
    assert cache.get("page") == b"<html>"
    assert cache.touch("page", 1200)
    assert cache.get("page") == b"<html>"
    assert not cache.touch("gone", 1200)
