"""The stored resource counts of the bases (ressources.counts) follow the content as the pages
do: what a visitor reads on the directory's cards, a base's tab and the home page figures is
right after a publication, an unpublication, a move, a deletion and a visibility change."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from base.models import Visibility
from ressources.models import BaseCounts
from tests.factories import BasePageFactory, ResourceCollectionPageFactory, ResourcePageFactory
from tests.helpers import page_text, soup


def card_facts(response, title):
    """The text of the directory's card of the base titled `title`."""
    for card in soup(response).select(".fr-card"):
        heading = card.select_one(".fr-card__title")
        if heading and heading.get_text(strip=True) == title:
            return card.get_text(" ", strip=True)
    raise AssertionError(f"Pas de carte « {title} »")


class BaseCountsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.other = BasePageFactory(title="Base voisine")
        cls.resources = [ResourcePageFactory(parent=cls.base) for _n in range(3)]

    def assert_counts(self, base_count, other_count):
        directory = self.client.get("/bases/")
        self.assertIn(f"{base_count} ressource", card_facts(directory, "Base du Hub"))
        self.assertIn(f"{other_count} ressource", card_facts(directory, "Base voisine"))
        base_page = page_text(self.client.get(self.base.url))
        self.assertIn(f"Ressources ({base_count})", base_page)
        home = page_text(self.client.get("/"))
        total = base_count + other_count
        self.assertIn(f"{total} ressource", home)

    def test_publication_and_unpublication(self):
        self.assert_counts(3, 0)
        ResourcePageFactory(parent=self.other)
        self.assert_counts(3, 1)
        self.resources[0].unpublish()
        self.assert_counts(2, 1)
        self.resources[0].save_revision().publish()
        self.assert_counts(3, 1)

    def test_a_draft_does_not_count(self):
        ResourcePageFactory(parent=self.base, live=False)
        self.assert_counts(3, 0)

    def test_move_to_another_base(self):
        self.resources[0].move(self.other, pos="last-child")
        self.assert_counts(2, 1)

    def test_deletion(self):
        self.resources[1].delete()
        self.assert_counts(2, 0)

    def test_a_private_base_counts_for_nobody_else(self):
        """Visibility is the listings' business: a base made private leaves the home figure."""
        self.base.visibility = Visibility.PRIVATE
        self.base.save_revision().publish()
        home = page_text(self.client.get("/"))
        self.assertIn("0 ressource", home)
        self.assertNotIn("Base du Hub", page_text(self.client.get("/bases/")))

    def test_the_version_moves_with_the_content(self):
        """Caches keyed on a base's version (its filter choices, the API's counts) see each
        change, a collection's publication included."""
        version = BaseCounts.objects.get(base=self.base).version
        ResourceCollectionPageFactory(parent=self.base, resources=[self.resources[0]])
        self.assertGreater(BaseCounts.objects.get(base=self.base).version, version)

    def test_recount_bases_repairs_a_stale_figure(self):
        """After a bulk import straight into the tables: `manage.py recount_bases`."""
        BaseCounts.objects.filter(base=self.base).update(resources=99)
        out = StringIO()
        call_command("recount_bases", stdout=out)
        self.assertIn("3 ressources publiées", out.getvalue())
        self.assert_counts(3, 0)

    def test_new_filter_choices_after_a_publication(self):
        """The base's filter choices are cached per version: a resource of a new type is
        offered at once."""
        from tests.factories import resource_type

        self.client.get(self.base.url)
        ResourcePageFactory(parent=self.base, resource_types=[resource_type("infographie")])
        options = [
            option.get_text(strip=True)
            for option in soup(self.client.get(self.base.url)).select("select[name=type] option")
        ]
        self.assertIn("Infographie", options)
