"""A private page (Wagtail's Privacy: a password, a login, or a restriction on an ancestor) is
seen by the people it is meant for, and named nowhere else: not in a listing, a card, a form's
choices, structured data, the sitemap or a search.

The walk visits every live public page the database holds (and each routable page's sub-pages),
so a listing added later is checked without this file knowing about it."""

import pytest
from django.urls import URLPattern
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import PageViewRestriction, Site

from careers.models import CareersIndexPage
from home.models import HomePage
from home.models.pages import StandardPage
from resources.models import ResourceIndexPage
from team.models import HomeFeaturedMember, TeamIndexPage
from tests.careers.factories import make_job
from tests.resources.factories import make_resource
from tests.support import CONTACT_POST, add_published, page_at
from tests.team.factories import make_member

pytestmark = pytest.mark.django_db

# The word the walk searches for. Every copy's title starts with it, so a search would find them
# all; the search pages echo the word itself, so what must appear nowhere is the whole title.
MARKER = "Qzvhidden"
PASSWORD = "only-for-staff"
CONTACT = "/contact/"


# The ways a page is made private: on itself, or through its section's index page.
ON_ITS_OWN = ["password", "login"]
EVERY_WAY = [*ON_ITS_OWN, "ancestor"]


def make_standard_page(title, slug):
    page = StandardPage(title=title, slug=slug, intro=f"<p>{title}.</p>", show_in_menus=True)
    return add_published(HomePage.objects.get(locale__language_code="en"), page)


def make_copies(label):
    """One page of each type that a listing shows, named `MARKER <type> <label>`, made so that
    every listing would show it if it were public: the clinician takes new clients, comes first
    and is featured on the home page, the opening is open, the resource shares tags with
    others, the standard page is in the menu."""
    title = f"{MARKER} %s {label}"
    member = make_member(
        title=title % "Clinician",
        slug=f"{MARKER.lower()}-clinician-{label}",
        accepting_new_clients=True,
        display_order=0,
        specialties=["alcohol"],
        languages=["english"],
        approaches=["substance-use-management"],
    )
    HomeFeaturedMember.objects.create(
        page=HomePage.objects.get(locale__language_code="en"), member=member, sort_order=0
    )
    job = make_job(title % "Opening", slug=f"{MARKER.lower()}-opening-{label}")
    resource = make_resource(title % "Resource", summary=f"{title % 'Resource'}, summarised.")
    standard = make_standard_page(title % "Page", f"{MARKER.lower()}-page-{label}")
    return {"member": member, "job": job, "resource": resource, "standard": standard}


def restrict(page, kind):
    if kind == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
        )
    else:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def restricted_copies(how):
    """Private copies of each page type, restricted `how`: on themselves with a password or a
    login, or through their section's index page (a standard page has none but the home page,
    so it is left out there)."""
    copies = make_copies(how)
    if how == "ancestor":
        copies.pop("standard").delete()
        for index in (TeamIndexPage, ResourceIndexPage, CareersIndexPage):
            restrict(index.objects.get(locale__language_code="en"), "login")
    else:
        for page in copies.values():
            restrict(page, how)
    return copies


def subpage_addresses(page, url):
    """A routable page's sub-pages that take no argument."""
    if not isinstance(page, RoutablePageMixin):
        return []
    return [
        url + str(route.pattern)
        for route in page.get_subpage_urls()
        if isinstance(route, URLPattern) and not route.pattern.converters
    ]


def addresses_a_visitor_can_reach():
    """Every address an anonymous visitor can reach: each live public page of the site (with
    a search term too, for the pages that take one), the sitemap, the site search and its
    suggestions, for the whole site and below each page."""
    site = Site.objects.get(is_default_site=True)
    pages = site.root_page.get_descendants(inclusive=True).live().public().specific()
    addresses = ["/sitemap.xml", f"/search/?q={MARKER}", f"/search/autocomplete/?q={MARKER}"]
    for page in pages:
        url = page.get_url()
        for address in dict.fromkeys([url, *subpage_addresses(page, url)]):
            addresses += [address, f"{address}?q={MARKER}"]
        # The suggestions a search box below this page would show (the library's box).
        addresses.append(f"/search/autocomplete/?q={MARKER}&within={page.pk}")
    return addresses


def addresses_naming(client, pages):
    """{address: the pages it names}, over every address a visitor can reach, where a page is
    named by its title or the last part of its address."""
    client.logout()
    naming = {}
    for address in addresses_a_visitor_can_reach():
        response = client.get(address)
        assert response.status_code == 200, (address, response.status_code)
        text = response.content.decode()
        named = [page.title for page in pages if page.title in text or f"/{page.slug}/" in text]
        if named:
            naming[address] = named
    return naming


