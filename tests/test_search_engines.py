"""One behavioural suite for every search engine: what a search finds, how it ranks, counts and
filters, and what it never shows.

It runs on the database engine always (SQLite FTS5 or PostgreSQL, whichever DATABASE_URL
selects), and on Elasticsearch when ELASTICSEARCH_URL is set (`-m elasticsearch`). The pages are
real (tests/search_fixtures.py) and indexed explicitly with a rebuild, whatever the index
lifecycle does on publication.
"""

import unittest
import uuid
from datetime import date

import pytest
from django.conf import settings
from django.test import TestCase

from search.engines.database import DatabaseEngine
from search.engines.postgres import tsquery, tsvector_literal
from search.engines.snapshot import bits_of, ids_of
from search.engines.sqlite import fts
from search.engines.text import compile_query, excerpt
from search.models import SearchEntry, SearchFacet, Synonym
from search.query import SearchQuery
from tests.search_fixtures import build_corpus, documents, index

HOSTILE_QUERIES = [
    '"',
    '""',
    '"""',
    "-",
    "--",
    "- -",
    "*",
    "**",
    "numéri*",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND OR NOT",
    "a AND",
    "OR",
    "NOT quinoa",
    "%00",
    "\x00",
    "quinoa\x00pangolin",
    "(",
    ")",
    "^quinoa",
    "title:quinoa",
    "{title}: quinoa",
    "quinoa:*",
    "'quinoa' & 'x'",
    "!quinoa",
    "a <-> b",
    "\\",
    "'",
    "l'",
    "le la les de du des",
    "-le",
    '-"le la"',
    "é" * 200,
    "quinoa " * 80,
    "x" * 500,
    "🙂 ✨",
    "<script>alert(1)</script>",
    "SELECT * FROM bc_search_fts",
    "\u202e\u200b",
]


