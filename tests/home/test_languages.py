"""The site in English and Spanish (docs/editing.md, "Translating"): English at the root and
Spanish under /es/, the language taken from the address alone; a switcher and hreflang links
that agree with the sitemap; the crisis lines and the interface in Spanish; a contact message
sent in Spanish that lands in the one inbox, marked as Spanish."""

import shutil

import polib
import pytest
from defusedxml import ElementTree
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import override
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation

from core.locales import in_language_shown
from core.models import Approach, SiteText
from home.models import ContactPage, ExplainerPage, FeesPage, GoalsPage, HomePage
from resources.models import ResourcePage
from tests.support import page_at, queries_for_page

pytestmark = pytest.mark.django_db

# The demo's Spanish pages and the English pages they translate.
PAIRS = {
    "/es/": "/",
    "/es/que-es-la-reduccion-de-danos/": "/what-is-harm-reduction/",
    "/es/metas/": "/goals/",
    "/es/contacto/": "/contact/",
    "/es/privacidad/": "/privacy/",
    "/es/navegar-con-seguridad/": "/browsing-safely/",
    "/es/biblioteca/": "/resources/",
    "/es/nuestro-equipo/": "/our-experts/",
    "/es/nuestro-equipo/maria-delgado/": "/our-experts/maria-delgado/",
}
UNTRANSLATED = [
    "/our-experts/sam-okafor/",
    "/careers/",
    "/fees-and-insurance/",
    "/telehealth/",
]
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def alternates_in_head(page):
    return {
        link["hreflang"]: link["href"]
        for link in page.select('head link[rel="alternate"][hreflang]')
    }


def switch_of(page):
    return page.select_one(".language-switch a")


@pytest.mark.parametrize(("spanish", "english"), PAIRS.items())
def test_each_translated_page_is_in_spanish_under_es_and_links_to_its_english_self(
    client, spanish, english
):
    response = client.get(spanish)
    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    page = page_at(client, spanish)
    assert page.html["lang"] == "es"
    assert page.select_one('link[rel="canonical"]')["href"] == f"http://localhost{spanish}"
    switch = switch_of(page)
    assert (switch["href"], switch["lang"], switch["hreflang"]) == (english, "en", "en")
    assert switch.get_text(strip=True) == "English"
    back = switch_of(page_at(client, english))
    assert (back["href"], back["lang"]) == (spanish, "es")
    assert back.get_text(strip=True) == "Español"
    pair = {"en": f"http://localhost{english}", "es": f"http://localhost{spanish}"}
    expected = {**pair, "x-default": pair["en"]}
    assert alternates_in_head(page) == expected
    assert alternates_in_head(page_at(client, english)) == expected


@pytest.mark.parametrize("url", UNTRANSLATED)
def test_an_untranslated_page_says_so_and_offers_the_spanish_home_page(client, url):
    page = page_at(client, url)
    switch = switch_of(page)
    assert switch["href"] == "/es/"
    assert "no está traducida" in switch.get_text()
    assert switch["lang"] == "es"
    assert alternates_in_head(page) == {}


def test_the_language_comes_from_the_address_never_from_the_browser(client):
    english = client.get("/goals/", HTTP_ACCEPT_LANGUAGE="es")
    assert english["Content-Language"] == "en"
    assert "Accept-Language" not in english.get("Vary", "")
    assert page_at(client, "/goals/").html["lang"] == "en"
    spanish = client.get("/es/metas/", HTTP_ACCEPT_LANGUAGE="en")
    assert spanish["Content-Language"] == "es"


def test_an_english_address_under_es_is_not_found(client):
    assert client.get("/es/careers/").status_code == 404
    assert client.get("/es/fees-and-insurance/").status_code == 404


