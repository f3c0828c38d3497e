"""The fixed vocabularies of a job opening. Values are readable in URLs (?type=part-time); the
schema.org word for each is derived from it (part-time → PART_TIME)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmploymentType(models.TextChoices):
    FULL_TIME = "full-time", _("Full time")
    PART_TIME = "part-time", _("Part time")
    CONTRACTOR = "contractor", _("Contract")
    TEMPORARY = "temporary", _("Temporary")
    INTERN = "intern", _("Internship")
    PER_DIEM = "per-diem", _("Per diem")
    VOLUNTEER = "volunteer", _("Volunteer")
    OTHER = "other", _("Other")


class LocationType(models.TextChoices):
    ON_SITE = "on-site", _("On site")
    HYBRID = "hybrid", _("Hybrid (some days on site)")
    REMOTE = "remote", _("Remote")


class PayPeriod(models.TextChoices):
    HOUR = "hour", _("an hour")
    DAY = "day", _("a day")
    WEEK = "week", _("a week")
    MONTH = "month", _("a month")
    YEAR = "year", _("a year")


def schema_word(value):
    """schema.org spells these in capitals with underscores."""
    return value.upper().replace("-", "_")
