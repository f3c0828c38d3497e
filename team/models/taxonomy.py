"""The team's lists, which visitors filter clinicians by. (The languages are shared with the
library: `core.Language`.)"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

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


class LicensedState(Term):
    """A US state (or territory) a clinician is licensed in. A clinician may see a client by
    video only while the client is in a state of their license, so the telehealth page and each
    clinician's page say which."""

    code = models.CharField(max_length=2, help_text="The postal code, e.g. “IL”.")

    panels = Term.panels + [FieldPanel("code")]

    override_translatable_fields = Term.override_translatable_fields + [SynchronizedField("code")]

    class Meta(Term.Meta):
        verbose_name = "licensed state"
        verbose_name_plural = "licensed states"
        unique_together = Term.Meta.unique_together + [("code", "locale")]
