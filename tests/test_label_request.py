"""« Demander le label » and « Mes demandes », over HTTP (label/views.py, label/forms.py).

A draft is saved at every step, a request is checked as a whole when it is filed (errors point
to their step), evidence files are private, and a person only ever sees their own requests.
"""

import os
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from label.criteria import Criterion, Status
from label.models import EvidenceFile, LabelRequest
from organisations.models import OrganisationKind
from ressources.models import Licence, ResourcePage
from tests.factories import (
    BaseMembershipFactory,
    OrganisationFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup
from tests.label_factories import LabelRequestFactory, make_reviewer, request_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def step_url(label_request, number):
    return f"/label-nec/demandes/{label_request.pk}/etape-{number}/"


def criteria_data(**overrides):
    """POST data of step 3, every criterion answered."""
    data = {}
    for criterion in Criterion:
        data[f"{criterion.value}-self_assessment"] = "repond"
        data[f"{criterion.value}-justification"] = f"Ce que nous faisons : {criterion.label}."
        data[f"{criterion.value}-evidence_links"] = "https://exemple.fr/preuve"
    data.update(overrides)
    return data


class RequestStepsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(name="GIP Exemple", kind=OrganisationKind.GIP)
        cls.applicant = UserFactory(organisation=cls.organisation)
        cls.membership = BaseMembershipFactory(user=cls.applicant)
        cls.base = cls.membership.base
        cls.resource = ResourcePageFactory(parent=cls.base, title="Kit Clic'Droits")
        cls.foreign = ResourcePageFactory(title="Ressource d'une autre base")
        cls.reviewer = make_reviewer()

    def setUp(self):
        self.client.force_login(self.applicant)

    def new_request(self):
        response = self.client.post("/label-nec/demander/")
        label_request = LabelRequest.objects.filter(applicant=self.applicant).first()
        self.assertRedirects(response, step_url(label_request, 1))
        return label_request

    def test_starting_asks_for_a_post_and_creates_a_prefilled_draft(self):
        response = self.client.get("/label-nec/demander/")
        self.assertContains(response, "Commencer une nouvelle demande")
        self.assertFalse(LabelRequest.objects.exists())
        label_request = self.new_request()
        self.assertEqual(label_request.status, Status.DRAFT)
        self.assertEqual(label_request.organisation, self.organisation)
        self.assertEqual(label_request.applicant_type, "gip")
        page = self.client.get(step_url(label_request, 1))
        self.assertEqual(len(soup(page).select(".fr-stepper")), 1)
        self.assertIn("Étape 1 sur 5", page_text(page))
        for number in (3, 5):  # reading writes nothing
            self.assertEqual(self.client.get(step_url(label_request, number)).status_code, 200)
        self.assertEqual(label_request.assessments.count(), 0)

    def test_each_step_saves_a_draft_and_the_next_one_follows(self):
        label_request = self.new_request()
        response = self.client.post(
            step_url(label_request, 1),
            {"choice": "existante", "resource": self.resource.pk, "action": "draft"},
            follow=True,
        )
        self.assertIn("Brouillon enregistré.", page_text(response))
        label_request.refresh_from_db()
        self.assertEqual(label_request.resource_id, self.resource.pk)

        response = self.client.post(
            step_url(label_request, 1),
            {"choice": "existante", "resource": self.resource.pk, "action": "next"},
        )
        self.assertRedirects(response, step_url(label_request, 2))
        page = self.client.get(step_url(label_request, 2))
        checked = soup(page).select_one('input[name="applicant_type"][checked]')
        self.assertEqual(checked["value"], "gip")  # from the organisation's kind
        self.client.post(
            step_url(label_request, 2),
            {
                "organisation": self.organisation.pk,
                "applicant_type": "gip",
                "dispositif_kind": "numerique",
                "action": "next",
            },
        )
        # Half of the criteria, then stop: the draft keeps them and « Mes demandes » resumes.
        data = {"accessible-self_assessment": "partiellement", "accessible-justification": "Audit"}
        self.client.post(step_url(label_request, 3), {**data, "action": "draft"})
        label_request.refresh_from_db()
        self.assertEqual(label_request.dispositif_kind, "numerique")
        self.assertEqual(label_request.step, 3)
        accessible = label_request.assessments.get(criterion="accessible")
        self.assertEqual(
            (accessible.self_assessment, accessible.justification), ("partiellement", "Audit")
        )
        mine = self.client.get("/label-nec/mes-demandes/")
        resume = [a for a in soup(mine).find_all("a") if a.get_text().startswith("Reprendre")]
        self.assertEqual([a["href"] for a in resume], [step_url(label_request, 3)])

    def test_a_resource_of_another_base_is_refused_and_nothing_is_lost(self):
        label_request = self.new_request()
        response = self.client.post(
            step_url(label_request, 1),
            {"choice": "existante", "resource": self.foreign.pk, "action": "next"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Choisissez une ressource de l'une de vos bases", page_text(response))
        label_request.refresh_from_db()
        self.assertIsNone(label_request.resource)

    def test_a_new_dispositif_is_created_as_a_draft_in_the_chosen_base(self):
        label_request = self.new_request()
        self.client.post(
            step_url(label_request, 1),
            {
                "choice": "nouvelle",
                "new_title": "Malle numérique itinérante",
                "new_summary": "Une malle de tablettes pour les permanences.",
                "new_base": self.base.pk,
                "action": "next",
            },
        )
        label_request.refresh_from_db()
        resource = ResourcePage.objects.get(pk=label_request.resource_id)
        self.assertEqual(resource.title, "Malle numérique itinérante")
        self.assertFalse(resource.live)
        self.assertEqual(resource.get_parent().pk, self.base.pk)
        self.assertEqual(self.client.get(resource.url).status_code, 404)

    def test_malformed_links_and_files_get_french_errors(self):
        label_request = self.new_request()
        cases = [
            ({"ouvert-evidence_links": "pas une adresse"}, {}, "ne sont pas des adresses web"),
            (
                {},
                {"ouvert-new_file": SimpleUploadedFile("outil.exe", b"MZ")},
                "pas d'un type accepté",
            ),
            (
                {},
                {"ouvert-new_file": SimpleUploadedFile("audit.pdf", b"<html>")},
                "ne correspond pas",
            ),
        ]
        for data, files, error in cases:
            response = self.client.post(
                step_url(label_request, 3), {**criteria_data(), **data, **files, "action": "draft"}
            )
            self.assertEqual(response.status_code, 400)
            self.assertIn(error, page_text(response))
            # What the person typed is still there.
            self.assertIn("Ce que nous faisons : Sobre.", response.content.decode())
        with mock.patch("label.forms.EVIDENCE_MAX_SIZE", 10):
            response = self.client.post(
                step_url(label_request, 3),
                {**criteria_data(), "ouvert-new_file": SimpleUploadedFile("a.pdf", PDF)},
            )
        self.assertIn("le maximum est", page_text(response))
        self.assertFalse(EvidenceFile.objects.exists())

    def test_submission_lists_what_is_missing_step_by_step(self):
        label_request = self.new_request()
        response = self.client.post(step_url(label_request, 5), {"action": "submit"})
        self.assertEqual(response.status_code, 400)
        alert = soup(response).select_one("#erreurs")
        links = [a["href"] for a in alert.find_all("a")]
        self.assertEqual(links, [step_url(label_request, n) for n in (1, 2, 3, 4)])
        text = page_text(response)
        self.assertIn("Choisissez le dispositif", text)
        self.assertIn("Indiquez le type de dispositif.", text)
        self.assertIn("Critère « Sobre » : justifiez-le.", text)
        self.assertIn("Indiquez la licence des éléments numériques du dispositif.", text)
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.DRAFT)

    def fill(self, label_request, licences):
        self.client.post(
            step_url(label_request, 1), {"choice": "existante", "resource": self.resource.pk}
        )
        self.client.post(
            step_url(label_request, 2),
            {
                "organisation": self.organisation.pk,
                "applicant_type": "gip",
                "dispositif_kind": "numerique",
            },
        )
        self.client.post(step_url(label_request, 3), criteria_data())
        self.client.post(
            step_url(label_request, 4),
            {
                "licences": [Licence.objects.get(spdx_id=spdx).pk for spdx in licences],
                "documentation_url": "https://exemple.fr/doc",
                "contact_name": "Camille Contact",
                "contact_email": "camille@exemple.fr",
                "action": "next",
            },
        )

    def test_the_open_criterion_needs_a_licence_listed_by_the_crpa(self):
        label_request = self.new_request()
        self.fill(label_request, ["CC-BY-4.0"])
        response = self.client.post(step_url(label_request, 5), {"action": "submit"})
        self.assertEqual(response.status_code, 400)
        text = page_text(response)
        self.assertIn("Étape 4 : Licences, documentation et contact", text)
        self.assertIn("n'est homologuée pour la réutilisation des informations publiques", text)
        self.assertIn("D323-2-1", text)

        self.client.post(
            step_url(label_request, 4),
            {
                "licences": [Licence.objects.get(spdx_id="etalab-2.0").pk],
                "documentation_url": "https://exemple.fr/doc",
                "contact_name": "Camille Contact",
                "contact_email": "camille@exemple.fr",
            },
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(step_url(label_request, 5), {"action": "submit"})
        self.assertRedirects(response, f"/label-nec/demandes/{label_request.pk}/")
        label_request.refresh_from_db()
        self.assertEqual(label_request.status, Status.SUBMITTED)
        self.assertIsNotNone(label_request.submitted_at)
        self.assertEqual(mail.outbox[-1].to, [self.applicant.email])
        self.assertIn("est déposée", mail.outbox[-1].subject)
        to_review = [m for m in mail.outbox if m.to == [self.reviewer.email]]
        self.assertIn("Nouvelle demande de label NEC à instruire", to_review[0].subject)
        self.assertIn(f"/admin/label-nec/edit/{label_request.pk}/", to_review[0].body)
        # Filed: the steps are closed.
        response = self.client.post(step_url(label_request, 2), {"dispositif_kind": "tangible"})
        self.assertEqual(response.status_code, 409)


class PrivacyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviewer = make_reviewer()
        cls.mine = request_in("labellisee", cls.reviewer, resource=ResourcePageFactory())
        cls.applicant = cls.mine.applicant
        cls.other = LabelRequestFactory()
        assessment = cls.mine.assessments.get(criterion="ouvert")
        cls.evidence = EvidenceFile(assessment=assessment, original_name="audit.pdf", size=len(PDF))
        cls.evidence.file.save("audit.pdf", SimpleUploadedFile("audit.pdf", PDF), save=False)
        cls.evidence.content_type = "application/pdf"
        cls.evidence.save()

    def test_people_see_only_their_own_requests(self):
        self.client.force_login(self.applicant)
        mine = page_text(self.client.get("/label-nec/mes-demandes/"))
        self.assertIn(self.mine.reference, mine)
        self.assertNotIn(self.other.reference, mine)
        for url in (f"/label-nec/demandes/{self.other.pk}/", step_url(self.other, 1)):
            self.assertEqual(self.client.get(url).status_code, 404, url)
        renew = self.client.post(f"/label-nec/demandes/{self.other.pk}/renouveler/")
        self.assertEqual(renew.status_code, 404)
        self.assertEqual(
            self.client.post(step_url(self.other, 2), {"dispositif_kind": "tangible"}).status_code,
            404,
        )
        self.assertEqual(self.client.get("/label-nec/mes-demandes/").status_code, 200)
        self.client.logout()
        self.assertEqual(self.client.get("/label-nec/mes-demandes/").status_code, 302)

    def test_evidence_files_reach_only_the_applicant_and_the_reviewers(self):
        url = self.evidence.url
        root = Path(settings.LABEL_NEC_EVIDENCE_ROOT).resolve()
        stored = Path(self.evidence.file.path).resolve()
        self.assertTrue(stored.is_relative_to(root))
        self.assertFalse(stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve()))
        self.assertNotIn("audit", os.path.basename(stored))  # no guessable name
        self.assertEqual(self.client.get(url).status_code, 404)  # anonymous
        self.client.force_login(UserFactory())
        self.assertEqual(self.client.get(url).status_code, 404)
        for person in (self.applicant, self.reviewer):
            self.client.force_login(person)
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(b"".join(response.streaming_content), PDF)
            self.assertIn("attachment", response["Content-Disposition"])
            self.assertEqual(response["Cache-Control"], "private, no-store")
        wrong_request = f"/label-nec/demandes/{self.other.pk}/pieces/{self.evidence.pk}/"
        self.assertEqual(self.client.get(wrong_request).status_code, 404)

    def test_reviewers_do_not_read_the_evidence_of_a_draft(self):
        """A draft is not in the reviewers' queue: its files are the applicant's alone."""
        LabelRequest.objects.filter(pk=self.mine.pk).update(status=Status.DRAFT)
        self.client.force_login(self.reviewer)
        self.assertEqual(self.client.get(self.evidence.url).status_code, 404)
        self.client.force_login(self.applicant)
        self.assertEqual(self.client.get(self.evidence.url).status_code, 200)

    def test_renewing_a_label_prefills_a_linked_draft(self):
        self.client.force_login(self.applicant)
        detail = self.client.get(f"/label-nec/demandes/{self.mine.pk}/")
        self.assertIn("Renouveler", page_text(detail))
        self.assertEqual(
            self.client.get(f"/label-nec/demandes/{self.mine.pk}/renouveler/").status_code, 405
        )
        response = self.client.post(f"/label-nec/demandes/{self.mine.pk}/renouveler/")
        renewal = LabelRequest.objects.get(previous=self.mine)
        self.assertRedirects(response, step_url(renewal, 1))
        self.assertEqual(renewal.status, Status.DRAFT)
        self.assertEqual(renewal.resource_id, self.mine.resource_id)
        self.assertEqual(
            renewal.assessments.get(criterion="sobre").justification,
            self.mine.assessments.get(criterion="sobre").justification,
        )
        copied = EvidenceFile.objects.get(assessment__request=renewal)
        self.assertNotEqual(copied.file.name, self.evidence.file.name)
        self.assertEqual(list(renewal.licences.all()), list(self.mine.licences.all()))
        # A second click does not open a second renewal.
        self.client.post(f"/label-nec/demandes/{self.mine.pk}/renouveler/")
        self.assertEqual(LabelRequest.objects.filter(previous=self.mine).count(), 1)
        # The renewal may be filed although the label it renews is still valid.
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(step_url(renewal, 5), {"action": "submit"})
        renewal.refresh_from_db()
        self.assertEqual(renewal.status, Status.SUBMITTED)
        # Granted, the renewal replaces the label it renews.
        from label import workflow

        workflow.start_review(renewal, self.reviewer, quiet=True)
        workflow.grant(renewal, self.reviewer, quiet=True)
        self.mine.refresh_from_db()
        self.assertEqual(self.mine.status, Status.EXPIRED)
        self.assertIn(renewal.reference, self.mine.history.last().comment)
