"""A Spanish speaker's visit, in a real Chromium: from the Spanish home page to the explainer,
the library's resources in Spanish, a clinician who speaks Spanish, and a message written in
Spanish, which the practice's staff then read in the admin marked as Spanish."""

import re

import pytest
from playwright.sync_api import expect

from .axe import serious_violations
from .server import LEAD
from .test_journeys import log_in, results_heading

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_spanish_speaker_reads_finds_help_in_spanish_and_writes_in_spanish(
    new_context, live_site, axe_source
):
    page = new_context().new_page()
    page.goto(live_site.url("/es/"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    # Crisis help first, in Spanish, with one tap to text 988 in Spanish.
    expect(page.locator(".crisis__top")).to_contain_text("Envíe AYUDA al 988")

    page.get_by_role("link", name="Lea más sobre la reducción de daños").click()
    expect(page.locator("h1")).to_have_text("¿Qué es la reducción de daños?")
    expect(page.locator(".spectrum")).to_contain_text("Abstinencia Total")
    assert serious_violations(page, axe_source) == []

    # The library in Spanish: the resources written in Spanish first, and its language filter.
    page.get_by_role("link", name="Mire la biblioteca de recursos").click()
    expect(page).to_have_url(re.compile(r"/es/biblioteca/$"))
    first = page.locator(".resource-list .resource-card").first
    expect(first.locator("h3 a")).not_to_have_attribute("lang", "en")
    page.locator("summary", has_text="Idioma").click()
    page.get_by_label(re.compile(r"^Español")).check()
    expect(page).to_have_url(re.compile(r"language=spanish"))
    expect(results_heading(page)).to_contain_text("recursos")
    assert page.locator(".resource-list .resource-card").count() >= 3
    assert serious_violations(page, axe_source) == []

    # The team in Spanish, filtered to clinicians who offer therapy in Spanish; Maria's page in
    # Spanish, and her "Reach out today", which chooses her on the Spanish contact form.
    page.goto(live_site.url("/es/nuestro-equipo/"))
    page.locator('select[name="language"]').select_option("spanish")
    page.get_by_role("button", name="Mostrar profesionales").click()
    expect(page).to_have_url(re.compile(r"language=spanish"))
    page.get_by_role("link", name="Maria Delgado").click()
    expect(page).to_have_url(re.compile(r"/es/nuestro-equipo/maria-delgado/$"))
    expect(page.locator(".member__facts")).to_contain_text("Español")
    assert serious_violations(page, axe_source) == []
    page.locator("main").get_by_role("link", name="Escríbanos hoy").first.click()
    expect(page).to_have_url(re.compile(r"/es/contacto/\?clinician=maria-delgado$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_label("¿Con quién le gustaría hablar?")).to_have_value("maria-delgado")
    page.get_by_label("Su nombre").fill("Lucía")
    page.get_by_label("Teléfono o correo electrónico").fill("lucia@example.org")
    page.get_by_role("group", name=re.compile("Cómo prefiere")).get_by_label(
        "Correo electrónico"
    ).check()
    page.get_by_role("group", name=re.compile("mensaje de voz")).get_by_label("No").check()
    page.get_by_role("group", name=re.compile("escribirle por correo")).get_by_label("Sí").check()
    page.get_by_role("button", name="Enviar").click()
    expect(page.locator("h1")).to_have_text("Gracias, su mensaje se envió")
    assert serious_violations(page, axe_source) == []

    # The practice reads it in the one inbox, marked as Spanish, so the reply can be too.
    staff = new_context().new_page()
    log_in(staff, live_site, LEAD)
    staff.goto(live_site.url("/admin/contact-messages/"))
    row = staff.locator("tbody tr", has_text="Lucía")
    expect(row).to_contain_text("Spanish")
    expect(row).to_contain_text("Maria Delgado")
