"""« Adapter dans ma base » (issue 16, item 1): a draft copy of the exact version, in a base the
person publishes in, with the original's credits, the licence's constraint, the journal's first
line and the original's followers told; and every refusal, in French."""

from django.core.files.base import ContentFile
from django.test import Client, TestCase
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry

from accounts.models import Notification
from base.models import Role, Visibility
from ressources import adaptation, versioning
from ressources.models import ResourceCredit, ResourcePage
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    ResourcePageFactory,
    UserFactory,
    licence,
)
from tests.helpers import page_text
from veille.models import Follow

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def original_resource(base, licence_id="CC-BY-SA-4.0", **fields):
    """A resource of `base` with two credits, an image, a PDF (in the base's media folder) and a
    document link, published as 1.0 then 1.1."""
    image = ImageFactory(collection=base.media_collection, title="Capture")
    document = get_document_model().objects.create(
        title="Guide PDF",
        file=ContentFile(PDF, name="guide.pdf"),
        collection=base.media_collection,
    )
    resource = ResourcePageFactory(
        parent=base,
        title="Fiche : ouvrir une adresse e-mail",
        licence=licence(licence_id),
        body=[
            (
                "paragraph",
                f'<p>Lisez le <a linktype="document" id="{document.pk}">guide</a>.</p>',
            ),
            ("image", {"image": image, "alt_text": "Écran d'accueil", "caption": ""}),
            ("document", {"document": document, "title": "Guide pas à pas"}),
        ],
        **fields,
    )
    ResourceCredit.objects.create(
        resource=resource, kind="person", name="Inès Durand", role="redaction", sort_order=0
    )
    ResourceCredit.objects.create(
        resource=resource, kind="organisation", name="Hub du Sud", role="illustration", sort_order=1
    )
    state = resource.get_latest_revision_as_object()
    state.summary = "Pas à pas, en dix minutes."
    versioning.publish(state, None, ["Résumé plus clair"])
    resource.refresh_from_db()
    return resource, image, document


class AdaptationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.source_base = BasePageFactory(title="Base du Hub du Sud")
        cls.resource, cls.image, cls.document = original_resource(cls.source_base)
        cls.version = cls.resource.current_version
        cls.target = BasePageFactory(title="Base des médiateurs du Cher")
        cls.person = BaseMembershipFactory(base=cls.target, role=Role.CONTRIBUTOR).user
        cls.follower = UserFactory()
        Follow.objects.create(user=cls.follower, page=cls.resource)
        cls.url = cls.resource.url + "adapter/"

    def post(self, **data):
        payload = {"base": self.target.pk, "version": self.version.pk, **data}
        return self.client.post(self.url, payload)

    def test_adapting_a_share_alike_resource(self):
        self.client.force_login(self.person)
        page = self.client.get(self.resource.url)
        self.assertContains(page, f'href="{self.url}"')
        self.assertIn("Adapter dans ma base", page_text(page))
        form = self.client.get(self.url)
        self.assertIn("votre adaptation sera publiée sous la même licence", page_text(form))
        self.assertContains(form, "Base des médiateurs du Cher")

        response = self.post()
        draft = ResourcePage.objects.get(adapted_from=self.resource)
        self.assertRedirects(
            response, f"/publier/ressources/{draft.pk}/", fetch_redirect_response=False
        )
        self.assertFalse(draft.live)
        self.assertEqual(draft.get_parent().pk, self.target.pk)
        self.assertEqual(draft.adapted_from_version, self.version)
        self.assertEqual(draft.summary, "Pas à pas, en dix minutes.")  # version 1.1's text
        self.assertEqual(draft.licence.spdx_id, "CC-BY-SA-4.0")
        self.assertEqual(
            [(c.name, c.role) for c in draft.credits.all()],
            [
                ("Inès Durand", "redaction"),
                ("Hub du Sud", "illustration"),
                (self.person.display_name, "adaptation"),
            ],
        )
        # Blocks and files: copies in the target base's media folder, linked from the copy.
        blocks = {block.block_type: block.value for block in draft.body}
        image, document = blocks["image"]["image"], blocks["document"]["document"]
        self.assertNotEqual(image.pk, self.image.pk)
        self.assertEqual(image.collection_id, self.target.media_collection_id)
        self.assertEqual(document.collection_id, self.target.media_collection_id)
        self.assertEqual(document.file.read(), PDF)
        self.assertIn(f'id="{document.pk}"', draft.body.raw_data[0]["value"])
        self.assertEqual(blocks["image"]["alt_text"], "Écran d'accueil")
        self.assertTrue(PageLogEntry.objects.filter(page=draft, action=adaptation.ADAPT).exists())
        again = self.post()  # a double click, a form sent again: the same draft
        self.assertEqual(again.url, response.url)
        self.assertEqual(ResourcePage.objects.filter(adapted_from=self.resource).count(), 1)
        editor = self.client.get(response.url)
        self.assertIn("Vous avez déjà commencé une adaptation de cette version", page_text(editor))
        self.assertContains(editor, f'value="{self.resource.url}"')  # « adaptée de »

        # The person publishes it: the journal opens with the version adapted, the original
        # lists it, and its follower hears of it (not the person who published).
        with self.captureOnCommitCallbacks(execute=True):
            published = versioning.publish(draft.get_latest_revision_as_object(), self.person, [])
        self.assertEqual(
            published.change_lines,
            ["Adaptée de « Fiche : ouvrir une adresse e-mail » (version 1.1)"],
        )
        journal = page_text(self.client.get(draft.url + "journal-des-versions/"))
        self.assertIn("Adaptée de « Fiche : ouvrir une adresse e-mail » (version 1.1)", journal)
        original = page_text(self.client.get(self.resource.url))
        self.assertIn("Adaptations de cette ressource", original)
        self.assertIn(draft.title, original)
        notice = Notification.objects.get(kind="new_adaptation")
        self.assertEqual(notice.recipient, self.follower)
        self.assertIn("nouvelle adaptation", notice.subject)
        self.assertIn("d'après la version 1.1", page_text(self.client.get(draft.url)))

    def test_followers_who_cannot_read_the_adaptation_hear_nothing(self):
        private = BasePageFactory(title="Espace de travail", visibility=Visibility.PRIVATE)
        BaseMembershipFactory(base=private, user=self.person, role=Role.ADMIN)
        draft, created = adaptation.adapt(self.version, private, self.person)
        self.assertTrue(created)
        with self.captureOnCommitCallbacks(execute=True):
            versioning.publish(draft.get_latest_revision_as_object(), self.person, [])
        self.assertFalse(Notification.objects.filter(kind="new_adaptation").exists())
        # The original lists it only to those who may read it.
        self.assertNotIn(
            "Adaptations de cette ressource", page_text(self.client.get(self.resource.url))
        )

    def test_no_derivatives_and_all_rights_reserved_refuse_with_the_reason_and_contact(self):
        self.client.force_login(self.person)
        for spdx, reason in (
            ("CC-BY-ND-4.0", "Pas de modification 4.0 International, qui n'autorise pas"),
            ("LicenseRef-tous-droits-reserves", "ses auteurs n'en autorisent pas l'adaptation"),
        ):
            with self.subTest(spdx):
                resource = ResourcePageFactory(
                    parent=self.source_base,
                    licence=licence(spdx),
                    permission_contact="droits@hub-du-sud.fr",
                )
                page = self.client.get(resource.url)
                self.assertNotContains(page, "Adapter dans ma base")
                self.assertIn(reason, page_text(page))
                self.assertContains(page, "mailto:droits@hub-du-sud.fr")
                response = self.client.post(
                    resource.url + "adapter/",
                    {"base": self.target.pk, "version": resource.current_version.pk},
                )
                self.assertEqual(response.status_code, 403)
                text = page_text(response)
                self.assertIn("Cette ressource ne peut pas être adaptée", text)
                self.assertIn(reason, text)
                self.assertIn("droits@hub-du-sud.fr", text)
                self.assertFalse(ResourcePage.objects.filter(adapted_from=resource).exists())

    def test_a_person_with_no_base_to_publish_in(self):
        self.client.force_login(UserFactory())
        self.assertIn(
            "Vous ne pouvez publier dans aucune base", page_text(self.client.get(self.url))
        )
        response = self.post()
        self.assertEqual(response.status_code, 403)
        self.assertIn("Vous ne pouvez publier dans aucune base", page_text(response))
        self.assertFalse(ResourcePage.objects.filter(adapted_from=self.resource).exists())

    def test_a_private_original_the_person_cannot_see_is_not_found(self):
        private = BasePageFactory(title="Espace privé", visibility=Visibility.PRIVATE)
        hidden = ResourcePageFactory(parent=private)
        self.client.force_login(self.person)
        self.assertEqual(self.client.get(hidden.url + "adapter/").status_code, 404)
        response = self.client.post(
            hidden.url + "adapter/",
            {"base": self.target.pk, "version": hidden.current_version.pk},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(ResourcePage.objects.filter(adapted_from=hidden).exists())

    def test_forged_posts_get_a_french_error_and_change_nothing(self):
        other_base = BasePageFactory(title="Base d'un autre Hub")
        other_version = ResourcePageFactory(parent=other_base).current_version
        self.client.force_login(self.person)
        for data, message in (
            ({"base": other_base.pk}, "Vous ne pouvez pas publier dans cette base"),
            ({"base": "abc"}, "Vous ne pouvez pas publier dans cette base"),
            ({"base": ""}, "Choisissez la base où créer l'adaptation"),
            ({"version": other_version.pk}, "Cette version n'existe pas pour cette ressource"),
            ({"version": "1.1"}, "La version à adapter n'est pas reconnue"),
        ):
            with self.subTest(data=data):
                response = self.post(**data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, page_text(response))
                self.assertIn("Erreur", page_text(response))
        csrf_client = Client(enforce_csrf_checks=True)
        csrf_client.force_login(self.person)
        response = csrf_client.post(self.url, {"base": self.target.pk, "version": self.version.pk})
        self.assertEqual(response.status_code, 403)
        self.assertIn("La vérification CSRF a échoué", page_text(response))
        self.assertFalse(ResourcePage.objects.filter(adapted_from=self.resource).exists())

    def test_anonymous_visitors_log_in_first(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/compte/connexion/", response.url)
