"""The search page (/rechercher/) and the header search's suggestions, through HTTP.

Pages are built with the factories and indexed by the database engine; every assertion reads
the page as a visitor gets it (tabs, counts, facets, results, links)."""

import dataclasses
import datetime
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from base.models import Role, Visibility
from organisations.models import OrganisationKind
from ressources.models import ResourcePage
from search import engines
from search.documents import build_document, searchable_pages
from search.models import SearchLog
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    OrganisationFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
    licence,
    resource_type,
    theme,
)
from tests.helpers import page_text, soup

SEARCH = "/rechercher/"
SUGGEST = "/rechercher/suggestions/"
PRIVATE_WORD = "xylophagie"


def index_everything():
    """Index every searchable page in the database engine, as `search_index rebuild` does."""
    documents = [build_document(page) for page in searchable_pages()]
    engines.database_engine().rebuild(iter(documents), len(documents))


def published(page, day):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    ResourcePage.objects.filter(pk=page.pk).update(
        first_published_at=moment, last_published_at=moment
    )


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".bc-search-results h3 a")]


def tab_links(response):
    """{tab label: (count text, href, aria-current)}."""
    tabs = {}
    for link in soup(response).select(".bc-search-tabs a"):
        label, _space, count = link.get_text(" ", strip=True).partition(" ")
        tabs[label] = (count.strip("()"), link["href"], link.get("aria-current"))
    return tabs


def facet_labels(response, param):
    """The labels (with their counts) of the checkboxes of a facet."""
    page = soup(response)
    return [
        " ".join(page.find("label", attrs={"for": box["id"]}).get_text(" ").split())
        for box in page.select(f'.bc-search-filters input[type=checkbox][name="{param}"]')
    ]


