import itertools

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from . import factories

_numbers = itertools.count(1)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def team_index(db):
    return factories.team_index()


@pytest.fixture
def make_photo(db):
    def make(title="Portrait"):
        return Image.objects.create(
            title=title,
            file=get_test_image_file(filename=f"portrait-{next(_numbers)}.png", size=(640, 480)),
        )

    return make


@pytest.fixture
def make_member(db):
    """A live clinician under “Our Experts”; lists of slugs pick specialties and the rest."""
    return factories.make_member
