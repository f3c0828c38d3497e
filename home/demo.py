"""Demo content for the site core, built from the practice's own page (shared/seed). Every
function finds what exists before it creates anything, so running it twice changes nothing."""

import datetime

from django.contrib.auth.models import Group, Permission
from wagtail.models import Page, Site

from home.blocks import default_crisis_lines
from home.demo_safety import BROWSING_SAFELY_BODY, NALOXONE, PRIVACY_BODY
from home.models import (
    Approach,
    ContactFormField,
    ContactPage,
    ExplainerPage,
    GoalsPage,
    HomePage,
    PracticeSettings,
)
from home.models.pages import StandardPage

CLIENT_INTAKE_GROUP = "Client intake"

WHAT_IS_HARM_REDUCTION = (
    "<p>At its core, harm reduction is an evidence-based client-centered approach that aims to "
    "meet people where they are at with their substance of choice. Harm reduction acknowledges "
    "that each person is different and thus each approach should reflect that difference, and be "
    "tailored to each individual. In other words, harm reduction recognizes that each individual "
    "has a different starting point for exploring their substance use. Overall, harm reduction "
    "encourages individuals to explore the connection between their substance use and their "
    "well-being. Any reduction in harm is seen as a positive change.</p>"
)

ABSTINENCE_ANSWER = (
    "<p>Abstinence is not required, nor is it forced on individuals. Harm reduction consists of a "
    "spectrum of goals to work towards because there is more than one path to recovery.</p>"
)

THERAPY_TEXT = (
    "<p>According to harm reduction, individuals who use substances should be treated with "
    "dignity and respect and have the opportunity to select the best treatment that will allow "
    "them to make more informed decisions about their needs and what will be the most effective "
    "for them, while also reducing harm. Harm reduction requires a collaborative effort by both "
    "the individual and their therapist.</p>"
)

APPROACHES = [
    {
        "slug": "substance-use-management",
        "name": "Substance Use Management",
        "short_name": "SUM",
        "summary": "Safer, controlled, planned and reduced use, for people not ready to stop.",
        "description": (
            "<p>SUM acknowledges that some individuals are not ready to stop using. Instead, SUM "
            "explores: safer use, controlled use, planned use, and reducing use. Ultimately, SUM "
            "focuses on reducing the negative consequences of substance use.</p>"
        ),
        "examples": (
            "Using clean needles\nPreventing an overdose\n"
            "Limiting the amount of alcohol an individual consumes in one evening"
        ),
    },
    {
        "slug": "targeted-abstinence",
        "name": "Targeted Abstinence",
        "short_name": "",
        "summary": "Stopping one substance at a time, or one substance instead of all.",
        "description": (
            "<p>Some individuals use multiple substances (meth and alcohol, cocaine and alcohol), "
            "but would like to explore their relationship with one substance at a time or would "
            "like to be abstinent from one substance instead of all substances.</p>"
        ),
        "examples": (
            "Stopping meth while continuing to drink\n"
            "Taking a break from alcohol while still using cannabis"
        ),
    },
    {
        "slug": "total-abstinence",
        "name": "Total Abstinence",
        "short_name": "",
        "summary": "Stopping all substance use, when that is the person's own goal.",
        "description": (
            "<p>Many people assume that harm reduction does not include abstinence and encourages "
            "illicit substance use. In reality, harm reduction does include total abstinence "
            "because harm reduction does not presume a specific outcome.</p>"
        ),
        "examples": "Stopping all alcohol and drug use\nStaying stopped after a return to use",
    },
]

