"""A double click, a flood, a borrowed organisation: every create-or-submit action holds.

Each create action is idempotent under a double submission (the second post finds what the
first created), what a person or a base may pile up is capped with a French message (base.caps,
the label's drafts), and a label request names only an organisation its applicant belongs to.
HTTP tests run on both databases; the concurrent ones (threads, real transactions and row locks)
on PostgreSQL only.
"""

import threading
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, TestCase

from base import caps
from base.models import ContributionMode, Invitation, JoinRequest, Role, ShareLink, Visibility
from label.criteria import Criterion, Status
from label.models import CriterionAssessment, LabelRequest
from ressources.models import ChangeProposal, PersonalCollection, Report, ResourcePage
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    OrganisationFactory,
    OrganisationMembershipFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text
from tests.label_factories import LabelRequestFactory, make_reviewer, request_in
from tests.test_contribution import form_data
from tests.test_label_request import PDF, criteria_data, step_url

START = "/label-nec/demander/"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


class LabelDraftTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(name="Association Relais")
        cls.applicant = UserFactory(organisation=cls.organisation)
        cls.base = BaseMembershipFactory(user=cls.applicant).base

    def setUp(self):
        self.client.force_login(self.applicant)

    def test_a_second_click_on_demander_opens_the_same_draft(self):
        first = self.client.post(START)
        second = self.client.post(START)
        self.assertEqual(LabelRequest.objects.filter(applicant=self.applicant).count(), 1)
        self.assertEqual(first["Location"], second["Location"])
        draft = LabelRequest.objects.get()
        self.assertRegex(draft.reference, r"^NEC-\d{4}-\d{4}$")

    def test_drafts_are_capped_with_a_french_message(self):
        for _ in range(5):
            LabelRequestFactory(applicant=self.applicant, step=2)
        response = self.client.post(START, follow=True)
        self.assertIn("Vous avez déjà 5 brouillons de demande", page_text(response))
        self.assertEqual(LabelRequest.objects.filter(applicant=self.applicant).count(), 5)

    def test_step_three_posted_twice_keeps_one_assessment_and_one_file_per_criterion(self):
        draft = LabelRequestFactory(
            applicant=self.applicant, organisation=self.organisation, with_assessments=False
        )
        for _ in range(2):
            data = criteria_data(
                **{"accessible-new_file": SimpleUploadedFile("audit.pdf", PDF), "action": "draft"}
            )
            response = self.client.post(step_url(draft, 3), data)
            self.assertEqual(response.status_code, 302)
        self.assertEqual(draft.assessments.count(), len(Criterion))
        accessible = draft.assessments.get(criterion="accessible")
        self.assertEqual([f.original_name for f in accessible.files.all()], ["audit.pdf"])

    def test_step_one_posted_twice_creates_one_resource(self):
        draft = LabelRequestFactory(applicant=self.applicant)
        data = {
            "choice": "nouvelle",
            "new_title": "Le Bus numérique",
            "new_summary": "Un bus qui va au-devant des habitants.",
            "new_base": self.base.pk,
            "action": "draft",
        }
        for _ in range(2):
            self.assertEqual(self.client.post(step_url(draft, 1), data).status_code, 302)
        created = ResourcePage.objects.filter(path__startswith=self.base.path)
        self.assertEqual([page.title for page in created], ["Le Bus numérique"])

    def test_deposer_clicked_twice_files_once(self):
        resource = ResourcePageFactory(parent=self.base)
        draft = LabelRequestFactory(
            applicant=self.applicant, organisation=self.organisation, resource=resource
        )
        responses = [self.client.post(step_url(draft, 5), {"action": "submit"}) for _ in range(2)]
        detail = f"/label-nec/demandes/{draft.pk}/"
        self.assertEqual([r.status_code for r in responses], [302, 302], page_text(responses[0]))
        self.assertEqual({r["Location"] for r in responses}, {detail})
        self.assertEqual(draft.history.filter(to_status=Status.SUBMITTED).count(), 1)

    def test_a_post_with_a_nul_byte_is_refused_and_writes_nothing(self):
        draft = LabelRequestFactory(applicant=self.applicant)
        response = self.client.post(
            step_url(draft, 3), criteria_data(**{"accessible-justification": "a\x00b"})
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("caractère nul", page_text(response))
        self.assertFalse(CriterionAssessment.objects.filter(justification__startswith="Ce que"))


class LabelOrganisationTests(TestCase):
    """Item 2 of the issue: an organisation only by its members or admins, and reviewers see
    whether the tie is verified."""

    @classmethod
    def setUpTestData(cls):
        cls.declared = OrganisationFactory(name="Organisation du profil")
        cls.of_base = OrganisationFactory(name="Hub propriétaire de la base")
        cls.administered = OrganisationFactory(name="Organisation administrée")
        cls.stranger = OrganisationFactory(name="Organisation étrangère")
        cls.applicant = UserFactory(organisation=cls.declared)
        BaseMembershipFactory(user=cls.applicant, base=BasePageFactory(organisation=cls.of_base))
        OrganisationMembershipFactory(user=cls.applicant, organisation=cls.administered)
        cls.reviewer = make_reviewer()

    def setUp(self):
        self.client.force_login(self.applicant)

    def post_organisation(self, draft, organisation):
        data = {"organisation": organisation.pk, "applicant_type": "association", "action": "draft"}
        return self.client.post(step_url(draft, 2), data)

    def test_only_the_applicants_organisations_are_offered_and_accepted(self):
        draft = LabelRequestFactory(applicant=self.applicant, organisation=None)
        page = page_text(self.client.get(step_url(draft, 2)))
        for organisation in (self.declared, self.of_base, self.administered):
            self.assertIn(organisation.name, page)
        self.assertNotIn(self.stranger.name, page)

        response = self.post_organisation(draft, self.stranger)
        self.assertEqual(response.status_code, 400)
        self.assertIn("une organisation dont vous êtes membre", page_text(response))
        draft.refresh_from_db()
        self.assertIsNone(draft.organisation)
        for organisation in (self.declared, self.of_base, self.administered):
            self.assertEqual(self.post_organisation(draft, organisation).status_code, 302)

    def test_reviewers_see_whether_the_tie_is_verified(self):
        expectations = {
            self.of_base: "rattachement vérifié",
            self.administered: "rattachement vérifié",
            self.declared: "rattachement non vérifié",
        }
        reviewer = client_for(self.reviewer)
        for organisation, text in expectations.items():
            label_request = request_in(
                Status.SUBMITTED, self.reviewer, applicant=self.applicant, organisation=organisation
            )
            url = f"/admin/label-nec/edit/{label_request.pk}/"
            response = reviewer.get(url)
            self.assertEqual(response.status_code, 200, url)
            with self.subTest(organisation=organisation.name):
                self.assertIn(text, page_text(response))


class ProposalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(contribution_mode=ContributionMode.SUGGESTIONS)
        cls.resource = ResourcePageFactory(parent=cls.base, title="Fiche CAF")
        cls.admin = BaseMembershipFactory(base=cls.base, role=Role.ADMIN).user
        cls.proposer = UserFactory()

    def setUp(self):
        self.client.force_login(self.proposer)
        self.url = self.resource.url + self.resource.reverse_subpage("propose")

    def form(self, title):
        data = form_data(self.client.get(self.url))
        data.update(title=title, proposal_summary=f"Titre : {title}")
        return data

    def test_the_same_proposal_sent_twice_is_recorded_and_mailed_once(self):
        data = self.form("Fiche CAF, pas à pas")
        with self.captureOnCommitCallbacks(execute=True):
            first = self.client.post(self.url, data)
        with self.captureOnCommitCallbacks(execute=True):
            second = self.client.post(self.url, data)
        self.assertEqual(ChangeProposal.objects.count(), 1)
        self.assertEqual(first["Location"], second["Location"])
        self.assertEqual([message.to for message in mail.outbox], [[self.admin.email]])

    def test_pending_proposals_per_person_and_resource_are_capped(self):
        for n in range(3):
            self.assertEqual(self.client.post(self.url, self.form(f"Titre {n}")).status_code, 302)
        response = self.client.post(self.url, self.form("Titre de trop"))
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Vous avez déjà 3 propositions en attente sur cette ressource", text)
        self.assertIn("Titre de trop", response.content.decode())  # nothing typed is lost
        self.assertEqual(ChangeProposal.objects.count(), 3)

    def test_proposals_per_hour_and_per_base_are_capped(self):
        with mock.patch.object(caps, "PROPOSALS_PER_PERSON_PER_HOUR", 1):
            self.client.post(self.url, self.form("Un"))
            response = self.client.post(self.url, self.form("Deux"))
            self.assertIn("propositions en une heure", page_text(response))
        other = UserFactory()
        self.client.force_login(other)
        with mock.patch.object(caps, "PENDING_PROPOSALS_PER_BASE", 1):
            response = self.client.post(self.url, self.form("Trois"))
            self.assertIn("Cette base a déjà 1 propositions en attente", page_text(response))
        self.assertEqual(ChangeProposal.objects.count(), 1)


class MembershipAndReportCapsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.bases = [BasePageFactory(title=f"Base {n}") for n in range(3)]
        cls.person = UserFactory()
        cls.admin = BaseMembershipFactory(base=cls.bases[0], role=Role.ADMIN).user
        cls.resources = [ResourcePageFactory(parent=cls.bases[0]) for _ in range(3)]

    def join(self, base):
        return self.client.post(f"{base.url}membres/demander/", {"message": "Bonjour"}, follow=True)

    def test_join_requests_are_capped_per_person_and_per_base(self):
        self.client.force_login(self.person)
        with mock.patch.object(caps, "PENDING_JOIN_REQUESTS_PER_PERSON", 2):
            self.join(self.bases[0])
            self.join(self.bases[1])
            response = self.join(self.bases[2])
        self.assertIn("Vous avez déjà 2 demandes d'adhésion", page_text(response))
        self.assertEqual(JoinRequest.objects.filter(user=self.person).count(), 2)
        self.client.force_login(UserFactory())
        with mock.patch.object(caps, "PENDING_JOIN_REQUESTS_PER_BASE", 1):
            response = self.join(self.bases[0])
        self.assertIn("Cette base a déjà 1 demandes d'adhésion en attente", page_text(response))

    def test_invitations_twice_are_one_and_are_capped(self):
        self.client.force_login(self.admin)
        url = f"{self.bases[0].url}membres/inviter/"
        for _ in range(2):
            self.client.post(url, {"email": "lou@exemple.fr", "role": Role.CONTRIBUTOR})
        self.assertEqual(Invitation.objects.filter(email="lou@exemple.fr").count(), 1)
        with mock.patch.object(caps, "PENDING_INVITATIONS_PER_BASE", 1):
            response = self.client.post(url, {"email": "max@exemple.fr", "role": "contributor"})
        self.assertIn("Cette base a déjà 1 invitations en attente", page_text(response))
        self.assertFalse(Invitation.objects.filter(email="max@exemple.fr").exists())

    def test_reports_are_capped_per_day_and_per_base(self):
        self.client.force_login(self.person)

        def report(resource):
            url = resource.url + resource.reverse_subpage("report")
            return self.client.post(
                url, {"reason": "obsolete", "comment": "Plus à jour."}, follow=True
            )

        with mock.patch.object(caps, "REPORTS_PER_PERSON_PER_DAY", 1):
            report(self.resources[0])
            response = report(self.resources[1])
        self.assertIn("signalements en 24 heures", page_text(response))
        with mock.patch.object(caps, "OPEN_REPORTS_PER_BASE", 1):
            response = report(self.resources[2])
        self.assertIn("font déjà l'objet de 1 signalements", page_text(response))
        self.assertEqual(Report.objects.count(), 1)


class PersonalCollectionTests(TestCase):
    def test_the_same_collection_created_twice_is_one(self):
        person = UserFactory()
        self.client.force_login(person)
        data = {"title": "Démarches", "description": "", "visibility": "private"}
        for _ in range(2):
            self.assertEqual(
                self.client.post("/compte/collections/nouvelle/", data).status_code, 302
            )
        self.assertEqual(PersonalCollection.objects.filter(owner=person).count(), 1)


# --- concurrency: real transactions, on PostgreSQL ------------------------------------------

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (concurrent transactions and row locks); runs in the PostgreSQL pass",
)