def test_without_a_spanish_home_page_es_sends_visitors_to_the_english_one(client):
    HomePage.objects.get(locale__language_code="es").get_descendants(inclusive=True).delete()
    response = client.get("/es/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_sitemap_pairs_each_page_with_its_translation_as_the_head_does(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    entries = {}
    for entry in root.findall("s:url", SITEMAP_NS):
        location = entry.find("s:loc", SITEMAP_NS).text
        entries[location] = {
            link.get("hreflang"): link.get("href") for link in entry.findall("x:link", SITEMAP_NS)
        }
    for spanish, english in PAIRS.items():
        for address in (spanish, english):
            full = f"http://localhost{address}"
            assert full in entries
            assert entries[full] == alternates_in_head(page_at(client, address))
    # A page in one language only has no alternates, in the sitemap or the head.
    assert entries["http://localhost/careers/"] == {}


def test_the_spanish_menu_keeps_the_english_menus_order_with_the_contact_page_last(client):
    def menu(address):
        return [a["href"] for a in page_at(client, address).select(".main-nav__link")]

    english = [PAIRS[spanish] for spanish in menu("/es/")]
    assert english == [address for address in menu("/") if address in english]
    assert english[-1] == "/contact/"


def test_the_crisis_lines_are_in_spanish_with_a_one_tap_text_in_spanish(client):
    page = page_at(client, "/es/")
    banner = page.select_one(".crisis")
    assert banner.select_one(".crisis__lead").get_text(strip=True) == "¿Crisis o emergencia?"
    text_link = banner.select_one('.crisis__top a[href^="sms:"]')
    assert text_link["href"] == "sms:988?body=AYUDA"
    assert text_link.get_text(" ", strip=True).startswith("Envíe AYUDA al 988")
    lines = banner.select_one(".crisis__list").get_text(" ", strip=True)
    assert "marque 2" in lines
    assert "Línea Nacional de Ayuda de SAMHSA" in lines
    assert "en español" in lines
    # The English banner is unchanged.
    english = page_at(client, "/").select_one(".crisis")
    assert english.select_one('.crisis__top a[href^="sms:"]')["href"] == "sms:988"
    assert "In crisis or an emergency?" in english.get_text()


def test_the_quick_exit_and_footer_speak_spanish_and_link_to_the_spanish_pages(client):
    page = page_at(client, "/es/metas/")
    quick_exit = page.select_one(".quick-exit")
    assert "Salir de este sitio" in quick_exit.get_text()
    assert quick_exit.select_one(".quick-exit__safely")["href"] == "/es/navegar-con-seguridad/"
    assert (
        quick_exit.select_one(".skip-link").get_text(strip=True) == "Saltar al contenido principal"
    )
    footer = page.select_one("footer")
    links = {a.get_text(strip=True): a for a in footer.select("a")}
    assert links["Aviso de privacidad"]["href"] == "/es/privacidad/"
    # The accessibility statement has no Spanish version yet: its English title says so.
    assert links["Accessibility statement"]["lang"] == "en"
    assert "Horario" in footer.get_text()


def test_the_spanish_crisis_lines_are_their_own_not_kept_in_step_with_the_english(client):
    spanish = SiteText.objects.get(locale__language_code="es")
    translation = Translation.objects.get(
        source__object_id=spanish.translation_key, target_locale__language_code="es"
    )
    assert not translation.enabled
    english = SiteText.objects.get(locale__language_code="en")
    english.footer_text = "Closed on public holidays."
    english.save()
    assert (
        "Closed on public holidays." not in page_at(client, "/es/").select_one("footer").get_text()
    )
    assert "Closed on public holidays." in page_at(client, "/").select_one("footer").get_text()


def test_every_word_of_the_demos_spanish_pages_is_translated():
    for translation in Translation.objects.filter(target_locale__language_code="es", enabled=True):
        total, done = translation.get_progress()
        assert done == total, translation.source.get_source_instance()


def test_a_message_sent_in_spanish_lands_in_the_one_inbox_marked_spanish(client):
    page = page_at(client, "/es/contacto/")
    labels = [label.get_text(" ", strip=True) for label in page.select("form.form label")]
    assert any(label.startswith("Su nombre") for label in labels)
    assert page.select_one("form.form button[type=submit]").get_text(strip=True) == "Enviar"
    response = client.post(
        "/es/contacto/",
        {
            "your_name": "Lucía",
            "phone_or_email": "lucia@example.org",
            "preferred_way_to_contact_you": "Correo electrónico",
            "is_it_ok_to_leave_a_voicemail": "No",
            "is_it_ok_to_email_you": "Sí",
        },
    )
    assert response.status_code == 200
    assert "Gracias, su mensaje se envió" in response.content.decode()
    english = ContactPage.objects.get(locale__language_code="en")
    submission = FormSubmission.objects.filter(page=english).latest("submit_time")
    assert submission.form_data["language"] == "Spanish"
    assert submission.form_data["your_name"] == "Lucía"
    assert "They wrote in Spanish" in mail.outbox[-1].body
    assert f"/admin/forms/submissions/{english.pk}/" in mail.outbox[-1].body


def test_a_message_sent_in_english_is_marked_english(client):
    client.post(
        "/contact/",
        {
            "your_name": "Sam",
            "phone_or_email": "555 010 0100",
            "preferred_way_to_contact_you": "Phone call",
            "is_it_ok_to_leave_a_voicemail": "Yes",
            "is_it_ok_to_email_you": "No",
        },
    )
    submission = FormSubmission.objects.latest("submit_time")
    assert submission.form_data["language"] == "English"
    assert "They wrote in" not in mail.outbox[-1].body


def test_the_spanish_form_says_what_to_fix_in_spanish(client):
    response = client.post(
        "/es/contacto/",
        {
            "your_name": "Lucía",
            "phone_or_email": "555 010 0100",
            "preferred_way_to_contact_you": "Correo electrónico",
            "is_it_ok_to_leave_a_voicemail": "No",
            "is_it_ok_to_email_you": "No",
        },
    )
    text = page_at_response(response)
    assert "Por favor, revise el formulario" in text
    assert "Eligió que le respondamos por correo electrónico" in text
    assert "Por favor, escriba un correo electrónico" in text
    assert not FormSubmission.objects.filter(form_data__your_name="Lucía").exists()


def page_at_response(response):
    assert response.status_code == 200
    return response.content.decode()


def test_the_admin_inbox_shows_the_language_column(admin_client, client):
    english = ContactPage.objects.get(locale__language_code="en")
    assert ("language", "Language") in english.get_data_fields()


def test_spanish_and_english_pages_are_kept_apart_in_the_page_cache(client):
    with override_settings(PAGE_CACHE_SECONDS=60):
        assert client.get("/es/").headers.get("X-Page-Cache") in {"miss", None}
        assert client.get("/").headers.get("X-Page-Cache") in {"miss", None}
        spanish = client.get("/es/", HTTP_ACCEPT_LANGUAGE="en")
        english = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert spanish["X-Page-Cache"] == english["X-Page-Cache"] == "hit"
    assert b'<html lang="es">' in spanish.content
    assert b'<html lang="en">' in english.content


def test_the_spanish_pages_cost_about_what_the_english_do(client):
    # Two more at most: Wagtail's rich text finds the Spanish version of each page it links to
    # (the explainer links to the library).
    for spanish, english in [
        ("/es/", "/"),
        ("/es/que-es-la-reduccion-de-danos/", "/what-is-harm-reduction/"),
    ]:
        assert queries_for_page(client, spanish) <= queries_for_page(client, english) + 2


def test_the_explainer_and_goals_speak_spanish(client):
    explainer = page_at(client, "/es/que-es-la-reduccion-de-danos/")
    assert explainer.h1.get_text(strip=True) == "¿Qué es la reducción de daños?"
    assert "No es obligatorio dejar de consumir" in explainer.get_text()
    assert ExplainerPage.objects.filter(locale__language_code="es").count() == 1
    goals = page_at(client, "/es/metas/")
    assert goals.h1.get_text(strip=True) == "Metas de la terapia de reducción de daños"
    assert GoalsPage.objects.filter(locale__language_code="es").get().live


def test_the_interface_catalogue_leaves_nothing_untranslated():
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale/es/LC_MESSAGES/django.po"))
    assert len(catalogue) > 100
    untranslated = [entry.msgid for entry in catalogue if not entry.translated()]
    assert untranslated == []
    assert not [entry.msgid for entry in catalogue if "fuzzy" in entry.flags]


def test_the_compiled_catalogue_matches_its_source():
    source = polib.pofile(str(settings.BASE_DIR / "locale/es/LC_MESSAGES/django.po"))
    compiled = polib.mofile(str(settings.BASE_DIR / "locale/es/LC_MESSAGES/django.mo"))
    as_written = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in source}
    as_compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in compiled}
    assert as_compiled == as_written, "run `make messages` to compile the catalogue again"