def test_private_pages_are_named_nowhere_and_their_public_copies_where_visitors_look(client):
    """Pages restricted on themselves, with a password and with a login, walked with public
    copies of the same pages: the walk, worth trusting, finds the public ones in every listing
    and the private ones nowhere."""
    copies = make_copies("public")
    private = [page for how in ON_ITS_OWN for page in restricted_copies(how).values()]
    naming = addresses_naming(client, [*copies.values(), *private])
    private_titles = {page.title for page in private}
    leaks = {address: private_titles & set(titles) for address, titles in naming.items()}
    assert {address: titles for address, titles in leaks.items() if titles} == {}

    member, job, resource, standard = (copies[kind].title for kind in copies)
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    expected = {
        "/": [member, standard],
        "/our-experts/": [member, standard],
        CONTACT: [member, standard],
        "/careers/": [job, standard],
        f"/resources/?q={MARKER}": [resource, standard],
        f"/search/autocomplete/?q={MARKER}&within={library.pk}": [resource],
        "/sitemap.xml": [member, job, resource, standard],
    }
    for address, titles in expected.items():
        assert set(titles) <= set(naming.get(address, [])), address
    searched = naming[f"/search/?q={MARKER}"]
    assert set(searched) == {member, job, resource, standard}
    assert naming[f"/search/autocomplete/?q={MARKER}"]


def test_pages_in_a_private_section_are_named_nowhere(client):
    """Restricted through their section's index page."""
    assert addresses_naming(client, restricted_copies("ancestor").values()) == {}


# The places the issue was found, one by one -------------------------------------------------


def private_member(how):
    """A clinician taking new clients, featured on the home page, made private `how`."""
    member = make_member(title=f"{MARKER} Clinician", accepting_new_clients=True, display_order=0)
    HomeFeaturedMember.objects.create(
        page=HomePage.objects.get(locale__language_code="en"), member=member, sort_order=0
    )
    if how == "ancestor":
        restrict(TeamIndexPage.objects.get(locale__language_code="en"), "login")
    else:
        restrict(member, how)
    return member


def clinician_choices(page):
    select = page.select_one('form.form select[name="clinician"]')
    return [] if select is None else [option["value"] for option in select.find_all("option")]


@pytest.mark.parametrize("how", ON_ITS_OWN)
def test_a_private_member_has_no_card_on_the_team_index(client, how):
    member = private_member(how)
    page = page_at(client, "/our-experts/")
    names = [a.get_text(strip=True) for a in page.select(".member-card__link")]
    assert "Jordan Avery" in names
    assert member.title not in page.get_text()


@pytest.mark.parametrize("how", EVERY_WAY)
def test_a_private_member_is_not_featured_on_the_home_page(client, how):
    member = private_member(how)
    page = page_at(client, "/")
    assert member.title not in page.get_text()
    shown = [a.get_text(strip=True) for a in page.select(".featured-team .member-card__link")]
    assert shown == ([] if how == "ancestor" else ["Jordan Avery", "Maria Delgado", "Riley Chen"])


@pytest.mark.parametrize("how", EVERY_WAY)
def test_a_private_member_is_not_a_choice_on_the_contact_form_even_from_a_link(client, how):
    member = private_member(how)
    page = page_at(client, f"{CONTACT}?clinician={member.slug}")
    assert member.slug not in clinician_choices(page)
    assert not page.select('select[name="clinician"] option[selected]:not([value=""])')
    assert member.title not in page.get_text()


@pytest.mark.parametrize("how", ON_ITS_OWN)
def test_posting_a_private_members_slug_is_a_form_error(client, how):
    member = private_member(how)
    response = client.post(CONTACT, {**CONTACT_POST, "clinician": member.slug})
    assert response.status_code == 200
    assert "Please choose someone from the list" in response.text
    assert FormSubmission.objects.count() == 0


def test_with_the_whole_team_private_the_contact_form_asks_for_no_one(client):
    member = private_member("ancestor")
    assert clinician_choices(page_at(client, CONTACT)) == []
    client.post(CONTACT, {**CONTACT_POST, "clinician": member.slug})
    assert "clinician" not in FormSubmission.objects.get().form_data


def let_in(client, django_user_model):
    """Make `client` someone the private page is meant for: signed in, and past its password."""
    client.force_login(django_user_model.objects.create_user("staff", "s@example.org", "pw"))
    session = client.session
    session["passed_page_view_restrictions"] = list(
        PageViewRestriction.objects.values_list("pk", flat=True)
    )
    session.save()


@pytest.mark.parametrize("how", EVERY_WAY)
def test_a_private_members_reach_out_link_does_not_choose_them(client, django_user_model, how):
    member = private_member(how)
    let_in(client, django_user_model)
    page = page_at(client, member.url)
    assert member.title in page.select_one("h1").get_text()
    assert page.select_one(".cta a.button--primary")["href"] == CONTACT


def test_a_public_members_reach_out_link_still_chooses_them(client):
    member = make_member(title=f"{MARKER} Clinician", accepting_new_clients=True)
    page = page_at(client, member.url)
    assert page.select_one(".cta a.button--primary")["href"] == (
        f"{CONTACT}?clinician={member.slug}"
    )


def test_making_a_member_private_takes_their_card_off_pages_already_kept_in_the_cache(
    client, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    member = make_member(title=f"{MARKER} Clinician", accepting_new_clients=True)
    HomeFeaturedMember.objects.create(
        page=HomePage.objects.get(locale__language_code="en"), member=member, sort_order=0
    )
    for address in ("/", "/our-experts/"):
        client.get(address)
        kept = client.get(address)
        assert kept["X-Page-Cache"] == "hit"
        assert member.title in kept.text
    restrict(member, "login")
    for address in ("/", "/our-experts/"):
        assert member.title not in client.get(address).text
