import itertools

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from team.models import Language, SessionFormat, Specialty, TeamIndexPage, TeamMemberPage

_numbers = itertools.count(1)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def team_index(db):
    return TeamIndexPage.objects.get(slug="our-experts")


@pytest.fixture
def make_photo(db):
    def make(title="Portrait"):
        return Image.objects.create(
            title=title,
            file=get_test_image_file(filename=f"portrait-{next(_numbers)}.png", size=(640, 480)),
        )

    return make


@pytest.fixture
def make_member(team_index):
    """A live clinician under “Our Experts”; lists of slugs pick specialties and the rest."""

    def make(title=None, specialties=(), languages=(), session_formats=(), approaches=(), **fields):
        number = next(_numbers)
        title = title or f"Test Clinician {number}"
        fields.setdefault("slug", f"test-clinician-{number}")
        fields.setdefault("short_bio", f"Short bio of {title}.")
        fields.setdefault("bio", f"<p>Full bio of {title}.</p>")
        from home.models import Approach

        member = TeamMemberPage(
            title=title,
            specialties=list(Specialty.objects.filter(slug__in=specialties)),
            languages=list(Language.objects.filter(slug__in=languages)),
            session_formats=list(SessionFormat.objects.filter(slug__in=session_formats)),
            approaches=list(Approach.objects.filter(slug__in=approaches)),
            **fields,
        )
        team_index.add_child(instance=member)
        member.save_revision().publish()
        return member

    return make
