"""Back-ups of everything the site cannot rebuild: the database, uploaded media, and applicants'
private files, in one archive (docs/backups.md). The `backup` and `restore` commands call these.

The archive holds contact messages and resumes: it is written readable by its owner only, and
should be kept no longer than the retention periods (README, "Privacy and retention")."""

import io
import json
import os
import posixpath
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import storages
from django.db import connection
from django.utils import timezone

DATABASE_SQLITE = "database.sqlite3"
DATABASE_POSTGRES = "database.dump"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


# The stores of uploaded files, by their folder's name in the archive: editors' media, and
# applicants' private files. Each is read and written through its storage, so a back-up holds
# the files wherever they are kept: folders on this machine, or S3 buckets.
FILE_STORES = {"media": "default", "private_media": "private"}


def stored_files(storage, folder=""):
    """The name of every file in `storage` under `folder`, its sub-folders included."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a folder on disk that was never made: nothing stored yet
        return
    for name in files:
        yield posixpath.join(folder, name)
    for name in folders:
        yield from stored_files(storage, posixpath.join(folder, name))


def add_stored_files(tar):
    """Put every stored file into the archive `tar`; the stores' names, for the manifest."""
    for store, alias in FILE_STORES.items():
        storage = storages[alias]
        for name in stored_files(storage):
            with storage.open(name, "rb") as stored:
                content = stored.read()
            entry = tarfile.TarInfo(f"{store}/{name}")
            entry.size, entry.mode, entry.mtime = len(content), 0o600, time.time()
            tar.addfile(entry, io.BytesIO(content))
    return sorted(FILE_STORES)


def restore_stored_files(folder, stores):
    """Make each of `stores` hold exactly the files the archive, unpacked in `folder`, holds:
    files added since the back-up go, lost or changed ones come back under their own names."""
    for store in stores:
        if store not in FILE_STORES:
            raise BackupError(f"The archive has {store}/, which this site does not keep.")
        storage = storages[FILE_STORES[store]]
        for name in list(stored_files(storage)):
            storage.delete(name)
        for path in sorted((folder / store).rglob("*")):
            if path.is_file():
                name = path.relative_to(folder / store).as_posix()
                with path.open("rb") as content:
                    saved = storage.save(name, File(content, name=name))
                if saved != name:
                    raise BackupError(f"{store}/{name} could not be put back under its name.")


def postgres_environment():
    database = settings.DATABASES["default"]
    environment = dict(os.environ)
    for variable, value in (
        ("PGHOST", database.get("HOST")),
        ("PGPORT", database.get("PORT")),
        ("PGUSER", database.get("USER")),
        ("PGPASSWORD", database.get("PASSWORD")),
        ("PGDATABASE", database["NAME"]),
        ("PGSSLMODE", database.get("OPTIONS", {}).get("sslmode")),
    ):
        if value:
            environment[variable] = str(value)
    return environment


def run(command):
    result = subprocess.run(  # noqa: S603
        command, env=postgres_environment(), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def dump_database(folder):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / DATABASE_SQLITE)
        with target:
            # SQLite's online backup: a consistent copy even while the site writes.
            connection.connection.backup(target)
        target.close()
        return DATABASE_SQLITE
    if connection.vendor == "postgresql":
        run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
             f"--file={folder / DATABASE_POSTGRES}"])  # fmt: skip
        return DATABASE_POSTGRES
    raise BackupError(f"Back-ups of a {connection.vendor} database are not supported.")


def create_backup(output_dir, include_files=True):
    """Write one archive and return its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"hrt-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="hrt-backup-") as scratch:
        scratch = Path(scratch)
        database_file = dump_database(scratch)
        # Readable by its owner only, from the first byte written.
        descriptor = os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            tar.add(scratch / database_file, arcname=database_file)
            stores = add_stored_files(tar) if include_files else []
            manifest = {
                "created": timezone.now().isoformat(),
                "database": {"vendor": connection.vendor, "file": database_file},
                "folders": stores,
            }
            (scratch / MANIFEST).write_text(json.dumps(manifest, indent=2))
            tar.add(scratch / MANIFEST, arcname=MANIFEST)
    return archive


def read_manifest(tar):
    try:
        return json.load(tar.extractfile(MANIFEST))
    except (KeyError, AttributeError, ValueError) as error:
        raise BackupError("Not a back-up of this site: no readable manifest.") from error


def restore_database(folder, manifest):
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"This back-up is of a {vendor} database; the site uses {connection.vendor}."
        )
    source = folder / manifest["database"]["file"]
    if vendor == "sqlite":
        connection.ensure_connection()
        backup = sqlite3.connect(source)
        with backup:
            backup.backup(connection.connection)
        backup.close()
        connection.close()
    else:
        connection.close()
        run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
             "--single-transaction", f"--dbname={settings.DATABASES['default']['NAME']}",
             str(source)])  # fmt: skip


def restore_backup(archive, include_files=True):
    """Replace the database (and the uploaded files) with the archive's. Returns the manifest."""
    with tempfile.TemporaryDirectory(prefix="hrt-restore-") as scratch:
        scratch = Path(scratch)
        with tarfile.open(archive, "r:gz") as tar:
            manifest = read_manifest(tar)
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            tar.extractall(scratch, filter="data")
        restore_database(scratch, manifest)
        if include_files:
            restore_stored_files(scratch, manifest["folders"])
    # Pages kept before the restore show what is no longer there: every cache starts afresh.
    for alias in settings.CACHES:
        caches[alias].clear()
    return manifest
