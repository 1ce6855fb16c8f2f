"""Atom feeds of a base, a collection and a search, read the way a feed reader does."""

import xml.etree.ElementTree as ET
from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from base.models import Visibility
from ressources import versioning
from ressources.models import ResourcePage, ResourceVersion
from search import engines
from search.documents import build_document, searchable_pages
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import soup
from veille.models import CollectionAddition

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    """The feed as a feed reader gets it: Atom content type, well-formed XML."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entry_titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


def alternate(response):
    link = soup(response).select_one('head link[rel="alternate"][type="application/atom+xml"]')
    return link["href"] if link else None


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.editor = UserFactory()
        cls.base = BasePageFactory(title="Base <des> médiateurs & co")
        cls.first = ResourcePageFactory(parent=cls.base, title="Fiche pangolin")
        cls.second = ResourcePageFactory(parent=cls.base, title="Kit <b>quinoa</b> & cie")
        ResourceVersion.objects.filter(resource=cls.first).update(
            published_at=now - timedelta(days=5)
        )
        ResourceVersion.objects.filter(resource=cls.second).update(
            published_at=now - timedelta(days=3)
        )
        versioning.publish(
            ResourcePage.objects.get(pk=cls.first.pk), cls.editor, ["Ajout d'un exercice"]
        )
        cls.other_base = BasePageFactory(title="Autre base")
        cls.elsewhere = ResourcePageFactory(parent=cls.other_base, title="Guide pangolin voisin")
        cls.collection = ResourceCollectionPageFactory(
            parent=cls.other_base, title="Sélection", resources=[cls.second, cls.elsewhere]
        )
        CollectionAddition.objects.filter(resource_id=cls.second.pk).update(
            added_at=now - timedelta(days=2)
        )

        cls.private_base = BasePageFactory(title="Base privée", visibility=Visibility.PRIVATE)
        cls.member = BaseMembershipFactory(base=cls.private_base).user
        cls.secret = ResourcePageFactory(parent=cls.private_base, title="Protocole pangolin")
        # A public collection may list a private resource: outsiders must not see it.
        cls.public_picks = ResourceCollectionPageFactory(
            parent=cls.other_base, title="Mélange", resources=[cls.secret, cls.elsewhere]
        )
        cls.private_collection = ResourceCollectionPageFactory(
            parent=cls.base, title="Sélection interne", visibility=Visibility.PRIVATE
        )
        documents = [build_document(page) for page in searchable_pages()]
        engines.database_engine().rebuild(iter(documents), len(documents))

    def test_base_feed_lists_new_resources_and_versions_newest_first(self):
        feed = parse(self.client.get(self.base.url + "atom/"))
        self.assertEqual(
            feed.findtext(f"{ATOM}title"),
            "Nouveautés de la base « Base <des> médiateurs & co » — Bases communes",
        )
        self.assertEqual(
            entry_titles(feed),
            [
                "Version 1.1 : Fiche pangolin",
                "Nouvelle ressource : Kit <b>quinoa</b> & cie",
                "Nouvelle ressource : Fiche pangolin",
            ],
        )
        entry = next(feed.iter(f"{ATOM}entry"))
        self.assertEqual(entry.findtext(f"{ATOM}content"), "– Ajout d'un exercice")
        link = entry.find(f"{ATOM}link").get("href")
        self.assertEqual(link, "http://testserver" + self.first.url + "versions/1-1/")

    def test_collection_feed_lists_the_resources_added_newest_first(self):
        feed = parse(self.client.get(self.collection.url + "atom/"))
        self.assertEqual(feed.findtext(f"{ATOM}title"), "Collection « Sélection » — Bases communes")
        self.assertEqual(entry_titles(feed), ["Guide pangolin voisin", "Kit <b>quinoa</b> & cie"])

    def test_private_feeds_answer_404_to_outsiders(self):
        for url in (self.private_base.url + "atom/", self.private_collection.url + "atom/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.member)
        feed = parse(self.client.get(self.private_base.url + "atom/"))
        self.assertEqual(entry_titles(feed), ["Nouvelle ressource : Protocole pangolin"])

    def test_collection_feed_hides_what_the_reader_may_not_see(self):
        self.assertEqual(
            entry_titles(parse(self.client.get(self.public_picks.url + "atom/"))),
            ["Guide pangolin voisin"],
        )
        self.client.force_login(self.member)
        self.assertIn(
            "Protocole pangolin",
            entry_titles(parse(self.client.get(self.public_picks.url + "atom/"))),
        )

    def test_pages_announce_their_feeds(self):
        self.assertEqual(alternate(self.client.get(self.base.url)), self.base.url + "atom/")
        self.assertEqual(
            alternate(self.client.get(self.collection.url)), self.collection.url + "atom/"
        )
        self.assertEqual(
            alternate(self.client.get("/rechercher/?q=pangolin")),
            "/rechercher/atom/?q=pangolin",
        )

    def test_search_feed_gives_the_public_results_of_the_search(self):
        feed = parse(self.client.get("/rechercher/atom/?q=pangolin"))
        self.assertEqual(feed.findtext(f"{ATOM}title"), "Recherche « pangolin » — Bases communes")
        self.assertEqual(entry_titles(feed), ["Guide pangolin voisin", "Fiche pangolin"])
        # Even a member of the private base gets public content only: the address is shared.
        self.client.force_login(self.member)
        self.assertIn(
            "Protocole pangolin", self.client.get("/rechercher/?q=pangolin").content.decode()
        )
        feed = parse(self.client.get("/rechercher/atom/?q=pangolin"))
        self.assertNotIn("Protocole pangolin", entry_titles(feed))

    def test_search_feed_keeps_the_filters_of_the_page(self):
        feed = parse(self.client.get(f"/rechercher/atom/?q=pangolin&base={self.other_base.pk}"))
        self.assertEqual(entry_titles(feed), ["Guide pangolin voisin"])

    def test_hostile_queries_give_a_well_formed_feed(self):
        for query in (
            '<script>alert(1)</script> ]]> &amp; "',
            "pangolin\ufffe\u202e",
            "x" * 5000,
        ):
            with self.subTest(query=query[:20]):
                response = self.client.get(
                    "/rechercher/atom/", {"q": query, "base": query, "du": "<2024>", "page": "-1"}
                )
                feed = parse(response)
                self.assertNotIn(b"<script>", response.content)
                self.assertTrue(feed.findtext(f"{ATOM}title").startswith("Recherche « "))
        self.assertIn(
            "<script>",
            parse(self.client.get("/rechercher/atom/?q=<script>")).findtext(f"{ATOM}title"),
        )
        # Control characters are refused at the door (base.input_guard), with a French 400.
        self.assertEqual(self.client.get("/rechercher/atom/", {"q": "a\x00\x01"}).status_code, 400)
        # Bytes that are not UTF-8 at all, as a hostile client may send them.
        parse(self.client.get("/rechercher/atom/?q=%ED%A0%80%FF%C0&base=%FF"))

    def test_feeds_are_read_only(self):
        self.assertEqual(self.client.post("/rechercher/atom/?q=pangolin").status_code, 405)
