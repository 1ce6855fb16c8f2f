"""The public registry of the label NEC: decided labels only, filters, exports, no leak."""

import csv
import io
import json
from unittest import mock

from django.test import TestCase

from label.criteria import Status
from label.models import LabelRequest
from tests.factories import UserFactory
from tests.helpers import page_text, soup
from tests.label_stats_data import build_label_data

REGISTRY = "/label-nec/dispositifs-labellises/"
CSV = REGISTRY + "export.csv"
JSON = REGISTRY + "export.json"


def references(response):
    return [row["data-reference"] for row in soup(response).select("tr[data-reference]")]


def read_csv(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


class RegistryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_label_data()
        cls.ref = {name: r.reference for name, r in cls.data.items() if hasattr(r, "reference")}

    def test_only_decided_labels_newest_decision_first(self):
        response = self.client.get(REGISTRY)
        self.assertEqual(response.status_code, 200)
        # I (24 April 2026), B (12 March), A (9 February), D (expired, December 2025); the
        # draft, submitted, in review, complements and refused requests are absent.
        self.assertEqual(references(response), [self.ref[n] for n in "IBAD"])
        text = page_text(response)
        self.assertIn("4 dispositifs labellisés", text)
        for absent in "CEFGHJ":
            self.assertNotIn(f"Dispositif {absent}", text)
        expired = soup(response).select_one(f'tr[data-reference="{self.ref["D"]}"]')
        self.assertIn("Label expiré", expired.get_text())
        row = soup(response).select_one(f'tr[data-reference="{self.ref["A"]}"]')
        self.assertEqual(row.th.a["href"], self.data["A"].resource.url)
        cells = row.get_text(" ", strip=True)
        for shown in (
            "Association Alpha",
            "Auvergne-Rhône-Alpes",
            "69 – Rhône",
            "9 février 2026",
            "1 février 2027",
            "Accessible",
            "Sobre",
        ):
            self.assertIn(shown, cells)
        b_row = soup(response).select_one(f'tr[data-reference="{self.ref["B"]}"]')
        self.assertNotIn("Sobre", b_row.get_text())

    def test_a_private_resource_is_neither_named_nor_linked(self):
        for user in (None, UserFactory()):
            if user:
                self.client.force_login(user)
            response = self.client.get(REGISTRY)
            row = soup(response).select_one(f'tr[data-reference="{self.ref["I"]}"]')
            self.assertIn("Dispositif non public", row.get_text())
            self.assertIsNone(row.th.a)
            self.assertNotContains(response, "Dispositif secret")
            for export in (CSV, JSON):
                self.assertNotContains(self.client.get(export), "Dispositif secret")
        # A member of the private base sees it, linked.
        self.client.force_login(self.data["private_member"])
        row = soup(self.client.get(REGISTRY)).select_one(f'tr[data-reference="{self.ref["I"]}"]')
        self.assertEqual(row.th.a.get_text(), "Dispositif secret I")

    def test_filters(self):
        cases = {
            "?type=tangible": "B",
            "?structure=association": "IA",
            "?region=84": "IA",
            "?departement=75": "B",
            "?annee=2025": "D",
            "?annee=2026&statut=labellisee": "IBA",
            "?statut=expiree": "D",
            "?type=numerique&region=84&annee=2026": "IA",
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                response = self.client.get(REGISTRY + query)
                self.assertEqual(references(response), [self.ref[n] for n in expected])
                self.assertNotIn("ne sont pas valides", page_text(response))

    def test_export_links_carry_the_filters(self):
        response = self.client.get(REGISTRY + "?region=84&annee=2026&page=1")
        links = [a["href"] for a in soup(response).select("a[href*='export.']")]
        self.assertEqual(links, [CSV + "?region=84&annee=2026", JSON + "?region=84&annee=2026"])
        rows = read_csv(self.client.get(CSV + "?region=84&annee=2026"))
        self.assertEqual([row[0] for row in rows[1:]], [self.ref["I"], self.ref["A"]])

    def test_hostile_query_strings_answer_a_page_in_french(self):
        for query in (
            "?type=<script>",
            "?annee=1999",
            "?region=84&region=' OR 1=1",
            "?page=-3",
            "?page=99999999999",
            "?statut=refusee",
            "?structure=" + "x" * 5000,
        ):
            with self.subTest(query=query):
                response = self.client.get(REGISTRY + query)
                self.assertEqual(response.status_code, 200)
                for export in (CSV, JSON):
                    self.assertEqual(self.client.get(export + query).status_code, 200)
        # Control characters are refused at the door (base.input_guard), with a French 400.
        for url in (REGISTRY, CSV, JSON):
            self.assertEqual(self.client.get(url + "?annee=2026%00").status_code, 400)
        response = self.client.get(REGISTRY + "?statut=refusee&type=numerique")
        self.assertIn(
            "filtres de l'adresse ne sont pas valides : ils ont été ignorés", page_text(response)
        )
        # The refused label cannot be asked for: the filter is dropped, the others apply.
        self.assertEqual(references(response), [self.ref[n] for n in "IAD"])
        self.assertNotContains(self.client.get(JSON + "?statut=refusee"), "refusee")
        self.assertEqual(self.client.post(REGISTRY).status_code, 405)

    def test_pagination(self):
        with mock.patch("label.views.registry.PER_PAGE", 3):
            first = self.client.get(REGISTRY)
            second = self.client.get(REGISTRY + "?page=2")
        self.assertEqual(references(first), [self.ref[n] for n in "IBA"])
        self.assertEqual(references(second), [self.ref["D"]])
        self.assertIn("Page suivante", page_text(first))

    def test_csv_export_for_spreadsheets(self):
        response = self.client.get(CSV)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment", response["Content-Disposition"])
        rows = read_csv(response)
        self.assertEqual(
            rows[0],
            [
                "Référence",
                "Dispositif",
                "Adresse du dispositif",
                "Organisation",
                "Type de structure",
                "Type de dispositif",
                "Région",
                "Département",
                "Statut",
                "Date de décision",
                "Valable jusqu'au",
                "Critères satisfaits",
                "Donnée de démonstration",
            ],
        )
        by_reference = {row[0]: row for row in rows[1:]}
        self.assertEqual(list(by_reference), [self.ref[n] for n in "IBAD"])
        a = by_reference[self.ref["A"]]
        self.assertEqual(a[1], "Dispositif A")
        self.assertEqual(a[2], "http://testserver" + self.data["A"].resource.url)
        self.assertEqual(
            a[6:11], ["Auvergne-Rhône-Alpes", "Rhône", "Labellisée", "2026-02-09", "2027-02-01"]
        )
        self.assertEqual(a[11], "Accessible, Documenté, Éthique, Ouvert, Sécurisé, Sobre")
        self.assertEqual(a[12], "non")
        # Formulas are defused: the cell is text for a spreadsheet.
        self.assertEqual(by_reference[self.ref["B"]][3], "'=SOMME(A1:A2) Ville de Bêta")
        self.assertEqual(by_reference[self.ref["D"]][3], "'@Entreprise Delta")
        self.assertEqual(by_reference[self.ref["D"]][8], "Expirée")
        private = by_reference[self.ref["I"]]
        self.assertEqual(private[1:3], ["Dispositif non public", ""])

    def test_json_export(self):
        response = self.client.get(JSON + "?structure=association")
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        data = json.loads(response.content)
        self.assertEqual(data["filters"], {"structure": "association"})
        self.assertEqual(data["count"], 2)
        first, second = data["results"]
        self.assertEqual(first["dispositif"], {"public": False, "title": None, "url": None})
        self.assertEqual(
            second,
            {
                "reference": self.ref["A"],
                "demonstration": False,
                "dispositif": {
                    "public": True,
                    "title": "Dispositif A",
                    "url": "http://testserver" + self.data["A"].resource.url,
                },
                "organisation": "Association Alpha",
                "applicant_type": "Association",
                "dispositif_kind": "Dispositif numérique (logiciel, référentiel, base de données…)",
                "region": {"code": "84", "name": "Auvergne-Rhône-Alpes"},
                "department": {"code": "69", "name": "Rhône"},
                "status": "labellisee",
                "decided_on": "2026-02-09",
                "valid_until": "2027-02-01",
                "criteria_met": [
                    "accessible",
                    "documente",
                    "ethique",
                    "ouvert",
                    "securise",
                    "sobre",
                ],
            },
        )

    def test_a_label_leaves_the_registry_if_its_status_is_not_decided(self):
        LabelRequest.objects.filter(pk=self.data["A"].pk).update(status=Status.IN_REVIEW)
        self.assertEqual(references(self.client.get(REGISTRY)), [self.ref[n] for n in "IBD"])
