"""Demo content for the team: the seed's Clinical Director and three clearly sample clinicians,
varied enough that every filter on “Our Experts” finds someone. Running it twice changes
nothing."""

from home.demo import add_child
from home.models import Approach
from team.models import (
    HomeFeaturedMember,
    Language,
    SessionFormat,
    Specialty,
    TeamIndexPage,
    TeamMemberPage,
)

SPECIALTIES = [
    ("alcohol", "Alcohol"),
    ("stimulants", "Stimulants (meth, cocaine)"),
    ("opioids", "Opioids"),
    ("cannabis", "Cannabis"),
    ("trauma", "Trauma"),
    ("anxiety-depression", "Anxiety and depression"),
    ("lgbtq-affirming-care", "LGBTQ+ affirming care"),
    ("families", "Families and loved ones"),
]
LANGUAGES = [("english", "English"), ("spanish", "Spanish (Español)")]
SESSION_FORMATS = [
    ("in-person", "In person", "At our office, in a private room."),
    ("telehealth", "Telehealth", "Video sessions from wherever you feel safe and private."),
]

SAMPLE_NOTE = (
    "<p><em>This is a sample profile. Replace it with the clinician's own words in the admin, "
    "under Pages › Our Experts.</em></p>"
)

MEMBERS = [
    {
        "slug": "jordan-avery",
        "title": "Jordan Avery",
        "pronouns": "he/him/they/them",
        "credentials": "LCSW, CADC",
        "role": "Clinical Director",
        "short_bio": (
            "Sample profile. Jordan leads the practice's clinical team and works with people "
            "anywhere on the spectrum, from safer use to total abstinence."
        ),
        "bio": SAMPLE_NOTE
        + (
            "<p>Jordan has worked in harm reduction for many years, first in outreach and now "
            "in therapy. He believes each person has their own starting point, and that any "
            "reduction in harm is a positive change.</p>"
            "<p>In sessions, Jordan and his clients set goals together and revisit them as "
            "life changes.</p>"
        ),
        "specialties": ["alcohol", "stimulants", "opioids", "trauma", "lgbtq-affirming-care"],
        "approaches": ["substance-use-management", "targeted-abstinence", "total-abstinence"],
        "languages": ["english"],
        "session_formats": ["in-person", "telehealth"],
        "accepting_new_clients": True,
        "display_order": 1,
    },
    {
        "slug": "maria-delgado",
        "title": "Maria Delgado",
        "pronouns": "she/her",
        "credentials": "LCPC",
        "role": "Therapist",
        "short_bio": (
            "Sample profile. Maria offers therapy in Spanish and English, and supports families "
            "who worry about someone's drinking or drug use."
        ),
        "bio": SAMPLE_NOTE
        + (
            "<p>Maria works with adults and with the people who love them. She is bilingual "
            "and offers every session in Spanish or English.</p>"
        ),
        "specialties": ["alcohol", "anxiety-depression", "families"],
        "approaches": ["substance-use-management", "targeted-abstinence"],
        "languages": ["spanish", "english"],
        "session_formats": ["in-person", "telehealth"],
        "accepting_new_clients": True,
        "display_order": 10,
    },
    {
        "slug": "sam-okafor",
        "title": "Sam Okafor",
        "pronouns": "they/them",
        "credentials": "LPC",
        "role": "Therapist",
        "short_bio": (
            "Sample profile. Sam sees clients by telehealth and focuses on cannabis use, anxiety "
            "and LGBTQ+ affirming care."
        ),
        "bio": SAMPLE_NOTE
        + ("<p>Sam meets clients by video, so therapy fits around work, family and distance.</p>"),
        "specialties": ["cannabis", "anxiety-depression", "lgbtq-affirming-care"],
        "approaches": ["substance-use-management"],
        "languages": ["english"],
        "session_formats": ["telehealth"],
        "accepting_new_clients": False,
        "display_order": 20,
    },
    {
        "slug": "riley-chen",
        "title": "Riley Chen",
        "pronouns": "she/they",
        "credentials": "LSW, CADC",
        "role": "Associate Therapist",
        "short_bio": (
            "Sample profile. Riley works in person with people who use opioids or stimulants, "
            "including those working towards stopping one substance or all of them."
        ),
        "bio": SAMPLE_NOTE
        + ("<p>Riley brings years of work at a syringe services program to the therapy room.</p>"),
        "specialties": ["opioids", "stimulants", "trauma"],
        "approaches": ["targeted-abstinence", "total-abstinence"],
        "languages": ["english"],
        "session_formats": ["in-person"],
        "accepting_new_clients": True,
        "display_order": 30,
    },
]

FEATURED_ON_HOME = ["jordan-avery", "maria-delgado", "riley-chen"]


def taxonomies():
    for order, (slug, name) in enumerate(SPECIALTIES):
        Specialty.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for order, (slug, name) in enumerate(LANGUAGES):
        Language.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for order, (slug, name, description) in enumerate(SESSION_FORMATS):
        SessionFormat.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


def members(index):
    relations = {
        "specialties": Specialty,
        "approaches": Approach,
        "languages": Language,
        "session_formats": SessionFormat,
    }
    pages = []
    for data in MEMBERS:
        fields = dict(data)
        slug = fields.pop("slug")
        for name, model in relations.items():
            fields[name] = list(model.objects.filter(slug__in=fields[name]))
        pages.append(add_child(index, TeamMemberPage, slug, **fields))
    return pages


def feature_on_home(home, pages):
    if home.featured_team_members.exists():
        return
    by_slug = {page.slug: page for page in pages}
    home.featured_team_members = [
        HomeFeaturedMember(member=by_slug[slug], sort_order=order)
        for order, slug in enumerate(FEATURED_ON_HOME)
    ]
    home.save_revision().publish()


def load(home, stdout=None):
    taxonomies()
    index = add_child(
        home,
        TeamIndexPage,
        "our-experts",
        title="Our Experts",
        show_in_menus=True,
        search_description=(
            "Meet the practice's clinicians: their credentials, pronouns, specialties and "
            "languages, and who is taking new clients."
        ),
        intro=(
            "<p>Everyone on our team practises harm reduction therapy: we meet you where you "
            "are, without judgement. Choose someone by what matters to you, or reach out and "
            "we will help you find the right person.</p>"
        ),
    )
    feature_on_home(home, members(index))
    if stdout is not None:
        stdout.write("Team: Our Experts and four sample clinicians.")