def at_once(clients, method, url, data_for=None, times=2):
    """`times` requests sent together (a barrier releases them); their status codes."""
    barrier = threading.Barrier(times)
    statuses = [None] * times

    def send(n):
        try:
            barrier.wait(timeout=10)
            data = data_for() if data_for else {}
            response = getattr(clients[n], method)(url, data)
            statuses[n] = response.status_code
        except Exception as error:  # the test client re-raises what the view raised
            statuses[n] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


@postgresql_only
def test_two_simultaneous_label_requests_make_one_draft(
    transactional_db, django_db_serialized_rollback
):
    applicant = UserFactory()
    clients = [client_for(applicant) for _ in range(2)]
    statuses = at_once(clients, "post", START)
    assert statuses == [302, 302]
    assert LabelRequest.objects.filter(applicant=applicant).count() == 1


@postgresql_only
def test_many_simultaneous_label_requests_never_collide_on_the_reference(
    transactional_db, django_db_serialized_rollback
):
    applicants = [UserFactory() for _ in range(4)]
    clients = [client_for(applicant) for applicant in applicants]
    statuses = at_once(clients, "post", START, times=4)
    assert statuses == [302] * 4
    references = set(LabelRequest.objects.values_list("reference", flat=True))
    assert len(references) == 4 and all(ref.startswith("NEC-") for ref in references)


