"""Writing a resource on the public site (ressources.authoring): what is saved, and every refusal.

Refusals come back as the form with a French message and nothing saved: no page, no revision,
no image, no document, no file on disk.
"""

import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from base.models import ContributionMode, Role, Visibility
from ressources.models import ResourcePage, ResourceVersion
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
    licence,
    resource_type,
    theme,
)
from tests.helpers import page_text, png, soup

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def errors_of(response):
    """The error messages a person reads on the form."""
    return [
        element.get_text(" ", strip=True)
        for element in soup(response).select(".fr-error-text, .fr-alert li")
    ]


def media_files():
    found = set()
    for folder in ("original_images", "documents"):
        root = os.path.join(settings.MEDIA_ROOT, folder)
        if os.path.isdir(root):
            found |= {f"{folder}/{name}" for name in os.listdir(root)}
    return found


def form_data(action="publier", blocks=(), credits=None, **fields):
    """POST data of the editor. `blocks`: [(type, {field: value})]."""
    data = {
        "title": "Fiche : ouvrir son espace France Travail",
        "summary": "Pas à pas, avec les pièces à préparer.",
        "themes": [theme().pk],
        "resource_types": [resource_type().pk],
        "tags": "emploi, France Travail",
        "licence": licence("CC-BY-SA-4.0").pk,
        "adapted_from": "",
        "language": "fr",
        "scope": "national",
        "region_code": "",
        "department_code": "",
        "changes": "",
        "action": action,
        "body-count": len(blocks),
    }
    for index, (block_type, values) in enumerate(blocks):
        data[f"body-{index}-type"] = block_type
        data[f"body-{index}-id"] = ""
        for name, value in values.items():
            data[f"body-{index}-{name}"] = value
    credits = credits if credits is not None else [("person", "Camille Martin", "redaction")]
    data["credits-count"] = len(credits)
    for index, (kind, name, role) in enumerate(credits):
        data.update(
            {
                f"credits-{index}-kind": kind,
                f"credits-{index}-name": name,
                f"credits-{index}-role": role,
            }
        )
    data.update(fields)
    return data


@pytest.fixture
def curated():
    base = BasePageFactory(title="Base éditorialisée", contribution_mode=ContributionMode.CURATED)
    member = BaseMembershipFactory(base=base, role=Role.CONTRIBUTOR).user
    return base, member


class Snapshot:
    """Counts of everything a save could leave behind."""

    def __init__(self):
        self.values = self.take()

    @staticmethod
    def take():
        from wagtail.models import Revision

        return (
            ResourcePage.objects.count(),
            Revision.objects.count(),
            Image.objects.count(),
            Document.objects.count(),
            frozenset(media_files()),
        )

    def unchanged(self):
        return self.take() == self.values


def test_member_publishes_a_resource_with_an_image_and_a_pdf(client, curated):
    base, member = curated
    client.force_login(member)
    url = reverse("publish_new", args=[base.pk])
    assert client.get(url).status_code == 200
    blocks = [
        ("heading", {"text": "Avant de commencer", "level": "h2"}),
        ("paragraph", {"text": "Munissez-vous de votre **identifiant**."}),
        (
            "image",
            {"file": SimpleUploadedFile("ecran.png", png(), "image/png"), "alt": "Écran d'accueil"},
        ),
        ("document", {"file": SimpleUploadedFile("guide.pdf", PDF, "application/pdf")}),
        ("link", {"url": "https://www.francetravail.fr/", "title": "France Travail"}),
        (
            "callout",
            {"title": "Attention", "text": "Gardez votre mot de passe.", "kind": "warning"},
        ),
    ]
    response = client.post(url, form_data(blocks=blocks))
    assert response.status_code == 302, errors_of(response)
    page = ResourcePage.objects.get(title="Fiche : ouvrir son espace France Travail")
    assert page.live and page.get_parent().pk == base.pk and page.owner == member
    assert [block.block_type for block in page.body] == [
        "heading",
        "paragraph",
        "image",
        "document",
        "link",
        "callout",
    ]
    image = page.body[2].value["image"]
    assert image.collection_id == base.media_collection_id
    assert page.body[2].value["alt_text"] == "Écran d'accueil"
    assert page.body[3].value["document"].collection_id == base.media_collection_id
    assert page.licence.spdx_id == "CC-BY-SA-4.0"
    version = ResourceVersion.objects.get(resource=page)
    assert version.number == "1.0" and version.user == member
    assert page.live_revision.user == member
    credit = page.credits.get()
    assert (credit.name, credit.role) == ("Camille Martin", "redaction")
    shown = soup(client.get(page.url))
    assert shown.find("img", alt="Écran d'accueil") is not None
    assert shown.find("a", href=page.body[3].value["document"].url) is not None


