import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = (
        "Make sure a local admin account exists, for development only. The password is made at "
        "random and kept in .admin-password (never committed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--reset", action="store_true", help="Choose a new password.")
        parser.add_argument(
            "--address",
            default="127.0.0.1:8000",
            help="Where the site runs (make run passes its HOST:PORT), for the printed link.",
        )

    def handle(self, *args, username, reset, address, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_admin is for local development (DEBUG on) only.")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None or reset or not PASSWORD_FILE.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = user_model.objects.create_superuser(
                    username=username, email=f"{username}@example.org", password=password
                )
            else:
                user.set_password(password)
                user.save()
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        password = PASSWORD_FILE.read_text().strip()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://{address}/admin/  user: {username}  password: {password}"
            )
        )
