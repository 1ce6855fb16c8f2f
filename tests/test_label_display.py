"""What the public sees of the label NEC: the information page, the badge, the search facet,
and the daily command that reminds and expires (label_nec_reminders).

Only decided labels show: a draft, a pending or a refused request reveals nothing publicly.
"""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from label import workflow
from label.criteria import Status, Verdict
from label.models import LabelRequest
from search import lifecycle
from search.models import PendingIndexUpdate
from tests.factories import ResourcePageFactory
from tests.helpers import page_text, soup
from tests.label_factories import make_reviewer, request_in


class InformationPageTests(TestCase):
    def test_the_page_explains_the_label_and_links_to_the_registry_and_the_request(self):
        response = self.client.get("/label-nec/")
        text = page_text(response)
        for expected in (
            "Les associations",
            "Les établissements publics",
            "Les GIP",
            "Les administrations centrales",
            "Les collectivités territoriales et leurs groupements",
            "Les entreprises",
            "Dispositifs tangibles ou physiques",
            "Disposer d'une documentation publique complète permettant son appropriation",
            "intitule par erreur « ACCESSIBLE »",
            "valable 3 ans",
        ):
            self.assertIn(expected, text)
        terms = [dt.get_text(strip=True) for dt in soup(response).select("dl dt")]
        self.assertEqual(
            terms, ["Accessible", "Documenté", "Éthique", "Ouvert", "Sécurisé", "Sobre"]
        )
        hrefs = {a["href"] for a in soup(response).find_all("a", href=True)}
        self.assertIn("/label-nec/dispositifs-labellises/", hrefs)
        self.assertIn("/label-nec/demander/", hrefs)


class BadgeAndSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviewer = make_reviewer()
        cls.labelled = ResourcePageFactory(title="Mobilier Comptoir labellisable")
        cls.pending = ResourcePageFactory(title="Mobilier Vigie en instruction")
        cls.refused = ResourcePageFactory(title="Mobilier Ilot refusé")
        lifecycle.drain()
        cls.label = request_in("labellisee", cls.reviewer, resource=cls.labelled)
        cls.label.assessments.filter(criterion="sobre").update(verdict=Verdict.NOT_MET)
        request_in("en_instruction", cls.reviewer, resource=cls.pending)
        request_in("refusee", cls.reviewer, resource=cls.refused)
        request_in("brouillon", cls.reviewer, resource=cls.refused)
        # The decision scheduled the resource's re-indexing (search.lifecycle); send it.
        pending = set(PendingIndexUpdate.objects.values_list("page_id", flat=True))
        assert pending == {cls.labelled.pk}, pending
        lifecycle.drain()

    def test_a_labelled_resource_shows_its_badge_with_date_and_criteria_met(self):
        response = self.client.get(self.labelled.url)
        badge = soup(response).select_one("#label-nec")
        text = " ".join(badge.get_text(" ").split())
        self.assertIn("Labellisé NEC", text)
        self.assertIn(timezone.localdate(self.label.decided_at).strftime("%d/%m/%Y"), text)
        self.assertIn("Accessible, Documenté, Éthique, Ouvert, Sécurisé", text)
        self.assertNotIn("Sobre", text)

    def test_pending_refused_and_draft_requests_reveal_nothing(self):
        for resource in (self.pending, self.refused):
            response = self.client.get(resource.url)
            self.assertIsNone(soup(response).select_one("#label-nec"))
            self.assertNotIn("label NEC", page_text(response).replace("Label NEC", ""))

    def test_search_finds_labelled_dispositifs_with_the_facet(self):
        response = self.client.get("/rechercher/", {"q": "mobilier", "label": "labellise"})
        text = page_text(response)
        self.assertIn("Mobilier Comptoir labellisable", text)
        self.assertNotIn("Mobilier Vigie", text)
        self.assertNotIn("Mobilier Ilot", text)
        self.assertIn("Labellisé NEC", text)  # the facet option
        response = self.client.get("/rechercher/", {"q": "mobilier", "label": "aucun"})
        text = page_text(response)
        self.assertIn("Mobilier Vigie", text)
        self.assertIn("Mobilier Ilot", text)
        self.assertNotIn("Mobilier Comptoir", text)

    def test_search_reads_the_label_through_its_hook_and_knows_none_without_it(self):
        """The search app does not import the label app: it asks the "search_label_statuses"
        hook, which label/wagtail_hooks.py registers; without a hook nothing is labelled."""
        from unittest import mock

        from search.documents import build_document

        self.assertEqual(build_document(self.labelled)["label"], "labellise")
        with mock.patch("search.documents.hooks.get_hooks", return_value=[]):
            self.assertEqual(build_document(self.labelled)["label"], "aucun")


class ExpiryCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviewer = make_reviewer()
        cls.resource = ResourcePageFactory(title="Logiciel Suivi labellisable")

    def run_command(self, *args):
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("label_nec_reminders", *args, stdout=out)
        return out.getvalue()

    def test_reminders_once_each_then_expiry_through_the_workflow(self):
        label = request_in("labellisee", self.reviewer, resource=self.resource)
        end = label.valid_until
        self.assertIn("0 rappels envoyés", self.run_command())
        day = end - datetime.timedelta(days=80)  # inside the 90-day window
        output = self.run_command("--date", day.isoformat())
        self.assertIn("rappel J-90 envoyé", output)
        self.assertIn("prend fin le", mail.outbox[-1].subject)
        self.assertEqual(len(mail.outbox), 1)
        self.run_command("--date", day.isoformat())  # idempotent
        self.assertEqual(len(mail.outbox), 1)
        self.run_command("--date", (end - datetime.timedelta(days=10)).isoformat())
        self.assertEqual(len(mail.outbox), 2)
        label.refresh_from_db()
        self.assertEqual(label.reminder_days_sent, [90, 30])

        after = (end + datetime.timedelta(days=1)).isoformat()
        lifecycle.drain()
        output = self.run_command("--date", after, "--dry-run")
        self.assertIn("1 expireraient", output)
        label.refresh_from_db()
        self.assertEqual(label.status, Status.LABELLED)
        output = self.run_command("--date", after)
        self.assertIn("1 expirés", output)
        label.refresh_from_db()
        self.assertEqual(label.status, Status.EXPIRED)
        change = label.history.last()
        self.assertEqual(
            (change.from_status, change.to_status, change.by), ("labellisee", "expiree", None)
        )
        self.assertIn("a expiré", mail.outbox[-1].subject)
        self.assertIn("0 expirés", self.run_command("--date", after))

        # The resource now says so, and search files it under « Label expiré ».
        self.assertTrue(PendingIndexUpdate.objects.filter(page_id=self.resource.pk).exists())
        lifecycle.drain()
        response = self.client.get(self.resource.url)
        self.assertIn(f"Label expiré le {end:%d/%m/%Y}", page_text(response))
        response = self.client.get("/rechercher/", {"q": "logiciel", "label": "expire"})
        self.assertIn("Logiciel Suivi labellisable", page_text(response))

    def test_a_late_run_sends_only_the_closest_reminder(self):
        label = request_in("labellisee", self.reviewer, resource=self.resource)
        day = label.valid_until - datetime.timedelta(days=5)
        self.assertIn("rappel J-30 envoyé", self.run_command("--date", day.isoformat()))
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(LabelRequest.objects.get(pk=label.pk).reminder_days_sent, [90, 30])

    def test_no_reminder_once_a_renewal_is_filed(self):
        label = request_in("labellisee", self.reviewer, resource=self.resource)
        request_in("deposee", self.reviewer, resource=self.resource, previous=label)
        day = label.valid_until - datetime.timedelta(days=20)
        self.assertIn("renouvellement déposé", self.run_command("--date", day.isoformat()))
        self.assertEqual(len(mail.outbox), 0)

    def test_a_bad_date_is_a_clear_error(self):
        from django.core.management.base import CommandError

        with self.assertRaisesMessage(CommandError, "Date invalide"):
            call_command("label_nec_reminders", "--date", "demain")

    def test_an_expired_label_cannot_expire_twice(self):
        label = request_in("expiree", self.reviewer, resource=self.resource)
        with self.assertRaises(workflow.TransitionError):
            workflow.expire(label)