def test_the_site_knows_its_two_languages():
    assert [code for code, _name in settings.LANGUAGES] == ["en", "es"]
    assert set(Page.objects.filter(depth=2).values_list("locale__language_code", flat=True)) == {
        "en",
        "es",
    }


def result_links(client, address):
    return [a["href"] for a in page_at(client, address).select(".search-result__title a")]


def test_site_search_finds_each_page_once_in_the_language_shown(client):
    spanish = result_links(client, "/es/search/?q=reduccion")
    assert "/es/que-es-la-reduccion-de-danos/" in spanish
    assert "/what-is-harm-reduction/" not in spanish
    english = result_links(client, "/search/?q=harm+reduction")
    assert "/what-is-harm-reduction/" in english
    assert not [link for link in english if link.startswith("/es/")]
    # A page with no Spanish version is found from the Spanish search too, at its own address.
    assert any(
        link.startswith("/resources/") for link in result_links(client, "/es/search/?q=naloxone")
    )


def test_a_page_whose_translation_is_unpublished_is_found_in_its_own_language(client):
    # Only a public translation stands in for its page; while the Spanish goals page is a
    # draft again, the Spanish search finds the English one (the search before it was kept).
    assert "/goals/" not in result_links(client, "/es/search/?q=goals")
    Page.objects.get(url_path__endswith="/metas/").specific.unpublish()
    found = result_links(client, "/es/search/?q=goals")
    assert "/goals/" in found
    assert "/es/metas/" not in found


