"""Make clinicians for tests, with the specialties and the rest the test needs."""

import itertools

from core.models import Approach, Language
from team.models import SessionFormat, Specialty, TeamIndexPage, TeamMemberPage
from tests.resources.factories import main_entries
from tests.support import add_published

_numbers = itertools.count(1)


def team_index():
    return TeamIndexPage.objects.get(slug="our-experts")


def make_member(
    title=None, specialties=(), languages=(), session_formats=(), approaches=(), **fields
):
    """A live clinician under “Our Experts”; lists of slugs pick specialties and the rest."""
    number = next(_numbers)
    title = title or f"Test Clinician {number}"
    fields.setdefault("slug", f"test-clinician-{number}")
    fields.setdefault("short_bio", f"Short bio of {title}.")
    fields.setdefault("bio", f"<p>Full bio of {title}.</p>")
    member = TeamMemberPage(
        title=title,
        specialties=list(main_entries(Specialty).filter(slug__in=specialties)),
        languages=list(main_entries(Language).filter(slug__in=languages)),
        session_formats=list(main_entries(SessionFormat).filter(slug__in=session_formats)),
        approaches=list(main_entries(Approach).filter(slug__in=approaches)),
        **fields,
    )
    return add_published(team_index(), member)
