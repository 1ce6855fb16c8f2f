"""A small world of bases, resources and collections for the search tests, built with the real
factories (live pages, published revisions).

Each resource carries words found nowhere else (« quinoa », « pangolin », « xylophone »…), so
that a test can assert the exact set of pages a query finds. `index(engine)` indexes every
searchable page, the way `manage.py search_index rebuild` does.
"""

from datetime import UTC, datetime
from types import SimpleNamespace

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from base.models import Role, Visibility
from organisations.models import Organisation, OrganisationKind
from ressources.models import ResourcePage
from search.documents import build_document, searchable_pages
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
    UserFactory,
    licence,
    resource_type,
    term,
    theme,
)


def paragraph(text):
    return ("paragraph", RichText(f"<p>{text}</p>"))


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def day(year, month, number):
    return datetime(year, month, number, 10, 0, tzinfo=UTC)


def set_dates(page, first, last=None):
    """Publication dates as if the page had been published then (the factories publish now)."""
    ResourcePage.objects.filter(pk=page.pk).update(
        first_published_at=first, last_published_at=last or first
    )
    page.refresh_from_db()


def documents():
    pages = list(searchable_pages())
    return [build_document(page) for page in pages]


def index(engine):
    """Replace the engine's index with every searchable page."""
    found = documents()
    engine.rebuild(found, len(found))
    return len(found)


def resource(base, title, summary="Une fiche de la base.", **kwargs):
    # Publishing needs a theme: one whose words no test searches for.
    kwargs.setdefault("themes", [theme("gouvernances_partagees")])
    kwargs.setdefault("resource_types", [resource_type("fiche_pratique")])
    return ResourcePageFactory(parent=base, title=title, summary=summary, **kwargs)


def build_corpus():
    """The world the behavioural suite searches (see tests/test_search_engines.py)."""
    w = SimpleNamespace()
    w.cooperative = Organisation.objects.create(
        name="Coopérative Ornithorynque",
        slug="cooperative-ornithorynque",
        kind=OrganisationKind.COOPERATIVE,
    )
    w.hub = BasePageFactory(
        title="Base des médiateurs du Sud",
        organisation=w.cooperative,
        region_code="76",
        department_code="34",
    )
    w.other = BasePageFactory(title="Base Lagopède", region_code="53", department_code="29")
    w.secret = BasePageFactory(
        title="Base confidentielle Narval",
        visibility=Visibility.PRIVATE,
        region_code="11",
        department_code="75",
    )
    w.member = BaseMembershipFactory(base=w.secret, role=Role.CONTRIBUTOR).user
    w.outsider = UserFactory()

    # French matching.
    w.tools = resource(w.hub, "Choisir un outil de visioconférence")
    w.digital = resource(w.hub, "Les compétences numériques en médiathèque")
    w.procedure = resource(w.hub, "Démarche pas à pas : la carte grise")
    w.support = resource(w.hub, "L'accompagnement des familles")

    # Phrases and exclusions.
    w.memory = resource(
        w.hub, "Atelier tricot", summary="Entretenir la mémoire vive de l'ordinateur."
    )
    w.village = resource(w.hub, "Atelier poterie", summary="La mémoire du village reste vive.")

    # Synonyms.
    w.cnfs = resource(w.hub, "Devenir CnFS en Occitanie")
    w.adviser = resource(w.hub, "Le métier de conseiller numérique")
    w.epn = resource(w.hub, "Ouvrir un EPN rural")
    w.public_space = resource(w.hub, "Animer un espace public numérique")
    w.handbook = resource(w.hub, "Le vademecum du médiateur")

    # Every field.
    w.fields = resource(
        w.other,
        "Fiche sans mot particulier",
        summary="Rien dans ce résumé.",
        themes=[theme("intelligence_artificielle")],
        body=[
            heading("Chapitre zanzibar"),
            paragraph("Jouer du xylophone en atelier."),
            (
                "callout",
                {
                    "title": "Attention",
                    "text": RichText("<p>Le tamarin veille.</p>"),
                    "kind": "info",
                },
            ),
        ],
    )
    w.fields.tags.add("wombat")
    w.fields.save_revision().publish()
    ResourceCreditFactory(resource=w.fields, name="Amandine Quetzalcoatl")
    Document = get_document_model()
    w.file = Document.objects.create(
        title="Manuel du capybara", file=ContentFile(b"%PDF-1.4", name="fichier-okapi.pdf")
    )
    w.with_file = resource(
        w.other,
        "Fiche avec pièce jointe",
        body=[("document", {"document": w.file, "title": "", "description": ""})],
    )

    # Weights: the same word in the title, the summary, the body.
    w.in_title = resource(w.other, "Le pangolin", summary="Une fiche.")
    w.in_summary = resource(w.other, "Une fiche", summary="Tout savoir sur le pangolin.")
    w.in_body = resource(
        w.other, "Une autre fiche", summary="Des animaux.", body=[paragraph("Et le pangolin.")]
    )

    # Facets, dates, sorts: four resources about « quinoa ».
    w.q1 = resource(
        w.hub,
        "Dattes et quinoa",
        themes=[theme("donnees")],
        resource_types=[resource_type("fiche_pratique")],
        licence=licence("CC-BY-4.0"),
    )
    w.q2 = resource(
        w.hub,
        "Blé et quinoa",
        themes=[theme("donnees"), theme("parentalite")],
        resource_types=[resource_type("article")],
        licence=licence("CC-BY-NC-SA-4.0"),
    )
    w.q3 = resource(
        w.other,
        "Avoine et quinoa",
        themes=[theme("parentalite")],
        resource_types=[resource_type("fiche_pratique")],
        licence=licence("etalab-2.0"),
    )
    w.q4 = resource(
        w.other,
        "Épeautre et quinoa",
        themes=[theme("mobilites")],
        resource_types=[resource_type("article")],
        licence=licence("LicenseRef-tous-droits-reserves"),
        beneficiaries=[term("beneficiary", "parents")],
    )
    set_dates(w.q1, day(2021, 3, 10), day(2024, 12, 1))
    set_dates(w.q2, day(2022, 6, 15), day(2022, 7, 1))
    set_dates(w.q3, day(2023, 1, 20), day(2023, 2, 1))
    set_dates(w.q4, day(2024, 11, 5), day(2024, 11, 6))

    # Collections.
    w.collection = ResourceCollectionPageFactory(
        parent=w.other, title="Sélection lagopède", resources=[w.q3]
    )
    w.hidden_collection = ResourceCollectionPageFactory(
        parent=w.hub, title="Brouillon quinoa interne", visibility=Visibility.PRIVATE
    )

    # Private base.
    w.secret_resource = resource(
        w.secret, "Rapport secret sur le quokka", themes=[theme("jeux_videos")]
    )
    w.secret_collection = ResourceCollectionPageFactory(
        parent=w.secret, title="Dossier quokka", resources=[w.secret_resource]
    )

    # Hostile text in a body: shown escaped, never as markup.
    w.hostile = resource(
        w.hub, "Fiche piège", body=[heading("<script>alert('x')</script> marmotte & co")]
    )
    return w
