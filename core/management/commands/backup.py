"""`manage.py backup`: the database, uploaded media and private media in one archive
(docs/backups.md)."""

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Write the database and uploaded files to one .tar.gz archive (docs/backups.md)."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="backups")
        parser.add_argument(
            "--database-only", action="store_true", help="leave out media and private media"
        )

    def handle(self, *args, output_dir, database_only, **options):
        try:
            archive = create_backup(output_dir, include_files=not database_only)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = archive.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Back-up written: {archive} ({size:,} bytes)"))