def test_draft_then_publish(client, curated):
    base, member = curated
    client.force_login(member)
    response = client.post(
        reverse("publish_new", args=[base.pk]), form_data(action="brouillon", licence="")
    )
    assert response.status_code == 302
    page = ResourcePage.objects.get()
    assert not page.live and not page.versions.exists()
    edit_url = reverse("publish_edit", args=[page.pk])
    assert response.url == edit_url
    form = client.get(edit_url)
    assert "Fiche : ouvrir son espace France Travail" in form.content.decode()
    preview = client.post(
        edit_url, form_data(action="apercu", latest_revision=page.latest_revision_id)
    )
    assert preview.status_code == 302
    page.refresh_from_db()
    shown = client.get(preview.url)
    assert shown.status_code == 200 and "Pas à pas, avec les pièces" in shown.content.decode()
    response = client.post(edit_url, form_data(latest_revision=page.latest_revision_id))
    assert response.status_code == 302, errors_of(response)
    page.refresh_from_db()
    assert page.live and page.current_version.number == "1.0"


def test_newcomer_is_offered_bases_and_join_requests(client, curated):
    base, _member = curated
    open_base = BasePageFactory(title="Base ouverte", contribution_mode=ContributionMode.OPEN)
    client.force_login(UserFactory())
    text = page_text(client.get(reverse("publish_start")))
    assert "Bases ouvertes aux contributions" in text and "Base ouverte" in text
    assert "Rejoindre une base" in text and "Base éditorialisée" in text
    assert "Demander à rejoindre" in text
    assert open_base.title in text


def test_contributor_space_never_ends_on_the_admin_login(client):
    client.force_login(UserFactory())
    response = client.get(reverse("contributor_space"))
    assert response.url == reverse("publish_start")
    client.force_login(UserFactory(superuser=True))
    assert client.get(reverse("contributor_space")).url == reverse("wagtailadmin_home")


def test_outsider_adds_a_resource_to_an_open_base(client):
    base = BasePageFactory(contribution_mode=ContributionMode.OPEN)
    outsider = UserFactory()
    client.force_login(outsider)
    response = client.post(reverse("publish_new", args=[base.pk]), form_data())
    assert response.status_code == 302, errors_of(response)
    assert ResourcePage.objects.get().get_parent().pk == base.pk


# Refusals ---------------------------------------------------------------------------------------


def test_non_member_of_a_curated_base_is_refused(client, curated):
    base, _member = curated
    client.force_login(UserFactory())
    before = Snapshot()
    for method in (client.get, client.post):
        response = method(reverse("publish_new", args=[base.pk]), form_data())
        assert response.status_code == 403
        assert "n'accueille que les ressources de ses membres" in page_text(response)
    assert before.unchanged()


def test_forged_base_ids_answer_404(client, curated):
    _base, member = curated
    private = BasePageFactory(visibility=Visibility.PRIVATE)
    client.force_login(member)
    before = Snapshot()
    resource = ResourcePageFactory()
    before = Snapshot()
    for forged in (private.pk, resource.pk, 999999):
        response = client.post(reverse("publish_new", args=[forged]), form_data())
        assert response.status_code == 404
    assert before.unchanged()


def test_someone_elses_draft_is_not_found(client):
    base = BasePageFactory(contribution_mode=ContributionMode.OPEN)
    author, other = UserFactory(), UserFactory()
    client.force_login(author)
    client.post(reverse("publish_new", args=[base.pk]), form_data(action="brouillon"))
    page = ResourcePage.objects.get()
    client.force_login(other)
    url = reverse("publish_edit", args=[page.pk])
    before = Snapshot()
    assert client.get(url).status_code == 404
    assert client.post(url, form_data(latest_revision=page.latest_revision_id)).status_code == 404
    assert client.get(reverse("publish_preview", args=[page.pk])).status_code == 404
    assert before.unchanged()


