"""/statistiques/: the figures match the data, private bases never count, readings and
downloads are counted without cookies and without robots, a base's admins see their base's."""

import csv
import io
from datetime import timedelta

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents import get_document_model

from base.models import Role, Visibility
from portal import statistics
from portal.models import DailyResourceStat
from ressources import versioning
from ressources.models import ResourcePage
from search.models import SearchLog
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156 Safari/537.36"


def figure(response, key):
    return soup(response).find(attrs={"data-figure": key}).find("strong").get_text()


class StatisticsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.admin = BaseMembershipFactory(base=cls.base, role=Role.ADMIN).user
        cls.guide = ResourcePageFactory(parent=cls.base, title="Guide de l'atelier")
        cls.fiche = ResourcePageFactory(parent=cls.base, title="Fiche Vitale")
        ResourcePageFactory(parent=cls.base, title="Fiche adaptée", adapted_from=cls.guide)
        versioning.publish(ResourcePage.objects.get(pk=cls.guide.pk), cls.admin, ["Mise à jour"])
        ResourceCollectionPageFactory(parent=cls.base, title="Sélection")
        cls.private = BasePageFactory(title="Base interne", visibility=Visibility.PRIVATE)
        cls.private_admin = BaseMembershipFactory(base=cls.private, role=Role.ADMIN).user
        cls.secret = ResourcePageFactory(parent=cls.private, title="Note interne")

    def setUp(self):
        cache.clear()

    def test_the_figures_match_the_data_and_leave_private_bases_out(self):
        response = self.client.get("/statistiques/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(figure(response, "bases"), "1")
        self.assertEqual(figure(response, "resources"), "3")
        self.assertEqual(figure(response, "collections"), "1")
        self.assertEqual(figure(response, "versions"), "4")  # three 1.0 and one 1.1
        self.assertEqual(figure(response, "adaptations"), "1")
        text = page_text(response)
        self.assertNotIn("Note interne", text)
        self.assertNotIn("Base interne", text)
        self.assertIn("Les ressources les plus réutilisées", text)
        self.assertIn("Guide de l'atelier", text)  # the most adapted and the most improved
        self.assertTrue(soup(response).find("svg", attrs={"role": "img"}))
        # The footer of every page links here.
        footer = soup(self.client.get("/")).find("footer")
        self.assertIsNotNone(footer.find("a", href="/statistiques/"))

    def test_stale_figures_are_served_once_while_they_are_recomputed(self):
        self.assertEqual(figure(self.client.get("/statistiques/"), "resources"), "3")
        ResourcePageFactory(parent=self.base, title="Nouvelle fiche")
        # Within the quarter of an hour, the cached figures.
        self.assertEqual(figure(self.client.get("/statistiques/"), "resources"), "3")
        figures = cache.get(statistics.Scope().key)
        figures["computed_at"] -= timedelta(seconds=statistics.CACHE_SECONDS + 1)
        cache.set(statistics.Scope().key, figures)
        # Stale: served as they are (nobody waits), and recomputed in the background…
        self.assertEqual(figure(self.client.get("/statistiques/"), "resources"), "3")
        # …for the next visitor.
        self.assertEqual(figure(self.client.get("/statistiques/"), "resources"), "4")

    def test_readings_are_counted_without_robots_nor_cookies(self):
        for _ in range(3):
            self.client.get(self.guide.url, HTTP_USER_AGENT=BROWSER)
        self.client.get(
            self.guide.url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)"
        )
        self.client.get(self.guide.url, HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch")
        self.client.get(self.fiche.url, HTTP_USER_AGENT=BROWSER)
        # An outsider refused a private resource is not a reading.
        self.client.get(self.secret.url, HTTP_USER_AGENT=BROWSER)
        self.assertEqual(
            dict(DailyResourceStat.objects.values_list("resource__title", "views")),
            {"Guide de l'atelier": 3, "Fiche Vitale": 1},
        )
        # Counting sets no cookie of its own: a visitor gets at most the CSRF one of the forms.
        response = self.client.get(self.guide.url, HTTP_USER_AGENT=BROWSER)
        self.assertLessEqual(set(response.cookies), {"csrftoken"})
        cache.clear()
        response = self.client.get("/statistiques/")
        self.assertEqual(figure(response, "views"), "5")
        rows = soup(response).find(id="stat-plus-consultees").find_next("table").find_all("tr")
        self.assertIn("Guide de l'atelier", rows[1].get_text())
        self.assertIn("4", rows[1].get_text())

    def test_downloads_are_counted_for_the_resources_that_use_the_file(self):
        document = get_document_model().objects.create(
            title="Fiche PDF", file=ContentFile(b"%PDF-1.4 fiche", name="fiche.pdf")
        )
        page = ResourcePage.objects.get(pk=self.fiche.pk)
        page.body = [("document", {"document": document, "title": "La fiche"})]
        page.save_revision().publish()
        self.client.get(document.url, HTTP_USER_AGENT=BROWSER)
        self.client.get(document.url, HTTP_USER_AGENT="curl/8.0")
        self.assertEqual(DailyResourceStat.objects.get(resource=self.fiche).downloads, 1)

    def test_searches_without_results_are_listed(self):
        SearchLog.objects.create(
            query="carte grise", tab="ressources", results=0, duration_ms=3, engine="database"
        )
        SearchLog.objects.create(
            query="carte grise", tab="ressources", results=0, duration_ms=3, engine="database"
        )
        SearchLog.objects.create(
            query="vitale", tab="ressources", results=2, duration_ms=3, engine="database"
        )
        response = self.client.get("/statistiques/")
        section = soup(response).find(id="stat-recherches-sans-resultat").find_parent("section")
        self.assertIn("carte grise", section.get_text())
        self.assertNotIn("vitale", section.get_text())

    def test_every_table_downloads_as_csv(self):
        for table in ("totaux", "par-mois", "plus-reutilisees", "par-region", "par-thematique"):
            response = self.client.get(f"/statistiques/{table}.csv")
            self.assertEqual(response.status_code, 200, table)
            self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
            rows = list(
                csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
            )
            self.assertGreaterEqual(len(rows), 2, table)
        totals = self.client.get("/statistiques/totaux.csv").content.decode("utf-8-sig")
        self.assertIn("Ressources;3", totals)
        self.assertEqual(self.client.get("/statistiques/inconnu.csv").status_code, 404)

    def test_a_base_s_admins_see_its_figures_and_nobody_else(self):
        url = self.private.url + "statistiques/"
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(UserFactory())
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.private_admin)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Statistiques de la base « Base interne »", page_text(response))
        self.assertEqual(figure(response, "resources"), "1")
        self.assertEqual(self.client.get(url + "csv/totaux/").status_code, 200)
        self.assertIn(f'href="{url}csv/par-mois/"', response.content.decode())
        self.assertNotIn("recherches-sans-resultat", response.content.decode())
