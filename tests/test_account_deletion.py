"""Account deletion (/compte/supprimer/): personal data erased, published work kept and
credited to « Contributeur supprimé », names kept where a licence attribution needs them, no
base left without an administrator."""

import os

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.core.files.base import ContentFile
from django.test import Client, TestCase
from wagtail.models import ModelLogEntry

from accounts.models import Notification, User
from base.models import BaseMembership, Role
from ressources.models import (
    ChangeProposal,
    PersonalCollection,
    PersonalCollectionItem,
    ProposalStatus,
    ResourcePage,
    ResourceVersion,
)
from ressources.versioning import publish
from tests.factories import (
    PASSWORD,
    BaseMembershipFactory,
    BasePageFactory,
    OrganisationFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
    UserFactory,
    licence,
)
from tests.helpers import page_text, png, soup
from veille.models import Follow

DELETE_URL = "/compte/supprimer/"
DELETED = "Contributeur supprimé"


class AccountDeletionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.person = UserFactory(
            username="camille",
            first_name="Camille",
            last_name="Durand",
            email="camille.durand@example.org",
            organisation=OrganisationFactory(name="Médiathèque de Lunel"),
            job_title="Conseillère numérique",
            department_code="34",
            bio="Ateliers en médiathèque.",
        )
        cls.admin = UserFactory(first_name="Alex", last_name="Admin")
        cls.base = BasePageFactory(title="Base du Hub")
        BaseMembershipFactory(base=cls.base, user=cls.admin, role=Role.ADMIN)
        BaseMembershipFactory(base=cls.base, user=cls.person, role=Role.ADMIN)
        # Public domain: the credit goes anonymous.
        cls.cc0 = ResourcePageFactory(
            title="Fiche domaine public", parent=cls.base, licence=licence("CC0-1.0")
        )
        ResourceCreditFactory(resource=cls.cc0, user=cls.person, name="Camille Durand")
        cls.cc0 = ResourcePage.objects.get(pk=cls.cc0.pk)
        publish(cls.cc0, cls.person, ["Ajout d'un exercice"])
        # CC BY: reusers cite « Camille Durand », the credit stays as published.
        cls.ccby = ResourcePageFactory(
            title="Guide sous CC BY", parent=cls.base, licence=licence("CC-BY-4.0")
        )
        ResourceCreditFactory(resource=cls.ccby, user=cls.person, name="Camille Durand")
        # An accepted proposal, and a pending one.
        cls.proposed = ResourcePageFactory(title="Fiche améliorée", parent=cls.base)
        accepted = publish(
            cls.proposed, cls.admin, ["Modifications à la suite de suggestions de Camille Durand"]
        )
        ChangeProposal.objects.create(
            resource=cls.proposed,
            proposer=cls.person,
            base_revision=accepted.revision,
            content={},
            summary="Corriger les liens",
            status=ProposalStatus.ACCEPTED,
            version=accepted,
        )
        cls.pending = ChangeProposal.objects.create(
            resource=cls.proposed,
            proposer=cls.person,
            base_revision=accepted.revision,
            content={},
            summary="Ajouter une fiche",
        )
        Follow.objects.create(user=cls.person, page=cls.proposed)
        Notification.objects.create(recipient=cls.person, kind="test", subject="Bonjour")
        cls.collection = PersonalCollection.objects.create(
            owner=cls.person, title="Mes ateliers", visibility="public"
        )
        PersonalCollectionItem.objects.create(collection=cls.collection, resource=cls.ccby)

    def setUp(self):
        self.client.force_login(self.person)

    def test_page_explains_beforehand_and_lists_the_attributions_kept(self):
        response = self.client.get(DELETE_URL)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Ce qui est effacé", text)
        self.assertIn(DELETED, text)
        kept = soup(response).select_one("#kept-attributions")
        self.assertIn("Guide sous CC BY", kept.get_text())
        self.assertNotIn("Fiche domaine public", kept.get_text())
        self.assertIsNotNone(soup(response).find("input", attrs={"name": "password"}))
        # Looking changes nothing.
        self.person.refresh_from_db()
        self.assertIsNone(self.person.deleted_at)

    def test_needs_login_csrf_and_the_password(self):
        anonymous = Client()
        response = anonymous.post(DELETE_URL, {"password": PASSWORD})
        self.assertEqual(response.status_code, 302)
        csrf_client = Client(enforce_csrf_checks=True)
        csrf_client.force_login(self.person)
        self.assertEqual(csrf_client.post(DELETE_URL, {"password": PASSWORD}).status_code, 403)
        response = self.client.post(DELETE_URL, {"password": "pas le bon"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Ce mot de passe n'est pas le bon", page_text(response))
        self.person.refresh_from_db()
        self.assertIsNone(self.person.deleted_at)
        self.assertTrue(self.person.is_active)

    def test_deletion_erases_the_person_and_keeps_the_work(self):
        self.person.avatar.save("avatar.png", ContentFile(png()), save=True)
        avatar_path = self.person.avatar.path
        other_session = Client()
        other_session.force_login(self.person)

        response = self.client.post(DELETE_URL, {"password": PASSWORD})
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertIn("Votre compte est supprimé", page_text(self.client.get("/")))
        self.assertNotIn("_auth_user_id", self.client.session)

        user = User.objects.get(pk=self.person.pk)
        self.assertFalse(user.is_active)
        self.assertIsNotNone(user.deleted_at)
        self.assertEqual(user.display_name, DELETED)
        for value in (user.first_name, user.last_name, user.bio, user.job_title):
            self.assertEqual(value, "")
        self.assertNotIn("camille", user.email + user.username)
        self.assertIsNone(user.organisation)
        self.assertFalse(user.avatar)
        self.assertFalse(os.path.exists(avatar_path))
        self.assertFalse(user.has_usable_password())
        self.assertFalse(Notification.objects.filter(recipient=user).exists())
        # allauth's copy of the address goes too: nobody logs in with it, nor by code.
        self.assertFalse(EmailAddress.objects.filter(user=user).exists())
        self.assertFalse(EmailAddress.objects.filter(email__icontains="camille").exists())
        self.assertFalse(Follow.objects.filter(user=user).exists())
        self.assertFalse(BaseMembership.objects.filter(user=user).exists())
        self.assertFalse(PersonalCollection.objects.filter(owner=user).exists())
        self.assertEqual(self.client.get(self.collection.get_absolute_url()).status_code, 404)
        self.assertEqual(other_session.get("/compte/profil/").status_code, 302)
        response = Client().post("/compte/connexion/", {"login": "camille", "password": PASSWORD})
        self.assertNotIn("_auth_user_id", Client().session)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get("/profils/camille/").status_code, 404)
        self.assertEqual(self.client.get(f"/profils/{user.username}/").status_code, 404)

        # The journal and the credits say « Contributeur supprimé »…
        journal = page_text(self.client.get(self.cc0.url + "journal-des-versions/"))
        self.assertIn(DELETED, journal)
        self.assertNotIn("Camille Durand", journal)
        self.assertNotIn("Médiathèque de Lunel", journal)
        for url in (self.cc0.url, self.cc0.url + "versions/1-1/", self.cc0.url + "versions/1-0/"):
            text = page_text(self.client.get(url))
            self.assertNotIn("Camille Durand", text, url)
        self.assertIn(DELETED, page_text(self.client.get(self.cc0.url)))
        proposed = page_text(self.client.get(self.proposed.url + "journal-des-versions/"))
        self.assertIn(f"Modifications à la suite de suggestions de {DELETED}", proposed)
        self.assertNotIn("Camille Durand", proposed)
        self.assertEqual(ResourceVersion.objects.filter(user=user).count(), 1)  # kept, renamed
        # …except where a licence requires citing her: that credit stays as published.
        self.assertIn("Camille Durand", page_text(self.client.get(self.ccby.url)))
        self.pending.refresh_from_db()
        self.assertEqual(self.pending.status, ProposalStatus.WITHDRAWN)

        entry = ModelLogEntry.objects.get(action="bases.account_deleted", object_id=str(user.pk))
        self.assertEqual(entry.label, DELETED)

    def test_an_account_without_password_confirms_with_its_username(self):
        """Created through ProConnect: no password to type, the username confirms instead."""
        person = UserFactory(username="ines")
        person.set_unusable_password()
        person.save()
        SocialAccount.objects.create(user=person, provider="proconnect", uid="sub-1")
        self.client.force_login(person)
        page = page_text(self.client.get(DELETE_URL))
        self.assertIn("Votre identifiant (« ines »), pour confirmer", page)
        response = self.client.post(DELETE_URL, {"password": "quelqu-un"})
        self.assertIn("Ce n'est pas votre identifiant", page_text(response))
        self.client.post(DELETE_URL, {"password": "ines"})
        person.refresh_from_db()
        self.assertIsNotNone(person.deleted_at)
        self.assertFalse(SocialAccount.objects.filter(user=person).exists())

    def test_the_only_admin_of_a_base_cannot_delete_the_account(self):
        alone = BasePageFactory(title="Base tenue seule")
        BaseMembershipFactory(base=alone, user=self.person, role=Role.ADMIN)
        response = self.client.get(DELETE_URL)
        blocking = soup(response).select_one("#blocking-bases")
        self.assertIn("seul administrateur", blocking.get_text())
        self.assertIn("Base tenue seule", blocking.get_text())
        self.assertNotIn("Base du Hub", blocking.get_text())  # it has another admin
        self.assertIsNone(soup(response).find("input", attrs={"name": "password"}))
        response = self.client.post(DELETE_URL, {"password": PASSWORD})
        self.assertEqual(response.status_code, 409)
        self.person.refresh_from_db()
        self.assertIsNone(self.person.deleted_at)
        self.assertTrue(BaseMembership.objects.filter(base=alone, user=self.person).exists())
