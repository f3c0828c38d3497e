"""`manage.py restore <archive>`: put back the database and uploaded files from a back-up
(docs/backups.md). It replaces what is there, so it asks first unless given --yes."""

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replace the database and uploaded files with those in a back-up archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        parser.add_argument(
            "--database-only", action="store_true", help="leave media and private media as they are"
        )

    def handle(self, *args, archive, yes, database_only, **options):
        if not yes:
            try:
                answer = input(
                    "This replaces the site's database and uploaded files with the back-up's. "
                    "Type 'yes' to go on: "
                )
            except EOFError:  # no one at the keyboard (cron, a script): do nothing
                answer = ""
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            manifest = restore_backup(archive, include_files=not database_only)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Restored the back-up made {manifest['created']} from {archive}")
        )
