"""`manage.py search_index rebuild | update | check | status`."""

import io
from unittest import mock

from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, override_settings

from ressources.models import ResourcePage
from search import engines as search_engines
from search import lifecycle
from search.engines.base import EngineUnavailable
from search.management.commands.search_index import ProgressBar
from search.models import PendingIndexUpdate, SearchEntry
from search.query import SearchQuery
from tests.factories import BasePageFactory, ResourcePageFactory


def run(*args, **options):
    out = io.StringIO()
    call_command("search_index", *args, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def found(text, tab="ressources"):
    results = search_engines.database_engine().search(SearchQuery(text=text, tab=tab))
    return {hit.id for hit in results.hits}


class SearchIndexCommandTests(TestCase):
    def setUp(self):
        lifecycle.forget_failures()
        self.addCleanup(lifecycle.forget_failures)
        # Pages created without running the commit callbacks: the index knows nothing yet.
        with self.captureOnCommitCallbacks(execute=False):
            self.base = BasePageFactory(title="Base du réseau des médiathèques")
            self.resources = [
                ResourcePageFactory(parent=self.base, title=f"Atelier numéro {n} de cybersécurité")
                for n in range(3)
            ]
        PendingIndexUpdate.objects.all().delete()
        self.engine = search_engines.database_engine()

    def test_rebuild_indexes_every_published_page_with_a_progress_bar(self):
        self.assertEqual(found("cybersécurité"), set())
        PendingIndexUpdate.objects.create(
            engine="database", page_id=self.resources[0].pk, action="update"
        )
        output = run("rebuild")
        self.assertIn("Reconstruction de l'index « database »", output)
        self.assertIn("[" + "#" * 30 + "] 4/4 (100 %)", output)
        self.assertIn("4 document(s) indexé(s)", output)
        self.assertEqual(found("cybersécurité"), {page.pk for page in self.resources})
        self.assertEqual(found("médiathèques", tab="bases"), {self.base.pk})
        self.assertFalse(PendingIndexUpdate.objects.exists())
        # Running it again is safe.
        run("rebuild", "--quiet")
        self.assertEqual(found("cybersécurité"), {page.pk for page in self.resources})

    def test_quiet_rebuild_prints_no_progress_bar(self):
        output = run("rebuild", "--quiet")
        self.assertNotIn("[", output)
        self.assertIn("4 document(s) indexé(s)", output)
        self.assertEqual(run("rebuild", verbosity=0), "")

    def test_check_reports_missing_stale_and_extra_documents_then_repairs(self):
        run("rebuild", "--quiet")
        self.assertIn("L'index est à jour.", run("check"))
        missing, stale, extra = self.resources
        self.engine.delete([missing.pk])
        ResourcePage.objects.filter(pk=stale.pk).update(title="Titre changé sans signal")
        with self.captureOnCommitCallbacks(execute=False):
            ResourcePage.objects.get(pk=extra.pk).unpublish()

        with self.assertRaises(CommandError) as raised:
            run("check")
        self.assertIn("--repair", str(raised.exception))
        output = io.StringIO()
        with self.assertRaises(CommandError):
            call_command("search_index", "check", stdout=output)
        output = output.getvalue()
        self.assertIn("Manquants : 1 — « Atelier numéro 0 de cybersécurité »", output)
        self.assertIn("Périmés : 1 — « Titre changé sans signal »", output)
        self.assertIn("En trop : 1 — « Atelier numéro 2 de cybersécurité »", output)

        output = run("check", "--repair")
        self.assertIn("Réparé : 2 document(s) indexé(s), 1 supprimé(s).", output)
        self.assertIn("L'index est à jour.", run("check"))
        self.assertEqual(found("cybersécurité"), {missing.pk})
        self.assertEqual(found("signal"), {stale.pk})
        # --fix is the same option.
        self.engine.delete([missing.pk])
        self.assertIn("Réparé : 1 document(s)", run("check", "--fix"))

    def test_check_sees_full_text_tables_emptied_by_a_restore(self):
        """dumpdata/loaddata keeps SearchEntry but not the full-text tables (not models):
        every search then finds nothing, and check must say so, then repair it."""
        run("rebuild", "--quiet")
        self.assertEqual(len(found("cybersécurité")), 3)
        with connection.cursor() as cursor:
            self.engine.index.delete_all_text(cursor)
        with self.assertRaises(CommandError):
            run("check")
        output = io.StringIO()
        with self.assertRaises(CommandError):
            call_command("search_index", "check", stdout=output)
        self.assertIn("Manquants : 4", output.getvalue())
        self.assertNotIn("L'index est à jour", output.getvalue())
        self.assertIn("Réparé : 4 document(s) indexé(s)", run("check", "--repair"))
        self.assertEqual(found("cybersécurité"), {page.pk for page in self.resources})
        self.assertIn("L'index est à jour.", run("check"))

    def test_check_sees_full_text_rows_left_without_their_entry(self):
        run("rebuild", "--quiet")
        gone = self.resources[0]
        SearchEntry.objects.filter(pk=gone.pk).delete()  # its full-text rows stay
        output = io.StringIO()
        with self.assertRaises(CommandError):
            call_command("search_index", "check", stdout=output)
        self.assertIn("Périmés : 1", output.getvalue())
        run("check", "--repair")
        self.assertIn("L'index est à jour.", run("check"))

    def test_update_sends_the_pending_updates(self):
        for page in self.resources:
            PendingIndexUpdate.objects.create(engine="database", page_id=page.pk, action="update")
        output = run("update")
        self.assertIn("Mises à jour en attente pour « database » : 3", output)
        self.assertIn("3/3 (100 %)", output)
        self.assertIn("3 envoyée(s).", output)
        self.assertFalse(PendingIndexUpdate.objects.exists())
        self.assertEqual(found("cybersécurité"), {page.pk for page in self.resources})

    def test_update_fails_while_the_engine_is_unreachable(self):
        PendingIndexUpdate.objects.create(
            engine="database", page_id=self.resources[0].pk, action="update"
        )
        with (
            mock.patch.object(
                type(self.engine), "upsert", side_effect=EngineUnavailable("injoignable")
            ),
            self.assertRaises(CommandError),
        ):
            run("update")
        row = PendingIndexUpdate.objects.get()
        self.assertEqual(row.attempts, 1)
        self.assertEqual(row.last_error, "injoignable")

    def test_status_shows_each_engine_and_its_queue(self):
        run("rebuild", "--quiet")
        PendingIndexUpdate.objects.create(
            engine="database",
            page_id=self.resources[0].pk,
            action="update",
            attempts=2,
            last_error="délai dépassé",
        )
        output = run("status")
        self.assertIn("Moteur « database »", output)
        self.assertIn("Mises à jour en attente : 1", output)
        self.assertIn("Plus ancienne : il y a", output)
        self.assertIn("Dernière erreur (2 tentative(s)) : délai dépassé", output)

    def test_runs_with_the_system_checks_as_manage_py_does(self):
        out = io.StringIO()
        call_command("search_index", "status", skip_checks=False, stdout=out)
        self.assertIn("Moteur « database »", out.getvalue())

    def test_elasticsearch_must_be_configured_to_be_chosen(self):
        with self.assertRaises(CommandError) as raised:
            run("status", "--engine", "elasticsearch")
        self.assertIn("ELASTICSEARCH_URL", str(raised.exception))

    @override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
    def test_an_unreachable_elasticsearch_is_reported(self):
        try:
            from search.engines import elasticsearch  # noqa: F401
        except ImportError:
            self.skipTest("Le moteur Elasticsearch n'est pas encore disponible.")
        output = io.StringIO()
        with self.assertRaises(CommandError) as raised:
            call_command("search_index", "rebuild", "--quiet", stdout=output)
        self.assertIn("elasticsearch", str(raised.exception))
        # The database engine was rebuilt all the same.
        self.assertEqual(found("cybersécurité"), {page.pk for page in self.resources})
        with self.assertRaises(CommandError):
            run("status")


class ProgressBarTests(TestCase):
    def test_a_terminal_gets_one_line_redrawn_in_place(self):
        out = io.StringIO()
        bar = ProgressBar(_Wrapper(out), 200, width=10, tty=True)
        clock = iter(range(1, 100))  # a second between calls: every call redraws
        with mock.patch("search.management.commands.search_index.time.monotonic", clock.__next__):
            for done in range(0, 201, 50):
                bar(done)
        bar.finish()
        text = out.getvalue()
        self.assertIn("\r[#####     ] 100/200 (50 %)\r", text)
        self.assertTrue(text.endswith("\r[##########] 200/200 (100 %)\n"))
        self.assertEqual(text.count("\n"), 1)

    def test_a_log_gets_one_line_per_tenth(self):
        out = io.StringIO()
        bar = ProgressBar(_Wrapper(out), 1000, width=10, tty=False)
        for done in range(1, 1001):
            bar(done)
        bar.finish()
        lines = out.getvalue().splitlines()
        self.assertEqual(len(lines), 11)
        self.assertEqual(lines[0], "[          ] 1/1000 (0 %)")
        self.assertEqual(lines[5], "[#####     ] 500/1000 (50 %)")
        self.assertEqual(lines[-1], "[##########] 1000/1000 (100 %)")

    def test_an_empty_index(self):
        out = io.StringIO()
        bar = ProgressBar(_Wrapper(out), 0, tty=False)
        bar.finish(0)
        self.assertIn("0/0 (100 %)", out.getvalue())


class _Wrapper:
    """The part of Django's OutputWrapper that the bar uses."""

    def __init__(self, out):
        self.out = out

    def write(self, text, ending="\n"):
        self.out.write(text + ending)

    def flush(self):
        pass
