"""Downloads (reuse.downloads): a resource as a PDF and as Markdown, a collection's or a kit's
pack; built once per version, never holding what the reader may not see."""

import io
import re
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents import get_document_model

from base import sharing
from base.models import Visibility
from portal.models import DailyResourceStat
from ressources import versioning
from ressources.models import (
    PersonalCollection,
    PersonalCollectionItem,
    RelatedResource,
    ResourcePage,
)
from reuse import downloads
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    ResourceCollectionPageFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
    UserFactory,
    resource_type,
)
from tests.helpers import page_text

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156 Safari/537.36"


def words(text):
    """Text with its line breaks and hyphenation folded, as a reader would quote it."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True, check=True
        ).stdout.decode()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, check=True)
    return words(text), info.stdout.decode()


def attach(resource, name, content=b"contenu"):
    """Publish `resource` with a « Fichier à télécharger » block holding a new file."""
    document = get_document_model().objects.create(
        title=name,
        file=ContentFile(content, name=name),
        collection=resource.base.media_collection,
    )
    page = ResourcePage.objects.get(pk=resource.pk)
    page.body = [
        ("paragraph", "<p>Le pas à pas de l'atelier.</p>"),
        ("document", {"document": document, "title": name}),
    ]
    page.save_revision().publish()
    return ResourcePage.objects.get(pk=resource.pk)


def zip_names(response):
    content = b"".join(response.streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(content))
    return archive, sorted(archive.namelist())


class ResourceDownloadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub du Sud")
        cls.resource = ResourcePageFactory(
            parent=cls.base,
            title="Fiche : prendre rendez-vous en ligne",
            summary="Pas à pas pour les médiateurs.",
        )
        ResourceCreditFactory(resource=cls.resource, name="Camille Durand")
        cls.resource = attach(cls.resource, "fiche.txt")

    def setUp(self):
        downloads.remove_all()

    def test_the_pdf_opens_with_the_title_the_attribution_and_the_licence(self):
        response = self.client.get(self.resource.url + "telecharger/pdf/", HTTP_USER_AGENT=BROWSER)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertIn("-v1-", response["Content-Disposition"])
        text, info = pdf_text(b"".join(response.streaming_content))
        self.assertIn("Fiche : prendre rendez-vous en ligne", text)
        self.assertIn("Le pas à pas de l'atelier.", text)
        self.assertIn(words(self.resource.attribution_line()), text)
        self.assertIn("Creative Commons Attribution 4.0 International", text)
        self.assertRegex(info, r"Tagged:\s+yes")
        self.assertRegex(info, r"Title:\s+Fiche : prendre rendez-vous en ligne")
        # Counted as a download of the resource, not as a reading.
        stat = DailyResourceStat.objects.get(resource=self.resource)
        self.assertEqual((stat.downloads, stat.views), (1, 0))

    def test_the_markdown_has_the_title_the_attribution_and_the_licence(self):
        response = self.client.get(self.resource.url + "telecharger/markdown/")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/markdown"))
        text = b"".join(response.streaming_content).decode()
        self.assertTrue(text.startswith("# Fiche : prendre rendez-vous en ligne\n"))
        self.assertIn(self.resource.attribution_line(), text)
        self.assertIn("[Creative Commons Attribution 4.0 International](", text)
        self.assertIn("Le pas à pas de l'atelier.", text)
        self.assertIn("- Camille Durand — Rédaction", text)
        self.assertRegex(text, r"\[fiche\.txt\]\(http://[^)]+/documents/\d+/fiche\.txt\)")

    def test_built_once_per_version_and_rebuilt_after_a_new_one(self):
        url = self.resource.url + "telecharger/pdf/"
        with mock.patch.object(downloads, "render_pdf", wraps=downloads.render_pdf) as render:
            self.client.get(url)
            self.client.get(url)
            self.assertEqual(render.call_count, 1)
            page = ResourcePage.objects.get(pk=self.resource.pk)
            page.title = "Fiche : prendre rendez-vous sur internet"
            versioning.publish(page, None, ["Titre plus clair"])
            response = self.client.get(url)
            self.assertEqual(render.call_count, 2)
        self.assertIn("-v1-2.pdf", response["Content-Disposition"])
        text, _info = pdf_text(b"".join(response.streaming_content))
        self.assertIn("prendre rendez-vous sur internet", text)
        self.assertIn("version 1.2", text)

    def test_the_pdf_embeds_no_image_of_another_private_base(self):
        private_base = BasePageFactory(visibility=Visibility.PRIVATE)
        public_image = ImageFactory(collection=self.base.media_collection)
        private_image = ImageFactory(collection=private_base.media_collection)
        page = ResourcePage.objects.get(pk=self.resource.pk)
        page.body = [
            ("image", {"image": public_image, "alt_text": "Le formulaire"}),
            ("image", {"image": private_image, "alt_text": "Une photo interne"}),
        ]
        page.save_revision().publish()
        response = self.client.get(self.resource.url + "telecharger/pdf/")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(b"".join(response.streaming_content))
            handle.flush()
            listing = subprocess.run(
                ["pdfimages", "-list", handle.name], capture_output=True, check=True
            ).stdout.decode()
        self.assertEqual(len(listing.strip().splitlines()) - 2, 1)  # two header lines

    def test_the_buttons_are_on_the_resource_page(self):
        response = self.client.get(self.resource.url)
        self.assertContains(response, "Télécharger (PDF)")
        self.assertContains(response, f'href="{self.resource.url}telecharger/markdown/"')
        # Not a kit: no pack for a single resource.
        self.assertNotContains(response, "Télécharger le pack")
        self.assertEqual(self.client.get(self.resource.url + "telecharger/pack/").status_code, 404)

    def test_a_private_base_s_resource_is_never_built_for_an_outsider(self):
        secret = ResourcePageFactory(
            parent=BasePageFactory(visibility=Visibility.PRIVATE), title="Note interne"
        )
        with mock.patch.object(downloads, "render_pdf") as render:
            for route in ("pdf", "markdown"):
                response = self.client.get(f"{secret.url}telecharger/{route}/")
                self.assertEqual(response.status_code, 404)
            render.assert_not_called()
        # Built files live outside MEDIA_ROOT, at no public address.
        self.assertFalse(
            Path(settings.REUSE_DOWNLOADS_ROOT)
            .resolve()
            .is_relative_to(Path(settings.MEDIA_ROOT).resolve())
        )


class PackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        public_base = BasePageFactory(title="InterHubs")
        private_base = BasePageFactory(title="Espace du Hub", visibility=Visibility.PRIVATE)
        cls.member = BaseMembershipFactory(base=private_base).user
        cls.guide = attach(
            ResourcePageFactory(parent=public_base, title="Guide des permanences"), "guide.odt"
        )
        cls.fiche = ResourcePageFactory(parent=public_base, title="Fiche élus")
        cls.secret = attach(
            ResourcePageFactory(parent=private_base, title="Compte rendu interne"), "notes.txt"
        )
        cls.collection = ResourceCollectionPageFactory(
            parent=public_base,
            title="Agir contre les inégalités numériques",
            resources=[cls.guide, cls.secret, cls.fiche],
        )

    def setUp(self):
        downloads.remove_all()

    def test_a_collection_pack_holds_what_the_reader_may_see(self):
        page = self.client.get(self.collection.url)
        self.assertContains(page, "Télécharger le pack")
        response = self.client.get(
            self.collection.url + "telecharger/pack/", HTTP_USER_AGENT=BROWSER
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/zip")
        self.assertIn("private", response["Cache-Control"])
        archive, names = zip_names(response)
        self.assertEqual(
            names,
            [
                "01-guide-des-permanences.pdf",
                "01-guide-des-permanences/guide.odt",
                "02-fiche-elus.pdf",
                "LISEZMOI.txt",
            ],
        )
        readme = archive.read("LISEZMOI.txt").decode()
        self.assertIn(self.guide.attribution_line(), readme)
        self.assertIn(self.fiche.attribution_line(), readme)
        self.assertIn("Licence : Creative Commons Attribution 4.0 International", readme)
        self.assertNotIn("Compte rendu interne", readme)
        text, _info = pdf_text(archive.read("02-fiche-elus.pdf"))
        self.assertIn("Fiche élus", text)
        self.assertEqual(archive.read("01-guide-des-permanences/guide.odt"), b"contenu")
        # Each resource of the pack counts one download.
        self.assertEqual(DailyResourceStat.objects.get(resource=self.guide).downloads, 1)
        self.assertFalse(DailyResourceStat.objects.filter(resource=self.secret).exists())

    def test_a_member_of_the_private_base_gets_its_resource_in_another_pack(self):
        anonymous = self.client.get(self.collection.url + "telecharger/pack/")
        _archive, anonymous_names = zip_names(anonymous)
        self.client.force_login(self.member)
        response = self.client.get(self.collection.url + "telecharger/pack/")
        _archive, names = zip_names(response)
        self.assertIn("02-compte-rendu-interne.pdf", names)
        self.assertIn("02-compte-rendu-interne/notes.txt", names)
        self.assertNotIn("02-compte-rendu-interne.pdf", anonymous_names)
        self.assertEqual(len(list(Path(settings.REUSE_DOWNLOADS_ROOT, "packs").rglob("*.zip"))), 2)

    def test_a_share_link_of_a_resource_opens_its_pdf_only_for_its_holder(self):
        link = sharing.create_or_rotate(self.secret, self.member)
        self.assertEqual(self.client.get(self.secret.url + "telecharger/pdf/").status_code, 404)
        self.client.get(sharing.share_path(link))
        response = self.client.get(self.secret.url + "telecharger/pdf/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "private, no-store")
        self.assertIn("noindex", response["X-Robots-Tag"])

    def test_a_private_collection_has_no_pack_for_outsiders(self):
        private = ResourceCollectionPageFactory(
            parent=self.guide.base, resources=[self.guide], visibility=Visibility.PRIVATE
        )
        self.assertEqual(self.client.get(private.url + "telecharger/pack/").status_code, 404)

    def test_a_kit_is_downloaded_with_the_resources_it_links_to(self):
        kit = ResourcePageFactory(
            parent=self.guide.base,
            title="Pack « Agir sur mon territoire »",
            resource_types=[resource_type("boite_outils")],
        )
        page = ResourcePage.objects.get(pk=kit.pk)
        page.related_links = [
            RelatedResource(related=self.fiche),
            RelatedResource(related=self.secret),
        ]
        page.save_revision().publish()
        self.assertContains(self.client.get(kit.url), "Télécharger le pack")
        _archive, names = zip_names(self.client.get(kit.url + "telecharger/pack/"))
        self.assertEqual(
            names,
            ["01-pack-agir-sur-mon-territoire.pdf", "02-fiche-elus.pdf", "LISEZMOI.txt"],
        )

    def test_a_person_s_collection_has_its_pack_private_ones_for_their_owner(self):
        owner = UserFactory()
        public = PersonalCollection.objects.create(
            owner=owner, title="Pour mes ateliers", visibility=Visibility.PUBLIC
        )
        private = PersonalCollection.objects.create(owner=owner, title="À relire")
        for collection in (public, private):
            for position, resource in enumerate((self.secret, self.fiche)):
                PersonalCollectionItem.objects.create(
                    collection=collection, resource=resource, sort_order=position
                )
        self.assertContains(self.client.get(public.get_absolute_url()), "Télécharger le pack")
        response = self.client.get(public.get_absolute_url() + "telecharger/pack/")
        _archive, names = zip_names(response)
        self.assertEqual(names, ["01-fiche-elus.pdf", "LISEZMOI.txt"])
        private_pack = private.get_absolute_url() + "telecharger/pack/"
        self.assertEqual(self.client.get(private_pack).status_code, 404)
        self.client.force_login(owner)
        self.assertEqual(self.client.get(private_pack).status_code, 200)

    def test_a_long_build_is_queued_and_the_reader_asked_to_come_back(self):
        url = self.collection.url + "telecharger/pack/"
        with (
            self.settings(REUSE_PACK_BUILD_SECONDS=0),
            mock.patch("reuse.tasks.build_resource_pdfs") as task,
        ):
            response = self.client.get(url)
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "30")
        self.assertIn("Ses 2 ressources sont en cours de mise en page", page_text(response))
        self.assertEqual(
            sorted(task.enqueue.call_args.args[0]), sorted([self.guide.pk, self.fiche.pk])
        )
        # The queued task (run at once by the immediate backend) builds them: the pack comes.
        with self.settings(REUSE_PACK_BUILD_SECONDS=0):
            self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_pack_is_bounded_and_says_what_it_left_out(self):
        with self.settings(REUSE_PACK_MAX_RESOURCES=1):
            archive, names = zip_names(self.client.get(self.collection.url + "telecharger/pack/"))
        self.assertEqual(
            names,
            ["01-guide-des-permanences.pdf", "01-guide-des-permanences/guide.odt", "LISEZMOI.txt"],
        )
        readme = archive.read("LISEZMOI.txt").decode()
        self.assertIn("Ressources non incluses", readme)
        self.assertIn(f"Fiche élus — {self.fiche.full_url}", readme)


@pytest.mark.browser
def test_a_reader_clicks_download_and_gets_the_pdf(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By

    resource = ResourcePageFactory(title="Fiche : la carte Vitale", summary="Pas à pas.")
    ResourceCreditFactory(resource=resource, name="Camille Durand")
    resource = ResourcePage.objects.get(pk=resource.pk)
    with tempfile.TemporaryDirectory() as folder:
        browser.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": folder}
        )
        browser.get(live_server.url + resource.url)
        link = browser.find_element(By.LINK_TEXT, "Télécharger (PDF)")
        assert link.is_displayed()
        link.click()
        pdf = None
        for _attempt in range(100):  # the download lands as a .crdownload, then renamed
            found = list(Path(folder).glob("*.pdf"))
            if found and found[0].stat().st_size:
                pdf = found[0]
                break
            time.sleep(0.1)
        assert pdf is not None, "no PDF downloaded"
        assert pdf.name == "fiche-la-carte-vitale-v1-0.pdf"
        text, _info = pdf_text(pdf.read_bytes())
    assert "Fiche : la carte Vitale" in text
    assert "Camille Durand" in text