def status(response):
    return soup(response).select_one("#search-status").get_text(" ", strip=True)


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        hub = OrganisationFactory(name="Hub du numérique normand", kind=OrganisationKind.HUB)
        cls.base = BasePageFactory(
            title="Base du hub normand", organisation=hub, region_code="28", department_code="76"
        )
        cls.other_base = BasePageFactory(title="Base de l'association Lien")
        cls.mail = ResourcePageFactory(
            parent=cls.base,
            title="Créer une adresse e-mail",
            summary="Pas à pas pour ouvrir une boîte mail avec un usager.",
            themes=[theme("maitrise_des_outils_numeriques")],
            resource_types=[resource_type("fiche_pratique")],
            licence=licence("CC-BY-4.0"),
        )
        cls.rights = ResourcePageFactory(
            parent=cls.base,
            title="Accompagner les démarches en ligne",
            summary="Guide pour l'accès aux droits et les démarches administratives.",
            themes=[theme("aides_aux_demarches_administratives"), theme("acces_aux_droits")],
            resource_types=[resource_type("methodologie")],
            licence=licence("LicenseRef-tous-droits-reserves"),
        )
        cls.parents = ResourcePageFactory(
            parent=cls.other_base,
            title="Atelier parentalité et écrans",
            summary="Un atelier pour les parents sur le numérique en famille.",
            themes=[theme("parentalite")],
            resource_types=[resource_type("ressource_pedagogique")],
            licence=licence("etalab-2.0"),
        )
        published(cls.mail, datetime.date(2023, 3, 1))
        published(cls.rights, datetime.date(2024, 6, 15))
        published(cls.parents, datetime.date(2025, 1, 10))
        cls.collection = ResourceCollectionPageFactory(
            parent=cls.base,
            title="Parcours démarches",
            description="Une sélection pour les démarches en ligne.",
            resources=[cls.rights],
        )
        cls.private_base = BasePageFactory(
            title="Base confidentielle", visibility=Visibility.PRIVATE
        )
        cls.private_resource = ResourcePageFactory(
            parent=cls.private_base,
            title="Protocole interne",
            summary=f"Procédure de {PRIVATE_WORD} réservée à l'équipe, pour les parents.",
            themes=[theme("parentalite")],
            resource_types=[resource_type("ressource_pedagogique")],
            licence=licence("etalab-2.0"),
        )
        cls.private_collection = ResourceCollectionPageFactory(
            parent=cls.private_base,
            title="Sélection xylophagie",
            resources=[cls.private_resource],
        )
        cls.member = BaseMembershipFactory(base=cls.private_base, role=Role.CONTRIBUTOR).user
        cls.outsider = UserFactory()
        cls.superuser = UserFactory(superuser=True)
        index_everything()

    def get(self, params="", user=None):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
        response = self.client.get(SEARCH + params)
        self.assertEqual(response.status_code, 200, params[:80])
        return response

    # --- the page ----------------------------------------------------------------------------

    def test_tabs_show_their_counts_and_the_current_one(self):
        response = self.get("?q=démarches")
        tabs = tab_links(response)
        self.assertEqual(list(tabs), ["Ressources", "Bases", "Collections"])
        self.assertEqual(tabs["Ressources"][0], "1")
        self.assertEqual(tabs["Collections"][0], "1")
        self.assertEqual(tabs["Ressources"][2], "page")
        self.assertIsNone(tabs["Collections"][2])
        self.assertEqual(titles(response), ["Accompagner les démarches en ligne"])
        self.assertEqual(len(soup(response).find_all("h1")), 1)

        collections = self.client.get(tabs["Collections"][1])
        self.assertEqual(titles(collections), ["Parcours démarches"])
        self.assertEqual(tab_links(collections)["Collections"][2], "page")

    def test_the_count_is_announced_to_screen_readers(self):
        response = self.get("?q=demarches")
        region = soup(response).select_one("#search-status")
        self.assertEqual(region["aria-live"], "polite")
        self.assertEqual(status(response), "1 ressource trouvée pour « demarches ».")
        self.assertEqual(
            status(self.get("?q=atelier+OR+zzzz")),
            "Aucune ressource trouvée pour « atelier OR zzzz ».",
        )

    def test_french_matching_and_highlighted_excerpt(self):
        response = self.get("?q=numerique")
        self.assertIn("Atelier parentalité et écrans", titles(response))
        excerpt = soup(response).select_one(".bc-search-card__excerpt")
        self.assertIsNotNone(excerpt.find("mark"))

    def test_result_card_shows_base_types_licence_and_dates(self):
        text = page_text(self.get("?q=adresse+e-mail"))
        self.assertIn("Base : Base du hub normand", text)
        self.assertIn("Fiche pratique", text)
        self.assertIn("Licence : CC BY 4.0 ouverte", text)
        self.assertIn("Publiée le 1 mars 2023", text)

    def test_facets_are_listed_with_their_counts(self):
        response = self.get()
        self.assertIn("Parentalité (1)", facet_labels(response, "thematique"))
        self.assertIn("Fiche pratique (1)", facet_labels(response, "type"))
        self.assertIn("Licence Ouverte 2.0 (1)", facet_labels(response, "licence"))
        legends = [
            legend.get_text(strip=True)
            for legend in soup(response).select(".bc-search-filters legend")
        ]
        for legend in ("Thématique", "Type de ressource", "Licence", "Base", "Date de publication"):
            self.assertIn(legend, legends)
        # Themes are grouped by category.
        self.assertIn("Inclusion numérique", legends)
        self.assertIn("Licences ouvertes uniquement (2)", page_text(response))

    def test_facets_filter_and_combine(self):
        one = self.get("?thematique=maitrise_des_outils_numeriques")
        self.assertEqual(titles(one), ["Créer une adresse e-mail"])
        either = self.get("?thematique=maitrise_des_outils_numeriques&thematique=parentalite")
        self.assertCountEqual(
            titles(either), ["Créer une adresse e-mail", "Atelier parentalité et écrans"]
        )
        both = self.get(
            "?thematique=maitrise_des_outils_numeriques&thematique=parentalite&licence=etalab-2.0"
        )
        self.assertEqual(titles(both), ["Atelier parentalité et écrans"])
        self.assertEqual(tab_links(both)["Ressources"][0], "1")

    def test_open_licences_only(self):
        response = self.get("?ouvertes=1")
        self.assertCountEqual(
            titles(response), ["Créer une adresse e-mail", "Atelier parentalité et écrans"]
        )
        self.assertTrue(soup(response).select_one("#filtre-ouvertes").has_attr("checked"))
        # A closed licence chosen with it is ignored: « ouvertes uniquement » wins.
        mixed = self.get("?ouvertes=1&licence=LicenseRef-tous-droits-reserves")
        self.assertCountEqual(
            titles(mixed), ["Créer une adresse e-mail", "Atelier parentalité et écrans"]
        )

    def test_publication_date_range(self):
        since = self.get("?du=2024-01-01&tri=recentes")
        self.assertEqual(
            titles(since), ["Atelier parentalité et écrans", "Accompagner les démarches en ligne"]
        )
        within = self.get("?du=2024-01-01&au=2024-12-31")
        self.assertEqual(titles(within), ["Accompagner les démarches en ligne"])

    def test_malformed_date_is_a_field_error_and_the_search_still_runs(self):
        response = self.get("?du=2024-13-45&au=hier")
        errors = [p.get_text(" ", strip=True) for p in soup(response).select(".fr-error-text")]
        self.assertEqual(len(errors), 2)
        self.assertIn("Cette date n'existe pas", errors[0])
        self.assertEqual(len(titles(response)), 3)
        reversed_range = self.get("?du=2025-01-01&au=2024-01-01")
        self.assertIn("La date de fin doit être postérieure", page_text(reversed_range))

    def test_sort(self):
        self.assertEqual(
            titles(self.get("?tri=titre")),
            [
                "Accompagner les démarches en ligne",
                "Atelier parentalité et écrans",
                "Créer une adresse e-mail",
            ],
        )
        self.assertEqual(
            titles(self.get("?tri=recentes")),
            [
                "Atelier parentalité et écrans",
                "Accompagner les démarches en ligne",
                "Créer une adresse e-mail",
            ],
        )
        response = self.get("?tri=mises-a-jour")
        self.assertEqual(titles(response)[0], "Atelier parentalité et écrans")
        selected = soup(response).select_one("#tri option[selected]")
        self.assertEqual(selected["value"], "mises-a-jour")

    def test_the_address_round_trips(self):
        params = (
            "?q=atelier&thematique=parentalite&type=ressource_pedagogique&ouvertes=1"
            "&du=2024-01-01&tri=titre"
        )
        response = self.get(params)
        page = soup(response)
        self.assertEqual(titles(response), ["Atelier parentalité et écrans"])
        self.assertEqual(page.select_one("#search-input")["value"], "atelier")
        checked = {
            (box["name"], box["value"])
            for box in page.select(".bc-search-filters input[type=checkbox][checked]")
        }
        self.assertEqual(
            checked,
            {
                ("thematique", "parentalite"),
                ("type", "ressource_pedagogique"),
                ("ouvertes", "1"),
            },
        )
        self.assertEqual(page.select_one("#filtre-du")["value"], "2024-01-01")
        self.assertEqual(page.select_one("#tri option[selected]")["value"], "titre")
        # Removable filters: a link to the same search without that filter.
        tags = {tag["aria-label"]: tag["href"] for tag in page.select("a.fr-tag--dismiss")}
        remove_theme = tags["Retirer le filtre Thématique : Parentalité"]
        query = parse_qs(urlsplit(remove_theme).query)
        self.assertNotIn("thematique", query)
        self.assertEqual(query["type"], ["ressource_pedagogique"])
        self.assertEqual(query["q"], ["atelier"])
        self.assertEqual(query["tri"], ["titre"])
        self.assertIn("Retirer le filtre Licences ouvertes uniquement", tags)
        self.assertIn("Retirer le filtre Publiée à partir du 1 janvier 2024", tags)
        # Tabs keep the search and its filters.
        bases_query = parse_qs(urlsplit(tab_links(response)["Bases"][1]).query)
        self.assertEqual(bases_query["onglet"], ["bases"])
        self.assertEqual(bases_query["thematique"], ["parentalite"])
        # On the bases tab, the resources' own filters are kept (hidden) but said not to apply.
        bases = soup(self.client.get(tab_links(response)["Bases"][1]))
        hidden = {(field["name"], field["value"]) for field in bases.select("input[type=hidden]")}
        self.assertLessEqual(
            {("onglet", "bases"), ("thematique", "parentalite"), ("ouvertes", "1")}, hidden
        )
        self.assertIsNone(bases.select_one('input[type=checkbox][name="thematique"]'))
        self.assertIn("ne concernent que les ressources", bases.get_text(" "))
        # « Tout effacer » keeps the text and the sort, drops every filter.
        clear = parse_qs(
            urlsplit(page.select_one(".bc-search-filters__selected > a")["href"]).query
        )
        self.assertEqual(clear, {"q": ["atelier"], "tri": ["titre"]})

    def test_no_results_suggests_what_to_relax(self):
        response = self.get("?q=atelier+-parents&thematique=parentalite")
        self.assertEqual(titles(response), [])
        text = page_text(response)
        self.assertIn(
            "Aucune ressource trouvée pour « atelier -parents » avec les filtres choisis.", text
        )
        links = {
            a.get_text(" ", strip=True): a["href"]
            for a in soup(response).select(".bc-search-empty a")
        }
        without_theme = parse_qs(
            urlsplit(links["Retirer le filtre « Thématique : Parentalité »"]).query
        )
        self.assertEqual(without_theme, {"q": ["atelier -parents"]})
        without_exclusion = parse_qs(urlsplit(links["Ne plus exclure -parents"]).query)
        self.assertEqual(without_exclusion, {"q": ["atelier"], "thematique": ["parentalite"]})
        self.assertIn("Vérifiez l'orthographe", text)

        other_tab = self.get("?q=parcours")
        links = {
            a.get_text(" ", strip=True): a["href"]
            for a in soup(other_tab).select(".bc-search-empty a")
        }
        self.assertIn("Voir les collections trouvées (1)", links)
        self.assertIn("onglet=collections", links["Voir les collections trouvées (1)"])

    def test_unknown_values_are_ignored(self):
        response = self.get(
            "?thematique=inconnue&type=%ff&licence=<b>&base=abc&base=999999&region=zz"
            "&onglet=partout&tri=-pk&ouvertes=peut-etre"
        )
        self.assertEqual(len(titles(response)), 3)
        self.assertEqual(soup(response).select("a.fr-tag--dismiss"), [])
        self.assertEqual(tab_links(response)["Ressources"][2], "page")

    # --- private bases -------------------------------------------------------------------------

    def test_private_content_is_never_found_by_anonymous_or_outsiders(self):
        for user in (None, self.outsider):
            with self.subTest(user=user and user.username):
                response = self.get(f"?q={PRIVATE_WORD}", user)
                self.assertEqual(response.context["total_count"], 0)
                self.assertNotIn("Protocole interne", page_text(response))
                self.assertEqual(
                    {tab: count for tab, (count, _h, _c) in tab_links(response).items()},
                    {"Ressources": "0", "Bases": "0", "Collections": "0"},
                )
                everything = self.get("", user)
                text = page_text(everything)
                self.assertNotIn("Protocole interne", text)
                self.assertNotIn("Base confidentielle", text)
                self.assertIn("Parentalité (1)", facet_labels(everything, "thematique"))
                self.assertIn("Licences ouvertes uniquement (2)", text)
                self.assertEqual(tab_links(everything)["Ressources"][0], "3")
                self.assertEqual(tab_links(everything)["Bases"][0], "2")
                # Asking for the private base as a filter is ignored, not answered.
                filtered = self.get(f"?base={self.private_base.pk}", user)
                self.assertEqual(len(titles(filtered)), 3)
                self.assertNotIn("Base confidentielle", page_text(filtered))

    def test_members_and_admins_find_private_content(self):
        for user in (self.member, self.superuser):
            with self.subTest(user=user.username):
                response = self.get(f"?q={PRIVATE_WORD}", user)
                self.assertEqual(titles(response), ["Protocole interne"])
                self.assertEqual(tab_links(response)["Collections"][0], "1")
                everything = self.get("", user)
                self.assertIn("Parentalité (2)", facet_labels(everything, "thematique"))
                self.assertIn("Base confidentielle (1)", facet_labels(everything, "base"))
                self.assertEqual(tab_links(everything)["Ressources"][0], "4")

    # --- suggestions -------------------------------------------------------------------------

    def suggest(self, q, user=None):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
        response = self.client.get(SUGGEST, {"q": q})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()["suggestions"]

    def test_suggestions(self):
        suggestions = self.suggest("Accomp")
        self.assertIn(
            {
                "title": "Accompagner les démarches en ligne",
                "url": self.rights.url,
                "kind": "resource",
            },
            suggestions,
        )
        self.assertEqual(self.suggest("a"), [])
        self.assertEqual(self.suggest(""), [])
        self.assertLessEqual(len(self.suggest("at")), 8)
        self.assertEqual(reverse("search_suggest"), SUGGEST)

    def test_suggestions_respect_visibility(self):
        for user in (None, self.outsider):
            with self.subTest(user=user and user.username):
                found = [s["title"] for s in self.suggest("Protoc", user)]
                self.assertNotIn("Protocole interne", found)
                self.assertNotIn(
                    "Base confidentielle", [s["title"] for s in self.suggest("Base conf", user)]
                )
        for user in (self.member, self.superuser):
            with self.subTest(user=user.username):
                self.assertIn(
                    "Protocole interne", [s["title"] for s in self.suggest("Protoc", user)]
                )

    def test_suggestions_never_fail(self):
        for q in ("%00", "<script>", "a" * 10_000, '"((-', "é" * 300):
            with self.subTest(q=q[:20]):
                self.assertIsInstance(self.suggest(q), list)
        # A control character is refused at the door (base.input_guard).
        self.assertEqual(self.client.get(SUGGEST, {"q": "a\x00"}).status_code, 400)
        with mock.patch.object(engines, "suggest", side_effect=RuntimeError("boom")):
            self.assertEqual(self.suggest("atelier"), [])

    def test_suggestions_are_not_logged(self):
        before = SearchLog.objects.count()
        self.suggest("atelier")
        self.assertEqual(SearchLog.objects.count(), before)

    # --- hostile input -----------------------------------------------------------------------

    def test_hostile_parameters_never_fail(self):
        cases = [
            "?page=abc",
            "?page=999999",
            "?page=-3",
            "?page=99999999999999999999999999",
            "?q=<script>alert(1)</script>",
            "?q=" + "a" * 10_000,
            "?q=" + "%22" * 300,
            "?q=-",
            '?q=-"',
            "?du=0000-00-00&au=9999-99-99",
            "?du=" + "1" * 5000,
            "?thematique=" + "x" * 5000,
            "?" + "&".join(f"thematique=t{n}" for n in range(300)),
            "?du=0001-01-01&au=9999-12-31",
            "?au=9999-12-31",
        ]
        for params in cases:
            with self.subTest(params=params[:50]):
                response = self.get(params)
                self.assertEqual(len(soup(response).find_all("h1")), 1)
        # Control characters are refused at the door (base.input_guard), with a French page.
        for params in ("?q=%00%01", "?onglet=%00&tri=%00&ouvertes=%00"):
            with self.subTest(params=params):
                response = self.client.get(SEARCH + params)
                self.assertEqual(response.status_code, 400)
                self.assertIn("caractères de contrôle", page_text(response))

    def test_a_date_out_of_range_is_a_french_form_error(self):
        response = self.get("?q=atelier&au=9999-12-31")
        self.assertIn("Saisissez une date entre 1900 et 2999.", page_text(response))
        self.assertEqual(self.client.get("/rechercher/atom/?au=9999-12-31").status_code, 200)

    def test_script_in_the_query_is_escaped(self):
        response = self.get("?q=<script>alert(1)</script>")
        self.assertNotIn(b"<script>alert(1)</script>", response.content)
        self.assertIn("« <script>alert(1)</script> »", status(response))

    def test_long_query_is_cut_and_said_so(self):
        response = self.get("?q=" + "atelier " * 2000)
        self.assertIn("seuls ses 200 premiers caractères", page_text(response))
        self.assertLessEqual(len(soup(response).select_one("#search-input")["value"]), 200)

    # --- log and fallback ----------------------------------------------------------------------

    def test_each_search_is_logged_without_personal_data(self):
        SearchLog.objects.all().delete()
        self.get(
            "?q=Les+Démarches&thematique=parentalite&du=2024-01-01&onglet=collections", self.member
        )
        log = SearchLog.objects.get()
        self.assertEqual(log.query, "demarch")
        self.assertEqual(log.tab, "collections")
        self.assertEqual(log.filters, {"themes": ["parentalite"], "du": "2024-01-01"})
        self.assertEqual(log.results, 1)  # the theme filter is the resources' own
        self.assertEqual(log.engine, "database")
        self.assertFalse(log.fallback)
        self.assertGreaterEqual(log.duration_ms, 0)
        fields = {field.name for field in SearchLog._meta.get_fields()}
        self.assertFalse(fields & {"user", "ip", "session", "session_key", "user_agent"})
        self.get("?q=atelier")
        self.get("?q=atelier&page=2")
        self.assertEqual(SearchLog.objects.count(), 3)

    def test_fallback_notice(self):
        notice = "La recherche avancée est momentanément indisponible"
        self.assertNotIn(notice, page_text(self.get("?q=atelier")))
        real = engines.search

        def fallback(query):
            return dataclasses.replace(real(query), fallback=True)

        with mock.patch.object(engines, "search", side_effect=fallback):
            response = self.get("?q=atelier")
        self.assertIn(notice, page_text(response))
        self.assertEqual(titles(response), ["Atelier parentalité et écrans"])
        self.assertTrue(SearchLog.objects.latest("pk").fallback)

    def test_an_engine_failure_is_a_message_not_an_error(self):
        from search.engines.base import EngineUnavailable

        with mock.patch.object(engines, "search", side_effect=EngineUnavailable("down")):
            response = self.get("?q=atelier")
        self.assertIn("La recherche n'a pas pu aboutir", page_text(response))

    # --- header search ---------------------------------------------------------------------------

    def test_header_search_is_a_combobox_with_a_listbox(self):
        response = self.client.get("/")
        page = soup(response)
        field = page.select_one("#header-search-input")
        self.assertEqual(field["role"], "combobox")
        self.assertEqual(field["aria-expanded"], "false")
        listbox = page.select_one("#" + field["aria-controls"])
        self.assertEqual(listbox["role"], "listbox")
        form = page.select_one("#header-search")
        self.assertEqual(form["action"], SEARCH)
        self.assertEqual(form["data-bc-suggest"], SUGGEST)
        script = page.select_one('script[src$="js/search.js"]')
        self.assertTrue(script.has_attr("defer"))


class PaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        base = BasePageFactory(title="Base des kits")
        for number in range(25):
            ResourcePageFactory(parent=base, title=f"Kit d'atelier n°{number:02d}")
        index_everything()

    def test_pages(self):
        first = self.client.get(SEARCH + "?q=kit&tri=titre")
        self.assertEqual(len(titles(first)), 20)
        self.assertEqual(titles(first)[0], "Kit d'atelier n°00")
        next_link = soup(first).select_one("a.fr-pagination__link--next")["href"]
        self.assertEqual(
            parse_qs(urlsplit(next_link).query), {"q": ["kit"], "tri": ["titre"], "page": ["2"]}
        )
        second = self.client.get(next_link)
        self.assertEqual(len(titles(second)), 5)
        self.assertEqual(titles(second)[0], "Kit d'atelier n°20")
        self.assertEqual(soup(second).select_one(".bc-search-results")["start"], "21")

    def test_out_of_range_pages_give_the_nearest_page(self):
        last = titles(self.client.get(SEARCH + "?q=kit&tri=titre&page=999999"))
        self.assertEqual(len(last), 5)
        for page in ("abc", "0", "-1", "1.5"):
            with self.subTest(page=page):
                response = self.client.get(SEARCH + f"?q=kit&tri=titre&page={page}")
                self.assertEqual(titles(response)[0], "Kit d'atelier n°00")


