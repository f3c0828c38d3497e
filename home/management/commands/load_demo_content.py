from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Fill an empty site with the practice's demo content (home/demo.py). A site that has "
        "pages of its own is left exactly as it is, so this is safe to run at every start."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        from home import demo

        if demo.load():
            self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        else:
            self.stdout.write("The site has pages already: nothing changed.")
