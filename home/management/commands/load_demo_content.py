import importlib
import importlib.util

from django.core.management.base import BaseCommand
from django.db import transaction

# The apps that contribute demo content, in the order they build on each other.
DEMO_APPS = ("home", "resources", "team", "careers")


class Command(BaseCommand):
    help = "Build the whole site with the practice's demo content. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        from home import demo

        home, pages = demo.load(self.stdout)
        for app in DEMO_APPS[1:]:
            if importlib.util.find_spec(f"{app}.demo") is not None:
                importlib.import_module(f"{app}.demo").load(home, self.stdout)
        # The home page links to every section once they all exist.
        demo.home_links(home, pages)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
