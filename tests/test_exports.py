"""Exports of a base, a collection and a search (CSV, JSON) and the open-data dump: they parse,
show exactly what their page shows to the same person, and the dump validates against its own
datapackage.json (frictionless)."""

import csv
import io
import json
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from frictionless import Package

from reuse import open_data
from tests.factories import (
    OrganisationFactory,
    ResourceCollectionPageFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
)
from tests.helpers import soup
from tests.private_fixtures import PRIVATE_WORD, PUBLIC_WORD, build_private_space


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "a French spreadsheet needs the BOM"
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    return {row["Titre"]: row for row in rows}


def read_json(response):
    return {row["titre"]: row for row in json.loads(response.content)["ressources"]}


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_private_space(cls)
        organisation = OrganisationFactory(name="Hub du Sud", siret="35600000000048")
        cls.public_base.organisation = organisation
        cls.public_base.save()
        ResourceCreditFactory(resource=cls.public_resource, name="Amandine Roux")
        cls.public_resource.tags.add("courriel", "atelier")
        cls.public_resource.save()
        # A public collection of a public base that also holds a private base's resource.
        cls.mixed_collection = ResourceCollectionPageFactory(
            parent=cls.public_base,
            title="Sélection mêlée",
            resources=[cls.resource, cls.public_resource],
        )

    def export(self, page, fmt, user=None, query=""):
        if user:
            self.client.force_login(user)
        return self.client.get(f"{page.url}exporter/{fmt}/{query}")

    def test_a_base_export_carries_licence_address_and_french_headers(self):
        response = self.export(self.public_base, "csv")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        row = read_csv(response)["Atelier ouvert"]
        self.assertEqual(row["Licence (identifiant SPDX)"], "CC-BY-4.0")
        self.assertEqual(row["Adresse"], "http://testserver" + self.public_resource.url)
        self.assertEqual(row["SIRET de l'organisation"], "35600000000048")
        self.assertIn("Amandine Roux (Rédaction)", row["Crédits"])
        self.assertIn("CC BY", row["Mention d'attribution"])

        data = json.loads(self.export(self.public_base, "json").content)
        self.assertEqual(data["total"], 1)
        self.assertEqual(data["ressources"][0]["licence"], "CC-BY-4.0")
        self.assertEqual(data["ressources"][0]["thematiques"], ["Maîtrise des outils numériques"])
        self.assertEqual(data["ressources"][0]["mots_cles"], ["atelier", "courriel"])

    def test_a_private_base_exports_to_its_members_only(self):
        for fmt in ("csv", "json"):
            with self.subTest(fmt=fmt):
                self.client.logout()
                self.assertEqual(self.export(self.private_base, fmt).status_code, 404)
                self.assertEqual(
                    self.export(self.private_base, fmt, self.outsider).status_code, 404
                )
        titles = read_csv(self.export(self.private_base, "csv", self.member))
        self.assertEqual(set(titles), {"Protocole du cercle", "Compte rendu du cercle"})
        titles = read_json(self.export(self.private_base, "json", self.member))
        self.assertEqual(set(titles), {"Protocole du cercle", "Compte rendu du cercle"})

    def test_a_collection_export_leaves_out_what_the_reader_may_not_open(self):
        self.assertEqual(
            set(read_json(self.export(self.mixed_collection, "json"))), {"Atelier ouvert"}
        )
        self.assertEqual(
            list(read_csv(self.export(self.mixed_collection, "csv", self.member))),
            ["Protocole du cercle", "Atelier ouvert"],
        )
        self.client.logout()
        self.assertEqual(self.export(self.collection, "csv").status_code, 404)

    def test_a_search_export_finds_what_the_search_page_finds(self):
        anonymous = read_json(self.client.get(f"/rechercher/exporter/json/?q={PRIVATE_WORD}"))
        self.assertEqual(anonymous, {})
        public = read_csv(self.client.get(f"/rechercher/exporter/csv/?q={PUBLIC_WORD}"))
        self.assertEqual(list(public), ["Atelier ouvert"])
        self.client.force_login(self.member)
        member = read_json(self.client.get(f"/rechercher/exporter/json/?q={PRIVATE_WORD}"))
        self.assertEqual(set(member), {"Protocole du cercle"})

    def test_when_the_engine_cannot_answer_exports_and_feeds_say_so_in_french(self):
        from search.engines.base import EngineUnavailable

        with mock.patch("search.engines.search", side_effect=EngineUnavailable("down")):
            for address in ("/rechercher/exporter/csv/?q=atelier", "/rechercher/atom/?q=atelier"):
                with self.subTest(address=address):
                    response = self.client.get(address)
                    self.assertEqual(response.status_code, 503)
                    self.assertIn("momentanément indisponible", response.content.decode())

    def test_a_hostile_search_export_answers_without_error(self):
        for query in (
            '?q="""-"&tri=zzz&page=999999999999999999999&onglet=bases',
            "?q=" + "é" * 5000 + "&thematique=inconnue&du=2024-13-45&ouvertes=1",
            "?q=-&licence=../../etc&base=99999999999999999999",
        ):
            for fmt in ("csv", "json"):
                with self.subTest(query=query[:40], fmt=fmt):
                    response = self.client.get(f"/rechercher/exporter/{fmt}/{query}")
                    self.assertEqual(response.status_code, 200)
                    if fmt == "json":
                        json.loads(response.content)
        self.assertEqual(self.client.get("/rechercher/exporter/xml/").status_code, 404)

    def test_the_pages_offer_their_exports_with_their_filters(self):
        page = soup(
            self.client.get(f"{self.public_base.url}?thematique=maitrise_des_outils_numeriques")
        )
        links = {a.get_text(strip=True): a["href"] for a in page.select(".bc-export-links a")}
        self.assertEqual(
            links["Exporter (CSV)"],
            f"{self.public_base.url}exporter/csv/?thematique=maitrise_des_outils_numeriques",
        )
        page = soup(self.client.get(f"/rechercher/?q={PUBLIC_WORD}"))
        links = {a.get_text(strip=True): a["href"] for a in page.select(".bc-export-links a")}
        self.assertEqual(links["Exporter (JSON)"], f"/rechercher/exporter/json/?q={PUBLIC_WORD}")
        page = soup(self.client.get(self.mixed_collection.url))
        self.assertEqual(len(page.select(".bc-export-links a")), 2)


