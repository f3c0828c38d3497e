"""schema.org JobPosting data for an open job, built from the page's fields, and the pay range
as people read it. Google's job search needs every property here; see
https://developers.google.com/search/docs/appearance/structured-data/job-posting"""

import datetime
from decimal import Decimal

from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import escape
from wagtail.rich_text import expand_db_html

from core.jsonld import json_ld_script
from core.models import PracticeSettings

from .models.choices import LocationType, PayPeriod, schema_word

CURRENCY_SYMBOLS = {"USD": "$", "CAD": "$", "EUR": "€", "GBP": "£"}


def _amount(value):
    """Whole amounts without cents; JSON numbers, not strings."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _money(value, currency):
    value = Decimal(value)
    text = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def pay_range_text(job):
    """For example “$38–$45 an hour” or “$62,000–$72,000 a year”."""
    low = _money(job.pay_min, job.pay_currency)
    period = PayPeriod(job.pay_period).label
    if job.pay_max is not None and job.pay_max != job.pay_min:
        return f"{low}–{_money(job.pay_max, job.pay_currency)} {period}"
    return f"{low} {period}"


def _description_html(job):
    parts = [f"<p>{escape(job.summary)}</p>"]
    for heading, text in (
        ("Responsibilities", job.responsibilities),
        ("Qualifications", job.qualifications),
        ("How to apply", job.how_to_apply),
    ):
        if text:
            parts.append(f"<h2>{heading}</h2>{expand_db_html(text)}")
    return "".join(parts)


def _end_of_day(day):
    end = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return timezone.make_aware(end).isoformat()


def _place(job):
    address = {"@type": "PostalAddress", "addressCountry": job.country}
    for key, value in (
        ("streetAddress", job.street_address),
        ("addressLocality", job.locality),
        ("addressRegion", job.region),
        ("postalCode", job.postal_code),
    ):
        if value:
            address[key] = value
    return {"@type": "Place", "address": address}


def _applicant_location(job):
    if job.remote_area:
        return {"@type": "State", "name": job.remote_area}
    return {"@type": "Country", "name": job.country}


def job_posting_data(job, request=None):
    practice = PracticeSettings.load(request_or_site=request)
    organization = {"@type": "Organization", "name": practice.practice_name}
    site = job.get_site()
    if site is not None:
        organization["sameAs"] = f"{site.root_url}/"
        organization["logo"] = f"{site.root_url}{static('img/favicon.svg')}"
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": _description_html(job),
        "identifier": {
            "@type": "PropertyValue",
            "name": practice.practice_name,
            "value": str(job.pk),
        },
        "datePosted": job.date_posted.isoformat(),
        "validThrough": _end_of_day(job.closing_date),
        "employmentType": schema_word(job.employment_type),
        "hiringOrganization": organization,
        "directApply": True,
        "url": job.get_full_url(request),
    }
    if job.location_type != LocationType.REMOTE:
        data["jobLocation"] = _place(job)
    if job.is_remote_possible:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = _applicant_location(job)
    value = {"@type": "QuantitativeValue", "unitText": schema_word(job.pay_period)}
    if job.pay_max is not None and job.pay_max != job.pay_min:
        value.update(minValue=_amount(job.pay_min), maxValue=_amount(job.pay_max))
    else:
        value["value"] = _amount(job.pay_min)
    data["baseSalary"] = {"@type": "MonetaryAmount", "currency": job.pay_currency, "value": value}
    return data


def job_posting_json_ld(job, request=None):
    """The JobPosting as a JSON-LD <script> element, safe to put in the page."""
    return json_ld_script(job_posting_data(job, request))
