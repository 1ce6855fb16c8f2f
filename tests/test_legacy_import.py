"""Import from La Base (V1) and Les Bases (V2): sample exports written from their data models
(tests/data/legacy/), mapped taxonomy and licences, authors and dates in the journal, files,
idempotence, resuming after a failure, the report, and the old addresses answering 301."""

import json
import tempfile
from io import BytesIO, StringIO
from pathlib import Path
from unittest import mock

from django.core import mail
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from accounts.models import Notification, User
from base.models import BaseMembership, BasePage, Role, Visibility
from legacy.importer import Importer
from legacy.models import ImportedItem
from legacy.sources import v1_usefulness
from ressources.models import ResourceCollectionPage, ResourcePage, ResourceReview, Usefulness
from search import engines
from search.documents import build_document, searchable_pages
from tests.factories import BasePageFactory, OrganisationFactory, ResourcePageFactory, UserFactory
from veille.models import Follow

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


class CommunityImportTests(TestCase):
    """What a Hub's community made of its bases comes along: logos and covers, avis, follows
    and La Base's rubriques, once, dated from over there, and without notifying anyone."""

    @classmethod
    def setUpTestData(cls):
        OrganisationFactory(name="Hub de test", slug="hub-test")

    def reviews(self, title):
        resource = ResourcePage.objects.get(title=title)
        return {
            review.author.email: review
            for review in ResourceReview.objects.filter(resource=resource).select_related("author")
        }

    def test_la_base_logo_avis_favoris_and_rubriques(self):
        output = run(V1)
        base = BasePage.objects.get(title="Hub Numérique de l'Est")
        # The logo beside the export is an image of the base's media, on its published page.
        self.assertIsNotNone(base.logo)
        self.assertEqual(base.logo.collection_id, base.media_collection_id)
        self.assertEqual(base.logo.width, 64)
        self.assertFalse(base.has_unpublished_changes)
        self.assertEqual(base.get_latest_revision_as_object().logo, base.logo)
        page = self.client.get(base.url).content.decode()
        self.assertIn(base.logo.get_rendition("max-160x160").url, page)
        # The cover is only an address: no image without --telecharger, and the report says so.
        self.assertIsNone(base.cover)
        self.assertIn("hub-est-couverture.jpg", output)
        self.assertIn("relancez avec --telecharger", output)

        # Avis: one per person; « Oui » → Utile, « Non » → Pas utile, else the mean of grades.
        fiche = self.reviews("Fiche : créer son adresse e-mail")
        self.assertEqual(sorted(fiche), ["nadia.haddad@exemple.fr", "yann.admin@exemple.fr"])
        yann = fiche["yann.admin@exemple.fr"]
        self.assertEqual(yann.usefulness, Usefulness.USEFUL)
        self.assertEqual(
            yann.comment,
            "Recommandez-vous cette ressource ? : Je m'en sers dans tous mes ateliers du mardi."
            "\n\nClarté : Bien structurée, les captures aident beaucoup.",
        )
        self.assertEqual(yann.created_at.date().isoformat(), "2023-02-10")
        self.assertEqual(yann.updated_at.date().isoformat(), "2023-02-11")
        self.assertEqual(fiche["nadia.haddad@exemple.fr"].usefulness, Usefulness.NOT_USEFUL)
        # Grades 1 and 2 (out of 4), no recommendation: mean 1.5 → « Peu utile ».
        atelier = self.reviews("Atelier démarches en ligne")
        self.assertEqual(atelier["claire.hub@exemple.fr"].usefulness, Usefulness.LITTLE)
        # Sami contributed to the fiche: nobody rates their own work here.
        self.assertIn("son auteur est crédité sur la ressource", output)

        # Favoris → follows of the base, dated.
        follows = Follow.objects.filter(page=base).select_related("user")
        self.assertEqual(
            sorted(f.user.email for f in follows),
            ["nadia.haddad@exemple.fr", "sami.contrib@exemple.fr"],
        )
        nadia = follows.get(user__email="nadia.haddad@exemple.fr")
        self.assertEqual(nadia.created_at.date().isoformat(), "2022-12-01")

        # A rubrique of resources is a public collection of the base, in its order.
        rubrique = ResourceCollectionPage.objects.get(title="Pour bien démarrer")
        self.assertTrue(rubrique.live)
        self.assertEqual(rubrique.get_parent().specific, base)
        self.assertEqual(rubrique.visibility, Visibility.PUBLIC)
        self.assertEqual(
            [item.resource.title for item in rubrique.items.all()],
            ["Atelier démarches en ligne", "Fiche : créer son adresse e-mail"],
        )
        self.assertIn("rubrique « Pour bien démarrer » → collection « Pour bien démarrer »", output)
        # A rubrique of collections cannot be one here: reported, not imported.
        self.assertFalse(ResourceCollectionPage.objects.filter(title="Nos parcours").exists())
        self.assertIn("« Rubrique Nos parcours » : rubrique de collections", output)
        self.assertIn("Avis : 3 créé(e)s", output)
        self.assertIn("Suivis : 2 créé(e)s", output)
        self.assertIn("Rubriques : 1 créé(e)s", output)
        # Refused items (the cover, Sami's avis) do not make the accounts count twice.
        self.assertIn("Comptes : 4 créé(e)s, 0 déjà importé(e)s", output)
        # Nobody was told anything.
        self.assertFalse(Notification.objects.exists())
        self.assertEqual(mail.outbox, [])

        # Twice: nothing twice.
        counts = (
            ResourceReview.objects.count(),
            Follow.objects.count(),
            ResourceCollectionPage.objects.count(),
            get_image_model().objects.count(),
        )
        again = run(V1)
        self.assertEqual(
            counts,
            (
                ResourceReview.objects.count(),
                Follow.objects.count(),
                ResourceCollectionPage.objects.count(),
                get_image_model().objects.count(),
            ),
        )
        self.assertIn("Avis : 0 créé(e)s, 3 déjà importé(e)s", again)
        self.assertIn("Suivis : 0 créé(e)s, 2 déjà importé(e)s", again)
        self.assertIn("Rubriques : 0 créé(e)s, 1 déjà importé(e)s", again)
        self.assertIn("Logos et couvertures : 0 créé(e)s, 1 déjà importé(e)s", again)

    def test_an_interrupted_run_resumes_at_the_first_avis_not_written(self):
        original = Importer.write_review
        calls = []

        def failing(self, resource, data):
            calls.append(data["key"])
            if len(calls) == 2:
                raise RuntimeError("coupure")
            return original(self, resource, data)

        with (
            mock.patch.object(Importer, "write_review", failing),
            self.assertRaises(RuntimeError),
        ):
            run(V2)
        self.assertEqual(ResourceReview.objects.count(), 1)
        self.assertFalse(Follow.objects.exists())  # after the avis: not reached
        output = run(V2)
        self.assertIn("Avis : 1 créé(e)s, 1 déjà importé(e)s", output)
        self.assertIn("Suivis : 3 créé(e)s", output)
        self.assertEqual(ResourceReview.objects.count(), 2)

    def test_a_cover_given_by_its_address_comes_with_telecharger_on_a_later_run(self):
        run(V1)
        base = BasePage.objects.get(title="Hub Numérique de l'Est")
        self.assertIsNone(base.cover)
        picture = BytesIO()
        PILImage.new("RGB", (90, 30), (0, 99, 203)).save(picture, "JPEG")
        answer = mock.MagicMock()
        answer.__enter__.return_value.read.return_value = picture.getvalue()
        with mock.patch("urllib.request.urlopen", return_value=answer) as urlopen:
            output = run(V1, "--telecharger")
        urlopen.assert_called_once()
        self.assertEqual(
            urlopen.call_args.args[0],
            "https://labase.anct.gouv.fr/media/bases/hub-est-couverture.jpg",
        )
        base.refresh_from_db()
        self.assertEqual((base.cover.width, base.cover.height), (90, 30))
        self.assertEqual(base.cover.collection_id, base.media_collection_id)
        self.assertIn("Logos et couvertures : 1 créé(e)s, 1 déjà importé(e)s", output)

    def test_a_logo_that_is_not_an_image_is_refused_as_on_the_site(self):
        export = json.loads(Path(V2).read_text())
        upload = export["bases"][0]["image"]["upload"]
        upload.update(name="logo-pas-une-image.png", base64="JVBERi0xLjQKJcfsj6IKNSAwIG9iago=")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.json"
            path.write_text(json.dumps(export))
            output = run(str(path))
        base = BasePage.objects.get(title="Hub numérique Sud-Ouest")
        self.assertIsNone(base.logo)
        self.assertIn(
            "« Logo de la base Hub numérique Sud-Ouest » : Téléversez une image valide", output
        )
        _folders, files = default_storage.listdir("original_images")
        self.assertFalse([name for name in files if name.startswith("logo-pas-une-image")])

    def test_les_bases_images_avis_and_follows(self):
        output = run(V2)
        base = BasePage.objects.get(title="Hub numérique Sud-Ouest")
        self.assertEqual(base.logo.title, "Logo du Hub numérique Sud-Ouest")  # its alt text
        self.assertEqual(base.logo.collection_id, base.media_collection_id)
        self.assertEqual((base.cover.width, base.cover.height), (120, 40))

        guide = self.reviews("Guide des outils collaboratifs libres")
        lea = guide["lea.invitee@exemple.fr"]
        self.assertEqual(lea.usefulness, Usefulness.VERY_USEFUL)  # « Beaucoup »
        self.assertIn("à chaque permanence", lea.comment)
        self.assertEqual(lea.created_at.date().isoformat(), "2025-06-03")
        self.assertEqual(lea.updated_at.date().isoformat(), "2025-06-10")
        kit = self.reviews("Kit sobriété numérique en atelier")
        # « Moyen » → « Peu utile »; Léa's deleted avis stays deleted.
        self.assertEqual(
            {email: r.usefulness for email, r in kit.items()}, {"ines.roux@exemple.fr": 2}
        )

        followers = [f.user.email.lower() for f in Follow.objects.filter(page=base)]
        self.assertEqual(sorted(followers), ["deja.inscrit@exemple.fr", "lea.invitee@exemple.fr"])
        # Following a person is following what they publish here.
        person = Follow.objects.get(person__email="ines.roux@exemple.fr")
        self.assertEqual(person.user.email, "lea.invitee@exemple.fr")
        self.assertEqual(person.created_at.date().isoformat(), "2025-05-21")
        self.assertIn("Suivis : 3 créé(e)s", output)
        self.assertFalse(Notification.objects.exists())

    def test_dry_run_writes_no_avis_follow_image_or_rubrique(self):
        output = run(V1, "--dry-run")
        # Sami's avis is only found to be on his own work when the fiche is written.
        self.assertIn("Avis : 4 à créer", output)
        self.assertIn("Suivis : 2 à créer", output)
        self.assertIn("Rubriques : 1 à créer", output)
        self.assertIn("Logos et couvertures : 2 à créer", output)
        self.assertIn(
            "Image de couverture de la base Hub Numérique de l'Est : son adresse seule est dans "
            "l'export : relancez avec --telecharger",
            output,
        )
        self.assertIn("« Rubrique Nos parcours » : rubrique de collections", output)
        self.assertFalse(ResourceReview.objects.exists())
        self.assertFalse(Follow.objects.exists())
        self.assertFalse(get_image_model().objects.exists())

    def test_an_avis_already_given_here_is_kept(self):
        export = json.loads(Path(V2).read_text())
        resource = export["bases"][0]["resources"][0]
        feedback = resource.pop("resourceFeedback")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.json"
            (Path(folder) / "fichiers").symlink_to(DATA / "fichiers")
            path.write_text(json.dumps(export))
            run(str(path))
            guide = ResourcePage.objects.get(title="Guide des outils collaboratifs libres")
            lea = User.objects.get(email="lea.invitee@exemple.fr")
            ResourceReview.objects.create(
                resource=guide, author=lea, usefulness=Usefulness.USEFUL, comment="Donné ici."
            )
            resource["resourceFeedback"] = feedback
            path.write_text(json.dumps(export))
            output = run(str(path))
        review = ResourceReview.objects.get(resource=guide, author=lea)
        self.assertEqual((review.usefulness, review.comment), (Usefulness.USEFUL, "Donné ici."))
        self.assertIn("cette personne a déjà un avis sur la ressource ici : gardé", output)

    def test_a_long_comment_is_cut_and_a_rating_off_the_scale_refused(self):
        export = json.loads(Path(V2).read_text())
        feedback = export["bases"][0]["resources"][0]["resourceFeedback"][0]
        feedback["comment"] = "Très complet. " * 200
        kit = export["bases"][0]["resources"][1]["resourceFeedback"][0]
        kit["rating"] = 5
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.json"
            path.write_text(json.dumps(export))
            (Path(folder) / "fichiers").symlink_to(DATA / "fichiers")
            output = run(str(path))
        review = self.reviews("Guide des outils collaboratifs libres")["lea.invitee@exemple.fr"]
        self.assertEqual(len(review.comment), 2000)
        self.assertTrue(review.comment.endswith("…"))
        self.assertIn("coupé à 2000 caractères", output)
        # A rating off the 1–4 scale is not guessed.
        self.assertIn("note « 5 » hors de l'échelle de 1 à 4", output)
        self.assertFalse(self.reviews("Kit sobriété numérique en atelier"))


class V1UsefulnessTests(SimpleTestCase):
    def test_recommendation_first_then_the_mean_of_grades(self):
        self.assertEqual(v1_usefulness([0, 0], True), Usefulness.USEFUL)
        self.assertEqual(v1_usefulness([4, 4], False), Usefulness.NOT_USEFUL)
        means = {0: 1, 0.9: 1, 1: 2, 1.5: 2, 2: 3, 2.9: 3, 3: 4, 4: 4}
        for mean, usefulness in means.items():
            self.assertEqual(v1_usefulness([mean], None), usefulness, mean)
