# Dates written out in full, as the practice writes them ("December 5, 2026"); Spanish uses
# Django's own Spanish formats.
DATE_FORMAT = "F j, Y"
