"""Every public page makes a fixed number of SQL queries, whatever the amount of content.

A page that queries once per card, per credit or per version is fast on a small demo and slow
at 100,000 resources. Each page is requested with a base of 3 resources, then again once the
base holds 30 (with credits, tags, avis, a cover image, related resources, adaptations and a
collection that grow too, and more versions in the journal): the number of queries must not
move, and it is pinned here so that a new per-item query shows up in review. The figures'
caches are emptied before each measured request, so the pages are measured as the first
visitor after a change sees them (the anonymous page cache, portal.page_cache, plays no part).
"""

from django.core.cache import caches
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from base.models import Role, Visibility
from ressources.models import RelatedResource, ResourcePage, ResourceReview
from search import engines
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    ResourceCollectionPageFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.search_fixtures import index

# A search reads in a transaction on PostgreSQL (SAVEPOINT and RELEASE inside the test's own),
# in none on SQLite (search.engines.reading).
READING = 0 if connection.vendor == "sqlite" else 2
# page → its queries for an anonymous visitor (the base's statistics: its admin), on both
# databases. A change here is a change of every request of that page: say why in the commit.
EXPECTED = {
    "accueil": 28,
    "annuaire des bases": 20,
    "base": 38,
    "base, page 2": 38,
    "base, filtre": 39,
    "base, onglet collections": 38,
    "ressource": 55,
    "collection": 25,
    "journal des versions": 22,
    "flux Atom de la base": 13,
    "flux Atom des versions": 15,
    # The search log written and read in savepoints of their own: never fail the page.
    "recherche": 15 + READING,
    "flux Atom d'une recherche": 3 + READING,
    "API, ressources": 10,
    "API, offset": 10,
    "statistiques": 24,
    "statistiques de la base": 37,
}


@override_settings(PAGE_CACHE_ENABLED=False)
class PageQueryCountTests(TestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        cls.image = ImageFactory()
        cls.admin = UserFactory(username="admin-de-la-base")
        cls.base = BasePageFactory(
            title="Base des médiateurs", logo=cls.image, cover=cls.image, slug="mediateurs"
        )
        BaseMembershipFactory(base=cls.base, user=cls.admin, role=Role.ADMIN)
        BaseMembershipFactory(base=cls.base)
        BasePageFactory(title="Base voisine")
        BasePageFactory(title="Base privée", visibility=Visibility.PRIVATE)
        cls.readers = [UserFactory() for _n in range(3)]
        cls.resource = cls.add_resource(0)
        cls.collection = ResourceCollectionPageFactory(
            parent=cls.base, title="Sélection des médiateurs", resources=[cls.resource]
        )
        ResourceCollectionPageFactory(parent=cls.base, title="Autre sélection")
        for number in range(1, 3):
            cls.add_resource(number)

    @classmethod
    def add_resource(cls, number):
        """A resource with what its card and page show; it also links to, adapts and joins
        the collection of the first resource, so that those lists grow with the data."""
        resource = ResourcePageFactory(
            parent=cls.base,
            title=f"Fiche pratique n°{number}",
            cover_image=cls.image,
            tags=["médiation", f"mot-{number}"],
        )
        ResourceCreditFactory(resource=resource)
        ResourceCreditFactory(resource=resource, kind="organisation", name="Hub du Sud")
        for reader in cls.readers:
            ResourceReview.objects.create(resource=resource, author=reader, usefulness=3)
        if number:
            ResourcePage.objects.filter(pk=resource.pk).update(adapted_from=cls.resource)
            RelatedResource.objects.create(page=cls.resource, related=resource)
            cls.collection.items.create(resource=resource, sort_order=number)
        return resource

    def grow(self):
        """From 3 to 30 resources, and two more versions of the first one."""
        for number in range(3, 30):
            self.add_resource(number)
        for _n in range(2):
            self.resource.save_revision().publish()

    def urls(self):
        base, resource = self.base.url, self.resource.url
        api = "/api/v2/pages/?type=ressources.ResourcePage"
        return {
            "accueil": "/",
            "annuaire des bases": "/bases/",
            "base": base,
            "base, page 2": f"{base}?page=2",
            "base, filtre": f"{base}?type=fiche_pratique&tri=titre",
            "base, onglet collections": f"{base}?onglet=collections",
            "ressource": resource,
            "collection": self.collection.url,
            "journal des versions": f"{resource}journal-des-versions/",
            "flux Atom de la base": f"{base}atom/",
            "flux Atom des versions": f"{resource}journal-des-versions/atom/",
            "recherche": "/rechercher/?q=fiche",
            "flux Atom d'une recherche": "/rechercher/atom/?q=fiche",
            "API, ressources": api,
            "API, offset": f"{api}&offset=2&limit=5",
            "statistiques": "/statistiques/",
            "statistiques de la base": f"{base}statistiques/",
        }

    def count_queries(self):
        """{page: queries} of one request each, caches emptied first."""
        index(engines.get_engine())
        counts = {}
        for name, url in self.urls().items():
            if name == "statistiques de la base":
                self.client.force_login(self.admin)
            response = self.client.get(url)  # makes the image renditions, warms up
            self.assertEqual(response.status_code, 200, url)
            for cache in caches.all():
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                self.client.get(url)
            counts[name] = len(queries)
            self.client.logout()
        return counts

    def test_query_counts_do_not_grow_with_the_data(self):
        small = self.count_queries()
        self.grow()
        large = self.count_queries()
        self.assertEqual(small, large)
        self.assertEqual(large, EXPECTED)

    def test_the_counts_are_right(self):
        """What the stored counts say is what a visitor counts on the pages."""
        self.grow()
        response = self.client.get("/bases/")
        self.assertContains(response, "30 ressources")
        response = self.client.get(self.base.url)
        self.assertContains(response, "Ressources (30)")
