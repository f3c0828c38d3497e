"""The team's lists, which visitors filter clinicians by. (The languages are shared with the
library: `core.Language`.)"""

from django.db import models
from wagtail.admin.panels import FieldPanel

from core.models import Term


class Specialty(Term):
    """Something a clinician works with, such as “Alcohol” or “Trauma”. Visitors filter the team
    by it to find someone who knows what they are living with."""

    class Meta(Term.Meta):
        verbose_name = "specialty"
        verbose_name_plural = "specialties"


class SessionFormat(Term):
    """How sessions happen, such as in person or by telehealth: for many people this decides
    whether therapy is possible at all (distance, mobility, privacy at home)."""

    description = models.CharField(
        max_length=200,
        blank=True,
        help_text="One plain sentence, e.g. “Video sessions from wherever you feel safe.”",
    )

    panels = Term.panels + [FieldPanel("description")]

    class Meta(Term.Meta):
        verbose_name = "session format"
        verbose_name_plural = "session formats"