class EngineBehaviour:
    """The tests; a subclass says which engine (make_engine)."""

    @classmethod
    def make_engine(cls):
        raise NotImplementedError

    @classmethod
    def setUpTestData(cls):
        cls.w = build_corpus()
        index(cls.make_engine())

    @property
    def engine(self):
        return self.make_engine()

    def reindex(self):
        index(self.engine)

    def search(self, text="", visible_base_ids=frozenset(), **kwargs):
        kwargs.setdefault("per_page", 100)
        return self.engine.search(
            SearchQuery(text=text, visible_base_ids=visible_base_ids, **kwargs)
        )

    def ids(self, text="", **kwargs):
        return [hit.id for hit in self.search(text, **kwargs).hits]

    def found(self, text="", **kwargs):
        return set(self.ids(text, **kwargs))

    def facet(self, results, facet):
        return {value.value: value.count for value in results.facets.get(facet, [])}

    # French matching -----------------------------------------------------------------------------

    def test_accents_are_ignored(self):
        self.assertIn(self.w.digital.pk, self.found("numerique"))
        self.assertIn(self.w.digital.pk, self.found("NUMÉRIQUES"))

    def test_elisions_are_ignored(self):
        self.assertIn(self.w.support.pk, self.found("l'accompagnement"))
        self.assertIn(self.w.support.pk, self.found("accompagnement"))
        self.assertIn(self.w.support.pk, self.found("l’accompagnement"))

    def test_plurals_and_stems(self):
        self.assertIn(self.w.tools.pk, self.found("outils"))
        self.assertIn(self.w.procedure.pk, self.found("démarches"))
        self.assertIn(self.w.procedure.pk, self.found("demarche"))

    def test_every_word_is_required(self):
        self.assertEqual(self.found("mémoire tricot"), {self.w.memory.pk})
        self.assertEqual(self.found("mémoire poterie"), {self.w.village.pk})
        self.assertEqual(self.found("mémoire pangolin"), set())

    def test_exact_phrase(self):
        self.assertEqual(self.found("mémoire vive"), {self.w.memory.pk, self.w.village.pk})
        self.assertEqual(self.found('"mémoire vive"'), {self.w.memory.pk})
        self.assertEqual(self.found('"vive mémoire"'), set())

    def test_excluded_words(self):
        self.assertEqual(self.found("mémoire -village"), {self.w.memory.pk})
        self.assertEqual(self.found('mémoire -"mémoire vive"'), {self.w.village.pk})

    # Synonyms ------------------------------------------------------------------------------------

    def test_acronym_finds_its_expansion(self):
        self.assertEqual(self.found("cnfs"), {self.w.cnfs.pk, self.w.adviser.pk})
        self.assertEqual(self.found("EPN"), {self.w.epn.pk, self.w.public_space.pk})

    def test_expansion_finds_its_acronym(self):
        self.assertEqual(self.found("conseiller numérique"), {self.w.cnfs.pk, self.w.adviser.pk})
        self.assertEqual(
            self.found("espace public numérique"), {self.w.epn.pk, self.w.public_space.pk}
        )
        self.assertEqual(self.found("conseillers numériques"), {self.w.cnfs.pk, self.w.adviser.pk})

    def test_synonym_with_another_word(self):
        self.assertEqual(self.found("epn rural"), {self.w.epn.pk})
        self.assertEqual(self.found("animer epn"), {self.w.public_space.pk})

    def test_synonym_added_in_the_admin(self):
        self.assertEqual(self.found("grimoire"), set())
        Synonym.objects.create(terms="grimoire, vademecum")
        self.reindex()  # Elasticsearch embeds the synonyms in its index
        self.assertEqual(self.found("grimoire"), {self.w.handbook.pk})

    # Everything is searchable ----------------------------------------------------------------------

    def test_body_blocks(self):
        for word in ("xylophone", "zanzibar", "tamarin"):
            with self.subTest(word):
                self.assertEqual(self.found(word), {self.w.fields.pk})

    def test_tags_taxonomy_and_credits(self):
        self.assertEqual(self.found("wombat"), {self.w.fields.pk})
        self.assertEqual(self.found("intelligence artificielle"), {self.w.fields.pk})
        self.assertEqual(self.found("Quetzalcoatl"), {self.w.fields.pk})

    def test_organisation_and_base_names(self):
        hub_resources = {
            page.pk for page in (self.w.tools, self.w.q1, self.w.q2, self.w.memory, self.w.hostile)
        }
        self.assertLessEqual(hub_resources, self.found("ornithorynque"))
        self.assertIn(self.w.hub.pk, self.found("ornithorynque", tab="bases"))
        found = self.found("lagopède")
        self.assertLessEqual({self.w.fields.pk, self.w.q3.pk, self.w.in_title.pk}, found)
        self.assertNotIn(self.w.q1.pk, found)

    def test_file_title_and_name(self):
        self.assertEqual(self.found("capybara"), {self.w.with_file.pk})
        self.assertEqual(self.found("okapi"), {self.w.with_file.pk})

    # Ranking -------------------------------------------------------------------------------------

    def test_title_above_summary_above_body(self):
        self.assertEqual(
            self.ids("pangolin"), [self.w.in_title.pk, self.w.in_summary.pk, self.w.in_body.pk]
        )

    # Facets --------------------------------------------------------------------------------------

    def test_facet_counts(self):
        results = self.search("quinoa")
        self.assertEqual(results.total, 4)
        self.assertEqual(
            self.facet(results, "themes"), {"donnees": 2, "parentalite": 2, "mobilites": 1}
        )
        self.assertEqual(self.facet(results, "resource_types"), {"fiche_pratique": 2, "article": 2})
        self.assertEqual(
            self.facet(results, "licence"),
            {
                "CC-BY-4.0": 1,
                "CC-BY-NC-SA-4.0": 1,
                "etalab-2.0": 1,
                "LicenseRef-tous-droits-reserves": 1,
                "ouverte": 2,
            },
        )
        self.assertEqual(
            self.facet(results, "base"), {str(self.w.hub.pk): 2, str(self.w.other.pk): 2}
        )
        self.assertEqual(self.facet(results, "beneficiaries"), {"parents": 1})
        self.assertEqual(self.facet(results, "language"), {"fr": 4})

    def test_facet_labels_and_groups(self):
        results = self.search("quinoa")
        themes = {value.value: value for value in results.facets["themes"]}
        self.assertEqual(themes["donnees"].label, "Données")
        self.assertEqual(themes["donnees"].group, "Culture numérique")
        self.assertEqual(themes["mobilites"].group, "Numérique & environnement")
        bases = {value.value: value.label for value in results.facets["base"]}
        self.assertEqual(bases[str(self.w.other.pk)], "Base Lagopède")
        bases = self.search("", tab="bases")
        regions = {value.value: (value.label, value.count) for value in bases.facets["region"]}
        self.assertEqual(regions, {"53": ("Bretagne", 1), "76": ("Occitanie", 1)})

    def test_facets_are_disjunctive_within_and_conjunctive_across(self):
        results = self.search("quinoa", filters={"themes": ["donnees"]})
        self.assertEqual({hit.id for hit in results.hits}, {self.w.q1.pk, self.w.q2.pk})
        # The theme's own counts ignore the theme selection, so that one can add another.
        self.assertEqual(
            self.facet(results, "themes"), {"donnees": 2, "parentalite": 2, "mobilites": 1}
        )
        selected = {value.value for value in results.facets["themes"] if value.selected}
        self.assertEqual(selected, {"donnees"})
        self.assertEqual(self.facet(results, "resource_types"), {"fiche_pratique": 1, "article": 1})

        either = self.found("quinoa", filters={"themes": ["donnees", "parentalite"]})
        self.assertEqual(either, {self.w.q1.pk, self.w.q2.pk, self.w.q3.pk})

        both = self.search("quinoa", filters={"themes": ["donnees"], "resource_types": ["article"]})
        self.assertEqual([hit.id for hit in both.hits], [self.w.q2.pk])
        self.assertEqual(
            self.facet(both, "themes"), {"donnees": 1, "parentalite": 1, "mobilites": 1}
        )

    def test_selected_value_without_results_stays_listed(self):
        results = self.search("quinoa", filters={"themes": ["jeux_videos"]})
        self.assertEqual(results.total, 0)
        values = {value.value: value for value in results.facets["themes"]}
        self.assertEqual(values["jeux_videos"].count, 0)
        self.assertTrue(values["jeux_videos"].selected)

    def test_open_licences_only(self):
        self.assertEqual(
            self.found("quinoa", filters={"licence": ["ouverte"]}), {self.w.q1.pk, self.w.q3.pk}
        )

    def test_browsing_without_text(self):
        results = self.search("", filters={"themes": ["parentalite"]})
        self.assertEqual({hit.id for hit in results.hits}, {self.w.q2.pk, self.w.q3.pk})
        everything = self.search("")
        self.assertGreater(everything.total, 20)
        self.assertEqual(self.facet(everything, "themes")["parentalite"], 2)

    # Dates, sorts, pages -----------------------------------------------------------------------

    def test_publication_date_range(self):
        found = self.found(
            "quinoa", published_from=date(2022, 1, 1), published_to=date(2023, 1, 20)
        )
        self.assertEqual(found, {self.w.q2.pk, self.w.q3.pk})
        self.assertEqual(self.found("quinoa", published_from=date(2024, 1, 1)), {self.w.q4.pk})
        self.assertEqual(self.found("quinoa", published_to=date(2021, 12, 31)), {self.w.q1.pk})

    def test_sorts(self):
        w = self.w
        self.assertEqual(self.ids("quinoa", sort="recentes"), [w.q4.pk, w.q3.pk, w.q2.pk, w.q1.pk])
        self.assertEqual(
            self.ids("quinoa", sort="mises-a-jour"), [w.q1.pk, w.q4.pk, w.q3.pk, w.q2.pk]
        )
        self.assertEqual(self.ids("quinoa", sort="titre"), [w.q3.pk, w.q2.pk, w.q1.pk, w.q4.pk])
        self.assertEqual(set(self.ids("quinoa", sort="pertinence")), self.found("quinoa"))

    def test_no_text_lists_the_most_recent_first(self):
        ids = self.ids("", filters={"themes": ["donnees", "parentalite", "mobilites"]})
        self.assertEqual(ids, [self.w.q4.pk, self.w.q3.pk, self.w.q2.pk, self.w.q1.pk])

    def test_pagination(self):
        first = self.search("quinoa", sort="recentes", per_page=3, page=1)
        second = self.search("quinoa", sort="recentes", per_page=3, page=2)
        third = self.search("quinoa", sort="recentes", per_page=3, page=3)
        self.assertEqual([hit.id for hit in first.hits], [self.w.q4.pk, self.w.q3.pk, self.w.q2.pk])
        self.assertEqual([hit.id for hit in second.hits], [self.w.q1.pk])
        self.assertEqual(third.hits, [])
        self.assertEqual((first.total, second.total, third.total), (4, 4, 4))

    # Tabs ----------------------------------------------------------------------------------------

    def test_tab_counts(self):
        results = self.search("lagopède")
        self.assertEqual(results.tab_counts["base"], 1)
        self.assertEqual(results.tab_counts["collection"], 1)
        self.assertEqual(results.tab_counts["resource"], results.total)
        bases = self.search("lagopède", tab="bases")
        self.assertEqual([hit.id for hit in bases.hits], [self.w.other.pk])
        self.assertEqual(bases.total, 1)
        self.assertEqual(bases.tab_counts, results.tab_counts)
        collections = self.search("lagopède", tab="collections")
        self.assertEqual([hit.id for hit in collections.hits], [self.w.collection.pk])
        self.assertEqual(collections.hits[0].kind, "collection")

    def test_resource_filters_count_on_the_resources_tab_only(self):
        results = self.search("lagopède", filters={"themes": ["parentalite"]})
        self.assertEqual(results.tab_counts["resource"], 1)  # q3
        self.assertEqual(results.tab_counts["base"], 1)
        self.assertEqual(results.tab_counts["collection"], 1)
        bases = self.search("lagopède", tab="bases", filters={"region": ["11"]})
        self.assertEqual(bases.total, 0)

    # Visibility ----------------------------------------------------------------------------------

    def test_private_content_is_invisible_to_visitors(self):
        w = self.w
        for visible in (frozenset(), frozenset({w.hub.pk, w.other.pk})):
            with self.subTest(visible=visible):
                results = self.search("quokka", visible_base_ids=visible)
                self.assertEqual(results.hits, [])
                self.assertEqual(results.tab_counts, {"resource": 0, "base": 0, "collection": 0})
                self.assertEqual(self.found("narval", visible_base_ids=visible, tab="bases"), set())
                browse = self.search("", visible_base_ids=visible)
                self.assertNotIn("jeux_videos", self.facet(browse, "themes"))
                self.assertNotIn(str(w.secret.pk), self.facet(browse, "base"))
                self.assertNotIn("11", self.facet(browse, "region"))
                self.assertEqual(self.engine.suggest("quok", visible), [])
                self.assertEqual(self.engine.suggest("rapport secr", visible), [])

    def test_private_content_is_visible_to_members_and_admins(self):
        w = self.w
        for visible in (frozenset({w.secret.pk}), None):
            with self.subTest(visible=visible):
                results = self.search("quokka", visible_base_ids=visible)
                self.assertEqual([hit.id for hit in results.hits], [w.secret_resource.pk])
                self.assertEqual(results.tab_counts, {"resource": 1, "base": 0, "collection": 1})
                self.assertEqual(
                    self.facet(self.search("", visible_base_ids=visible), "themes")["jeux_videos"],
                    1,
                )
                titles = {item["title"] for item in self.engine.suggest("quok", visible)}
                self.assertEqual(titles, {"Rapport secret sur le quokka", "Dossier quokka"})

    def test_private_collection_of_a_public_base(self):
        w = self.w
        anonymous = self.search("quinoa", tab="collections")
        self.assertEqual([hit.id for hit in anonymous.hits], [w.collection.pk])
        members = self.search("quinoa", tab="collections", visible_base_ids=frozenset({w.hub.pk}))
        self.assertEqual(
            {hit.id for hit in members.hits}, {w.collection.pk, w.hidden_collection.pk}
        )
        self.assertEqual(anonymous.tab_counts["collection"], 1)
        self.assertEqual(members.tab_counts["collection"], 2)

    # Hits ----------------------------------------------------------------------------------------

    def test_hits_carry_their_document(self):
        [hit] = self.search("pangolin", sort="titre", per_page=1).hits
        self.assertEqual(hit.id, self.w.in_title.pk)
        self.assertEqual(hit.kind, "resource")
        self.assertEqual(hit.title, "Le pangolin")
        self.assertEqual(hit.url, self.w.in_title.url)
        self.assertEqual(hit.document["base"]["title"], "Base Lagopède")

    def test_highlighted_excerpt(self):
        [hit] = self.search("xylophones").hits
        self.assertIn("<mark>xylophone</mark>", hit.excerpt)
        [hit] = self.search("vive", filters={"base": [str(self.w.hub.pk)]}, sort="titre").hits[:1]
        self.assertIn("<mark>vive</mark>", hit.excerpt)

    def test_excerpt_escapes_html(self):
        [hit] = self.search("marmotte").hits
        self.assertIn("<mark>marmotte</mark>", hit.excerpt)
        self.assertNotIn("<script>", hit.excerpt)
        self.assertIn("&lt;script&gt;", hit.excerpt)
        self.assertIn("&amp;", hit.excerpt)

    # Suggestions ---------------------------------------------------------------------------------

    def test_suggestions(self):
        suggestions = self.engine.suggest("pango", frozenset())
        self.assertEqual(
            [(item["title"], item["kind"]) for item in suggestions], [("Le pangolin", "resource")]
        )
        self.assertEqual(suggestions[0]["url"], self.w.in_title.url)
        titles = {item["title"] for item in self.engine.suggest("lagop", frozenset())}
        self.assertEqual(titles, {"Base Lagopède", "Sélection lagopède"})
        kinds = [item["kind"] for item in self.engine.suggest("quin", frozenset(), limit=3)]
        self.assertEqual(kinds, ["resource"] * 3)

    def test_suggestions_fold_and_complete_the_last_word(self):
        titles = {item["title"] for item in self.engine.suggest("EPEAU", frozenset())}
        self.assertEqual(titles, {"Épeautre et quinoa"})
        titles = {item["title"] for item in self.engine.suggest("Ble et qui", frozenset())}
        self.assertEqual(titles, {"Blé et quinoa"})

    # Hostile input -------------------------------------------------------------------------------

    def test_hostile_queries_never_fail(self):
        for text in HOSTILE_QUERIES:
            with self.subTest(text=text):
                results = self.search(text)
                self.assertGreaterEqual(results.total, 0)
                self.assertIsInstance(self.engine.suggest(text, frozenset()), list)

    def test_only_stop_words_lists_everything(self):
        self.assertEqual(self.search("le la de").total, self.search("").total)

    def test_hostile_filters_and_pages(self):
        results = self.search(
            "quinoa",
            filters={"themes": ["'; DROP TABLE x; --", ""], "unknown": ["x"], "base": ["abc"]},
            page=10**9,
            sort="nimporte",
        )
        self.assertEqual(results.total, 0)
        self.assertEqual(results.hits, [])


