"""A page or document an editor made private opens for the people it was meant for, through
Wagtail's own password and login forms in the site's design, and for nobody else."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from home.models.pages import StandardPage
from tests.support import assert_no_inline_code

pytestmark = pytest.mark.django_db

PASSWORD = "shared-with-the-group"
SECRET = "Notes for the Thursday group"
FILE_MARKER = b"staff-rota-for-december"


@pytest.fixture
def private_page(home_page):
    page = home_page.add_child(
        instance=StandardPage(title=SECRET, slug="thursday-group", show_in_menus=False)
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def password_page(private_page):
    PageViewRestriction.objects.create(
        page=private_page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return private_page


@pytest.fixture
def login_page(private_page):
    PageViewRestriction.objects.create(
        page=private_page, restriction_type=PageViewRestriction.LOGIN
    )
    return private_page


def form_of(response):
    return BeautifulSoup(response.content, "html.parser").select_one("main form")


def fields_of(form):
    """The form's fields as it would send them untouched (the CSRF token among them)."""
    return {field["name"]: field.get("value", "") for field in form.select("input[name]")}


def test_the_password_form_is_in_the_site_design_and_hides_the_page(client, password_page):
    response = client.get(password_page.url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "This page needs a password"
    assert SECRET not in response.text
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert page.select_one('label[for="id_password"]')
    assert_no_inline_code(response.text)


def test_the_right_password_opens_the_page(client, password_page):
    form = form_of(client.get(password_page.url))
    fields = fields_of(form)
    wrong = client.post(form["action"], {**fields, "password": "nope"})
    assert wrong.status_code == 200
    assert "That password is not right" in wrong.text
    right = client.post(form["action"], {**fields, "password": PASSWORD})
    assert right.status_code == 302
    assert right["Location"] == password_page.url
    opened = client.get(password_page.url)
    assert opened.status_code == 200
    assert SECRET in opened.text


def test_a_spanish_private_page_asks_and_answers_in_spanish(client):
    spanish_home = Page.objects.get(depth=2, locale__language_code="es")
    page = spanish_home.add_child(
        instance=StandardPage(title=SECRET, slug="grupo-de-los-jueves", show_in_menus=False)
    )
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    form = form_of(client.get(page.url))
    assert form["action"].startswith("/es/")
    fields = fields_of(form)
    wrong = client.post(form["action"], {**fields, "password": "nope"})
    assert wrong.status_code == 200
    answer = BeautifulSoup(wrong.content, "html.parser")
    assert answer.html["lang"] == "es"
    assert "Esa contraseña no es correcta" in wrong.text
    assert client.post(form["action"], {**fields, "password": PASSWORD})["Location"] == page.url
    login = client.get("/es/_util/login/")
    assert BeautifulSoup(login.content, "html.parser").html["lang"] == "es"
    assert form_of(login)["action"].startswith("/es/")


def test_wrong_passwords_are_limited_per_person(client, password_page, settings):
    settings.PAGE_PASSWORD_ATTEMPT_LIMIT = 3
    form = form_of(client.get(password_page.url))
    fields = fields_of(form)
    for _ in range(3):
        assert client.post(form["action"], {**fields, "password": "guess"}).status_code == 200
    refused = client.post(form["action"], {**fields, "password": PASSWORD})
    assert refused.status_code == 429
    assert "cannot be tried again" in refused.text
    assert SECRET not in client.get(password_page.url).text
    other = client.post(
        form["action"], {**fields, "password": PASSWORD}, REMOTE_ADDR="198.51.100.4"
    )
    assert other.status_code == 302


def test_a_login_restricted_page_sends_visitors_to_a_working_login(client, login_page):
    response = client.get(login_page.url)
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith("/_util/login/?next=")
    login = client.get(login_url)
    assert login.status_code == 200
    assert "Log in to read this page" in login.text
    assert SECRET not in login.text
    assert_no_inline_code(login.text)
    get_user_model().objects.create_user("group-member", password="a-long-password-1234")
    form = form_of(login)
    fields = fields_of(form)
    logged_in = client.post(
        form["action"],
        {**fields, "username": "group-member", "password": "a-long-password-1234"},
    )
    assert logged_in.status_code == 302
    assert logged_in["Location"] == login_page.url
    assert SECRET in client.get(login_page.url).text


def test_a_wrong_login_says_so_in_plain_words(client, login_page):
    response = client.post("/_util/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200
    assert "did not match" in response.text


@pytest.fixture
def private_document(media_served):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Rota",
        collection=collection,
        file=ContentFile(b"%PDF-1.4 " + FILE_MARKER, name="rota.pdf"),
    )
    return document


@pytest.fixture
def media_served(settings, tmp_path):
    """config/urls.py as make serve builds it (SERVE_MEDIA: Django serves uploaded media)."""
    import config.urls

    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(config.urls)
    clear_url_caches()


def test_a_private_document_is_refused_by_its_address_and_by_its_file_name(
    client, private_document
):
    assert client.get(private_document.url).status_code == 302  # to the login
    direct = client.get(f"/media/{private_document.file.name}")
    assert direct.status_code == 404
    assert FILE_MARKER not in direct.content


def test_images_are_still_served_by_file_name(client, media_served, tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "dot.png").write_bytes(b"\x89PNG\r\n")
    assert client.get("/media/images/dot.png").status_code == 200
