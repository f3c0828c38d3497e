import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import nested_form_data, streamfield

from resources.models import ResourceIndexPage, ResourcePage, Topic
from tests.resources.factories import main_entries
from tests.support import page_at

from .factories import make_resource

pytestmark = pytest.mark.django_db


def test_resource_page_shows_summary_link_and_taxonomy_links(client):
    resource = ResourcePage.objects.get(slug="naloxone-saves-lives")
    page = page_at(client, resource.url)
    assert page.h1.get_text(strip=True) == "Naloxone Saves Lives"
    assert resource.summary in page.get_text()
    external = page.select_one(".resource-actions a")
    assert external["href"] == resource.external_url
    assert "noopener" in external["rel"]
    topic_links = {a["href"] for a in page.select(".details-list a")}
    assert "/resources/?topic=naloxone" in topic_links
    assert "/resources/?approach=substance-use-management" in topic_links
    assert "/resources/?language=english" in topic_links
    assert "Page last reviewed" in page.get_text()


def test_spanish_resources_are_marked_for_screen_readers(client):
    page = page_at(client, ResourcePage.objects.get(slug="naloxona").url)
    assert page.h1["lang"] == "es"


def test_taxonomy_links_lead_back_into_the_filtered_library(client):
    page = page_at(client, "/resources/?topic=naloxone")
    titles = [a.get_text(strip=True) for a in page.select(".resource-card__title a")]
    assert "Naloxone Saves Lives" in titles
    assert "Rethinking Drinking" not in titles


def test_related_resources_share_topics(client):
    page = page_at(client, ResourcePage.objects.get(slug="naloxone-saves-lives").url)
    related = [a.get_text(strip=True) for a in page.select(".related .resource-card__title a")]
    assert 1 <= len(related) <= 3
    assert "Naloxone Saves Lives" not in related


def test_attached_document_shows_format_and_size(client):
    document = Document(title="Safer use plan worksheet")
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 2048), save=False)
    document.save()
    resource = make_resource("Worksheet with file", type_slug="worksheet")
    resource.document = document
    resource.save_revision().publish()
    page = page_at(client, resource.url)
    download = page.select_one("a[download]")
    assert "Safer use plan worksheet" in download.get_text()
    assert "PDF, 2.0" in download.get_text(" ", strip=True)


def test_a_resource_needs_a_link_or_a_document():
    resource = ResourcePage(
        title="Nothing to open",
        summary="x",
        resource_type_id=ResourcePage.objects.first().resource_type_id,
        language_id=ResourcePage.objects.first().language_id,
    )
    with pytest.raises(ValidationError):
        resource.full_clean()


def test_explainer_approaches_link_to_the_filtered_library(client):
    page = page_at(client, "/what-is-harm-reduction/")
    links = [a["href"] for a in page.select(".spectrum a.link-arrow")]
    assert links == [
        "/resources/?approach=substance-use-management",
        "/resources/?approach=targeted-abstinence",
        "/resources/?approach=total-abstinence",
    ]
    filtered = page_at(client, links[1])
    assert "Targeted Abstinence" in filtered.select_one(".chips").get_text()


def test_page_rules():
    assert ResourcePage.allowed_parent_page_models() == [ResourceIndexPage]
    assert ResourceIndexPage.max_count == 1
    assert ResourceIndexPage.allowed_subpage_models() == [ResourcePage]


def test_the_library_carries_the_get_naloxone_block(client):
    page = page_at(client, "/resources/")
    block = page.select_one(".block--naloxone")
    assert block is not None
    assert "Get naloxone" in block.get_text()


def test_related_resources_put_the_most_shared_tags_first(client):
    subject = make_resource(
        "Subject", topics=("naloxone", "safer-use"), approaches=("total-abstinence",)
    )
    make_resource("Shares one", topics=("safer-use",), approaches=())
    make_resource(
        "Shares three", topics=("naloxone", "safer-use"), approaches=("total-abstinence",)
    )
    assert subject.related_resources()[0].title == "Shares three"
    page = page_at(client, subject.url)
    first = page.select_one(".related .resource-card__title a").get_text(strip=True)
    assert first == "Shares three"


def test_related_resources_are_one_query_with_a_deterministic_order():
    Topic.objects.create(name="Quokkas", slug="quokkas")
    Topic.objects.create(name="Wombats", slug="wombats")
    subject = make_resource("Subject", topics=("quokkas", "wombats"), approaches=())
    make_resource("Beta shares one", topics=("quokkas",), approaches=())
    make_resource("Alpha shares one", topics=("wombats",), approaches=())
    make_resource("Shares two", topics=("quokkas", "wombats"), approaches=())
    make_resource("Shares none", topics=("naloxone",), approaches=())
    with CaptureQueriesContext(connection) as queries:
        related = subject.related_resources()
    # Beside reading the page's own tags and which pages are private: one query.
    assert len([q for q in queries if 'FROM "resources_resourcepage"' in q["sql"]]) == 1
    # The most shared first; equal shares (and no review dates) by title.
    assert [page.title for page in related] == [
        "Shares two",
        "Alpha shares one",
        "Beta shares one",
    ]


def test_a_preview_finds_related_resources_by_the_drafts_own_topics(rf):
    subject = make_resource("Subject", topics=("naloxone",), approaches=())
    Topic.objects.create(name="Quokkas", slug="quokkas")
    make_resource("Shares quokkas", topics=("quokkas",), approaches=())
    subject.topics = [main_entries(Topic).get(slug="quokkas")]  # the draft, as a preview has it
    request = rf.get(subject.url)
    request.is_preview = True
    related = subject.get_context(request)["related_resources"]
    assert [resource.title for resource in related] == ["Shares quokkas"]


def test_an_editor_previews_a_resource_with_changed_topics(admin_client):
    subject = make_resource("Subject", topics=("naloxone",), approaches=())
    quokkas = Topic.objects.create(name="Quokkas", slug="quokkas")
    make_resource("Shares quokkas", topics=("quokkas",), approaches=())
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(subject.pk,))
    form = nested_form_data(
        {
            "title": subject.title,
            "slug": subject.slug,
            "summary": subject.summary,
            "body": streamfield([]),
            "external_url": subject.external_url,
            "resource_type": subject.resource_type_id,
            "language": subject.language_id,
            "published_date": "2020-01-01",
        }
    )
    form["topics"] = [str(quokkas.pk)]
    checked = admin_client.post(preview_url, form)
    assert checked.json()["is_valid"], checked.json()
    preview = admin_client.get(preview_url)
    assert preview.status_code == 200
    related = BeautifulSoup(preview.content, "html.parser").select(".related h3 a")
    assert [link.get_text(strip=True) for link in related] == ["Shares quokkas"]