class Interrupted(Exception):
    pass


class OpenDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_private_space(cls)
        ResourcePageFactory(parent=cls.public_base, title="Second atelier ouvert")

    @pytest.fixture(autouse=True)
    def _root(self, tmp_path):
        with override_settings(OPEN_DATA_ROOT=tmp_path, BASE_URL="https://bases.example.fr"):
            self.root = tmp_path
            yield

    def test_the_dump_validates_against_its_datapackage_and_holds_public_resources_only(self):
        call_command("export_open_data", verbosity=0)
        package = self.root / open_data.CURRENT / open_data.PACKAGE_NAME
        report = Package(str(package)).validate()
        self.assertTrue(report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"]))

        with (self.root / open_data.CURRENT / open_data.JSONL_NAME).open() as handle:
            rows = [json.loads(line) for line in handle]
        titles = {row["titre"] for row in rows}
        self.assertIn("Atelier ouvert", titles)
        self.assertNotIn("Protocole du cercle", titles)
        self.assertNotIn("Note de la base voisine", titles)
        self.assertTrue(all(row["url"].startswith("https://bases.example.fr/") for row in rows))

        response = self.client.get("/donnees-ouvertes/ressources.csv")
        self.assertEqual(response.status_code, 200)
        served = b"".join(response.streaming_content).decode()
        self.assertEqual(served.splitlines()[0].split(",")[:3], ["identifiant", "titre", "resume"])
        self.assertIn("Atelier ouvert", served)
        page = self.client.get("/donnees-ouvertes/")
        self.assertContains(page, "Licence Ouverte / Open Licence version 2.0")
        self.assertContains(page, 'href="/donnees-ouvertes/datapackage.json"')

    def test_an_interrupted_dump_resumes_and_never_replaces_the_published_one_half_way(self):
        self.assertEqual(self.client.get("/donnees-ouvertes/ressources.csv").status_code, 404)

        def stop_after_first_batch(total):
            def report(done):
                if done == 1:
                    raise Interrupted

            return report

        with pytest.raises(Interrupted):
            open_data.export(progress=stop_after_first_batch, batch_size=1)
        # Nothing is published yet; what was written is kept for the next run.
        self.assertEqual(self.client.get("/donnees-ouvertes/ressources.jsonl").status_code, 404)
        with (self.root / open_data.WORK / open_data.JSONL_NAME).open("a") as handle:
            handle.write('{"titre": "ligne à moitié écri')  # killed in the middle of a write

        _release, rows, resumed_from = open_data.export(batch_size=1)
        self.assertEqual(resumed_from, 1)
        self.assertEqual(rows, open_data.public_resources().count())
        report = Package(str(self.root / open_data.CURRENT / open_data.PACKAGE_NAME)).validate()
        self.assertTrue(report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"]))
        self.assertFalse((self.root / open_data.WORK).exists())

    def test_a_second_run_while_one_is_under_way_is_refused(self):
        with open_data._exclusive(self.root), pytest.raises(CommandError, match="déjà en cours"):
            call_command("export_open_data", verbosity=0)


@pytest.mark.browser
def test_a_search_is_exported_as_the_person_sees_it(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    """Type a search, open « Exporter (JSON) »: the resources found, with their licence."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from tests import ux_world

    world = ux_world.build()
    browser.get(live_server.url + "/rechercher/")
    field = browser.find_element(By.ID, "search-input")
    field.send_keys("messagerie", Keys.ENTER)
    # The results page loads after Enter: wait for it rather than read the page being left.
    link = WebDriverWait(browser, 10).until(
        EC.presence_of_element_located((By.LINK_TEXT, "Exporter (JSON)"))
    )
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    pre = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.TAG_NAME, "pre")))
    data = json.loads(pre.text)
    assert data["export"] == "Recherche « messagerie »"
    assert {row["titre"] for row in data["ressources"]} == {r.title for r in world.resources}
    assert {row["licence"] for row in data["ressources"]} == {"CC-BY-4.0"}
