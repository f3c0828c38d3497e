"""Benchmarks, seeding and fault drills, run by make as `python -m tools.<name> [arguments]`.

They sit outside the installed apps: they import the site's apps, and the site never imports
them. Importing this package sets Django up from DJANGO_SETTINGS_MODULE (as manage.py does), so
each tool imports the site's models at its top.
"""

import os
import sys

import django
from django.apps import apps
from django.core.management.color import color_style

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
if not apps.ready:  # already set up when a test imports a tool
    django.setup()

# Green "done" lines on a terminal, plain text in a pipe, as Django's own commands print them.
style = color_style()


class ToolError(Exception):
    """The tool cannot go on: `run` prints why and exits with status 1, without a traceback."""


def run(function, parser, argv=None):
    """Parse the command line with `parser` and call `function` with the arguments by name."""
    arguments = parser.parse_args(argv)
    try:
        function(**vars(arguments))
    except ToolError as error:
        sys.exit(f"Error: {error}")
