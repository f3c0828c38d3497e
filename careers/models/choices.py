"""The fixed vocabularies of a job opening. Values are readable in URLs (?type=part-time); the
schema.org word for each is derived from it (part-time → PART_TIME)."""

from django.db import models


class EmploymentType(models.TextChoices):
    FULL_TIME = "full-time", "Full time"
    PART_TIME = "part-time", "Part time"
    CONTRACTOR = "contractor", "Contract"
    TEMPORARY = "temporary", "Temporary"
    INTERN = "intern", "Internship"
    PER_DIEM = "per-diem", "Per diem"
    VOLUNTEER = "volunteer", "Volunteer"
    OTHER = "other", "Other"


class LocationType(models.TextChoices):
    ON_SITE = "on-site", "On site"
    HYBRID = "hybrid", "Hybrid (some days on site)"
    REMOTE = "remote", "Remote"


class PayPeriod(models.TextChoices):
    HOUR = "hour", "an hour"
    DAY = "day", "a day"
    WEEK = "week", "a week"
    MONTH = "month", "a month"
    YEAR = "year", "a year"


def schema_word(value):
    """schema.org spells these in capitals with underscores."""
    return value.upper().replace("-", "_")