FAQ = {
    "heading": "Questions people often ask",
    "items": [
        {
            "question": "Do I have to stop using to start therapy?",
            "answer": (
                "<p>No. Abstinence is not required, nor is it forced on anyone. You and your "
                "therapist work out goals together, and they can change over time.</p>"
            ),
        },
        {
            "question": "Does harm reduction encourage drug use?",
            "answer": (
                "<p>No. Harm reduction does not presume a specific outcome: it includes safer use, "
                "using less, stopping one substance, and stopping altogether. Any reduction in "
                "harm is seen as a positive change.</p>"
            ),
        },
        {
            "question": "Is harm reduction therapy evidence-based?",
            "answer": (
                "<p>Yes. Harm reduction is an evidence-based, client-centered approach used by "
                "public health agencies and clinicians, and it is one of the approaches SAMHSA "
                "supports.</p>"
            ),
        },
        {
            "question": "Can family members or friends reach out?",
            "answer": (
                "<p>Yes. People who care about someone who uses substances are welcome to get in "
                "touch for support of their own.</p>"
            ),
        },
    ],
}

GOALS = [
    (
        "Meet you where you are",
        "<p>Each person has a different starting point. Therapy begins with your life as it is "
        "today, not where someone else thinks it should be.</p>",
    ),
    (
        "Understand your substance use",
        "<p>Explore the connection between your substance use and your well-being: what it gives "
        "you, what it costs you, and what you want to change.</p>",
    ),
    (
        "Reduce harm, in any amount",
        "<p>Safer use, less use, planned use, a break from one substance, or stopping: any "
        "reduction in harm is seen as a positive change.</p>",
    ),
    (
        "Goals that are yours",
        "<p>There is more than one path to recovery. You choose the goals; they can change as "
        "you learn what works for you.</p>",
    ),
]

PRINCIPLES = [
    (
        "Dignity",
        "<p>Individuals who use substances should be treated with dignity.</p>",
    ),
    ("Respect", "<p>Your experience and your choices are respected, without judgement.</p>"),
    (
        "Informed choice",
        "<p>You have the opportunity to select the best treatment for you, and to make more "
        "informed decisions about your needs.</p>",
    ),
    (
        "Collaboration",
        "<p>Harm reduction requires a collaborative effort by both the individual and their "
        "therapist.</p>",
    ),
]

CONTACT_FIELDS = [
    {
        "label": "Your name",
        "field_type": "singleline",
        "required": True,
        "help_text": "A first name or a name you like to be called is fine.",
    },
    {
        "label": "Phone or email",
        "field_type": "singleline",
        "required": True,
        "help_text": "How we can reach you.",
    },
    {
        "label": "Preferred way to contact you",
        "field_type": "radio",
        "required": True,
        "choices": "Phone call\nText message\nEmail",
        "default_value": "Phone call",
        "help_text": "We reply only this way.",
    },
    {
        "label": "Is it OK to leave a voicemail?",
        "field_type": "radio",
        "required": True,
        "choices": "Yes\nNo",
        "help_text": "If yes, we say only a first name and a number to call back, nothing about "
        "why we called.",
    },
    {
        "label": "Is it OK to email you?",
        "field_type": "radio",
        "required": True,
        "choices": "Yes\nNo",
        "help_text": "If no, we will not email you, even to reply.",
    },
    {
        "label": "Anything you would like us to know",
        "field_type": "multiline",
        "required": False,
        "help_text": "Optional. Please keep it short and leave out health details.",
    },
]


def approaches():
    for order, data in enumerate(APPROACHES):
        Approach.objects.update_or_create(slug=data["slug"], defaults={**data, "sort_order": order})


