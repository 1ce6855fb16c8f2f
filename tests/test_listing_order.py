"""Every page of a long listing — a base's resources, the read API's lists — is served from the
listing's ids kept in order (base.listing.ordered_ids). What a visitor reads on any page, and the
totals, follow each publication, unpublication, renaming and visibility change at once."""

from django.test import TestCase

from base.models import Visibility
from search.lifecycle import drain
from tests.factories import (
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup


def card_titles(response):
    return [title.get_text(strip=True) for title in soup(response).select(".fr-card__title")]


class BaseListingOrderTests(TestCase):
    """14 resources: page 1 holds the 12 latest, page 2 the 2 first published."""

    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.resources = [
            ResourcePageFactory(parent=cls.base, title=f"Fiche {n:02}") for n in range(1, 15)
        ]

    def page(self, query=""):
        return self.client.get(f"{self.base.url}{query}")

    def test_every_page_follows_a_publication(self):
        self.assertEqual(card_titles(self.page("?page=2")), ["Fiche 02", "Fiche 01"])
        ResourcePageFactory(parent=self.base, title="Fiche 15")
        response = self.page("?page=2")
        self.assertEqual(card_titles(response), ["Fiche 03", "Fiche 02", "Fiche 01"])
        self.assertIn("Ressources (15)", page_text(response))
        self.assertEqual(card_titles(self.page())[0], "Fiche 15")

    def test_an_unpublished_resource_leaves_every_page(self):
        self.assertIn("Fiche 01", card_titles(self.page("?page=2")))
        self.resources[0].unpublish()
        response = self.page("?page=2")
        self.assertEqual(card_titles(response), ["Fiche 02"])
        self.assertIn("Ressources (13)", page_text(response))

    def test_the_title_order_follows_a_renamed_resource(self):
        self.assertEqual(card_titles(self.page("?tri=titre"))[:2], ["Fiche 01", "Fiche 02"])
        renamed = self.resources[13]
        renamed.title = "Accueillir un public éloigné du numérique"
        renamed.save_revision().publish()
        titles = card_titles(self.page("?tri=titre"))
        self.assertEqual(titles[:2], ["Accueillir un public éloigné du numérique", "Fiche 01"])
        self.assertEqual(card_titles(self.page("?tri=titre&page=2")), ["Fiche 12", "Fiche 13"])


class APIListingOrderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base publique")
        cls.private = BasePageFactory(title="Base privée", visibility=Visibility.PRIVATE)
        cls.resources = [
            ResourcePageFactory(parent=cls.base, title=f"Fiche {n:02}") for n in range(1, 6)
        ]
        cls.secret = ResourcePageFactory(parent=cls.private, title="Compte rendu interne")
        cls.admin = UserFactory(is_superuser=True, is_staff=True)

    def listing(self, query=""):
        response = self.client.get(f"/api/v2/ressources/?order=title{query}")
        self.assertEqual(response.status_code, 200)
        data = response.json()
        return data["meta"]["total_count"], [item["title"] for item in data["items"]]

    def test_totals_and_offsets_follow_publication(self):
        self.assertEqual(self.listing("&offset=3"), (5, ["Fiche 04", "Fiche 05"]))
        ResourcePageFactory(parent=self.base, title="Fiche 06")
        self.assertEqual(self.listing("&offset=3"), (6, ["Fiche 04", "Fiche 05", "Fiche 06"]))
        self.resources[0].unpublish()
        self.assertEqual(self.listing("&offset=3"), (5, ["Fiche 05", "Fiche 06"]))

    def test_a_private_base_never_reaches_a_list_read_by_someone_else(self):
        """The platform admin's list (the private base's resource in it) is kept apart from an
        anonymous visitor's, same query."""
        self.client.force_login(self.admin)
        total, titles = self.listing()
        self.assertEqual(total, 6)
        self.assertIn("Compte rendu interne", titles)
        self.client.logout()
        total, titles = self.listing()
        self.assertEqual(total, 5)
        self.assertNotIn("Compte rendu interne", titles)
        self.assertEqual(self.listing("&offset=5"), (5, []))

    def test_a_base_made_private_leaves_the_list(self):
        self.assertEqual(self.listing()[0], 5)
        self.base.visibility = Visibility.PRIVATE
        self.base.save_revision().publish()
        self.assertEqual(self.listing(), (0, []))

    def test_a_collection_made_private_leaves_the_list(self):
        collection = ResourceCollectionPageFactory(
            parent=self.base, title="Sélection de l'équipe", resources=self.resources[:2]
        )
        response = self.client.get("/api/v2/collections/")
        self.assertEqual(response.json()["meta"]["total_count"], 1)
        collection.visibility = Visibility.PRIVATE
        collection.save_revision().publish()
        data = self.client.get("/api/v2/collections/").json()
        self.assertEqual((data["meta"]["total_count"], data["items"]), (0, []))

    def test_a_search_follows_the_index_as_the_worker_updates_it(self):
        """Between a publication's commit and the worker's index update, a search answers from
        the former index; once the index has the page, the next search finds it."""
        drain()
        ResourcePageFactory(parent=self.base, title="Atelier xylographie pour débuter")
        self.assertEqual(self.listing("&search=xylographie"), (0, []))
        drain()
        self.assertEqual(
            self.listing("&search=xylographie"), (1, ["Atelier xylographie pour débuter"])
        )