class SearchAdminTests(TestCase):
    def test_synonyms_and_the_search_log_are_in_the_admin(self):
        admin = UserFactory(superuser=True)
        self.client.force_login(admin)
        SearchLog.objects.create(
            query="atelier", tab="ressources", results=3, duration_ms=4.2, engine="database"
        )
        synonyms = self.client.get(reverse("wagtailsnippets_bc_search_synonym:list"))
        self.assertEqual(synonyms.status_code, 200)
        self.assertEqual(
            self.client.get(reverse("wagtailsnippets_bc_search_synonym:add")).status_code, 200
        )
        log = self.client.get(reverse("searchlog:index"))
        self.assertEqual(log.status_code, 200)
        self.assertIn("atelier", page_text(log))
        # Read-only: nobody adds, edits or deletes a search log row.
        entry = SearchLog.objects.get()
        for url in (
            reverse("searchlog:add"),
            reverse("searchlog:edit", args=[entry.pk]),
            reverse("searchlog:delete", args=[entry.pk]),
        ):
            with self.subTest(url=url):
                self.assertIn(self.client.get(url).status_code, (302, 403))
        self.assertEqual(
            self.client.get(reverse("searchlog:inspect", args=[entry.pk])).status_code, 200
        )

    def test_the_search_log_is_for_platform_admins_only(self):
        editor = UserFactory(is_staff=True)
        base = BasePageFactory()
        BaseMembershipFactory(base=base, user=editor, role=Role.ADMIN)
        self.client.force_login(editor)
        self.assertIn(self.client.get(reverse("searchlog:index")).status_code, (302, 403))