@postgresql_only
def test_two_simultaneous_posts_of_step_three(transactional_db, django_db_serialized_rollback):
    applicant = UserFactory()
    draft = LabelRequestFactory(applicant=applicant, with_assessments=False)
    clients = [client_for(applicant) for _ in range(4)]
    statuses = at_once(
        clients, "post", step_url(draft, 3), lambda: criteria_data(action="draft"), times=4
    )
    assert statuses == [302] * 4
    assert CriterionAssessment.objects.filter(request=draft).count() == len(Criterion)


@postgresql_only
def test_two_simultaneous_invitations_of_one_address(
    transactional_db, django_db_serialized_rollback
):
    base = BasePageFactory()
    admin = BaseMembershipFactory(base=base, role=Role.ADMIN).user
    clients = [client_for(admin) for _ in range(2)]
    data = {"email": "lou@exemple.fr", "role": Role.CONTRIBUTOR}
    statuses = at_once(clients, "post", f"{base.url}membres/inviter/", lambda: data)
    assert statuses == [302, 302]
    assert Invitation.objects.filter(base=base, email="lou@exemple.fr").count() == 1


@postgresql_only
def test_two_simultaneous_identical_proposals(transactional_db, django_db_serialized_rollback):
    base = BasePageFactory(contribution_mode=ContributionMode.SUGGESTIONS)
    resource = ResourcePageFactory(parent=base, title="Fiche CAF")
    proposer = UserFactory()
    clients = [client_for(proposer) for _ in range(2)]
    url = resource.url + resource.reverse_subpage("propose")
    data = form_data(clients[0].get(url))
    data.update(title="Fiche CAF, pas à pas", proposal_summary="Un titre plus clair")
    statuses = at_once(clients, "post", url, lambda: data)
    assert statuses == [302, 302]
    assert ChangeProposal.objects.filter(resource=resource).count() == 1


@postgresql_only
def test_two_simultaneous_share_link_creations(transactional_db, django_db_serialized_rollback):
    base = BasePageFactory(visibility=Visibility.PRIVATE)
    admin = BaseMembershipFactory(base=base, role=Role.ADMIN).user
    clients = [client_for(admin) for _ in range(2)]
    statuses = at_once(clients, "post", f"/partage/{base.pk}/gerer/", lambda: {"action": "create"})
    assert statuses == [302, 302]
    assert ShareLink.objects.filter(page=base).count() == 1


@postgresql_only
def test_two_simultaneous_personal_collections(transactional_db, django_db_serialized_rollback):
    person = UserFactory()
    clients = [client_for(person) for _ in range(2)]
    data = {"title": "Démarches", "description": "", "visibility": "private"}
    statuses = at_once(clients, "post", "/compte/collections/nouvelle/", lambda: data)
    assert statuses == [302, 302]
    assert PersonalCollection.objects.filter(owner=person).count() == 1