class DatabaseEngineTests(EngineBehaviour, TestCase):
    @classmethod
    def make_engine(cls):
        return DatabaseEngine()


@pytest.mark.elasticsearch
@unittest.skipUnless(settings.ELASTICSEARCH_URL, "ELASTICSEARCH_URL is not set")
class ElasticsearchEngineTests(EngineBehaviour, TestCase):
    alias = f"bc-test-engines-{uuid.uuid4().hex[:8]}"

    @classmethod
    def make_engine(cls):
        from search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(settings.ELASTICSEARCH_URL, index=cls.alias)

    @classmethod
    def tearDownClass(cls):
        engine = cls.make_engine()
        names = engine.concrete_indices() + engine.indices_of(engine.rebuilding_alias)
        if names:  # by name: Elasticsearch 8 refuses to delete by wildcard
            engine.client.indices.delete(index=",".join(names), ignore_unavailable=True)
        super().tearDownClass()


class DatabaseEngineInternals(TestCase):
    """What only the database engine has: its snapshot following writes, its tiers."""

    @classmethod
    def setUpTestData(cls):
        cls.w = build_corpus()
        index(DatabaseEngine())

    def search(self, text="", **kwargs):
        kwargs.setdefault("per_page", 100)
        return DatabaseEngine().search(SearchQuery(text=text, **kwargs))

    def found(self, text="", **kwargs):
        return {hit.id for hit in self.search(text, **kwargs).hits}

    def test_upsert_and_delete_are_seen_by_the_next_search(self):
        engine = DatabaseEngine()
        self.assertEqual(
            self.found("pangolin"), {self.w.in_title.pk, self.w.in_summary.pk, self.w.in_body.pk}
        )
        self.assertEqual(self.found("kinkajou"), set())
        self.found("quinoa", filters={"themes": ["donnees"]})  # a cached word and facet
        document = next(doc for doc in documents() if doc["id"] == self.w.q1.pk)
        document.update(text_title="Le kinkajou", title="Le kinkajou", themes=[])
        engine.upsert([document])
        self.assertEqual(self.found("kinkajou"), {self.w.q1.pk})
        self.assertEqual(self.found("quinoa", filters={"themes": ["donnees"]}), {self.w.q2.pk})
        self.assertNotIn(self.w.q1.pk, self.found("dattes"))
        engine.delete([self.w.in_title.pk, self.w.q1.pk])
        self.assertEqual(self.found("pangolin"), {self.w.in_summary.pk, self.w.in_body.pk})
        self.assertEqual(self.found("kinkajou"), set())
        self.assertFalse(SearchEntry.objects.filter(pk=self.w.q1.pk).exists())
        self.assertFalse(SearchFacet.objects.filter(entry_id=self.w.q1.pk).exists())

    def test_patched_snapshot_equals_a_fresh_one(self):
        from unittest import mock

        from django.db import connection

        from search.engines.database import vendor_index
        from search.engines.snapshot import Snapshot, snapshot_of

        engine = DatabaseEngine()
        from search.engines import database

        self.found("kinkajou")
        self.found('"mémoire vive"')
        with mock.patch.dict(database.RANK_LIMIT, dict.fromkeys(database.RANK_LIMIT, 0)):
            self.found("quinoa")  # ranked by tiers: also in the title and summary cache
            self.found('pangolin "mémoire du village"')
        changed = [doc for doc in documents() if doc["id"] in (self.w.q1.pk, self.w.memory.pk)]
        changed[0].update(text_title="Le kinkajou", themes=[], is_public=False)
        changed[1].update(text_summary="La mémoire vive du pangolin.", kind="resource")
        with mock.patch.object(Snapshot, "load", autospec=True, side_effect=Snapshot.load) as load:
            engine.upsert(changed)
            engine.delete([self.w.in_body.pk])
            self.found("quinoa")
            self.assertEqual(load.call_count, 0)  # patched, not reloaded

        patched = snapshot_of(vendor_index())
        fresh = Snapshot(vendor_index())
        with connection.cursor() as cursor:
            fresh.refresh(cursor)
            for key, columns in patched.keys.items():
                if columns[1] is None:
                    fresh.anywhere(cursor, key)
                else:
                    fresh.in_fields(cursor, key)
        self.assertEqual(patched.alive, fresh.alive)
        self.assertEqual(patched.public, fresh.public)
        self.assertEqual(patched.kinds, fresh.kinds)
        self.assertEqual(patched.by_base, fresh.by_base)
        self.assertEqual(
            {
                facet: {v: b for v, b in values.items() if b}
                for facet, values in patched.facets.items()
            },
            fresh.facets,
        )
        self.assertEqual(dict(patched.keys), dict(fresh.keys))
        for name, order in patched.orders.items():
            self.assertEqual(order.items, fresh.orders[name].items, name)
        self.assertEqual(patched.bases, fresh.bases)

    def test_writes_bypassing_the_engine_are_noticed(self):
        self.assertIn(self.w.hostile.pk, self.found("marmotte"))
        SearchEntry.objects.filter(pk__gte=self.w.hostile.pk).delete()
        self.assertEqual(self.found("marmotte"), set())

    def test_privacy_change_is_applied_at_once(self):
        self.assertIn(self.w.q2.pk, self.found("quinoa"))
        document = next(doc for doc in documents() if doc["id"] == self.w.q2.pk)
        document["is_public"] = False
        DatabaseEngine().upsert([document])
        self.assertNotIn(self.w.q2.pk, self.found("quinoa"))
        self.assertIn(
            self.w.q2.pk, self.found("quinoa", visible_base_ids=frozenset({self.w.hub.pk}))
        )

    def test_tiers_rank_broad_queries(self):
        from search.engines import database

        original = database.RANK_LIMIT
        database.RANK_LIMIT = dict.fromkeys(original, 0)
        try:
            ids = [hit.id for hit in self.search("pangolin").hits]
            self.assertEqual(ids, [self.w.in_title.pk, self.w.in_summary.pk, self.w.in_body.pk])
            ids = [hit.id for hit in self.search("quinoa").hits]
            self.assertEqual(ids, [self.w.q4.pk, self.w.q3.pk, self.w.q2.pk, self.w.q1.pk])
            scores = [hit.score for hit in self.search("pangolin").hits]
            self.assertEqual(scores, [11.0, 5.0, 1.0])
        finally:
            database.RANK_LIMIT = original

    def test_suggestions_list_resources_first(self):
        suggestions = DatabaseEngine().suggest("quinoa", None)
        self.assertEqual([item["kind"] for item in suggestions], ["resource"] * 4 + ["collection"])
        self.assertEqual(suggestions[-1]["title"], "Brouillon quinoa interne")

    def test_status_and_fingerprints(self):
        engine = DatabaseEngine()
        status = engine.status()
        self.assertEqual(status["documents"], SearchEntry.objects.count())
        self.assertEqual(status["bases"], 3)
        fingerprints = engine.fingerprints()
        self.assertEqual(set(fingerprints), set(SearchEntry.objects.values_list("pk", flat=True)))

    def test_rebuild_reports_progress(self):
        calls = []
        found = documents()
        DatabaseEngine().rebuild(iter(found), len(found), progress=calls.append)
        self.assertEqual(calls[-1], len(found))
        self.assertEqual(SearchEntry.objects.count(), len(found))

    def test_snapshot_follows_a_rollback(self):
        from django.db import transaction

        self.assertIn(self.w.q1.pk, self.found("dattes"))
        try:
            with transaction.atomic():
                DatabaseEngine().delete([self.w.q1.pk])
                self.assertNotIn(self.w.q1.pk, self.found("dattes"))
                raise RuntimeError
        except RuntimeError:
            pass
        self.assertIn(self.w.q1.pk, self.found("dattes"))