@pytest.mark.parametrize(
    "block, message",
    [
        (
            ("image", {"file": ("ecran.png", b"Ceci n'est pas une image.\n" * 20), "alt": "x"}),
            "Téléversez une image valide",
        ),
        (
            ("image", {"file": ("bombe.png", "bomb"), "alt": "Une bombe"}),
            "trop grand nombre de pixels",
        ),
        (
            ("image", {"file": ("ecran.png", "png")}),
            "texte alternatif",
        ),
        (
            ("document", {"file": ("guide.pdf", b"MZ\x90\x00 programme")}),
            "ne correspond pas à un fichier PDF",
        ),
        (
            ("document", {"file": ("programme.exe", b"MZ\x90\x00")}),
            "n'est pas d'un type accepté",
        ),
        (
            ("document", {"file": ("enorme.pdf", "big")}),
            "le maximum est",
        ),
        (("link", {"url": "javascript:alert(1)", "title": "Piège"}), "https://"),
    ],
)
def test_bad_blocks_are_refused_and_nothing_is_saved(client, curated, settings, block, message):
    base, member = curated
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    block_type, values = block
    values = dict(values)
    if "file" in values:
        name, content = values["file"]
        if content == "bomb":
            content = png((8000, 8000), mode="1", compress_level=9)
        elif content == "png":
            content = png()
        elif content == "big":
            content = PDF + b" " * 2000
        values["file"] = SimpleUploadedFile(name, content)
    # A valid image before the bad block: it must not be stored either.
    good = ("image", {"file": SimpleUploadedFile("ok.png", png()), "alt": "Une capture"})
    client.force_login(member)
    before = Snapshot()
    response = client.post(
        reverse("publish_new", args=[base.pk]), form_data(blocks=[good, (block_type, values)])
    )
    assert response.status_code == 400
    text = page_text(response)
    assert "La ressource n'est pas publiée" in text
    assert message in text, text
    assert before.unchanged()


@pytest.mark.parametrize(
    "original_licence, chosen, message",
    [
        ("CC-BY-SA-4.0", "CC-BY-4.0", "doit être publiée sous la même licence"),
        ("CC-BY-ND-4.0", "CC-BY-ND-4.0", "n'autorise pas les modifications"),
        ("LicenseRef-tous-droits-reserves", "CC-BY-4.0", "n'autorise pas les modifications"),
    ],
)
def test_bad_licence_combinations_are_refused(client, curated, original_licence, chosen, message):
    base, member = curated
    original = ResourcePageFactory(licence=licence(original_licence), title="Ressource d'origine")
    client.force_login(member)
    before = Snapshot()
    response = client.post(
        reverse("publish_new", args=[base.pk]),
        form_data(licence=licence(chosen).pk, adapted_from="http://testserver" + original.url),
    )
    assert response.status_code == 400
    assert message in page_text(response)
    assert before.unchanged()


def test_publishing_needs_a_licence_a_theme_and_a_type(client, curated):
    base, member = curated
    client.force_login(member)
    before = Snapshot()
    response = client.post(
        reverse("publish_new", args=[base.pk]),
        form_data(licence="", themes=[], resource_types=[]),
    )
    assert response.status_code == 400
    text = page_text(response)
    assert "Choisissez une licence" in text
    assert "au moins une thématique" in text
    assert "au moins un type de ressource" in text
    assert before.unchanged()


def test_add_block_saves_nothing_and_shows_an_empty_block(client, curated):
    base, member = curated
    client.force_login(member)
    before = Snapshot()
    response = client.post(
        reverse("publish_new", args=[base.pk]),
        form_data(action="ajouter-bloc", new_block_type="image", title=""),
    )
    assert response.status_code == 200
    assert 'name="body-0-alt"' in response.content.decode()
    assert "Ce champ est obligatoire" not in page_text(response)
    assert before.unchanged()