def test_a_page_in_a_third_language_is_found_once(rf):
    """A site with a third language: the fees page (English, with no Spanish version) in French
    too is found once from the Spanish site, in the main language; the goals page (in all three)
    once, in Spanish."""
    french = Locale.objects.create(language_code="fr")
    fees, goals = FeesPage.objects.get(), GoalsPage.objects.get(locale__language_code="en")
    for page in (fees, goals):
        # The French home is made as an alias of the English one, live with it.
        page.copy_for_translation(french, copy_parents=True).save_revision().publish()
    keys = [fees.translation_key, goals.translation_key]
    request = rf.get("/es/")
    with override("es"):
        found = in_language_shown(
            Page.objects.live().filter(translation_key__in=keys), Site.objects.get(), request
        )
        languages = {page.translation_key: page.locale.language_code for page in found}
        assert len(found) == 2
        assert languages == {fees.translation_key: "en", goals.translation_key: "es"}


def test_autocomplete_offers_the_spanish_pages_from_the_spanish_box(client):
    found = client.get("/es/search/autocomplete/", {"q": "metas"}).json()["results"]
    assert "/es/metas/" in [result["url"] for result in found]
    english = client.get("/search/autocomplete/", {"q": "goals"}).json()["results"]
    assert "/goals/" in [result["url"] for result in english]
    assert not [r for r in english if r["url"].startswith("/es/")]


def test_the_spanish_explainer_shows_the_approaches_in_spanish_in_the_editors_order(client):
    names = [
        h3.contents[0].strip()
        for h3 in page_at(client, "/es/que-es-la-reduccion-de-danos/").select(".spectrum__name")
    ]
    assert names == [
        "Manejo del Consumo de Sustancias",
        "Abstinencia Selectiva",
        "Abstinencia Total",
    ]
    # The main language's order rules: moving an approach moves it in Spanish too.
    last = Approach.objects.get(slug="total-abstinence", locale__language_code="en")
    last.sort_order = -1
    last.save()
    stops = page_at(client, "/es/que-es-la-reduccion-de-danos/").select(".spectrum-map__stop a")
    assert stops[0].get_text(strip=True) == "Abstinencia Total"
    # Its link into the (English) library filters by the same slug as the English page's does.
    assert stops[0]["href"] == "#approach-total-abstinence"