def add_child(parent, page_class, slug, **fields):
    """The child of `parent` with this slug, created and published the first time."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def home_page():
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's install leaves a "Welcome" page at /home/; the practice's home page replaces it.
    for page in root.get_children().filter(slug="home"):
        if page.specific_class is Page:
            page.delete()
    home = HomePage(
        title="Harm Reduction Therapy",
        slug="home",
        seo_title="Harm Reduction Therapy: Pragmatic Help without Judgement",
        search_description=(
            "Harm reduction therapy that meets you where you are: evidence-based, "
            "client-centered help with substance use, without judgement."
        ),
        hero_promise="Pragmatic Help without Judgement",
        hero_text=(
            "Harm reduction therapy meets you where you are at with your substance of choice. "
            "Abstinence is not required: there is more than one path to recovery."
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Harm Reduction Therapy",
        )
    else:
        site.root_page = home
        site.site_name = "Harm Reduction Therapy"
        site.save()
    return home


def core_pages(home):
    explainer = add_child(
        home,
        ExplainerPage,
        "what-is-harm-reduction",
        title="What is harm reduction?",
        show_in_menus=True,
        search_description=(
            "What harm reduction is, whether abstinence is the goal, and the spectrum of "
            "approaches from safer use to total abstinence."
        ),
        intro=WHAT_IS_HARM_REDUCTION,
        body=[
            ("heading", {"text": "Is abstinence/sobriety the goal?", "level": "h2"}),
            ("paragraph", ABSTINENCE_ANSWER),
        ],
        spectrum_heading="The spectrum of harm reduction",
        spectrum_intro=(
            "<p>Harm reduction consists of a spectrum of goals. People move along it in both "
            "directions, and can work on different goals for different substances.</p>"
        ),
        closing=[("faq", FAQ)],
    )
    goals = add_child(
        home,
        GoalsPage,
        "goals",
        title="Goals of harm reduction therapy",
        show_in_menus=True,
        search_description=(
            "The goals of harm reduction therapy and how it is used in therapy: dignity, "
            "respect, informed choice and collaboration."
        ),
        intro=(
            "<p>Harm reduction therapy helps you work towards goals you choose, at a pace that "
            "works for you.</p>"
        ),
        goals=[("goal", {"title": title, "text": text}) for title, text in GOALS],
        therapy_heading="How is harm reduction used in therapy?",
        therapy_text=THERAPY_TEXT,
        principles=[("principle", {"title": title, "text": text}) for title, text in PRINCIPLES],
    )
    contact = home.get_children().filter(slug="contact").first()
    if contact is None:
        contact = ContactPage(
            slug="contact",
            title="Reach out today",
            show_in_menus=True,
            search_description=(
                "Reach out to the practice: a short, private form, and crisis lines if you need "
                "help now."
            ),
            intro=(
                "<p>Tell us how to reach you and we will get back to you, usually within one "
                "working day, by the way you prefer.</p>"
            ),
            privacy_note=(
                "<p>Please do not include health or clinical details here. We only need enough "
                "to get back to you; you can tell us more when we talk. Messages are read only "
                "by the practice's staff.</p>"
            ),
            thank_you_text=(
                "<p>We will get back to you by the way you chose, usually within one working "
                "day. If you need help sooner, the crisis lines are at the top of this page.</p>"
            ),
            to_address="office@example.org",
            from_address="website@example.org",
            subject="New message from the website",
        )
        contact.form_fields = [
            ContactFormField(sort_order=order, **field)
            for order, field in enumerate(CONTACT_FIELDS)
        ]
        home.add_child(instance=contact)
        contact.save_revision().publish()
    else:
        contact = contact_fields(contact.specific)
    safety = safety_pages(home)
    return {"explainer": explainer, "goals": goals, "contact": contact, **safety}


def contact_fields(contact):
    """Give a contact page built by an older demo the questions added since, once."""
    labels = set(contact.form_fields.values_list("label", flat=True))
    missing = [field for field in CONTACT_FIELDS if field["label"] not in labels]
    if not missing:
        return contact
    # Each new question goes after the one it follows in CONTACT_FIELDS.
    fields = list(contact.form_fields.all())
    for field in missing:
        position = CONTACT_FIELDS.index(field)
        before = {f["label"] for f in CONTACT_FIELDS[:position]}
        index = max((i + 1 for i, f in enumerate(fields) if f.label in before), default=0)
        fields.insert(index, ContactFormField(**field))
    for order, field in enumerate(fields):
        field.sort_order = order
    contact.form_fields = fields
    contact.save_revision().publish()
    return contact


def safety_pages(home):
    """The pages the quick exit, the forms and the footer point to."""
    browsing_safely = add_child(
        home,
        StandardPage,
        "browsing-safely",
        title="Browsing safely",
        search_description=(
            "How to visit this site more privately: the Leave this site button, private "
            "windows, clearing your history, and other traces."
        ),
        intro=(
            "<p>If someone else might see your phone or computer, these steps make it harder "
            "for them to find out that you visited this site. No step is perfect.</p>"
        ),
        body=BROWSING_SAFELY_BODY,
        last_reviewed=datetime.date.today(),
    )
    privacy = add_child(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        search_description=(
            "What this site collects, why, who sees it and how long it is kept. No trackers, "
            "no advertising."
        ),
        intro=(
            "<p>We collect as little about you as we can, never use it for advertising, and "
            "delete it on a schedule.</p>"
        ),
        body=PRIVACY_BODY,
        last_reviewed=datetime.date.today(),
    )
    return {"browsing_safely": browsing_safely, "privacy": privacy}


def home_links(home, pages):
    """Point the home page's hero, teaser and pathway cards at the pages that exist, and put
    “Reach out today” last in the main menu, after the sections."""
    contact = pages["contact"]
    if home.get_children().last().pk != contact.pk:
        contact.move(home, pos="last-child")
    home.hero_cta_page = pages["contact"]
    home.teaser_link_page = pages["explainer"]
    home.teaser_text = (
        "<p>Harm reduction is an evidence-based, client-centered approach that meets people "
        "where they are at with their substance of choice. Any reduction in harm is seen as a "
        "positive change.</p>"
    )
    pathway_texts = {
        "what-is-harm-reduction": "What it is, whether abstinence is the goal, and the spectrum.",
        "goals": "What therapy works towards, and how client and therapist work together.",
        "resources": "Guides, hotlines and readings on safer use, naloxone and more.",
        "our-experts": "Meet our clinicians: their credentials, pronouns and approach.",
        "careers": "Come work with us: open positions at the practice.",
    }
    children = {page.slug: page for page in home.get_children().live()}
    home.pathways = [
        ("pathway", {"page": children[slug], "heading": "", "text": text})
        for slug, text in pathway_texts.items()
        if slug in children
    ]
    home.body = [
        ("naloxone", NALOXONE),
        (
            "call_to_action",
            {
                "heading": "Reach out today",
                "text": "A first conversation commits you to nothing. We answer without judgement.",
                "link_page": pages["contact"],
                "link_url": "",
                "link_text": "Reach out today",
            },
        ),
    ]
    home.save_revision().publish()


def practice_settings(pages):
    practice = PracticeSettings.load()
    practice.practice_name = "Harm Reduction Therapy"
    practice.tagline = "Pragmatic Help without Judgement"
    practice.phone = "(555) 010-0199"
    practice.email = "office@example.org"
    practice.address = "100 Example Street, Suite 2\nChicago, IL 60601"
    practice.hours = "Monday to Friday, 9am to 6pm\nEvening sessions by appointment"
    if not practice.crisis_lines:
        practice.crisis_lines = default_crisis_lines()
    practice.footer_text = (
        "Sample practice details: replace them under Settings › Practice settings."
    )
    practice.browsing_safely_page = practice.browsing_safely_page or pages["browsing_safely"]
    practice.privacy_page = practice.privacy_page or pages["privacy"]
    practice.save()


def client_intake_group():
    """Staff in this group read, export and delete contact messages; editing pages is not
    needed for that, nor given."""
    group, _created = Group.objects.get_or_create(name=CLIENT_INTAKE_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="home", codename="read_contact_messages"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    return group


def load(stdout=None):
    home = home_page()
    approaches()
    pages = core_pages(home)
    practice_settings(pages)
    client_intake_group()
    return home, pages