# --- in a real browser --------------------------------------------------------------------------


@pytest.mark.browser
def test_header_suggestions_with_the_keyboard_then_filters_without_script(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base = BasePageFactory(title="Base des ateliers")
    workshop = ResourcePageFactory(
        parent=base, title="Atelier tablette pour débutants", themes=[theme("parentalite")]
    )
    ResourcePageFactory(parent=base, title="Atelier smartphone")
    index_everything()
    wait = WebDriverWait(browser, 10)

    browser.get(live_server.url + "/")
    field = browser.find_element(By.ID, "header-search-input")
    if not field.is_displayed():  # narrow screens: the search is behind a button
        browser.find_element(By.ID, "button-search").click()
        wait.until(EC.visibility_of(field))
    field.send_keys("ateli")
    wait.until(lambda _driver: field.get_attribute("aria-expanded") == "true")
    options = browser.find_elements(By.CSS_SELECTOR, "#header-search-suggestions [role=option]")
    assert {option.text.split("\n")[0] for option in options} >= {
        "Atelier tablette pour débutants",
        "Atelier smartphone",
    }
    field.send_keys(Keys.ESCAPE)
    assert field.get_attribute("aria-expanded") == "false"
    field.send_keys(Keys.ARROW_DOWN)
    active = field.get_attribute("aria-activedescendant")
    chosen = browser.find_element(By.ID, active)
    assert chosen.get_attribute("aria-selected") == "true"
    target = chosen.get_attribute("data-url")
    field.send_keys(Keys.ENTER)
    wait.until(EC.url_to_be(live_server.url + target))

    # The search page: check a theme, apply, the address holds it; back returns.
    browser.get(live_server.url + SEARCH + "?q=atelier")
    assert "2 ressources trouvées" in browser.find_element(By.ID, "search-status").text
    box = browser.find_element(By.CSS_SELECTOR, 'input[name="thematique"][value="parentalite"]')
    browser.execute_script("arguments[0].click();", box)
    browser.find_element(By.XPATH, "//button[normalize-space()='Appliquer les filtres']").click()
    wait.until(EC.url_contains("thematique=parentalite"))
    assert "1 ressource trouvée" in browser.find_element(By.ID, "search-status").text
    assert workshop.title in browser.find_element(By.ID, "resultats").text
    browser.back()
    wait.until(lambda driver: "thematique" not in driver.current_url)
    assert "2 ressources trouvées" in browser.find_element(By.ID, "search-status").text
