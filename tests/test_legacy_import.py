"""Import from La Base (V1) and Les Bases (V2): sample exports written from their data models
(tests/data/legacy/), mapped taxonomy and licences, authors and dates in the journal, files,
idempotence, resuming after a failure, the report, and the old addresses answering 301."""

import json
import tempfile
from io import StringIO
from pathlib import Path
from unittest import mock

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import TestCase
from wagtail.documents import get_document_model

from base.models import BaseMembership, BasePage, Role, Visibility
from legacy.importer import Importer
from legacy.models import ImportedItem
from ressources.models import ResourceCollectionPage, ResourcePage
from search import engines
from search.documents import build_document, searchable_pages
from tests.factories import BasePageFactory, OrganisationFactory, ResourcePageFactory, UserFactory

DATA = Path(__file__).parent / "data" / "legacy"
V1 = str(DATA / "labase-v1.json")
V2 = str(DATA / "lesbases-v2.json")


def run(export, *options):
    out = StringIO()
    call_command("import_bases", export, "--organisation", "hub-test", *options, stdout=out)
    return out.getvalue()


def labels(terms):
    return sorted(term.slug for term in terms.all())


class ImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(name="Hub de test", slug="hub-test")

    def resource(self, title):
        return ResourcePage.objects.get(title=title)

    def test_dry_run_writes_nothing_and_reports(self):
        output = run(V1, "--dry-run")
        self.assertIn("simulation : rien n'a été écrit", output)
        self.assertIn("Ressources : 3 à créer", output)
        self.assertIn("Jardinage partagé", output)  # a V1 theme nothing here matches
        self.assertIn("Comptes : 4 à créer", output)
        self.assertIn("« Brouillon de kit jardin numérique » : brouillon sur La Base", output)
        self.assertFalse(ImportedItem.objects.exists())
        self.assertFalse(BasePage.objects.filter(title="Hub Numérique de l'Est").exists())

    def test_la_base_export(self):
        output = run(V1)
        base = BasePage.objects.get(title="Hub Numérique de l'Est")
        self.assertEqual(base.organisation, self.organisation)
        self.assertEqual(base.visibility, Visibility.PUBLIC)
        self.assertNotIn("script", base.description)
        roles = dict(BaseMembership.objects.filter(base=base).values_list("user__email", "role"))
        self.assertEqual(roles["claire.hub@exemple.fr"], Role.ADMIN)
        self.assertEqual(roles["sami.contrib@exemple.fr"], Role.CONTRIBUTOR)

        fiche = self.resource("Fiche : créer son adresse e-mail")
        self.assertTrue(fiche.live)
        self.assertEqual(fiche.licence.spdx_id, "CC-BY-SA-4.0")
        # Retired terms become their successors (taxonomy history).
        self.assertEqual(labels(fiche.themes), ["maitrise_des_outils_numeriques"])
        self.assertEqual(labels(fiche.resource_types), ["ressource_pedagogique"])
        self.assertEqual(labels(fiche.beneficiaries), ["seniors_personnes_agees"])
        self.assertEqual(list(fiche.tags.names()), ["atelier"])
        credits = [(c.name, c.role) for c in fiche.credits.all()]
        self.assertEqual(
            credits,
            [
                ("Claire Moreau", "redaction"),
                ("Sami Benali", "contribution"),
                ("Association Clic Solidaire", "conception"),
            ],
        )
        # The journal: version 1.0, on the original date, by the original author.
        version = fiche.versions.get()
        self.assertEqual(version.number, "1.0")
        self.assertEqual(version.published_at.date().isoformat(), "2022-05-17")
        self.assertEqual(version.responsible_name, "Claire Moreau")
        self.assertIn("Importée depuis La Base", version.changes)
        self.assertEqual(fiche.first_published_at.date().isoformat(), "2022-05-17")
        # Files are kept: the PDF beside the export became a document of the base.
        kinds = [block.block_type for block in fiche.body]
        self.assertEqual(kinds, ["heading", "paragraph", "link", "document"])
        document = fiche.body[3].value["document"]
        self.assertEqual(document.collection_id, base.media_collection_id)

        atelier = self.resource("Atelier démarches en ligne")
        self.assertEqual(atelier.licence.spdx_id, "LicenseRef-tous-droits-reserves")
        self.assertEqual(atelier.permission_contact, "https://hub-est.exemple.fr/contact")
        self.assertEqual(labels(atelier.professional_sectors), ["aidants_et_mediateurs_numeriques"])
        self.assertEqual([link.related for link in atelier.related_links.all()], [fiche])

        draft = self.resource("Brouillon de kit jardin numérique")
        self.assertFalse(draft.live)
        self.assertIn("brouillon sur La Base", output)

        collection = ResourceCollectionPage.objects.get(title="Premiers pas")
        self.assertEqual([item.resource for item in collection.items.all()], [atelier, fiche])

        # The report names what it could not take as is.
        self.assertIn("support.pdf", output)  # not in the export: the link is kept
        self.assertIn("« Usage du matériel informatique » → « Maîtrise des outils", output)

        # Twice: nothing is created twice.
        counts = (ResourcePage.objects.count(), get_document_model().objects.count())
        again = run(V1)
        self.assertEqual(
            (ResourcePage.objects.count(), get_document_model().objects.count()), counts
        )
        self.assertIn("Ressources : 0 créé(e)s, 3 déjà importé(e)s", again)
        self.assertEqual(BasePage.objects.filter(title="Hub Numérique de l'Est").count(), 1)

    def test_les_bases_export(self):
        member = UserFactory(email="deja.inscrit@exemple.fr")
        other = BasePageFactory(title="Base voisine")
        ResourcePageFactory(parent=other, title="Guide des outils collaboratifs libres pour tous")
        documents = [build_document(page) for page in searchable_pages()]
        engines.database_engine().rebuild(iter(documents), len(documents))

        output = run(V2)
        base = BasePage.objects.get(title="Hub numérique Sud-Ouest")
        self.assertEqual(base.slug, "hub-numerique-sud-ouest")
        self.assertEqual(base.department_code, "33")
        self.assertEqual(base.contact_email, "")  # Les Bases' placeholder address is not kept
        memberships = dict(BaseMembership.objects.filter(base=base).values_list("user", "role"))
        self.assertEqual(memberships[member.pk], Role.CONTRIBUTOR)  # found by address
        self.assertEqual(len(memberships), 2)
        self.assertIn("invitation non acceptée de lea.invitee@exemple.fr", output)

        guide = self.resource("Guide des outils collaboratifs libres")
        self.assertTrue(guide.live)
        self.assertEqual(guide.licence.spdx_id, "CC-BY-SA-4.0")
        # Retired values of 2023–2025: mapped to their successors, or kept when there is none.
        self.assertEqual(labels(guide.themes), ["communs_numeriques", "inclusion_numerique"])
        self.assertEqual(labels(guide.resource_types), ["ressource_pedagogique"])
        self.assertEqual(labels(guide.beneficiaries), ["tous_publics"])
        self.assertEqual(labels(guide.professional_sectors), ["acteurs_publics"])
        self.assertIn("« Inclusion numérique » (retiré, sans successeur)", output)
        self.assertEqual(
            [block.block_type for block in guide.body],
            ["heading", "paragraph", "link", "image", "document"],
        )
        self.assertEqual(guide.body[3].value["alt_text"], "Un carré bleu")
        version = guide.versions.get()
        self.assertEqual(version.published_at.date().isoformat(), "2024-03-12")
        self.assertEqual(version.responsible_name, "Inès Roux")
        self.assertEqual(guide.last_published_at.date().isoformat(), "2024-06-20")

        kit = self.resource("Kit sobriété numérique en atelier")
        self.assertFalse(kit.live)  # « Pas de licence » : the authors must choose one
        self.assertIn("Pas de licence - Aucun droit réservé", output)
        self.assertFalse(ResourcePage.objects.filter(title="Ressource supprimée").exists())

        collection = ResourceCollectionPage.objects.get(title="La sélection du Hub")
        self.assertEqual([item.resource for item in collection.items.all()], [guide, kit])
        self.assertFalse(ResourceCollectionPage.objects.filter(title="Mes favoris").exists())

        # Likely duplicates of existing resources are listed.
        self.assertIn("Doublons probables (1)", output)
        self.assertIn("« Guide des outils collaboratifs libres pour tous » (Base voisine", output)

    def test_an_interrupted_run_resumes(self):
        original = Importer.write_resource
        calls = []

        def failing(self, base, data):
            calls.append(data["key"])
            if len(calls) == 2:
                raise RuntimeError("coupure")
            return original(self, base, data)

        with (
            mock.patch.object(Importer, "write_resource", failing),
            self.assertRaises(RuntimeError),
        ):
            run(V1)
        self.assertEqual(ResourcePage.objects.count(), 1)  # the first one, whole
        output = run(V1)
        self.assertIn("Ressources : 2 créé(e)s, 1 déjà importé(e)s", output)
        titles = sorted(ResourcePage.objects.values_list("title", flat=True))
        self.assertEqual(len(titles), 3)
        self.assertEqual(len(set(titles)), 3)
        self.assertEqual(ImportedItem.objects.filter(kind="resource").count(), 3)

    def test_a_refused_item_stops_only_itself_and_leaves_no_file(self):
        export = json.loads(Path(V2).read_text())
        resources = export["bases"][0]["resources"]
        image = json.loads(json.dumps(resources[0]["contents"][3]["image"]))
        image["upload"]["name"] = "refus-sans-titre.png"
        resources[1]["title"] = ""  # Wagtail refuses a page without a title
        resources[1]["contents"] = [{"order": 0, "type": "Image", "image": image}]
        export["bases"][0].pop("coverImage")  # its file is not beside this copy
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.json"
            path.write_text(json.dumps(export))
            output = run(str(path))
        # The refused resource, and the avis given on it.
        self.assertIn("Non importés (2)", output)
        self.assertIn("sa ressource «  » n'a pas été importée", output)
        self.assertTrue(ResourcePage.objects.filter(title=resources[0]["title"]).exists())
        self.assertEqual(ResourcePage.objects.count(), 1)
        _folders, files = default_storage.listdir("original_images")
        self.assertFalse([name for name in files if name.startswith("refus-sans-titre")])


class LegacyAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        OrganisationFactory(name="Hub de test", slug="hub-test")
        # This site already has a base at /bases/hub-numerique-sud-ouest/: it must stay there.
        cls.local = BasePageFactory(title="Base locale", slug="hub-numerique-sud-ouest")
        run(V1)
        run(V2)
        cls.v1_base = BasePage.objects.get(title="Hub Numérique de l'Est")
        cls.v2_base = BasePage.objects.get(title="Hub numérique Sud-Ouest")

    def assertMoved(self, old, new):
        response = self.client.get(old)
        self.assertEqual(response.status_code, 301, old)
        self.assertEqual(response["Location"], new)

    def test_old_addresses_answer_301(self):
        fiche = ResourcePage.objects.get(title="Fiche : créer son adresse e-mail")
        guide = ResourcePage.objects.get(title="Guide des outils collaboratifs libres")
        premiers = ResourceCollectionPage.objects.get(title="Premiers pas")
        selection = ResourceCollectionPage.objects.get(title="La sélection du Hub")
        base, v2 = self.v1_base.url, self.v2_base.url
        self.assertEqual(v2, "/bases/hub-numerique-sud-ouest-2/")
        # La Base
        self.assertMoved("/base/4", base)
        self.assertMoved("/base/4?view=collections", base + "?onglet=collections")
        self.assertMoved("/base/4?tab=collections&collection=3", premiers.url)
        self.assertMoved("/ressource/12", fiche.url)
        self.assertMoved("/ressource/12/edition", fiche.url)
        self.assertMoved("/ressource/101", guide.url)  # Les Bases kept La Base's ids
        self.assertMoved("/base/40", v2)
        # Les Bases
        self.assertMoved("/bases/hub-numerique-sud-ouest/collections", v2 + "?onglet=collections")
        self.assertMoved("/bases/hub-numerique-sud-ouest/membres", v2 + "membres/")
        self.assertMoved("/ressources/guide-des-outils-collaboratifs", guide.url)
        self.assertMoved("/ressources/guide-des-outils-collaboratifs/avis", guide.url)
        self.assertMoved("/collections/selection-du-hub", selection.url)

    def test_an_imported_resource_reads_with_its_journal(self):
        fiche = ResourcePage.objects.get(title="Fiche : créer son adresse e-mail")
        self.assertContains(self.client.get(fiche.url), "Fiche : créer son adresse e-mail")
        journal = self.client.get(fiche.url + "journal-des-versions/")
        self.assertContains(journal, "Importée depuis La Base (ressource 12)")
        self.assertContains(journal, "Claire Moreau")
        self.assertContains(journal, "2022")

    def test_a_live_page_is_never_shadowed(self):
        response = self.client.get("/bases/hub-numerique-sud-ouest/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Base locale")

    def test_unknown_and_unpublished_addresses_stay_404(self):
        # (With a final slash: without one, Django first adds it, as everywhere on the site.)
        self.assertEqual(self.client.get("/base/999/").status_code, 404)
        # The kit stayed a draft (no licence): its old address has nowhere to go yet.
        self.assertEqual(self.client.get("/ressources/kit-sobriete-numerique/").status_code, 404)
