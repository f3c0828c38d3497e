import io

import pytest
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, Revision, Site

from core.models import Approach, Language, PracticeSettings, SiteText
from home.models import ContactPage, HomePage
from tests.resources.factories import main_entries

pytestmark = pytest.mark.django_db


def site_counts():
    return {
        "pages": Page.objects.count(),
        "approaches": Approach.objects.filter(locale__language_code="en").count(),
        "languages": main_entries(Language).count(),
        "form_fields": ContactPage.objects.get(locale__language_code="en").form_fields.count(),
        "sites": Site.objects.count(),
        "submissions": FormSubmission.objects.count(),
    }


def test_demo_content_builds_the_seed_site(home_page):
    assert home_page.hero_promise == "Pragmatic Help without Judgement"
    assert Site.objects.get(is_default_site=True).root_page_id == home_page.pk
    slugs = set(home_page.get_children().live().values_list("slug", flat=True))
    assert {"what-is-harm-reduction", "goals", "contact"} <= slugs
    english = Approach.objects.filter(locale__language_code="en")
    assert list(english.values_list("name", flat=True)) == [
        "Substance Use Management",
        "Targeted Abstinence",
        "Total Abstinence",
    ]
    assert PracticeSettings.load().practice_name == "Harm Reduction Therapy"


def test_demo_languages_are_made_once_with_their_codes_for_the_library_and_the_team():
    assert list(main_entries(Language).values_list("slug", "code")) == [
        ("english", "en"),
        ("spanish", "es"),
    ]
    # Translated for Spanish pages: the same slugs and codes, in Spanish words.
    assert list(
        Language.objects.filter(locale__language_code="es").values_list("slug", "code", "name")
    ) == [("english", "en", "Inglés"), ("spanish", "es", "Español")]
    spanish = main_entries(Language).get(slug="spanish")
    assert spanish.resources.live().exists()
    assert spanish.team_members.live().exists()


def test_demo_content_can_run_twice_without_duplicates():
    before = site_counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert site_counts() == before
    assert HomePage.objects.filter(locale__language_code="en").count() == 1


def test_demo_content_leaves_a_site_with_pages_exactly_as_the_editors_left_it(home_page):
    practice = PracticeSettings.load()
    practice.practice_name = "Northside Harm Reduction"
    practice.phone = "(312) 555-0100"
    practice.save()
    text = SiteText.objects.get(locale__language_code="en")
    text.hours = "Tuesday to Saturday, 10am to 7pm"
    text.footer_text = "We work on the homelands of the Council of the Three Fires."
    text.save()
    home_page.hero_promise = "Help on your own terms"
    home_page.save_revision().publish()
    Page.objects.get(slug="sam-okafor").delete()
    revisions = Revision.objects.count()
    out = io.StringIO()

    call_command("load_demo_content", stdout=out)

    assert "nothing changed" in out.getvalue()
    practice = PracticeSettings.load()
    text = SiteText.objects.get(pk=text.pk)
    assert (practice.practice_name, practice.phone, text.hours, text.footer_text) == (
        "Northside Harm Reduction",
        "(312) 555-0100",
        "Tuesday to Saturday, 10am to 7pm",
        "We work on the homelands of the Council of the Three Fires.",
    )
    assert HomePage.objects.get(locale__language_code="en").hero_promise == "Help on your own terms"
    assert not Page.objects.filter(slug="sam-okafor").exists()
    assert Revision.objects.count() == revisions
