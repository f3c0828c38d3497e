"""The live site behind nginx, configured with the very blocks in docs/deploy.md: the proxy
serves images but never a document by its file name, and two people behind it have limits of
their own that a forged header cannot reset. Visitors connect from addresses of their own on
the loopback network (127.0.0.2, 127.0.0.3), as people on different connections would."""

import json

import pytest

from tests.live_site import free_port
from tests.support import CONTACT_POST
from tools.proxy import Visitor, start_nginx

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CONTACT_LIMIT = 5  # CONTACT_RATE_LIMIT's default, which the live site keeps

PRIVATE_DOCUMENT_SCRIPT = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
collection = Collection.get_first_root_node().add_child(name="Staff only (proxy test)")
CollectionViewRestriction.objects.create(
    collection=collection, restriction_type=CollectionViewRestriction.LOGIN
)
document = get_document_model().objects.create(
    title="Rota", collection=collection,
    file=ContentFile(b"%PDF-1.4 staff rota for the proxy test", name="proxy-rota.pdf"),
)
from io import BytesIO
from PIL import Image as Picture
from wagtail.images import get_image_model
picture = BytesIO()
Picture.new("RGB", (40, 30), "teal").save(picture, "PNG")
image = get_image_model().objects.create(
    title="Dot", file=ContentFile(picture.getvalue(), name="proxy-dot.png")
)
print(json.dumps({
    "url": document.url, "file": document.file.name, "image": image.get_rendition("width-20").url
}))
"""


@pytest.fixture(scope="module")
def proxy(live_site, tmp_path_factory):
    """nginx with docs/deploy.md's blocks, its pool the live site's one server."""
    site_port = int(live_site.base_url.rsplit(":", 1)[1])
    port = free_port()
    process = start_nginx(
        tmp_path_factory.mktemp("nginx"), port, [site_port], live_site.workdir / "media"
    )
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_proxy_serves_images_but_no_document_by_its_file_name(proxy, live_site):
    output = live_site.manage("shell", "-c", "import json\n" + PRIVATE_DOCUMENT_SCRIPT)
    facts = json.loads(output.strip().splitlines()[-1])
    visitor = Visitor(proxy, "127.0.0.2")
    status, _headers, _body = visitor.request("GET", f"/media/{facts['file']}")
    assert status == 404
    status, headers, _body = visitor.request("GET", facts["url"])
    assert status == 302
    assert headers["Location"].startswith("/_util/login/")
    status, headers, _body = visitor.request("GET", facts["image"])
    assert status == 200
    assert headers["Content-Type"].startswith("image/")


def test_two_people_behind_the_proxy_have_limits_of_their_own(proxy, live_site):
    contact = live_site.pages["contact"]
    first, second = Visitor(proxy, "127.0.0.2"), Visitor(proxy, "127.0.0.3")
    # The site's two gunicorn workers share one count, so the limit is the limit.
    statuses = [first.send_contact_form(contact, CONTACT_POST) for _ in range(CONTACT_LIMIT + 1)]
    assert statuses == [200] * CONTACT_LIMIT + [429]
    assert second.send_contact_form(contact, CONTACT_POST) == 200
    # Writing another address into the header changes nothing: the proxy adds the real one.
    assert first.send_contact_form(contact, CONTACT_POST, forged="198.51.100.7") == 429