def test_member_edits_a_live_resource_in_the_full_editor(client, curated):
    base, member = curated
    resource = ResourcePageFactory(parent=base, title="Fiche : la carte Vitale")  # version 1.0
    client.force_login(member)
    url = reverse("publish_edit", args=[resource.pk])
    form = soup(client.get(url))
    latest = form.find("input", attrs={"name": "latest_revision"})["value"]
    assert latest == str(resource.latest_revision_id)
    before = Snapshot()
    # A new version needs its change lines.
    response = client.post(url, form_data(latest_revision=latest, title="Fiche : carte Vitale"))
    assert response.status_code == 400
    assert "Décrivez les changements de cette version" in " ".join(errors_of(response))
    assert before.unchanged()
    response = client.post(
        url,
        form_data(latest_revision=latest, title="Fiche : carte Vitale", changes="Titre raccourci"),
    )
    assert response.status_code == 302, errors_of(response)
    resource.refresh_from_db()
    assert resource.title == "Fiche : carte Vitale"
    assert resource.current_version.number == "1.1"
    assert resource.current_version.change_lines == ["Titre raccourci"]


def test_a_stale_editor_saves_nothing(client, curated):
    base, member = curated
    resource = ResourcePageFactory(parent=base, title="Fiche : la carte Vitale")
    client.force_login(member)
    url = reverse("publish_edit", args=[resource.pk])
    stale = resource.latest_revision_id
    resource.save_revision(user=member)  # someone saved meanwhile
    before = Snapshot()
    response = client.post(url, form_data(action="brouillon", latest_revision=stale))
    assert response.status_code == 409
    assert "Quelqu'un a enregistré cette ressource" in " ".join(errors_of(response))
    assert before.unchanged()


def test_a_member_of_several_bases_chooses_one(client):
    user = UserFactory()
    first = BaseMembershipFactory(base=BasePageFactory(title="Base du Cher"), user=user).base
    second = BaseMembershipFactory(base=BasePageFactory(title="Base de l'Indre"), user=user).base
    client.force_login(user)
    page = soup(client.get(reverse("publish_start")))
    assert "Dans quelle de vos bases ?" in page.get_text()
    links = {
        a["href"] for a in page.select("a") if a.get_text(strip=True).startswith("Publier dans")
    }
    assert links == {
        reverse("publish_new", args=[first.pk]),
        reverse("publish_new", args=[second.pk]),
    }


def test_adapted_from_must_be_a_resource_the_person_can_read(client, curated):
    base, member = curated
    private = ResourcePageFactory(parent=BasePageFactory(visibility=Visibility.PRIVATE))
    client.force_login(member)
    before = Snapshot()
    for address in ("https://exemple.fr/pas/une/ressource/", private.url):
        response = client.post(
            reverse("publish_new", args=[base.pk]), form_data(adapted_from=address)
        )
        assert response.status_code == 400
        assert "ne correspond à aucune ressource publiée" in " ".join(errors_of(response))
    assert before.unchanged()


def test_videos_are_checked_as_in_the_admin(client, curated, monkeypatch):
    """A video is Wagtail's EmbedBlock: an address no provider recognises is refused in French;
    one it recognises is kept with its title and transcript."""
    from wagtail.embeds import blocks as embed_blocks

    base, member = curated
    client.force_login(member)
    video = {"url": "https://video.exemple.fr/v/123", "title": "Tutoriel", "transcript": "Bonjour."}
    before = Snapshot()
    response = client.post(
        reverse("publish_new", args=[base.pk]), form_data(blocks=[("video", video)])
    )
    assert response.status_code == 400
    assert "Cette adresse de vidéo n'est pas reconnue" in " ".join(errors_of(response))
    assert before.unchanged()

    monkeypatch.setattr(
        embed_blocks,
        "embed_to_frontend_html",
        lambda url, *args: '<iframe title="Tutoriel"></iframe>',
    )
    response = client.post(
        reverse("publish_new", args=[base.pk]), form_data(blocks=[("video", video)])
    )
    assert response.status_code == 302, errors_of(response)
    block = ResourcePage.objects.get().body[0]
    assert block.block_type == "video"
    assert block.value["title"] == "Tutoriel" and block.value["transcript"] == "Bonjour."
