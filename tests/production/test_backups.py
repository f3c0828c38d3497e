"""`manage.py backup` and `manage.py restore` round-trip the database, media and private media
(docs/backups.md). Run on a throwaway SQLite site in a subprocess, as an operator would."""

import os
import sqlite3
import stat
import tarfile
from contextlib import closing

from tests.support import manage_py

# The back-up copies an SQLite database whole, with SQLite's own online backup, whatever its
# tables: so the site's database here holds only what a restore itself uses (the cache tables
# it empties afterwards) and one table of messages, where a migrated site's would cost 20 s of
# migrations and prove nothing more. The cluster drill (`make cluster`) does the same round trip
# on PostgreSQL with the demo site.
MESSAGES = "FROM messages WHERE name = 'Backed up'"


def manage(site, *args, check=True):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{site / 'db.sqlite3'}",
        MEDIA_ROOT=str(site / "media"),
        PRIVATE_MEDIA_ROOT=str(site / "private"),
    )
    result = manage_py(environment, *args)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def make_database(site):
    """The site's database with one message in it."""
    manage(site, "createcachetable")
    with closing(sqlite3.connect(site / "db.sqlite3")) as database, database:
        database.execute("CREATE TABLE messages (name TEXT)")
        database.execute("INSERT INTO messages VALUES ('Backed up')")


def messages_backed_up(site, delete=False):
    """How many copies of make_database's message the site's database holds."""
    with closing(sqlite3.connect(site / "db.sqlite3")) as database, database:
        if delete:
            database.execute(f"DELETE {MESSAGES}")  # noqa: S608 (a fixed query)
        return database.execute(f"SELECT count(*) {MESSAGES}").fetchone()[0]  # noqa: S608


def test_backup_and_restore_round_trip_database_media_and_private_media(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_database(site)
    assert messages_backed_up(site) == 1
    (site / "media" / "images").mkdir(parents=True)
    (site / "media" / "images" / "photo.jpg").write_bytes(b"photo bytes")
    (site / "private" / "resumes").mkdir(parents=True)
    (site / "private" / "resumes" / "abc.pdf").write_bytes(b"%PDF resume")

    written = manage(site, "backup", "--output-dir", str(tmp_path / "backups")).stdout
    archive = next((tmp_path / "backups").glob("hrt-backup-*.tar.gz"))
    assert str(archive) in written
    # It holds messages and resumes: readable by its owner only.
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"manifest.json", "database.sqlite3", "media/images/photo.jpg"} <= names
    assert "private_media/resumes/abc.pdf" in names

    # Things go wrong after the back-up: a message deleted, files lost, a stray one added.
    messages_backed_up(site, delete=True)
    (site / "private" / "resumes" / "abc.pdf").unlink()
    (site / "media" / "images" / "photo.jpg").unlink()
    (site / "media" / "stray.txt").write_text("not in the back-up")
    assert messages_backed_up(site) == 0

    refused = manage(site, "restore", str(archive), check=False)
    assert refused.returncode != 0  # without --yes it asks, and no answer restores nothing
    assert messages_backed_up(site) == 0

    manage(site, "restore", "--yes", str(archive))
    assert messages_backed_up(site) == 1
    assert (site / "media" / "images" / "photo.jpg").read_bytes() == b"photo bytes"
    assert (site / "private" / "resumes" / "abc.pdf").read_bytes() == b"%PDF resume"
    assert not (site / "media" / "stray.txt").exists()


def test_restore_refuses_an_archive_that_is_not_a_backup(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    bogus = tmp_path / "bogus.tar.gz"
    (tmp_path / "note.txt").write_text("hello")
    with tarfile.open(bogus, "w:gz") as tar:
        tar.add(tmp_path / "note.txt", arcname="note.txt")
    result = manage(site, "restore", "--yes", str(bogus), check=False)
    assert result.returncode != 0
    assert "Not a back-up of this site" in result.stderr


def s3_store(bucket, **options):
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": bucket, "region_name": "us-east-1", **options},
    }


def test_files_in_s3_buckets_round_trip_through_the_archive(tmp_path, settings, monkeypatch):
    """With media and resumes on S3, the archive holds the buckets' objects, and a restore makes
    each bucket hold exactly those again (moto stands in for S3, in this process)."""
    import boto3
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages
    from moto import mock_aws

    from core.backups import add_stored_files, restore_stored_files

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "backup-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "backup-test")
    with mock_aws():
        for bucket in ("practice-media", "practice-private"):
            boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=bucket)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": s3_store("practice-media", querystring_auth=False),
            "private": s3_store("practice-private", default_acl="private"),
        }
        media, private = storages["default"], storages["private"]
        media.save("images/photo.jpg", ContentFile(b"photo bytes"))
        media.save("original_images/photo.jpg", ContentFile(b"original bytes"))
        private.save("resumes/abc.pdf", ContentFile(b"%PDF resume"))

        archive = tmp_path / "files.tar"
        with tarfile.open(archive, "w") as tar:
            stores = add_stored_files(tar)
        with tarfile.open(archive) as tar:
            assert set(tar.getnames()) == {
                "media/images/photo.jpg",
                "media/original_images/photo.jpg",
                "private_media/resumes/abc.pdf",
            }
            tar.extractall(tmp_path / "unpacked", filter="data")

        # Things go wrong after the back-up: an image lost, a resume changed, a stray file.
        media.delete("images/photo.jpg")
        private.delete("resumes/abc.pdf")
        private.save("resumes/abc.pdf", ContentFile(b"changed"))
        media.save("stray.txt", ContentFile(b"not in the back-up"))

        restore_stored_files(tmp_path / "unpacked", stores)
        assert media.open("images/photo.jpg").read() == b"photo bytes"
        assert media.open("original_images/photo.jpg").read() == b"original bytes"
        assert private.open("resumes/abc.pdf").read() == b"%PDF resume"
        assert not media.exists("stray.txt")
