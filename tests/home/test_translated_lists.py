"""The lists editors keep (the library's types, topics, substances and audiences, the languages,
the team's specialties, session formats and licensed states) in Spanish on Spanish pages: pages
are tagged with the main language's entries, each shown in the visitor's words where it is
translated, with the same addresses for filtered lists in every language."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from resources.models import ResourceType, Topic
from team.models import TeamMemberPage
from tests.resources.factories import main_entries, make_resource
from tests.support import page_at, queries_for_page

pytestmark = pytest.mark.django_db


def facet_labels(page, param):
    return {
        label["for"].removeprefix(f"f-{param}-"): label.select_one("span")
        for label in page.select(f'label[for^="f-{param}-"]')
    }


def test_the_spanish_library_names_each_list_in_spanish_with_the_same_addresses(client):
    spanish = page_at(client, "/es/biblioteca/?topic=naloxone")
    english = page_at(client, "/resources/?topic=naloxone")
    assert facet_labels(spanish, "topic")["naloxone"].get_text() == "Naloxona"
    assert facet_labels(english, "topic")["naloxone"].get_text() == "Naloxone"
    assert facet_labels(spanish, "type")["guide"].get_text() == "Guía"
    assert facet_labels(spanish, "language")["spanish"].get_text() == "Español"
    # Translated, so nothing is marked as English.
    assert not spanish.select(".library__filters [lang]")
    chip = spanish.select_one(".chip").get_text(" ", strip=True)
    assert "Tema: Naloxona" in chip
    # The same resources, their cards' tags in Spanish.
    count = spanish.select_one("#results-heading").get_text()
    assert count.split()[0] == english.select_one("#results-heading").get_text().split()[0]
    tags = {tag.get_text(strip=True) for tag in spanish.select(".resource-card .tag")}
    assert "Naloxona" in tags
    assert {"Guía", "Hoja informativa"} & tags
    assert not {"Naloxone", "Guide", "Fact sheet"} & tags


def test_an_entry_not_yet_translated_is_shown_in_english_and_marked_so(client):
    Topic.objects.create(name="Wound care", slug="wound-care", sort_order=99)
    make_resource("Caring for wounds", topics=("wound-care",))
    spanish = page_at(client, "/es/biblioteca/?topic=wound-care")
    label = facet_labels(spanish, "topic")["wound-care"]
    assert (label.get_text(), label.get("lang")) == ("Wound care", "en")
    card_tag = next(
        tag for tag in spanish.select(".resource-card .tag") if "Wound" in tag.get_text()
    )
    assert card_tag["lang"] == "en"
    assert spanish.select_one(".chip [lang=en]").get_text() == "Wound care"


def test_a_resource_page_in_spanish_names_its_tags_in_spanish(client):
    resource = make_resource("Naloxone basics", type_slug="fact-sheet", topics=("naloxone",))
    es = Locale.objects.get(language_code="es")
    translated = resource.copy_for_translation(es)
    translated.save_revision().publish()
    translated.refresh_from_db()
    # The translation keeps the main language's tags, as every page does.
    assert translated.resource_type_id == resource.resource_type_id
    page = page_at(client, translated.url)
    assert page.select_one(".resource-card__meta .tag").get_text() == "Hoja informativa"
    links = {a.get_text(): a["href"] for a in page.select(".resource-details a")}
    assert links["Naloxona"].endswith("?topic=naloxone")


def test_a_clinician_translated_into_spanish_has_their_lists_in_spanish(client):
    member = TeamMemberPage.objects.get(locale__language_code="es", slug="maria-delgado")
    page = page_at(client, member.url)
    facts = page.select_one(".member__facts").get_text(" ", strip=True)
    assert "Español" in facts
    assert "Spanish" not in facts
    assert "Por video" in facts
    assert "En persona" in facts
    assert not page.select(".member__facts [lang]")
    # Her links lead to the Spanish contact form (with her chosen) and explainer.
    reach_out = page.select_one("a.button--large")["href"]
    assert reach_out == "/es/contacto/?clinician=maria-delgado"
    assert page.select(".member__facts a[href^='/es/que-es-la-reduccion-de-danos/#approach-']")
    # The Spanish team list filters by the same slugs, its choices in Spanish.
    team = page_at(client, "/es/nuestro-equipo/?language=spanish")
    options = {o["value"]: o.get_text() for o in team.select('select[name="language"] option')}
    assert options["spanish"] == "Español"
    assert options["english"] == "Inglés"
    links = [a["href"] for a in team.select(".member-card__link")]
    assert member.url in links


def test_the_spanish_team_lists_every_clinician_each_in_spanish_where_translated(client):
    spanish = page_at(client, "/es/nuestro-equipo/")
    english = page_at(client, "/our-experts/")
    cards = spanish.select(".member-card")
    assert len(cards) == len(english.select(".member-card"))
    by_url = {card.select_one(".member-card__link")["href"]: card for card in cards}
    maria = by_url["/es/nuestro-equipo/maria-delgado/"]
    assert maria.select_one(".pronouns").get_text(" ", strip=True) == "pronombres: ella"
    assert maria.select_one(".member-card__bio").get("lang") is None
    # The others, not translated yet, in English and marked so.
    others = [card for url, card in by_url.items() if not url.startswith("/es/")]
    assert others
    assert all(card.select_one(".member-card__bio")["lang"] == "en" for card in others)
    assert all("Sesiones" in card.get_text() for card in cards)


def test_the_spanish_contact_form_offers_each_clinician_once_in_spanish(client):
    page = page_at(client, "/es/contacto/?clinician=maria-delgado")
    options = [o.get_text() for o in page.select('select[name="clinician"] option')]
    assert options.count("Maria Delgado (ella)") == 1
    assert not any(option == "Maria Delgado (she/her)" for option in options)
    assert page.select_one('select[name="clinician"] option[selected]')["value"] == "maria-delgado"


def test_naming_the_lists_in_spanish_costs_no_query_once_warm(client):
    # Two more than the English library: Wagtail's router takes one more step (the Spanish
    # home), and one query finds the English library whose resources the Spanish one lists;
    # none for the lists' names, which are kept in the cache until the next edit.
    spanish = queries_for_page(client, "/es/biblioteca/?topic=naloxone")
    assert spanish <= queries_for_page(client, "/resources/?topic=naloxone") + 2


def test_an_editor_translates_a_new_entry_with_wagtail_localize(admin_client, client):
    topic = Topic.objects.create(name="Wound care", slug="wound-care", sort_order=99)
    make_resource("Caring for wounds", topics=("wound-care",))
    es = Locale.objects.get(language_code="es")
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["resources", "topic", topic.pk]
    )
    assert admin_client.post(url, {"locales": [es.pk]}).status_code == 302
    translation = Translation.objects.get(source__object_id=topic.translation_key)
    # The editor fills in the name in the translation editor; the slug is kept in step.
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Cuidado de heridas"
    translation.import_po(po)
    translation.save_target(publish=True)
    spanish_topic = topic.get_translation(es)
    assert (spanish_topic.name, spanish_topic.slug) == ("Cuidado de heridas", "wound-care")
    label = facet_labels(page_at(client, "/es/biblioteca/"), "topic")["wound-care"]
    assert (label.get_text(), label.get("lang")) == ("Cuidado de heridas", None)


def test_each_list_opens_on_the_main_language_and_shows_another_on_request(admin_client):
    url = reverse("wagtailsnippets_resources_resourcetype:list")
    main = admin_client.get(url).content.decode()
    assert "Guide" in main
    assert "Guía" not in main
    spanish = admin_client.get(url, {"locale": "es"}).content.decode()
    assert "Guía" in spanish
    assert ResourceType.objects.filter(locale__language_code="es").count() == (
        main_entries(ResourceType).count()
    )


def test_the_spanish_home_page_features_clinicians_in_spanish_where_translated(client):
    featured = page_at(client, "/es/").select_one(".featured-team")
    links = [a["href"] for a in featured.select(".member-card__link")]
    assert "/es/nuestro-equipo/maria-delgado/" in links
    assert "/our-experts/maria-delgado/" not in links
    assert featured.select_one(".link-arrow")["href"] == "/es/nuestro-equipo/"
    english = page_at(client, "/").select_one(".featured-team")
    links = [a["href"] for a in english.select(".member-card__link")]
    assert "/our-experts/maria-delgado/" in links
    assert english.select_one(".link-arrow")["href"] == "/our-experts/"
