"""What a visitor sees on the public pages: home, bases directory, base, resource, collection."""

import datetime

from django.test import TestCase
from django.utils import timezone

from base.models import Role
from organisations.models import OrganisationKind
from organisations.territories import Scope
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    OrganisationFactory,
    ResourceCollectionPageFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
    licence,
    theme,
)
from tests.helpers import page_text, soup


def card_titles(response):
    """Titles of the cards on the page, in reading order."""
    return [title.get_text(strip=True) for title in soup(response).select(".fr-card__title")]


def at(day):
    """A publication moment on `day`, at noon in Paris (no date shift whatever the zone)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        base = BasePageFactory(title="Base de Coop Médiation")
        cls.resources = [
            ResourcePageFactory(parent=base, title=f"Fiche n°{n}") for n in range(1, 9)
        ]
        BasePageFactory(title="Base vide")
        BaseMembershipFactory(base=base)
        BaseMembershipFactory(base=base, role=Role.ADMIN)

    def test_home_page(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("2 bases publiques", text)
        self.assertIn("8 ressources publiées", text)
        self.assertIn("2 contributrices et contributeurs", text)
        # The six latest resources, newest first.
        latest = [f"Fiche n°{n}" for n in range(8, 2, -1)]
        titles = card_titles(response)
        self.assertEqual([t for t in titles if t.startswith("Fiche")], latest)
        self.assertIn("Base de Coop Médiation", titles)

    def test_latest_resource_link_opens_the_resource(self):
        response = self.client.get("/")
        link = soup(response).find("a", string="Fiche n°8")
        self.assertEqual(link["href"], self.resources[-1].url)
        self.assertEqual(self.client.get(link["href"]).status_code, 200)


class BasesDirectoryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        hub = OrganisationFactory(name="Hub Bretagne", kind=OrganisationKind.HUB)
        association = OrganisationFactory(name="Asso Paris", kind=OrganisationKind.ASSOCIATION)
        cls.brest = BasePageFactory(
            title="Base Finistère",
            organisation=hub,
            scope=Scope.DEPARTMENTAL,
            region_code="53",
            department_code="29",
        )
        cls.rennes = BasePageFactory(
            title="Base Ille-et-Vilaine",
            organisation=association,
            scope=Scope.DEPARTMENTAL,
            region_code="53",
            department_code="35",
        )
        cls.paris = BasePageFactory(
            title="Base Paris",
            organisation=association,
            scope=Scope.DEPARTMENTAL,
            region_code="11",
            department_code="75",
        )
        for n in range(3):
            ResourcePageFactory(parent=cls.rennes, title=f"Ressource rennaise {n}")
        ResourcePageFactory(parent=cls.paris)
        # Enough other bases for a second page (12 bases a page).
        town = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY)
        for n in range(10):
            BasePageFactory(title=f"Zone {n:02d}", organisation=town)

    def titles(self, query=""):
        response = self.client.get("/bases/" + query)
        self.assertEqual(response.status_code, 200)
        return card_titles(response)

    def test_filter_by_region(self):
        self.assertEqual(
            sorted(self.titles("?region=53")), ["Base Finistère", "Base Ille-et-Vilaine"]
        )

    def test_filter_by_department(self):
        self.assertEqual(self.titles("?departement=75"), ["Base Paris"])

    def test_filter_by_organisation_type(self):
        self.assertEqual(self.titles("?type=hub"), ["Base Finistère"])
        self.assertEqual(
            sorted(self.titles("?type=association")), ["Base Ille-et-Vilaine", "Base Paris"]
        )

    def test_filters_combine_and_are_shown(self):
        response = self.client.get("/bases/?region=53&type=association")
        self.assertEqual(card_titles(response), ["Base Ille-et-Vilaine"])
        self.assertIn("Région : Bretagne", page_text(response))

    def test_sort_by_name_and_by_resource_count(self):
        by_name = self.titles("?tri=nom")
        self.assertEqual(by_name[:3], ["Base Finistère", "Base Ille-et-Vilaine", "Base Paris"])
        by_resources = self.titles("?tri=ressources")
        self.assertEqual(by_resources[:2], ["Base Ille-et-Vilaine", "Base Paris"])

    def test_pagination(self):
        first, second = self.titles(), self.titles("?page=2")
        self.assertEqual(len(first), 12)
        self.assertEqual(len(second), 1)
        self.assertEqual(second, ["Zone 09"])
        self.assertIn("13 bases", page_text(self.client.get("/bases/")))

    def test_pagination_keeps_the_filters(self):
        response = self.client.get("/bases/?tri=nom")
        links = [a["href"] for a in soup(response).select("a.fr-pagination__link[href]")]
        self.assertIn("?tri=nom&page=2#resultats", links)


class BasePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(
            title="Base des Conseillers",
            dedicated_to="Conseillers numériques",
            cover=ImageFactory(),
            logo=ImageFactory(),
        )
        cls.mail = ResourcePageFactory(
            parent=cls.base, title="Créer une adresse e-mail", themes=[theme()]
        )
        cls.old = ResourcePageFactory(
            parent=cls.base,
            title="Brancher une imprimante",
            themes=[theme("usage_du_materiel_informatique")],  # retired, replaced by the above
        )
        cls.cyber = ResourcePageFactory(
            parent=cls.base,
            title="Reconnaître un hameçonnage",
            themes=[theme("risques_cyber_et_protection")],
        )
        ResourcePageFactory(parent=cls.base, title="Brouillon caché", live=False)
        cls.collection = ResourceCollectionPageFactory(
            parent=cls.base, title="Parcours débutants", resources=[cls.mail]
        )

    def selected_panel(self, query):
        response = self.client.get(self.base.url + query)
        self.assertEqual(response.status_code, 200)
        panel = soup(response).select_one(".fr-tabs__panel--selected")
        return panel["id"]

    def test_base_page_shows_its_resources(self):
        response = self.client.get(self.base.url)
        self.assertEqual(response.status_code, 200)
        titles = card_titles(response)
        for title in ("Créer une adresse e-mail", "Brancher une imprimante", "Parcours débutants"):
            self.assertIn(title, titles)
        self.assertNotIn("Brouillon caché", page_text(response))
        self.assertIn("3 ressources", page_text(response))
        sources = [img["src"] for img in soup(response).select("img")]
        self.assertTrue(any(".fill-1600x320" in src for src in sources), sources)  # cover
        self.assertTrue(any(".max-160x160" in src for src in sources), sources)  # logo

    def test_tabs(self):
        self.assertEqual(self.selected_panel(""), "panel-ressources")
        self.assertEqual(self.selected_panel("?onglet=collections"), "panel-collections")
        self.assertEqual(self.selected_panel("?view=collections"), "panel-collections")
        self.assertEqual(self.selected_panel("?onglet=a-propos"), "panel-a-propos")
        self.assertEqual(self.selected_panel("?onglet=inconnu"), "panel-ressources")

    def resources_found(self, query):
        response = self.client.get(self.base.url + query)
        panel = soup(response).select_one("#panel-ressources")
        return sorted(t.get_text(strip=True) for t in panel.select(".fr-card__title"))

    def test_filter_by_theme(self):
        self.assertEqual(
            self.resources_found("?thematique=risques_cyber_et_protection"),
            ["Reconnaître un hameçonnage"],
        )

    def test_filter_by_theme_finds_resources_of_the_retired_term_it_replaced(self):
        self.assertEqual(
            self.resources_found("?thematique=maitrise_des_outils_numeriques"),
            ["Brancher une imprimante", "Créer une adresse e-mail"],
        )

    def test_retired_theme_is_not_offered_as_a_filter(self):
        response = self.client.get(self.base.url)
        options = [o["value"] for o in soup(response).select("select[name=thematique] option")]
        self.assertIn("maitrise_des_outils_numeriques", options)
        self.assertNotIn("usage_du_materiel_informatique", options)


class ResourcePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base des Hubs")
        cls.resource = ResourcePageFactory(
            parent=cls.base,
            title="Kit d'accueil des usagers",
            licence=licence("CC-BY-SA-4.0"),
            themes=[theme(), theme("usage_du_materiel_informatique")],
        )
        ResourceCreditFactory(
            resource=cls.resource, name="Camille Durand", role="redaction", sort_order=0
        )
        ResourceCreditFactory(
            resource=cls.resource,
            name="Les Illustrateurs",
            kind="organisation",
            role="illustration",
            sort_order=1,
        )
        type(cls.resource).objects.filter(pk=cls.resource.pk).update(
            first_published_at=at(datetime.date(2024, 3, 5)),
            last_published_at=at(datetime.date(2025, 1, 20)),
        )

    def setUp(self):
        self.response = self.client.get(self.resource.url)
        self.assertEqual(self.response.status_code, 200)
        self.text = page_text(self.response)

    def test_dates(self):
        self.assertIn("Publiée le 05/03/2024 | Mise à jour le 20/01/2025", self.text)

    def test_licence(self):
        licence_block = soup(self.response).select_one("#licence")
        self.assertIn(
            "Creative Commons Attribution - Partage dans les mêmes conditions 4.0 International",
            licence_block.get_text(" "),
        )
        self.assertIn("Partager les adaptations sous la même licence", self.text)

    def test_attribution_line(self):
        attribution = soup(self.response).select_one("#attribution-line").get_text()
        self.assertEqual(
            attribution.strip(),
            "« Kit d'accueil des usagers » — Camille Durand, Les Illustrateurs — Base des Hubs"
            f" — CC BY-SA 4.0 — http://testserver{self.resource.url}",  # the address the reader used
        )

    def test_credits_with_roles(self):
        self.assertIn("Camille Durand — Rédaction", self.text)
        self.assertIn("Les Illustrateurs — Illustration (organisation)", self.text)

    def test_retired_theme_is_shown_with_its_successor(self):
        self.assertIn("Usage du matériel informatique (terme retiré", self.text)

    def test_one_h1_and_french(self):
        page = soup(self.response)
        self.assertEqual(
            [h1.get_text(strip=True) for h1 in page.find_all("h1")], ["Kit d'accueil des usagers"]
        )
        self.assertEqual(page.html["lang"], "fr")

    def test_other_pages_have_one_h1(self):
        collection = ResourceCollectionPageFactory(parent=self.base, resources=[self.resource])
        for url in ("/", "/bases/", self.base.url, collection.url, "/rechercher/?q=kit"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(soup(response).find_all("h1")), 1)
                self.assertEqual(soup(response).html["lang"], "fr")


class CollectionPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        base = BasePageFactory()
        other_base = BasePageFactory(title="Base partenaire")
        first = ResourcePageFactory(parent=base, title="Étape 1 : allumer l'ordinateur")
        second = ResourcePageFactory(parent=other_base, title="Étape 2 : ouvrir le navigateur")
        third = ResourcePageFactory(parent=base, title="Étape 3 : chercher une démarche")
        cls.collection = ResourceCollectionPageFactory(
            parent=base, title="Premiers pas", resources=[third, first, second]
        )

    def test_collection_lists_its_resources_in_order(self):
        response = self.client.get(self.collection.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            card_titles(response),
            [
                "Étape 3 : chercher une démarche",
                "Étape 1 : allumer l'ordinateur",
                "Étape 2 : ouvrir le navigateur",
            ],
        )
        self.assertIn("3 ressources", page_text(response))

    def test_unpublished_resource_is_left_out(self):
        draft = ResourcePageFactory(parent=self.collection.get_parent(), live=False)
        self.collection.items.create(resource=draft, sort_order=9)
        response = self.client.get(self.collection.url)
        self.assertNotIn(draft.title, card_titles(response))
        self.assertIn("3 ressources", page_text(response))


class NotFoundTests(TestCase):
    def test_unknown_address_answers_a_french_404(self):
        response = self.client.get("/bases/cette-base-n-existe-pas/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(soup(response).html["lang"], "fr")
