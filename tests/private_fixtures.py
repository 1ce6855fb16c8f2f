"""A private base with a resource, a collection, an image and a document, and the people who
look at it (shared by test_private_spaces, test_share_links and test_api_sitemap)."""

from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail_factories import DocumentFactory

from base.models import Role, Visibility
from search.lifecycle import drain
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
)

PRIVATE_WORD = "quasiconfidentiel"
PUBLIC_WORD = "pleinelumiere"


def body(image, document):
    return [
        ("paragraph", f"<p>Le protocole {PRIVATE_WORD} de l'équipe.</p>"),
        ("image", {"image": image, "alt_text": "Schéma", "caption": "", "credit": ""}),
        ("document", {"document": document, "title": "Trame", "description": ""}),
    ]


def build_private_space(cls):
    """Set the fixture's objects as attributes of the test class (setUpTestData)."""
    cls.public_base = BasePageFactory(title="Base ouverte des médiateurs")
    cls.public_image = ImageFactory(title="Affiche publique")
    cls.public_resource = ResourcePageFactory(
        parent=cls.public_base,
        title="Atelier ouvert",
        summary=f"Un atelier {PUBLIC_WORD} pour tous.",
        cover_image=cls.public_image,
    )
    cls.private_base = BasePageFactory(title="Base du cercle", visibility=Visibility.PRIVATE)
    cls.image = ImageFactory(title="Schéma interne", collection=cls.private_base.media_collection)
    cls.other_image = ImageFactory(
        title="Photo interne", collection=cls.private_base.media_collection
    )
    cls.document = DocumentFactory(
        title="Trame interne",
        collection=cls.private_base.media_collection,
        file__data=b"Trame de l'atelier interne.\n",
        file__filename="trame-interne.txt",
    )
    cls.resource = ResourcePageFactory(
        parent=cls.private_base,
        title="Protocole du cercle",
        summary=f"Procédure {PRIVATE_WORD} réservée à l'équipe.",
        cover_image=cls.image,
        body=body(cls.image, cls.document),
    )
    cls.other_resource = ResourcePageFactory(
        parent=cls.private_base, title="Compte rendu du cercle", cover_image=cls.other_image
    )
    cls.collection = ResourceCollectionPageFactory(
        parent=cls.private_base, title="Sélection du cercle", resources=[cls.resource]
    )
    cls.other_private_base = BasePageFactory(title="Base voisine", visibility=Visibility.PRIVATE)
    cls.neighbour_resource = ResourcePageFactory(
        parent=cls.other_private_base, title="Note de la base voisine"
    )
    cls.admin = BaseMembershipFactory(base=cls.private_base, role=Role.ADMIN).user
    cls.member = BaseMembershipFactory(base=cls.private_base, role=Role.CONTRIBUTOR).user
    cls.outsider = UserFactory()
    cls.superuser = UserFactory(superuser=True)
    # What happens after commit in real life (a TestCase never commits): the search index and
    # Wagtail's reference index (which media each page uses).
    drain()
    with transaction.atomic():
        for page in (cls.resource, cls.other_resource, cls.public_resource):
            ReferenceIndex.create_or_update_for_object(page)
    # Rendition objects are cached by image id, and ids come back after a rolled-back test.
    get_image_model().get_rendition_model().cache_backend.clear()
    cls.rendition = cls.image.get_rendition("fill-300x200")
    cls.public_rendition = cls.public_image.get_rendition("fill-300x200")


def media_urls(cls):
    """The addresses of the private image and document, by kind."""
    return {
        "original": cls.image.file.url,
        "rendition": cls.rendition.url,
        "document": cls.document.url,
        "document file": cls.document.file.url,
    }
