"""Reviewing label NEC requests in the Wagtail admin, over HTTP (label/views/admin.py).

Only « Instructeurs du label NEC » review; each move goes through label.workflow, which writes
the history, the audit log and e-mails the applicant; illegal moves and own-request reviews are
refused whatever the POST says.
"""

import datetime

from django.core import mail
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from base.models import Role
from label.criteria import Criterion, Status
from label.models import LabelRequest, StatusChange
from ressources.models import ResourcePage
from tests.factories import BaseMembershipFactory, ResourcePageFactory, UserFactory
from tests.helpers import page_text
from tests.label_factories import make_reviewer, request_in

ADMIN_INDEX = "/admin/label-nec/"


def review_url(label_request):
    return f"/admin/label-nec/edit/{label_request.pk}/"


def verdicts(value="satisfait", **overrides):
    data = {f"{c.value}-verdict": value for c in Criterion}
    data.update({f"{c.value}-reviewer_comment": "" for c in Criterion})
    data.update(overrides)
    return data


def decide(decision, message="", **extra):
    return {
        "action": "decide",
        "decision-decision": decision,
        "decision-message": message,
        **verdicts(),
        **extra,
    }


class ReviewAccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviewer = make_reviewer()
        cls.resource = ResourcePageFactory()
        cls.submitted = request_in("deposee", cls.reviewer, resource=cls.resource)
        cls.draft = request_in("brouillon", cls.reviewer, resource=ResourcePageFactory())
        cls.base_admin = BaseMembershipFactory(
            base=cls.resource.get_parent().specific, role=Role.ADMIN
        ).user

    def test_a_reviewer_lists_requests_and_filters_them_by_status(self):
        self.client.force_login(self.reviewer)
        response = self.client.get(ADMIN_INDEX)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.submitted.reference)
        self.assertNotContains(response, self.draft.reference)
        response = self.client.get(ADMIN_INDEX, {"status": "deposee"})
        self.assertContains(response, self.submitted.reference)
        # A draft is the applicant's until it is filed: no list, no review screen.
        self.assertEqual(self.client.get(review_url(self.draft)).status_code, 404)

    def test_base_admins_and_applicants_get_403(self):
        applicant = self.submitted.applicant
        BaseMembershipFactory(user=applicant)  # a base member: they have admin access
        for person in (self.base_admin, applicant):
            self.client.force_login(person)
            for url in (ADMIN_INDEX, review_url(self.submitted), "/admin/label-nec/edit/99999/"):
                self.assertEqual(self.client.get(url).status_code, 403, (person, url))
            response = self.client.post(review_url(self.submitted), {"action": "start"})
            self.assertEqual(response.status_code, 403)
        self.submitted.refresh_from_db()
        self.assertEqual(self.submitted.status, Status.SUBMITTED)

    def test_people_without_admin_access_never_reach_the_review(self):
        self.client.force_login(UserFactory())
        response = self.client.post(review_url(self.submitted), {"action": "start"})
        self.assertNotEqual(response.status_code, 200)
        self.client.logout()
        self.assertEqual(self.client.get(review_url(self.submitted)).status_code, 302)
        self.submitted.refresh_from_db()
        self.assertEqual(self.submitted.status, Status.SUBMITTED)

    def test_a_reviewer_cannot_review_their_own_request(self):
        own = request_in("deposee", self.reviewer, applicant=self.reviewer)
        self.client.force_login(self.reviewer)
        response = self.client.get(review_url(own))
        self.assertContains(response, "C'est votre propre demande")
        self.assertNotContains(response, "Prendre en instruction</button>")
        self.assertEqual(self.client.post(review_url(own), {"action": "start"}).status_code, 403)
        own.refresh_from_db()
        self.assertEqual(own.status, Status.SUBMITTED)


class ReviewTransitionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviewer = make_reviewer(first_name="Inès", last_name="Instructrice")

    def setUp(self):
        self.client.force_login(self.reviewer)

    def post(self, url, data, client=None, **kwargs):
        """POST, running the after-commit work (the notification e-mails)."""
        with self.captureOnCommitCallbacks(execute=True):
            return (client or self.client).post(url, data, **kwargs)

    def request(self, status):
        return request_in(status, self.reviewer, resource=ResourcePageFactory())

    def test_taking_into_instruction_records_history_log_and_mail(self):
        label_request = self.request("deposee")
        response = self.post(review_url(label_request), {"action": "start"}, follow=True)
        self.assertContains(response, "La demande est en instruction")
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.IN_REVIEW)
        self.assertEqual(label_request.reviewer, self.reviewer)
        change = label_request.history.last()
        self.assertEqual((change.from_status, change.to_status), ("deposee", "en_instruction"))
        self.assertTrue(
            ModelLogEntry.objects.filter(
                object_id=str(label_request.pk), action="label.start_review"
            ).exists()
        )
        self.assertEqual(mail.outbox[-1].to, [label_request.applicant.email])
        self.assertIn("en instruction", mail.outbox[-1].subject)
        history = self.client.get(f"/admin/label-nec/history/{label_request.pk}/")
        self.assertContains(history, "Demande de label prise en instruction")

    def test_granting_sets_the_decision_date_and_the_validity_end(self):
        label_request = self.request("en_instruction")
        response = self.post(review_url(label_request), decide("labellisee"))
        self.assertEqual(response.status_code, 302)
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.LABELLED)
        today = timezone.localdate()
        self.assertEqual(timezone.localdate(label_request.decided_at), today)
        end = today.replace(year=today.year + 3) - datetime.timedelta(days=1)
        self.assertEqual(label_request.valid_until, end)
        self.assertEqual(len(label_request.criteria_met), 6)
        self.assertIn("est labellisé NEC", mail.outbox[-1].subject)

    @override_settings(LABEL_NEC_VALIDITY_YEARS=1)
    def test_the_validity_is_configurable(self):
        label_request = self.request("en_instruction")
        self.post(review_url(label_request), decide("labellisee"))
        label_request.refresh_from_db()
        today = timezone.localdate()
        self.assertEqual(
            label_request.valid_until,
            today.replace(year=today.year + 1) - datetime.timedelta(days=1),
        )

    def test_a_decision_needs_a_verdict_on_every_criterion(self):
        label_request = self.request("en_instruction")
        data = decide("labellisee", **{"sobre-verdict": ""})
        response = self.post(review_url(label_request), data)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Donnez votre avis sur ce critère avant de décider.", page_text(response))
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.IN_REVIEW)

    def test_refusal_requires_reasons_and_tells_them_to_the_applicant(self):
        label_request = self.request("en_instruction")
        response = self.post(review_url(label_request), decide("refusee", "  "))
        self.assertEqual(response.status_code, 400)
        self.assertIn("Un refus doit être motivé", page_text(response))
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.IN_REVIEW)

        reasons = "Les plans du mobilier ne sont pas publiés sous licence ouverte."
        self.post(review_url(label_request), decide("refusee", reasons))
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.REFUSED)
        self.assertEqual(label_request.decision_comment, reasons)
        self.assertIsNone(label_request.valid_until)
        self.assertIn("refusée", mail.outbox[-1].subject)
        self.assertIn(reasons, mail.outbox[-1].body)

    def test_complements_require_a_message_and_the_applicant_can_resubmit(self):
        label_request = self.request("en_instruction")
        response = self.post(review_url(label_request), decide("complements_demandes"))
        self.assertEqual(response.status_code, 400)
        message = "Ajoutez l'audit d'accessibilité."
        data = decide(
            "complements_demandes", message, **{"accessible-reviewer_comment": "Audit absent."}
        )
        self.post(review_url(label_request), data)
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.COMPLEMENTS)
        self.assertIn(message, mail.outbox[-1].body)

        applicant = self.client_class()
        applicant.force_login(label_request.applicant)
        detail = applicant.get(f"/label-nec/demandes/{label_request.pk}/")
        self.assertIn(message, page_text(detail))
        self.assertIn("Audit absent.", page_text(detail))
        response = self.post(
            f"/label-nec/demandes/{label_request.pk}/etape-5/", {"action": "submit"}, applicant
        )
        self.assertEqual(response.status_code, 302)
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.SUBMITTED)
        self.assertEqual(
            list(label_request.history.values_list("to_status", flat=True)),
            ["deposee", "en_instruction", "complements_demandes", "deposee"],
        )

    def test_illegal_transitions_are_refused_from_forged_posts(self):
        submitted = self.request("deposee")
        response = self.post(review_url(submitted), decide("labellisee"))
        self.assertEqual(response.status_code, 409)
        self.assertIn("prenez-la d'abord en instruction", page_text(response))
        labelled = self.request("labellisee")
        response = self.post(review_url(labelled), {"action": "start"})
        self.assertEqual(response.status_code, 409)
        self.assertIn("ne peut pas passer à « En instruction »", page_text(response))
        refused = self.request("refusee")
        response = self.post(review_url(refused), decide("labellisee"))
        self.assertEqual(response.status_code, 409)
        response = self.post(review_url(submitted), {"action": "supprimer"})
        self.assertEqual(response.status_code, 409)
        statuses = dict(
            LabelRequest.objects.filter(pk__in=[submitted.pk, labelled.pk, refused.pk]).values_list(
                "pk", "status"
            )
        )
        self.assertEqual(
            statuses,
            {submitted.pk: "deposee", labelled.pk: "labellisee", refused.pk: "refusee"},
        )
        self.assertEqual(StatusChange.objects.filter(request=labelled).count(), 3)

    def test_an_applicant_cannot_refile_a_request_under_review(self):
        label_request = self.request("en_instruction")
        self.client.force_login(label_request.applicant)
        response = self.client.post(
            f"/label-nec/demandes/{label_request.pk}/etape-5/", {"action": "submit"}
        )
        self.assertEqual(response.status_code, 409)
        self.assertIn("ne peut plus être modifiée", page_text(response))
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.IN_REVIEW)


class ResourceDeletionTests(TestCase):
    def test_a_resource_with_a_filed_request_is_not_deleted_a_draft_does_not_block(self):
        reviewer = make_reviewer()
        labelled = request_in("labellisee", reviewer, resource=ResourcePageFactory())
        draft = request_in("brouillon", reviewer, resource=ResourcePageFactory())
        self.client.force_login(UserFactory(superuser=True))
        url = f"/admin/pages/{labelled.resource_id}/delete/"
        response = self.client.post(url, follow=True)
        self.assertIn("ne peut pas être supprimée", page_text(response))
        self.assertIn(labelled.reference, page_text(response))
        self.assertTrue(ResourcePage.objects.filter(pk=labelled.resource_id).exists())
        self.client.post(f"/admin/pages/{draft.resource_id}/delete/")
        self.assertFalse(ResourcePage.objects.filter(pk=draft.resource_id).exists())
        draft.refresh_from_db()
        self.assertIsNone(draft.resource_id)
