"""The page cache's files on one machine (core/file_cache.py): a write does not list the whole
folder, and the folder is still kept near its limit."""

from unittest import mock

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