class QueryCompilationTests(unittest.TestCase):
    table = {
        "cnf": ["cnf", "conseil numer"],
        "conseil numer": ["conseil numer", "cnf"],
        "epn": ["epn", "espac public numer"],
        "espac public numer": ["espac public numer", "epn"],
    }

    def test_words_phrases_and_exclusions(self):
        compiled = compile_query('outils "mémoire vive" -village', self.table)
        self.assertEqual(compiled.groups, [[("outil",)], [("memoir", "viv")]])
        self.assertEqual(compiled.excluded, [[("villag",)]])

    def test_synonym_runs(self):
        compiled = compile_query("animer conseillers numériques", self.table)
        self.assertEqual(compiled.groups, [[("anim",)], [("conseil", "numer"), ("cnf",)]])
        compiled = compile_query('"ouvrir un epn"', self.table)
        self.assertEqual(compiled.groups, [[("ouvr", "epn"), ("ouvr", "espac", "public", "numer")]])

    def test_fts_and_tsquery_are_quoted(self):
        compiled = compile_query('cnfs "a b" NEAR( AND', self.table)
        self.assertEqual(
            fts(compiled), '("cnf" OR "conseil numer") AND ("near") AND ("and") AND ("b")'
        )
        self.assertEqual(
            tsquery(compiled),
            "(('cnf') | ('conseil' <-> 'numer')) & (('near')) & (('and')) & (('b'))",
        )

    def test_tsvector_literal(self):
        self.assertEqual(
            tsvector_literal(["outil", "numer", "outil"], "A"), "'outil':1A,3A 'numer':2A"
        )
        self.assertEqual(tsvector_literal([]), "")

    def test_bitsets(self):
        self.assertEqual(ids_of(bits_of([0, 5, 64, 3])), [0, 3, 5, 64])
        self.assertEqual(bits_of([]), 0)

    def test_excerpt(self):
        document = {
            "summary": "Court résumé.",
            "body": ("mot " * 100) + "les Démarches <b>en</b> ligne " + ("mot " * 100),
        }
        html = excerpt(document, {"demarch"})
        self.assertIn("<mark>Démarches</mark>", html)
        self.assertIn("&lt;b&gt;", html)
        self.assertTrue(html.startswith("… ") and html.endswith(" …"))
        self.assertLess(len(html), 320)
        self.assertEqual(excerpt({"summary": "A < B", "body": ""}, {"zzz"}), "A &lt; B")
