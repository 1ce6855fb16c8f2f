"""A private base, its resources and collections exist only for its members (and platform admins)."""

from django.contrib.auth.models import AnonymousUser
from django.test import TestCase
from wagtail.models import Page

from base.models import Role, Visibility
from search.lifecycle import drain
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text

PRIVATE_WORD = "xylophagie"


class PrivateBaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.public_base = BasePageFactory(title="Base ouverte du Hub")
        cls.public_resource = ResourcePageFactory(
            parent=cls.public_base, title="Atelier ouvert à tous"
        )
        cls.private_base = BasePageFactory(
            title="Base confidentielle", visibility=Visibility.PRIVATE
        )
        cls.private_resource = ResourcePageFactory(
            parent=cls.private_base,
            title="Protocole interne",
            summary=f"Procédure de {PRIVATE_WORD} réservée à l'équipe.",
        )
        cls.private_base_collection = ResourceCollectionPageFactory(
            parent=cls.private_base,
            title="Sélection de l'équipe",
            resources=[cls.private_resource],
        )
        # A public collection of a public base that also points to the private resource.
        cls.public_collection = ResourceCollectionPageFactory(
            parent=cls.public_base,
            title="Sélection partagée",
            resources=[cls.private_resource, cls.public_resource],
        )
        # A private collection in a public base: for the members of that base.
        cls.private_collection = ResourceCollectionPageFactory(
            parent=cls.public_base,
            title="Brouillon de parcours",
            visibility=Visibility.PRIVATE,
            resources=[cls.public_resource],
        )
        cls.member = BaseMembershipFactory(base=cls.private_base, role=Role.CONTRIBUTOR).user
        cls.public_base_member = BaseMembershipFactory(base=cls.public_base).user
        cls.outsider = UserFactory()
        cls.superuser = UserFactory(superuser=True)
        cls.private_pages = [
            cls.private_base,
            cls.private_resource,
            cls.private_base_collection,
        ]
        # Publications reach the search index after commit, which a TestCase never reaches.
        drain()

    def as_user(self, user):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)

    def get_text(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return page_text(response)

    # --- the pages themselves ----------------------------------------------------------------

    def test_private_pages_answer_404_to_anonymous_and_non_members(self):
        for user in (None, self.outsider, self.public_base_member):
            self.as_user(user)
            for page in self.private_pages:
                with self.subTest(user=user and user.username, page=page.title):
                    self.assertEqual(self.client.get(page.url).status_code, 404)

    def test_private_pages_open_to_members_and_superusers(self):
        for user in (self.member, self.superuser):
            self.as_user(user)
            for page in self.private_pages:
                with self.subTest(user=user.username, page=page.title):
                    self.assertIn(page.title, self.get_text(page.url))

    def test_private_collection_of_a_public_base_is_for_its_members(self):
        for user, status in (
            (None, 404),
            (self.outsider, 404),
            (self.member, 404),  # member of another base
            (self.public_base_member, 200),
            (self.superuser, 200),
        ):
            self.as_user(user)
            with self.subTest(user=user and user.username):
                response = self.client.get(self.private_collection.url)
                self.assertEqual(response.status_code, status)

    # --- listings ----------------------------------------------------------------------------

    def assert_hidden(self, text, *, collection=True):
        self.assertNotIn("Base confidentielle", text)
        self.assertNotIn("Protocole interne", text)
        self.assertNotIn("Sélection de l'équipe", text)
        if collection:
            self.assertNotIn("Brouillon de parcours", text)

    def test_home_page_hides_private_content(self):
        for user in (None, self.outsider):
            self.as_user(user)
            with self.subTest(user=user and user.username):
                text = self.get_text("/")
                self.assertIn("Atelier ouvert à tous", text)
                self.assert_hidden(text)

    def test_home_page_figures_do_not_count_private_content(self):
        self.as_user(None)
        figures = self.client.get("/").context["figures"]
        self.assertEqual((figures["bases"], figures["resources"]), (1, 1))
        self.as_user(self.member)
        figures = self.client.get("/").context["figures"]
        self.assertEqual(figures["resources"], 2)

    def test_members_see_their_private_resource_on_the_home_page(self):
        self.as_user(self.member)
        self.assertIn("Protocole interne", self.get_text("/"))

    def test_bases_directory_hides_private_bases(self):
        for user in (None, self.outsider):
            self.as_user(user)
            with self.subTest(user=user and user.username):
                text = self.get_text("/bases/")
                self.assertIn("Base ouverte du Hub", text)
                self.assert_hidden(text)
        self.as_user(self.member)
        self.assertIn("Base confidentielle", self.get_text("/bases/"))

    def test_public_base_page_hides_private_collections(self):
        for user in (None, self.outsider):
            self.as_user(user)
            with self.subTest(user=user and user.username):
                text = self.get_text(self.public_base.url + "?onglet=collections")
                self.assertIn("Sélection partagée", text)
                self.assert_hidden(text)
        self.as_user(self.public_base_member)
        text = self.get_text(self.public_base.url + "?onglet=collections")
        self.assertIn("Brouillon de parcours", text)

    def test_public_collection_hides_the_private_resource_it_includes(self):
        for user in (None, self.outsider):
            self.as_user(user)
            with self.subTest(user=user and user.username):
                text = self.get_text(self.public_collection.url)
                self.assertIn("Atelier ouvert à tous", text)
                self.assert_hidden(text)
        self.as_user(self.member)
        self.assertIn("Protocole interne", self.get_text(self.public_collection.url))

    def test_public_resource_does_not_list_private_collections(self):
        self.as_user(None)
        text = self.get_text(self.public_resource.url)
        self.assertIn("Sélection partagée", text)
        self.assertNotIn("Brouillon de parcours", text)

    def test_search_does_not_find_private_resources(self):
        for user in (None, self.outsider):
            self.as_user(user)
            with self.subTest(user=user and user.username):
                response = self.client.get("/rechercher/", {"q": PRIVATE_WORD})
                self.assertEqual(response.status_code, 200)
                self.assert_hidden(page_text(response))
                self.assertEqual(response.context["total_count"], 0)

    def test_search_finds_the_private_resource_for_members(self):
        for user in (self.member, self.superuser):
            self.as_user(user)
            with self.subTest(user=user.username):
                response = self.client.get("/rechercher/", {"q": PRIVATE_WORD})
                self.assertIn("Protocole interne", page_text(response))

    def test_a_public_collection_does_not_reveal_the_private_title_it_lists(self):
        for user in (None, self.outsider):
            self.as_user(user)
            with self.subTest(user=user and user.username):
                response = self.client.get(
                    "/rechercher/", {"q": "protocole", "onglet": "collections"}
                )
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("Sélection partagée", page_text(response))

    def test_search_of_a_private_base_title_finds_nothing(self):
        self.as_user(None)
        text = self.get_text("/rechercher/?q=confidentielle")
        self.assert_hidden(text)


class VisibilityMemoTests(TestCase):
    """The hidden bases are read once per request (base.visibility): a membership or a
    visibility that changes during the request is seen by what the request lists next."""

    @classmethod
    def setUpTestData(cls):
        cls.private = BasePageFactory(title="Base privée", visibility=Visibility.PRIVATE)
        cls.resource = ResourcePageFactory(parent=cls.private, title="Compte rendu interne")
        cls.user = UserFactory()

    def setUp(self):
        from base import visibility

        token = visibility._memo.set({})  # as VisibilityMemoMiddleware does for a request
        self.addCleanup(visibility._memo.reset, token)

    def titles(self, user):
        from ressources.listing import visible_resources

        return list(visible_resources(user).values_list("title", flat=True))

    def test_a_new_membership_is_seen_in_the_same_request(self):
        self.assertEqual(self.titles(self.user), [])
        BaseMembershipFactory(base=self.private, user=self.user)
        self.assertEqual(self.titles(self.user), ["Compte rendu interne"])

    def test_a_base_made_public_is_seen_in_the_same_request(self):
        anonymous = AnonymousUser()
        self.assertEqual(self.titles(anonymous), [])
        self.private.visibility = Visibility.PUBLIC
        self.private.save_revision().publish()
        self.assertEqual(self.titles(anonymous), ["Compte rendu interne"])

    def test_an_unpublished_base_leaves_the_same_request(self):
        self.private.visibility = Visibility.PUBLIC
        self.private.save_revision().publish()
        self.assertEqual(self.titles(AnonymousUser()), ["Compte rendu interne"])
        Page.objects.get(pk=self.private.pk).unpublish()
        self.assertEqual(self.titles(AnonymousUser()), [])
