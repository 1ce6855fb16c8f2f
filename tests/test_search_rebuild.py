"""A rebuild of the search index never fails a search or a publication, and the search log
never fails the search page (issue 18, item 5).

The scenario (tests/rebuild_probe.py) runs in a fresh process on a fresh database of the same
kind as the suite's — a file in WAL mode for SQLite, a new database on the same server for
PostgreSQL — because it needs what an in-memory test database inside a test transaction does
not have: several connections, each with its own transactions and locks.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from ressources.models import ResourcePage
from search import engines, lifecycle
from search.engines import database
from search.engines.database import vendor_index
from search.engines.snapshot import snapshot_of
from search.models import SearchEntry, SearchLog
from search.query import SearchQuery
from search.warmup import warm_up
from tests.factories import (
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
)
from tests.search_fixtures import index

ROOT = Path(__file__).resolve().parent.parent


def _postgres_url(name):
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or '127.0.0.1'}"
        f":{settings['PORT'] or 5432}/{name}"
    )


@pytest.fixture
def fresh_database(tmp_path):
    """DATABASE_URL of an empty database of the suite's kind, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'rebuild.sqlite3'}"
        return
    import psycopg

    name = f"{connection.settings_dict['NAME']}_rebuild"[:63]
    admin = psycopg.connect(_postgres_url("postgres").replace("postgres://", "postgresql://"))
    admin.autocommit = True
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _postgres_url(name)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.django_db
def test_a_search_and_a_publication_during_a_rebuild_succeed(fresh_database):
    environment = {
        **os.environ,
        "DATABASE_URL": fresh_database,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "ELASTICSEARCH_URL": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.rebuild_probe"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    # Mid-rebuild (the rebuild holding its batch's transaction), the page answers at once,
    # from the old index: every resource is there.
    during = seen["during"]
    assert during["status"] == 200
    assert during["seconds"] < 5
    assert len(during["titles"]) == 9  # every resource (the resources tab)
    # The publication made during the rebuild went through, and the swapped index has it.
    assert seen["publication"] == "ok", seen
    assert seen["rebuild"] == "ok", seen
    after = seen["after"]
    assert after["status"] == 200
    assert "Nouvelle fiche pangolin" in after["titles"]
    assert "Fiche pangolin modifiée" in after["titles"]
    assert "Fiche pangolin 0" not in after["titles"]
    assert seen["logged"] >= 1


class SearchLogNeverFailsThePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        base = BasePageFactory(title="Base des manchots")
        ResourcePageFactory(parent=base, title="Fiche manchot empereur")

    def setUp(self):
        index(engines.database_engine())

    def test_a_search_log_that_cannot_be_written_leaves_the_page_whole(self):
        locked = OperationalError("database is locked")
        with mock.patch.object(SearchLog.objects, "create", side_effect=locked):
            response = self.client.get("/rechercher/", {"q": "manchot"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Fiche manchot empereur")
        self.assertFalse(SearchLog.objects.exists())

    def test_a_broken_search_log_table_leaves_the_page_whole(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {SearchLog._meta.db_table}")
        response = self.client.get("/rechercher/", {"q": "manchot"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Fiche manchot empereur")


class IndexingQueriesTests(TestCase):
    """Indexing reads what documents need for a whole batch at once: the number of queries
    does not grow with the number of pages (it grew by three or more per page)."""

    @classmethod
    def setUpTestData(cls):
        cls.bases = [BasePageFactory(title=f"Base {number}") for number in range(2)]

    def add_pages(self, count):
        start = ResourcePage.objects.count()
        for number in range(start, start + count):
            base = self.bases[number % 2]
            page = ResourcePageFactory(parent=base, title=f"Fiche lot {number}")
            page.tags.add(f"mot{number}")
            page.save()
            ResourceCreditFactory(resource=page)
        ResourceCollectionPageFactory(parent=self.bases[0], title=f"Sélection du lot {start}")

    def queries_to_index_everything(self):
        engine = engines.database_engine()
        with CaptureQueriesContext(connection) as queries:
            lifecycle.rebuild(engine)
        return len(queries)

    def test_a_rebuild_costs_the_same_queries_for_twice_the_pages(self):
        self.add_pages(4)
        few = self.queries_to_index_everything()
        self.add_pages(8)
        many = self.queries_to_index_everything()
        self.assertEqual(SearchEntry.objects.filter(title__startswith="Fiche lot").count(), 12)
        # (The first rebuild may also read the site's root paths, cached afterwards.)
        self.assertLessEqual(many, few)

    def test_an_update_of_many_pages_costs_the_queries_of_one(self):
        self.add_pages(8)
        pages = list(ResourcePage.objects.filter(title__startswith="Fiche lot"))
        engine = engines.database_engine()
        with CaptureQueriesContext(connection) as one:
            lifecycle.send(engine, [pages[0].pk])
        with CaptureQueriesContext(connection) as eight:
            lifecycle.send(engine, [page.pk for page in pages])
        self.assertEqual(SearchEntry.objects.filter(title__startswith="Fiche lot").count(), 8)
        self.assertLessEqual(len(eight), len(one))


class WarmUpTests(TestCase):
    """A warmed-up process answers its first search without loading the index (issue 18,
    item 6); the warm-up's own searches are nobody's and stay out of the search log."""

    @classmethod
    def setUpTestData(cls):
        base = BasePageFactory(title="Base du numérique")
        ResourcePageFactory(parent=base, title="Atelier numérique pour débuter")

    def setUp(self):
        index(engines.database_engine())
        SearchLog.objects.create(
            query="debuter", tab="ressources", results=1, duration_ms=1, engine="database"
        )
        snapshot = snapshot_of(vendor_index())
        snapshot.reset()
        snapshot.generation = None  # as in a process that never searched

    def test_the_first_search_after_warm_up_loads_nothing(self):
        warm_up(close=False)
        self.assertEqual(SearchLog.objects.count(), 1)
        with CaptureQueriesContext(connection) as queries:
            results = engines.search(SearchQuery(text="débuter"))
        self.assertEqual([hit.title for hit in results.hits], ["Atelier numérique pour débuter"])
        statements = " ".join(query["sql"] for query in queries.captured_queries)
        self.assertNotIn("GROUP BY facet, value", statements)  # the snapshot's load
        # The pages holding the word come from the word cache, not the full-text index (only
        # the ranking of the few matches reads it).
        self.assertNotIn("group_concat(rowid)", statements)  # SQLite
        self.assertNotIn("string_agg(page_id", statements)  # PostgreSQL

    def test_the_first_search_on_the_page_reads_no_full_text_index(self):
        """Past RANK_LIMIT matches (a common word at 100,000 resources), relevance asks in
        which fields each word is: that too is warmed up for the frequent searches' words."""
        warm_up(close=False)
        with (
            mock.patch.dict(database.RANK_LIMIT, {"sqlite": 0, "postgresql": 0}),
            CaptureQueriesContext(connection) as queries,
        ):
            response = self.client.get("/rechercher/", {"q": "débuter"})
        self.assertContains(response, "Atelier numérique pour débuter")
        statements = " ".join(query["sql"] for query in queries.captured_queries)
        print("\n".join(q["sql"][:200] for q in queries.captured_queries))
        self.assertNotIn("group_concat(rowid)", statements)  # SQLite
        self.assertNotIn("string_agg(page_id", statements)  # PostgreSQL
