"""Back-ups of everything the site cannot rebuild: the database, uploaded media, and applicants'
private files, in one archive (docs/backups.md). The `backup` and `restore` commands call these.

The archive holds contact messages and resumes: it is written readable by its owner only, and
should be kept no longer than the retention periods (README, "Privacy and retention")."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.utils import timezone

DATABASE_SQLITE = "database.sqlite3"
DATABASE_POSTGRES = "database.dump"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def file_folders():
    """The folders of uploaded files that live on this machine, by their name in the archive.
    Storages elsewhere (S3) are backed up by their own provider's versioning."""
    folders = {}
    for alias, name in (("default", "media"), ("private", "private_media")):
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            folders[name] = Path(storage.location)
    return folders


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
        folders = file_folders() if include_files else {}
        manifest = {
            "created": timezone.now().isoformat(),
            "database": {"vendor": connection.vendor, "file": database_file},
            "folders": sorted(folders),
        }
        (scratch / MANIFEST).write_text(json.dumps(manifest, indent=2))
        # Readable by its owner only, from the first byte written.
        descriptor = os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            tar.add(scratch / MANIFEST, arcname=MANIFEST)
            tar.add(scratch / database_file, arcname=database_file)
            for name, path in folders.items():
                if path.is_dir():
                    tar.add(path, arcname=name)
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
            folders = file_folders()
            for name in manifest["folders"]:
                if name not in folders:
                    raise BackupError(f"The archive has {name}/ but it is not on this machine.")
                target = folders[name]
                if target.exists():
                    shutil.rmtree(target)
                if (scratch / name).is_dir():
                    shutil.copytree(scratch / name, target)
                else:
                    target.mkdir(parents=True)
    return manifest