def test_pages_are_tagged_with_and_filtered_by_the_main_languages_approaches_only(
    admin_client, client
):
    facet = page_at(client, "/resources/").select('input[name="approach"]')
    assert len(facet) == Approach.objects.filter(locale__language_code="en").count() == 3
    resource = ResourcePage.objects.live().first()
    form = page_at(admin_client, f"/admin/pages/{resource.pk}/edit/")
    choices = [label.get_text(strip=True) for label in form.select('label[for^="id_approaches_"]')]
    assert "Abstinencia Total" not in choices
    assert "Total Abstinence" in choices


# What `make messages` reads: the site's own code and templates.
SOURCES = ["config", "core", "home", "resources", "team", "careers", "practice_events", "search"]


@pytest.mark.slow
def test_makemessages_finds_no_interface_string_left_untranslated(tmp_path, monkeypatch):
    """Django's makemessages, run on a copy of the code with a copy of the catalogue, adds no
    string the Spanish catalogue lacks a translation for."""
    for name in [*SOURCES, "templates", "locale"]:
        shutil.copytree(
            settings.BASE_DIR / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("__pycache__", "demo_data", "migrations"),
        )
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["es"], no_obsolete=True, verbosity=0)
    catalogue = polib.pofile(str(tmp_path / "locale/es/LC_MESSAGES/django.po"))
    assert [entry.msgid for entry in catalogue if not entry.translated()] == []


def test_the_spanish_library_lists_every_resource_with_those_in_spanish_first(client):
    spanish = page_at(client, "/es/biblioteca/")
    english = page_at(client, "/resources/")
    assert spanish.html["lang"] == "es"
    heading = spanish.select_one("#results-heading").get_text(strip=True)
    assert heading == english.select_one("#results-heading").get_text(strip=True).replace(
        "resources", "recursos"
    )
    cards = spanish.select(".resource-card")
    in_spanish = ResourcePage.objects.live().filter(language__code="es").count()
    assert in_spanish >= 3
    # The first cards are the Spanish ones (no lang="en" on their titles), then the others.
    langs = [card.select_one("h3 a").get("lang") for card in cards]
    assert langs[:in_spanish] == [None] * in_spanish
    assert "en" in langs[in_spanish:]
    assert "En inglés" in cards[-1].get_text()
    # The facets are there, named in Spanish (their values too: test_translated_lists.py).
    assert "Idioma" in [
        s.get_text(" ", strip=True).split(" (")[0] for s in spanish.select(".facet__summary")
    ]
    # On the English page, English resources come first.
    assert english.select(".resource-card")[0].select_one("h3 a").get("lang") is None


def test_the_spanish_library_searches_and_suggests_the_same_resources(client):
    found = page_at(client, "/es/biblioteca/?q=naloxona").select(".resource-card h3 a")
    assert "/resources/naloxona/" in [a["href"] for a in found]
    library = page_at(client, "/es/biblioteca/").select_one("#library-q")
    suggestions = client.get(library["data-autocomplete-url"] + "&q=nalox").json()["results"]
    assert any(result["url"].startswith("/resources/") for result in suggestions)


def translations_rows(admin_client):
    page = page_at(admin_client, "/admin/translations/")
    rows = {}
    for row in page.select("tbody tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        rows[cells[0]] = cells[-1]
    return rows


def test_the_translations_report_shows_what_is_untranslated_or_out_of_date(admin_client):
    rows = translations_rows(admin_client)
    assert rows["Goals of harm reduction therapy"] == "Up to date"
    assert "Not translated" in rows.values()
    # The English page changes after its last sync: the report says the Spanish one is behind.
    goals = GoalsPage.objects.get(locale__language_code="en")
    goals.title = "Goals of harm reduction therapy, as we practise them"
    goals.save_revision().publish()
    rows = translations_rows(admin_client)
    assert rows["Goals of harm reduction therapy, as we practise them"].startswith("Changed since")
    menu = admin_client.get("/admin/").content.decode()
    assert "/admin/translations/" in menu
