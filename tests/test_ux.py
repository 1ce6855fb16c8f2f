"""Made for the people who use it (issue 19), through HTTP: what a visitor's browser receives
— titles, the error summary, sharing and printing marks, the search's filters, tables on a
phone, the label's marks. The flows themselves (Tab presses, the filter dialog, printing) are
in tests/test_ux_browser.py and the WCAG audit in tests/test_accessibility.py."""

import re

from django.core.cache import cache
from django.test import TestCase

from base.french import de
from base.models import Role, Visibility
from label.charts import axis_ticks, column_chart
from search import engines
from search.documents import build_document, searchable_pages
from search.models import SearchLog
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
    theme,
)
from tests.helpers import soup


def index_everything():
    documents = [build_document(page) for page in searchable_pages()]
    engines.database_engine().rebuild(iter(documents), len(documents))


def title(response):
    return soup(response).title.get_text(strip=True)


def meta(response, key):
    tag = soup(response).find("meta", attrs={"property": key}) or soup(response).find(
        "meta", attrs={"name": key}
    )
    return tag["content"] if tag else None


class FrenchElisionTests(TestCase):
    def test_de_elides_before_a_vowel_only(self):
        self.assertEqual(de("Amandine Martin"), "d'Amandine Martin")
        self.assertEqual(de("Élodie"), "d'Élodie")
        self.assertEqual(de("Thomas"), "de Thomas")
        self.assertEqual(de("Hugo"), "de Hugo")

    def test_the_journal_line_of_an_accepted_proposal_elides(self):
        from ressources.contribution import acceptance_changes
        from ressources.models import ChangeProposal

        proposal = ChangeProposal(
            proposer=UserFactory(first_name="Amandine", last_name="Roux"), summary="Un ajout"
        )
        self.assertEqual(
            acceptance_changes(proposal)[0],
            "Modifications à la suite de suggestions d'Amandine Roux",
        )


class TitlesAndSharingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Hub des Hauts")
        cls.resource = ResourcePageFactory(
            parent=cls.base,
            title="Fiche : ouvrir un compte Ameli",
            summary="Pas à pas pour créer son compte en ligne.",
            cover_image=ImageFactory(),
        )

    def test_a_resource_shares_its_title_summary_and_cover(self):
        response = self.client.get(self.resource.url + "?onglet=x")
        self.assertEqual(meta(response, "og:title"), "Fiche : ouvrir un compte Ameli")
        self.assertEqual(
            meta(response, "og:description"), "Pas à pas pour créer son compte en ligne."
        )
        self.assertEqual(meta(response, "og:type"), "article")
        self.assertTrue(meta(response, "og:image").startswith("http://testserver/"))
        self.assertEqual(meta(response, "twitter:card"), "summary_large_image")
        canonical = soup(response).find("link", rel="canonical")["href"]
        self.assertEqual(canonical, "http://testserver" + self.resource.url)

    def test_a_resource_offers_share_buttons_copy_link_and_print_near_the_top(self):
        page = soup(self.client.get(self.resource.url))
        box = page.select_one(".bc-reuse")
        self.assertIsNotNone(box)
        labels = box.get_text(" ", strip=True)
        for expected in ("Copier la mention", "Imprimer", "Copier le lien", "Partager par e-mail"):
            self.assertIn(expected, labels)
        self.assertIsNotNone(box.select_one(".fr-share"))
        # Near the top: before the body and the licence section.
        html = str(page)
        self.assertLess(html.index("bc-reuse"), html.index('id="licence"'))
        # The print stylesheet is there, for paper only, with the page's address to print.
        self.assertIsNotNone(page.find("link", href=re.compile("print.css"), media="print"))
        self.assertIn(self.resource.url, page.select_one(".bc-print-only").get_text())

    def test_a_private_resource_has_no_share_buttons(self):
        private = BasePageFactory(title="Espace privé", visibility=Visibility.PRIVATE)
        resource = ResourcePageFactory(parent=private, title="Note interne")
        member = UserFactory()
        BaseMembershipFactory(base=private, user=member, role=Role.CONTRIBUTOR)
        self.client.force_login(member)
        page = soup(self.client.get(resource.url))
        self.assertIsNone(page.select_one(".fr-share"))

    def test_a_version_page_has_its_own_title(self):
        from ressources import versioning
        from ressources.models import ResourcePage

        page = ResourcePage.objects.get(pk=self.resource.pk)
        page.summary = "Pas à pas, revu."
        version = versioning.publish(page, UserFactory(), ["Résumé revu"])
        response = self.client.get(
            f"{self.resource.url}versions/{version.number.replace('.', '-')}/"
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(title(response).startswith(f"Version {version.number} — Fiche : ouvrir"))
        self.assertNotEqual(title(response), title(self.client.get(self.resource.url)))

    def test_each_tab_of_a_base_has_its_own_title_and_one_canonical_address(self):
        titles = set()
        for tab in ("ressources", "collections", "a-propos"):
            response = self.client.get(f"{self.base.url}?onglet={tab}")
            titles.add(title(response))
            canonical = soup(response).find("link", rel="canonical")["href"]
            self.assertEqual(canonical, "http://testserver" + self.base.url)
        self.assertEqual(len(titles), 3)
        self.assertIn("Collections — Hub des Hauts — Bases communes", titles)

    def test_skip_links_lead_to_the_dialog_buttons_on_small_screens(self):
        links = soup(self.client.get("/")).select(".fr-skiplinks a")
        by_target = {link["href"]: link.find_parent("li").get("class") or [] for link in links}
        # The menu and search are dialogs below lg: the links to inside them show from lg only.
        self.assertIn("fr-unhidden-lg", by_target["#navigation"])
        self.assertIn("fr-hidden-lg", by_target["#button-menu"])
        self.assertIn("fr-hidden-lg", by_target["#button-search"])


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        base = BasePageFactory(title="Base des ateliers")
        for number in range(3):
            ResourcePageFactory(
                parent=base, title=f"Atelier numéro {number}", themes=[theme()], summary="Atelier"
            )
        index_everything()

    def setUp(self):
        cache.clear()

    def test_the_title_says_the_query_the_filters_and_the_page(self):
        response = self.client.get(
            "/rechercher/?q=atelier&thematique=maitrise_des_outils_numeriques&ouvertes=1"
        )
        self.assertEqual(title(response), "Recherche « atelier », 2 filtres — Bases communes")
        self.assertEqual(title(self.client.get("/rechercher/")), "Rechercher — Bases communes")
        from search.views.search import search_title

        self.assertEqual(search_title("atelier", 2, 2), "Recherche « atelier », 2 filtres, page 2")
        self.assertEqual(search_title("", 1, 1), "Rechercher, 1 filtre")

    def test_a_skip_link_leads_to_the_results_at_every_width(self):
        page = soup(self.client.get("/rechercher/?q=atelier"))
        link = page.select_one('.fr-skiplinks a[href="#resultats"]')
        self.assertIsNotNone(link)
        self.assertNotIn("fr-hidden", " ".join(link.find_parent("li").get("class") or []))

    def test_facets_are_accordions_open_when_they_hold_a_selection(self):
        page = soup(
            self.client.get("/rechercher/?q=atelier&thematique=maitrise_des_outils_numeriques")
        )
        buttons = {
            button["aria-controls"]: button
            for button in page.select(".bc-facet .fr-accordion__btn")
        }
        self.assertEqual(buttons["facet-thematique"]["aria-expanded"], "true")
        self.assertIn("fr-collapse--expanded", page.select_one("#facet-thematique")["class"])
        closed = [key for key, button in buttons.items() if button["aria-expanded"] == "false"]
        self.assertTrue(closed)
        # « Filtrer (1) » opens the dialog of the filters on a phone.
        opener = page.select_one("#filters-open")
        self.assertEqual(opener["aria-controls"], "search-filters")
        self.assertTrue(opener.get_text(" ", strip=True).startswith("Filtrer (1"))
        self.assertIn("fr-modal", page.select_one("#search-filters")["class"])
        # The apply button sits in the sticky bar.
        self.assertIsNotNone(page.select_one(".bc-search-filters__apply button[type=submit]"))

    def test_the_most_used_facets_come_first(self):
        default = [
            b["aria-controls"]
            for b in soup(self.client.get("/rechercher/?q=atelier")).select(
                ".bc-facet .fr-accordion__btn"
            )
        ]
        self.assertEqual(default[0], "facet-thematique")
        for _ in range(3):
            SearchLog.objects.create(
                query="x",
                tab="ressources",
                filters={"base": ["1"]},
                results=1,
                duration_ms=1,
                engine="db",
            )
        cache.clear()
        ordered = [
            b["aria-controls"]
            for b in soup(self.client.get("/rechercher/?q=atelier")).select(
                ".bc-facet .fr-accordion__btn"
            )
        ]
        self.assertEqual(ordered[0], "facet-base")

    def test_the_date_fields_name_no_format_the_browser_does_not_show(self):
        response = self.client.get("/rechercher/?q=atelier&du=31/03/2020")
        page = soup(response)
        self.assertNotIn("AAAA-MM-JJ", page.select_one("#facet-dates").get_text())
        self.assertEqual(page.select_one("#filtre-du")["type"], "date")
        # A date typed the French way (a browser without a date picker) is understood.
        self.assertEqual(page.select_one("#filtre-du")["value"], "2020-03-31")
        self.assertIsNone(page.select_one("#filtre-du-error"))


class SeeMoreTests(TestCase):
    def test_a_long_facet_shows_its_first_values_and_keeps_the_rest_behind_voir_plus(self):
        for number in range(8):
            base = BasePageFactory(title=f"Base {number}")
            ResourcePageFactory(parent=base, title=f"Atelier {number}", summary="Atelier")
        index_everything()
        page = soup(self.client.get("/rechercher/?q=atelier"))
        facet = page.select_one("#facet-base")
        shown = facet.select(".bc-facet__options > .bc-facet__option")
        hidden = facet.select(".bc-facet__more .bc-facet__option")
        self.assertEqual((len(shown), len(hidden)), (6, 2))
        button = facet.select_one(".bc-facet__more-btn")
        self.assertEqual(button["aria-controls"], "facet-base-more")
        self.assertEqual(button["data-bc-more-label"], "Voir plus (2)")


class ErrorSummaryTests(TestCase):
    def test_a_refused_form_has_one_summary_linked_fields_and_the_word_erreur_in_its_title(self):
        response = self.client.post(
            "/compte/inscription/",
            {"email": "pas-une-adresse", "username": "", "password1": "a", "password2": "b"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(title(response).startswith("Erreur : "))
        page = soup(response)
        summary = page.select_one(".bc-error-summary")
        self.assertEqual(summary["tabindex"], "-1")
        targets = [link["href"] for link in summary.select("a")]
        self.assertIn("#id_email", targets)
        email = page.select_one("#id_email")
        self.assertEqual(email["aria-invalid"], "true")
        self.assertIn("id_email-errors", email["aria-describedby"])
        self.assertIsNotNone(page.select_one("#id_email-errors"))
        # Nothing is lost.
        self.assertEqual(email["value"], "pas-une-adresse")

    def test_a_page_without_error_has_no_prefix(self):
        response = self.client.get("/compte/inscription/")
        self.assertFalse(title(response).startswith("Erreur"))
        self.assertIsNone(soup(response).select_one(".bc-error-summary"))


class TablesOnPhonesTests(TestCase):
    def test_members_rows_stack_with_named_cells_and_the_actions_stay(self):
        base = BasePageFactory(title="Base à gérer")
        admin = UserFactory()
        BaseMembershipFactory(base=base, user=admin, role=Role.ADMIN)
        BaseMembershipFactory(base=base, user=UserFactory(), role=Role.CONTRIBUTOR)
        self.client.force_login(admin)
        page = soup(self.client.get(base.url + "membres/"))
        table = page.select_one(".bc-table--stack table")
        self.assertIsNotNone(table)
        labels = {cell["data-label"] for cell in table.select("tbody td")}
        self.assertEqual(labels, {"Personne", "Rôle", "Membre depuis", "Actions"})
        self.assertIn("Retirer de la base", table.get_text())


class LabelMarksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from tests.label_factories import make_reviewer, request_in

        cls.base = BasePageFactory(title="Base du dispositif")
        cls.resource = ResourcePageFactory(parent=cls.base, title="Mon Suivi Social")
        cls.label = request_in("labellisee", make_reviewer(), resource=cls.resource)
        cls.label.is_demo = True
        cls.label.save(update_fields=["is_demo"])

    def test_invented_decisions_say_they_are_demonstration_data(self):
        registry = soup(self.client.get("/label-nec/dispositifs-labellises/"))
        row = registry.select_one(f'tr[data-reference="{self.label.reference}"]')
        self.assertIn("Donnée de démonstration", row.get_text())
        badge = soup(self.client.get(self.resource.url)).select_one("#label-nec")
        self.assertIn("Donnée de démonstration", badge.get_text())
        data = self.client.get("/label-nec/dispositifs-labellises/export.json").json()
        self.assertIs(data["results"][0]["demonstration"], True)
        tracking = soup(self.client.get("/label-nec/suivi/"))
        self.assertIn("Donnée de démonstration", tracking.select_one("main").get_text())

    def test_a_real_decision_carries_no_demonstration_mark(self):
        type(self.label).objects.filter(pk=self.label.pk).update(is_demo=False)
        registry = soup(self.client.get("/label-nec/dispositifs-labellises/"))
        self.assertNotIn("Donnée de démonstration", registry.get_text())
        badge = soup(self.client.get(self.resource.url)).select_one("#label-nec")
        self.assertNotIn("Donnée de démonstration", badge.get_text())

    def test_statuses_have_the_same_colours_on_the_label_page_and_in_my_requests(self):
        index = soup(self.client.get("/label-nec/"))
        badges = {p.get_text(strip=True): p["class"] for p in index.select("aside .fr-badge")}
        self.assertIn("fr-badge--success", badges["Labellisée"])
        self.assertIn("fr-badge--error", badges["Refusée"])
        self.client.force_login(self.label.applicant)
        mine = soup(self.client.get("/label-nec/mes-demandes/"))
        status = mine.select_one('td[data-label="Statut"] .fr-badge')
        self.assertEqual(set(status["class"]) & {"fr-badge--success"}, {"fr-badge--success"})

    def test_the_monthly_chart_has_a_readable_scale(self):
        self.assertEqual(axis_ticks(7), [0, 2, 4, 6, 8])
        self.assertEqual(axis_ticks(0), [0, 1])
        svg = str(
            column_chart(
                "c", "Titre", "Description", ["2026-01", "2026-02"], [("Déposées", [3, 7])]
            )
        )
        ticks = re.findall(r'class="bc-chart__tick">(\d+)<', svg)
        self.assertEqual(ticks, ["0", "2", "4", "6", "8"])


class DemoHonestyTests(TestCase):
    def test_the_glossary_invites_no_visitor_to_propose_in_a_curated_base(self):
        from demo.data.resources import _glossary_body

        text = str(_glossary_body("1.1"))
        self.assertNotIn("Proposez une modification", text)
        self.assertIn("Membres", text)

    def test_the_demo_marks_its_label_decisions(self):
        import inspect

        from demo.data import label

        self.assertIn("is_demo=True", inspect.getsource(label._create))


class CollectionSharingTests(TestCase):
    def test_a_public_collection_has_the_reuse_box_and_its_canonical_address(self):
        base = BasePageFactory(title="Base ouverte")
        collection = ResourceCollectionPageFactory(parent=base, title="Premiers pas")
        response = self.client.get(collection.url)
        page = soup(response)
        self.assertIsNotNone(page.select_one(".bc-reuse .fr-share"))
        self.assertEqual(meta(response, "og:title"), "Premiers pas")


class DoublePostTests(TestCase):
    def test_creating_a_collection_twice_in_a_row_makes_one(self):
        from ressources.models import PersonalCollection

        person = UserFactory()
        self.client.force_login(person)
        data = {"title": "Ateliers du mardi", "description": "", "visibility": "private"}
        first = self.client.post("/compte/collections/nouvelle/", data)
        second = self.client.post("/compte/collections/nouvelle/", data)
        self.assertEqual(first.status_code, 302)
        self.assertEqual(second["Location"], first["Location"])
        self.assertEqual(
            PersonalCollection.objects.filter(owner=person, title="Ateliers du mardi").count(), 1
        )


class SearchErrorTests(TestCase):
    def test_a_wrong_date_has_the_shared_summary_and_a_wrong_sort_is_no_error(self):
        response = self.client.get("/rechercher/?q=atelier&du=2024-13-45")
        self.assertTrue(title(response).startswith("Erreur : "))
        summary = soup(response).select_one(".bc-error-summary")
        self.assertEqual([a["href"] for a in summary.select("a")], ["#filtre-du"])
        self.assertIsNotNone(soup(response).select_one("#filtre-du[aria-invalid=true]"))
        quiet = self.client.get("/rechercher/?q=atelier&tri=nimporte")
        self.assertFalse(title(quiet).startswith("Erreur"))
        self.assertIsNone(soup(quiet).select_one(".bc-error-summary"))


class ElisionAfterAccountDeletionTests(TestCase):
    def test_suggestions_dun_nom_elide_become_de_contributeur_supprime(self):
        from accounts.lifecycle import DELETED_NAME, delete_account
        from ressources.models import ChangeProposal, ProposalStatus, ResourceVersion
        from ressources.versioning import publish

        person = UserFactory(first_name="Amandine", last_name="Roux")
        admin = UserFactory()
        resource = ResourcePageFactory(title="Fiche relue", parent=BasePageFactory())
        version = publish(
            resource, admin, ["Modifications à la suite de suggestions d'Amandine Roux"]
        )
        ChangeProposal.objects.create(
            resource=resource,
            proposer=person,
            base_revision=version.revision,
            content={},
            summary="Corriger",
            status=ProposalStatus.ACCEPTED,
            version=version,
        )
        delete_account(person)
        changes = ResourceVersion.objects.get(pk=version.pk).changes
        self.assertIn(f"suggestions de {DELETED_NAME}", changes)
        self.assertNotIn("d'Contributeur", changes)
        self.assertNotIn("Amandine", changes)
