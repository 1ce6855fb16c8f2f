"""« Les mieux notées » in search (/rechercher/?tri=mieux-notees), on the database engine: the
resources with enough avis first by their average, the others after by recency; an avis given,
changed or hidden by the moderators re-sorts the results through the index lifecycle."""

import datetime

from django.test import TestCase
from django.utils import timezone

from ressources import moderation
from ressources.models import ResourcePage, ResourceReview
from search import engines
from search.documents import build_document, searchable_pages
from tests.factories import BasePageFactory, ResourcePageFactory, UserFactory
from tests.helpers import soup

SEARCH = "/rechercher/"


def index_everything():
    documents = [build_document(page) for page in searchable_pages()]
    engines.database_engine().rebuild(iter(documents), len(documents))


def published(page, day):
    moment = timezone.make_aware(datetime.datetime(2025, 1, day, 12))
    ResourcePage.objects.filter(pk=page.pk).update(
        first_published_at=moment, last_published_at=moment
    )


def rate(resource, *values):
    return [
        ResourceReview.objects.create(resource=resource, author=UserFactory(), usefulness=value)
        for value in values
    ]


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".bc-search-results h3 a")]


class BestRatedTests(TestCase):
    def setUp(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.build()
        index_everything()

    def build(self):
        base = BasePageFactory(title="Base des ateliers")
        self.loved = ResourcePageFactory(parent=base, title="Atelier aimé")
        self.liked = ResourcePageFactory(parent=base, title="Atelier apprécié")
        self.few = ResourcePageFactory(parent=base, title="Atelier peu noté")
        self.none = ResourcePageFactory(parent=base, title="Atelier sans avis")
        for day, page in enumerate((self.loved, self.liked, self.none, self.few), start=1):
            published(page, day)
        rate(self.loved, 4, 4, 3)
        rate(self.liked, 2, 3, 2)
        rate(self.few, 4, 4)  # two avis: not enough to mean something

    def search(self, text=""):
        return titles(self.client.get(SEARCH, {"q": text, "tri": "mieux-notees"}))

    def test_the_sort_is_offered_and_orders_by_average_then_recency(self):
        page = soup(self.client.get(SEARCH, {"q": "atelier"}))
        options = [option.get_text(strip=True) for option in page.select("select[name=tri] option")]
        self.assertIn("Les mieux notées", options)
        expected = ["Atelier aimé", "Atelier apprécié", "Atelier peu noté", "Atelier sans avis"]
        self.assertEqual(self.search(), expected)
        self.assertEqual(self.search("atelier"), expected)

    def test_a_new_avis_and_a_hidden_one_re_sort_the_results(self):
        with self.captureOnCommitCallbacks(execute=True):
            rate(self.none, 4, 4, 4)
        self.assertEqual(
            self.search(),
            ["Atelier sans avis", "Atelier aimé", "Atelier apprécié", "Atelier peu noté"],
        )
        # A moderator hides a glowing avis of « Atelier aimé »: its average falls below.
        moderator = UserFactory(is_superuser=True)
        review = self.loved.reviews.filter(usefulness=4).first()
        report = moderation.create_report(
            UserFactory(), self.loved, reason="inapproprie", comment="Faux.", review=review
        )
        with self.captureOnCommitCallbacks(execute=True):
            moderation.resolve(report, moderator, moderation.Resolution.HIDE_REVIEW)
        # 2 visible avis: « Atelier aimé » now sorts with the unrated, by recency.
        self.assertEqual(
            self.search(),
            ["Atelier sans avis", "Atelier apprécié", "Atelier peu noté", "Atelier aimé"],
        )
