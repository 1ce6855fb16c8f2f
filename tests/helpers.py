"""Reading pages the way a visitor does, and filling the Wagtail admin forms."""

import html
import io
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from PIL import Image as PILImage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def page_text(response):
    """The text of the page (markup and entities resolved), spaces collapsed."""
    return " ".join(html.unescape(soup(response).get_text(" ")).split())


def body_of(response):
    """The body of a response, streamed (the sitemaps) or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def xml_locations(text):
    return [html.unescape(loc) for loc in re.findall(r"<loc>([^<]+)</loc>", text)]


def sitemap_children(client):
    """The child sitemaps the index /sitemap.xml names: {path: [addresses]}."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    children = {}
    for child in xml_locations(body_of(index)):
        response = client.get(urlsplit(child).path)
        assert response.status_code == 200, child
        children[urlsplit(child).path] = xml_locations(body_of(response))
    return children


def sitemap_locations(client):
    """Every address the sitemap index leads to, in order."""
    return [loc for locations in sitemap_children(client).values() for loc in locations]


def resource_form_data(**fields):
    """POST data of the Wagtail admin form of a resource (create or edit view).

    Multi-valued fields (themes, resource_types…) take lists of primary keys; `publish=True`
    presses « Publier », otherwise the form saves a draft. `version_changes` (the journal's
    « Changements ») has a default; pass "" to leave it empty. `version_major="on"` marks a
    major version.
    """
    publish = fields.pop("publish", False)
    credits = fields.pop("credits", [])
    data = nested_form_data(
        {
            "title": fields.pop("title", "Fiche : créer sa boîte mail"),
            "slug": fields.pop("slug", "fiche-creer-sa-boite-mail"),
            "summary": fields.pop("summary", "Pas à pas pour ouvrir une adresse e-mail."),
            "body": streamfield(
                [("paragraph", rich_text("<p>Ouvrez le site du fournisseur.</p>"))]
            ),
            "cover_image": "",
            "tags": "",
            "language": "fr",
            "scope": "national",
            "region_code": "",
            "department_code": "",
            "producer": "",
            "original_publication_date": "",
            "permission_contact": "",
            "adapted_from": "",
            "licence": "",
            "credits": inline_formset(credits),
            "related_links": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "version_changes": fields.pop("version_changes", "Mise à jour de la fiche"),
        }
    )
    for name, value in fields.items():
        data[name] = "" if value is None else value
    if publish:
        data["action-publish"] = "action-publish"
    return data


def png(size=(40, 30), mode="RGB", compress_level=6, data=None):
    buffer = io.BytesIO()
    image = PILImage.new(mode, size)
    if data is not None:
        image.frombytes(data)
    image.save(buffer, format="PNG", compress_level=compress_level)
    return buffer.getvalue()
