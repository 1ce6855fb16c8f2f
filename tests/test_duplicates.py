"""Duplicate warnings: similar resources suggested while one is written (endpoint used by the
admin page editor and the site's editor), never a private base's resource to an outsider, and
the moderators' « Doublons probables »."""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import TestCase

from base.models import Role, Visibility
from search import engines
from search.documents import build_document, searchable_pages
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup

SIMILAR = "/rechercher/doublons/"


def index_everything():
    documents = [build_document(page) for page in searchable_pages()]
    engines.database_engine().rebuild(iter(documents), len(documents))


class DuplicateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.other_base = BasePageFactory(title="Base voisine")
        cls.private = BasePageFactory(title="Base interne", visibility=Visibility.PRIVATE)
        cls.editor = BaseMembershipFactory(base=cls.base, role=Role.ADMIN).user
        cls.insider = BaseMembershipFactory(base=cls.private, role=Role.ADMIN).user
        cls.existing = ResourcePageFactory(
            parent=cls.other_base, title="Guide de la médiation numérique pour débutants"
        )
        cls.same_base = ResourcePageFactory(parent=cls.base, title="Guide de médiation numérique")
        cls.secret = ResourcePageFactory(
            parent=cls.private, title="Guide de la médiation numérique interne"
        )
        ResourcePageFactory(parent=cls.base, title="Recette de la tarte aux pommes")

    def setUp(self):
        cache.clear()
        index_everything()

    def ask(self, user, **params):
        self.client.force_login(user)
        return self.client.get(SIMILAR, params)

    def test_similar_resources_are_suggested_same_base_first(self):
        response = self.ask(
            self.editor,
            titre="Guide de la médiation numérique",
            parent=self.base.pk,
            format="json",
        )
        titles = [item["title"] for item in response.json()["results"]]
        self.assertEqual(
            titles,
            ["Guide de médiation numérique", "Guide de la médiation numérique pour débutants"],
        )
        # The HTML fragment the editors insert: a warning with the ways to help instead.
        fragment = self.ask(self.editor, titre="Guide de la médiation numérique")
        text = page_text(fragment)
        self.assertIn("Des ressources semblables existent déjà.", text)
        self.assertIn("Proposer une modification", text)
        self.assertIn("Adapter", text)
        links = [a["href"] for a in soup(fragment).select("a")]
        self.assertIn(self.existing.url + "proposer/", links)
        # Nothing for an unrelated title, nor for the resource being edited itself.
        self.assertNotIn(
            "semblables",
            page_text(self.ask(self.editor, titre="Accompagner les démarches en ligne")),
        )
        edited = self.ask(
            self.editor, titre=self.same_base.title, page=self.same_base.pk, format="json"
        )
        self.assertNotIn(self.same_base.pk, [item["id"] for item in edited.json()["results"]])

    def test_a_private_resource_is_never_suggested_to_an_outsider(self):
        title = "Guide de la médiation numérique interne"
        outsider = self.ask(self.editor, titre=title, format="json").json()["results"]
        self.assertNotIn(self.secret.pk, [item["id"] for item in outsider])
        self.assertNotIn("interne", page_text(self.ask(self.editor, titre=title)))
        insider = self.ask(self.insider, titre=title, format="json").json()["results"]
        self.assertIn(self.secret.pk, [item["id"] for item in insider])
        # Anonymous visitors get nothing but the log-in page.
        self.client.logout()
        self.assertEqual(self.client.get(SIMILAR, {"titre": title}).status_code, 302)

    def test_the_admin_editor_of_a_resource_carries_the_warning(self):
        self.client.force_login(UserFactory(is_superuser=True))
        response = self.client.get(f"/admin/pages/add/ressources/resourcepage/{self.base.pk}/")
        self.assertEqual(response.status_code, 200)
        page = soup(response)
        marker = page.find(id="bc-duplicates-admin")
        self.assertEqual(marker["data-url"], SIMILAR)
        self.assertTrue(page.select('script[src$="js/duplicates.js"]'))


class LikelyDuplicatesTests(TestCase):
    URL = "/admin/doublons-probables/"

    def setUp(self):
        cache.clear()

    def test_moderators_see_pairs_with_the_same_normalised_title(self):
        first = ResourcePageFactory(title="Atelier : créer son adresse e-mail")
        second = ResourcePageFactory(title="Atelier créer son adresse E-mail")
        ResourcePageFactory(title="Une tout autre ressource")
        moderator = UserFactory()
        moderator.groups.add(Group.objects.get(name="Modérateurs"))
        self.client.force_login(moderator)
        response = self.client.get(self.URL)
        self.assertEqual(response.status_code, 200)
        rows = soup(response).select("table.listing tbody tr")
        self.assertEqual(len(rows), 1)
        links = [a["href"] for a in rows[0].select("a")]
        self.assertIn(f"/admin/pages/{first.pk}/edit/", links)
        self.assertIn(f"/admin/pages/{second.pk}/edit/", links)
        self.assertNotIn("Une tout autre ressource", page_text(response))
        # In the admin menu (drawn by Wagtail's script from the page's data).
        self.assertIn("Doublons probables", self.client.get("/admin/").content.decode())

    def test_close_titles_saying_the_same_are_grouped_not_merely_shared_words(self):
        summary = (
            "Pas à pas pour ouvrir une boîte de messagerie avec un usager : choisir le "
            "fournisseur, le mot de passe, la récupération du compte."
        )
        first = ResourcePageFactory(
            title="Créer son adresse e-mail avec un usager", summary=summary
        )
        second = ResourcePageFactory(
            title="Créer une adresse e-mail avec les usagers",
            summary=summary + " Fiche imprimable.",
        )
        ResourcePageFactory(
            title="Créer son compte Ameli avec un usager",
            summary="Les étapes pour ouvrir un compte Ameli et y déposer une attestation.",
        )
        moderator = UserFactory()
        moderator.groups.add(Group.objects.get(name="Modérateurs"))
        self.client.force_login(moderator)
        rows = soup(self.client.get(self.URL)).select("table.listing tbody tr")
        self.assertEqual(len(rows), 1)
        links = {a["href"] for a in rows[0].select("a")}
        self.assertIn(f"/admin/pages/{first.pk}/edit/", links)
        self.assertIn(f"/admin/pages/{second.pk}/edit/", links)
        self.assertNotIn("Ameli", rows[0].get_text())
        self.assertRegex(rows[0].get_text(), r"\d+ %")

    def test_refused_to_others(self):
        ResourcePageFactory(title="Atelier : créer son adresse e-mail")
        base_admin = BaseMembershipFactory(role=Role.ADMIN).user
        self.client.force_login(base_admin)
        response = self.client.get(self.URL)
        self.assertIn(response.status_code, (302, 403))
        self.assertNotIn("Doublons probables", self.client.get("/admin/").content.decode())


class SiteEditorTests(TestCase):
    """The site's editor carries the same warning as the admin's (a new resource, or a draft)."""

    def test_the_site_editor_of_a_new_resource_asks_for_similar_ones(self):
        from base.models import Role
        from tests.factories import BaseMembershipFactory, BasePageFactory, UserFactory

        base = BasePageFactory(title="Base du Hub")
        member = UserFactory()
        BaseMembershipFactory(base=base, user=member, role=Role.CONTRIBUTOR)
        self.client.force_login(member)
        page = self.client.get(f"/publier/{base.pk}/").content.decode()
        self.assertIn('data-bc-duplicates-url="/rechercher/doublons/"', page)
        self.assertIn(f'data-bc-duplicates-parent="{base.pk}"', page)
        self.assertIn("js/duplicates.js", page)
