"""`manage.py backup` and `manage.py restore` round-trip the database, media and private media
(docs/backups.md). Run on a throwaway SQLite site in a subprocess, as an operator would."""

import os
import stat
import tarfile

from tests.support import manage_py

COUNT_MESSAGES = (
    "from wagtail.contrib.forms.models import FormSubmission; "
    "print(FormSubmission.objects.filter(form_data__your_name='Backed up').count())"
)
ADD_MESSAGE = (
    "from wagtail.contrib.forms.models import FormSubmission; from wagtail.models import Page; "
    "FormSubmission.objects.create(page=Page.objects.first(), form_data={'your_name': '%s'})"
)


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


def shell(site, code):
    output = manage(site, "shell", "--no-imports", "-c", code).stdout.strip()
    return output.splitlines()[-1] if output else ""


def test_backup_and_restore_round_trip_database_media_and_private_media(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    manage(site, "migrate", "-v0")
    shell(site, ADD_MESSAGE % "Backed up")
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
    shell(site, COUNT_MESSAGES.replace(".count())", ".delete())"))
    (site / "private" / "resumes" / "abc.pdf").unlink()
    (site / "media" / "images" / "photo.jpg").unlink()
    (site / "media" / "stray.txt").write_text("not in the back-up")
    assert shell(site, COUNT_MESSAGES) == "0"

    refused = manage(site, "restore", str(archive), check=False)
    assert refused.returncode != 0  # without --yes it asks, and no answer restores nothing
    assert shell(site, COUNT_MESSAGES) == "0"

    manage(site, "restore", "--yes", str(archive))
    assert shell(site, COUNT_MESSAGES) == "1"
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
