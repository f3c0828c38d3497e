"""Demo content for careers: the “Come work with us” page from the seed, with why work here,
values and benefits, two open positions and one closed, and a “Hiring managers” group that may
read applications. Finds before it creates, so running it twice changes nothing."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from home.demo import add_child

from .models import CareersIndexPage, EmploymentType, JobPage, LocationType, PayPeriod

HIRING_GROUP = "Hiring managers"

VALUES = [
    (
        "Meet people where they are",
        "<p>We start from a client's life as it is today, and we offer our staff the same "
        "respect.</p>",
    ),
    (
        "Dignity without judgement",
        "<p>People who use substances deserve care without shame. So do the people who care "
        "for them.</p>",
    ),
    (
        "Evidence and humility",
        "<p>We use approaches that work, keep learning, and change our minds when clients show "
        "us something new.</p>",
    ),
    (
        "Lived experience counts",
        "<p>Peer staff are full members of the team. Experience of substance use or recovery "
        "is a strength here, never a barrier.</p>",
    ),
]

BENEFITS = [
    (
        "Pay you can see",
        "<p>Every opening shows its pay range. We review pay every year.</p>",
    ),
    (
        "Health, dental and vision",
        "<p>The practice pays 90% of premiums for staff working 30 hours a week or more.</p>",
    ),
    (
        "Time to rest",
        "<p>Four weeks of paid time off, plus the practice's holidays and two wellness days.</p>",
    ),
    (
        "Supervision and training",
        "<p>Weekly clinical supervision, including toward licensure, and $1,500 a year for "
        "continuing education.</p>",
    ),
    (
        "Manageable caseloads",
        "<p>Full-time therapists see about 22 clients a week, with protected time for notes "
        "and consultation.</p>",
    ),
    (
        "Flexible schedules",
        "<p>Hybrid work for clinical roles, and evening hours shared fairly across the team.</p>",
    ),
]

PRACTICE_ADDRESS = {
    "street_address": "100 Example Street, Suite 2",
    "locality": "Chicago",
    "region": "IL",
    "postal_code": "60601",
    "country": "US",
}

HOW_TO_APPLY = (
    "<p>Apply with the form on this page. Someone on our hiring team reads every application "
    "and replies within two weeks. Interviews are a 30-minute video call, then a meeting with "
    "the team.</p>"
)


def jobs(today):
    return [
        {
            "slug": "licensed-therapist",
            "title": "Licensed Therapist (LCSW/LPC)",
            "summary": (
                "Provide individual and group harm reduction therapy to adults, meeting clients "
                "where they are and working with them toward goals they choose."
            ),
            "employment_type": EmploymentType.FULL_TIME,
            "schedule": "40 hours a week; one evening a week",
            "location_type": LocationType.HYBRID,
            "remote_area": "Illinois",
            "pay_min": Decimal("68000"),
            "pay_max": Decimal("82000"),
            "pay_period": PayPeriod.YEAR,
            "responsibilities": (
                "<ul><li>Carry a caseload of about 22 adult clients, in person and by "
                "telehealth</li><li>Lead one harm reduction therapy group a week</li>"
                "<li>Complete assessments and treatment plans with clients, using "
                "Substance Use Management, targeted abstinence and total abstinence goals</li>"
                "<li>Coordinate care with prescribers and community partners, with consent</li>"
                "<li>Take part in weekly case consultation</li></ul>"
            ),
            "qualifications": (
                "<ul><li>An active Illinois LCSW, LCPC or LPC license (LSW/LPC with a plan for "
                "licensure considered)</li><li>Two years of clinical experience with people who "
                "use substances</li><li>Comfort with harm reduction: no requirement of "
                "abstinence from clients</li><li>CADC, or willingness to earn it, is a plus"
                "</li></ul>"
            ),
            "date_posted": today - timedelta(days=6),
            "closing_date": today + timedelta(days=54),
        },
        {
            "slug": "peer-support-specialist",
            "title": "Peer Support Specialist",
            "summary": (
                "Use your own lived experience of substance use or recovery to support clients "
                "between sessions, connect them to services and share safer-use supplies."
            ),
            "employment_type": EmploymentType.PART_TIME,
            "schedule": "24 hours a week, Tuesday to Thursday",
            "location_type": LocationType.ON_SITE,
            "pay_min": Decimal("22"),
            "pay_max": Decimal("26"),
            "pay_period": PayPeriod.HOUR,
            "responsibilities": (
                "<ul><li>Meet clients one to one and in drop-in hours</li><li>Help clients reach "
                "housing, benefits, medical care and naloxone</li><li>Teach overdose prevention "
                "and naloxone use</li><li>Bring the peer perspective to team meetings</li></ul>"
            ),
            "qualifications": (
                "<ul><li>Lived experience of substance use, recovery or harm reduction</li>"
                "<li>Illinois Certified Peer Recovery Specialist (CPRS), or willing to earn it "
                "within a year with our support</li><li>Warmth, patience and good boundaries"
                "</li><li>No degree required</li></ul>"
            ),
            "date_posted": today - timedelta(days=2),
            "closing_date": today + timedelta(days=40),
        },
        {
            "slug": "clinical-intern",
            "title": "Clinical Intern (MSW or counseling student)",
            "summary": (
                "A paid, year-long practicum for a master's student in social work or "
                "counseling, with weekly supervision from a licensed clinician."
            ),
            "employment_type": EmploymentType.INTERN,
            "schedule": "16 to 20 hours a week, September to May",
            "location_type": LocationType.ON_SITE,
            "pay_min": Decimal("20"),
            "pay_max": None,
            "pay_period": PayPeriod.HOUR,
            "responsibilities": (
                "<ul><li>See a small caseload of clients under supervision</li><li>Co-lead a "
                "weekly group</li><li>Join case consultation and trainings</li></ul>"
            ),
            "qualifications": (
                "<ul><li>Enrolled in an MSW, MA counseling or similar program</li><li>Interest "
                "in harm reduction and substance use</li></ul>"
            ),
            "date_posted": today - timedelta(days=75),
            "closing_date": today - timedelta(days=15),
        },
    ]


def careers_page(home):
    return add_child(
        home,
        CareersIndexPage,
        "careers",
        title="Come work with us",
        show_in_menus=True,
        search_description=(
            "Careers and jobs: come work with us. Open positions at a harm reduction therapy "
            "practice, with pay ranges, benefits and an online application."
        ),
        intro=(
            "<p>We are a small team of therapists and peer specialists offering pragmatic help "
            "without judgement. If that is how you want to work, we would like to hear from "
            "you.</p>"
        ),
        why_work_here=(
            "<p>Harm reduction asks clinicians to give up control and trust clients with their "
            "own goals. We build the team the same way: you get real say in how you work, "
            "supervision that helps, and colleagues who will not judge a client, or you, for "
            "where they start.</p>"
        ),
        values=[("value", {"title": title, "text": text}) for title, text in VALUES],
        benefits=[("benefit", {"title": title, "text": text}) for title, text in BENEFITS],
        no_openings_text=(
            "<p>We have no open positions right now. Please check back: we post every opening "
            "here first, with its pay range.</p>"
        ),
        applicant_privacy_note=(
            "<p>Only the people hiring for this position read applications. Your resume is "
            "stored privately, never on a public web address. Please leave out health details "
            "and anything about your own treatment: we do not need them.</p>"
        ),
    )


def hiring_group(careers):
    """Staff in this group read and move applications along, and post openings."""
    group, _created = Group.objects.get_or_create(name=HIRING_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="careers",
            codename__in=["view_jobapplication", "change_jobapplication", "delete_jobapplication"],
        ),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=careers,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def load(home, stdout=None):
    careers = careers_page(home)
    today = timezone.localdate()
    for data in jobs(today):
        add_child(
            careers,
            JobPage,
            data.pop("slug"),
            **PRACTICE_ADDRESS,
            how_to_apply=HOW_TO_APPLY,
            **data,
        )
    hiring_group(careers)
    if stdout is not None:
        stdout.write("Careers: the careers page, three openings (one closed), hiring managers.")
    return careers
