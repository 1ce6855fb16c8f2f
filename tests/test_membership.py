"""Membership of a base from the outside: invitations by e-mail, « Demander à rejoindre »,
roles, removals, leaving, the last-admin rule on every path, organisation admins, and the
Wagtail permissions that follow."""

import re
import threading
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from accounts.models import Notification, User
from base import membership
from base.models import (
    BaseMembership,
    BasePage,
    Invitation,
    InvitationStatus,
    JoinRequest,
    JoinRequestStatus,
    LastAdminError,
    OrganisationMembership,
    Role,
)
from base.permissions import group_name
from tests.factories import (
    PASSWORD,
    BaseMembershipFactory,
    BasePageFactory,
    OrganisationFactory,
    OrganisationMembershipFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup

LINK = re.compile(r"https?://[^\s]+/compte/invitations/[^\s/]+/")


def members_url(base):
    return base.url + "membres/"


def action_url(base, action, pk=None):
    return members_url(base) + action + "/" + (f"{pk}/" if pk else "")


def logged(base, action):
    return PageLogEntry.objects.filter(page=base, action=action)


class MembershipTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(name="Hub du Sud")
        cls.base = BasePageFactory(title="Base du Hub", organisation=cls.organisation)
        cls.admin = BaseMembershipFactory(base=cls.base, role=Role.ADMIN).user
        cls.contributor_membership = BaseMembershipFactory(base=cls.base, role=Role.CONTRIBUTOR)
        cls.contributor = cls.contributor_membership.user
        cls.outsider = UserFactory(email="camille@example.org")

    def login(self, user):
        self.client.force_login(user)

    def post(self, url, data=None, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data or {}, **kwargs)


class MembersPageTests(MembershipTestCase):
    def test_a_large_base_lists_its_members_page_by_page(self):
        """A contributive base may have hundreds of members: 50 a page, the admins first."""
        from base.views.membership import MEMBERS_PER_PAGE

        for _number in range(MEMBERS_PER_PAGE):
            BaseMembershipFactory(base=self.base, role=Role.CONTRIBUTOR)
        response = self.client.get(members_url(self.base))
        text = page_text(response)
        self.assertIn(f"Membres ({MEMBERS_PER_PAGE + 2})", text)
        self.assertEqual(len(soup(response).select("#members-title + div tbody tr")), 50)
        self.assertIn(self.admin.display_name, text)
        last = page_text(self.client.get(members_url(self.base), {"page": "2"}))
        self.assertNotIn(self.admin.display_name, last)
        self.assertEqual(self.client.get(members_url(self.base), {"page": "x%00"}).status_code, 200)


class InvitationTests(MembershipTestCase):
    def invite(self, email="camille@example.org", role=Role.CONTRIBUTOR):
        self.login(self.admin)
        return self.post(action_url(self.base, "inviter"), {"email": email, "role": role})

    def link(self, message=None):
        message = message or mail.outbox[-1]
        return LINK.search(message.body).group(0).split("://", 1)[1].split("/", 1)[1]

    def test_invitation_end_to_end_through_the_e_mail_link(self):
        response = self.invite(role=Role.ADMIN)
        self.assertRedirects(response, members_url(self.base))
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["camille@example.org"])
        self.assertIn("Invitation à rejoindre « Base du Hub »", message.subject)
        self.assertIn("administrateur", message.body)
        url = "/" + self.link()
        invitation = Invitation.objects.get()
        self.assertNotIn(invitation.token_hash, message.body)  # only the hash is stored

        # Not logged in: the page says what to do and links to log in / sign up, coming back.
        self.client.logout()
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Base du Hub")
        self.assertContains(response, f"/compte/connexion/?next={url.replace('/', '%2F')}")
        self.assertContains(response, "/compte/inscription/?next=")

        self.login(self.outsider)
        response = self.client.get(url)
        self.assertContains(response, "Accepter et rejoindre la base")
        self.assertFalse(BaseMembership.objects.filter(user=self.outsider).exists())  # GET
        response = self.post(url, {"decision": "accepter"})
        self.assertRedirects(response, members_url(self.base))
        member = BaseMembership.objects.get(base=self.base, user=self.outsider)
        self.assertEqual(member.role, Role.ADMIN)
        invitation.refresh_from_db()
        self.assertEqual(invitation.status, InvitationStatus.ACCEPTED)
        self.assertTrue(logged(self.base, membership.INVITATION_ACCEPT).exists())
        self.assertTrue(
            Notification.objects.filter(recipient=self.admin, subject__contains="a rejoint")
        )
        # The used link now says so.
        response = self.client.get(url)
        self.assertEqual(response.status_code, 410)
        self.assertIn("déjà été acceptée", page_text(response))

    def test_decline(self):
        self.invite()
        url = "/" + self.link()
        self.login(self.outsider)
        self.post(url, {"decision": "decliner"})
        self.assertEqual(Invitation.objects.get().status, InvitationStatus.DECLINED)
        self.assertFalse(BaseMembership.objects.filter(user=self.outsider).exists())

    def test_forged_expired_and_wrong_account_links_are_refused_in_french(self):
        response = self.client.get(reverse("invitation", args=("x" * 43,)))
        self.assertEqual(response.status_code, 404)
        self.assertIn("Ce lien d'invitation n'est pas valable", page_text(response))

        self.invite()
        url = "/" + self.link()
        self.login(self.contributor)  # logged in, but not as camille@example.org
        response = self.post(url, {"decision": "accepter"})
        self.assertEqual(response.status_code, 403)
        self.assertIn("Cette invitation a été envoyée à camille@example.org", page_text(response))
        self.assertEqual(Invitation.objects.get().status, InvitationStatus.PENDING)

        Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
        self.login(self.outsider)
        response = self.post(url, {"decision": "accepter"})
        self.assertEqual(response.status_code, 410)
        self.assertIn("Cette invitation a expiré", page_text(response))
        self.assertFalse(BaseMembership.objects.filter(user=self.outsider).exists())

    def test_inviting_a_member_is_refused_and_keeps_the_form(self):
        response = self.invite(email=self.contributor.email.upper())
        self.assertEqual(response.status_code, 400)
        self.assertIn("est déjà membre de cette base", page_text(response))
        self.assertContains(response, f'value="{self.contributor.email.upper()}"', status_code=400)
        self.assertFalse(Invitation.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_bad_address_gets_a_french_error(self):
        response = self.invite(email="pas-une-adresse")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Saisissez une adresse e-mail valide", page_text(response))

    def test_reinviting_resends_a_new_link(self):
        self.invite()
        first = "/" + self.link()
        response = self.invite(role=Role.ADMIN)
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(Invitation.objects.count(), 1)
        self.assertEqual(Invitation.objects.get().role, Role.ADMIN)
        self.assertIn("renvoyée", page_text(self.client.get(response.url)))
        second = "/" + self.link()
        self.login(self.outsider)
        self.assertEqual(self.client.get(first).status_code, 404)  # replaced
        self.assertEqual(self.client.get(second).status_code, 200)
        self.assertTrue(logged(self.base, membership.INVITATION_RESEND).exists())

    def test_only_managers_invite(self):
        self.login(self.contributor)
        response = self.post(action_url(self.base, "inviter"), {"email": "x@example.org"})
        self.assertEqual(response.status_code, 403)
        self.client.logout()
        response = self.post(action_url(self.base, "inviter"), {"email": "x@example.org"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("/compte/connexion/", response.url)
        self.assertFalse(Invitation.objects.exists())

    def test_admin_cancels_an_invitation(self):
        self.invite()
        url = "/" + self.link()
        invitation = Invitation.objects.get()
        self.post(action_url(self.base, "annuler-invitation", invitation.pk))
        invitation.refresh_from_db()
        self.assertEqual(invitation.status, InvitationStatus.CANCELLED)
        self.login(self.outsider)
        self.assertIn("annulée", page_text(self.client.get(url)))


class JoinRequestTests(MembershipTestCase):
    def test_request_accept_and_notifications(self):
        self.login(self.outsider)
        response = self.client.get(members_url(self.base))
        self.assertContains(response, "Demander à rejoindre")
        self.post(action_url(self.base, "demander"), {"message": "Je suis médiatrice à Nîmes."})
        join_request = JoinRequest.objects.get(base=self.base, user=self.outsider)
        self.assertEqual(join_request.status, JoinRequestStatus.PENDING)
        notification = Notification.objects.get(recipient=self.admin, kind="join_request")
        self.assertEqual(notification.message, "Je suis médiatrice à Nîmes.")
        self.assertFalse(Notification.objects.filter(recipient=self.contributor).exists())

        # No duplicate pending request.
        response = self.post(action_url(self.base, "demander"), {"message": "Encore moi"})
        self.assertIn("déjà demandé", page_text(self.client.get(response.url)))
        self.assertEqual(JoinRequest.objects.count(), 1)

        self.login(self.admin)
        response = self.client.get(members_url(self.base))
        self.assertIn("Je suis médiatrice à Nîmes.", page_text(response))
        self.post(action_url(self.base, "accepter-demande", join_request.pk), {"role": "admin"})
        self.assertEqual(
            BaseMembership.objects.get(base=self.base, user=self.outsider).role, Role.ADMIN
        )
        join_request.refresh_from_db()
        self.assertEqual(join_request.status, JoinRequestStatus.ACCEPTED)
        self.assertTrue(
            Notification.objects.filter(recipient=self.outsider, subject__contains="acceptée")
        )
        self.assertTrue(logged(self.base, membership.JOIN_ACCEPT).exists())

    def test_decline_with_a_reason(self):
        join_request = JoinRequest.objects.create(base=self.base, user=self.outsider)
        self.login(self.admin)
        field = f"refus-{join_request.pk}-reason"
        self.post(
            action_url(self.base, "refuser-demande", join_request.pk),
            {field: "Base réservée au Hub."},
        )
        join_request.refresh_from_db()
        self.assertEqual(join_request.status, JoinRequestStatus.DECLINED)
        notification = Notification.objects.get(recipient=self.outsider)
        self.assertIn("Base réservée au Hub.", notification.message)
        self.assertFalse(BaseMembership.objects.filter(user=self.outsider).exists())

    def test_a_contributor_cannot_decide(self):
        join_request = JoinRequest.objects.create(base=self.base, user=self.outsider)
        self.login(self.contributor)
        response = self.post(
            action_url(self.base, "accepter-demande", join_request.pk), {"role": "admin"}
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(BaseMembership.objects.filter(user=self.outsider).exists())

    def test_private_base_is_not_open_to_requests_from_outside(self):
        private = BasePageFactory(visibility="private", organisation=self.organisation)
        self.login(self.outsider)
        self.assertEqual(self.client.get(members_url(private)).status_code, 404)
        response = self.post(action_url(private, "demander"), {"message": "?"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(JoinRequest.objects.exists())


class RolesAndLastAdminTests(MembershipTestCase):
    def test_admin_changes_a_role_and_the_person_hears_of_it(self):
        self.login(self.admin)
        self.post(action_url(self.base, "role", self.contributor_membership.pk), {"role": "admin"})
        self.contributor_membership.refresh_from_db()
        self.assertEqual(self.contributor_membership.role, Role.ADMIN)
        self.assertTrue(
            Notification.objects.filter(recipient=self.contributor, subject__contains="rôle")
        )
        entry = logged(self.base, membership.ROLE_CHANGE).get()
        self.assertEqual(entry.user, self.admin)
        # The base's history in the Wagtail admin says it in French, with the person's name.
        self.login(UserFactory(superuser=True))
        history = self.client.get(reverse("wagtailadmin_pages:history", args=(self.base.pk,)))
        self.assertIn(
            f"Rôle d'un membre modifié : {self.contributor.display_name}", page_text(history)
        )

    def test_removing_a_member_keeps_their_account(self):
        ResourcePageFactory(parent=self.base, owner=self.contributor)
        self.login(self.admin)
        response = self.post(action_url(self.base, "retirer", self.contributor_membership.pk))
        self.assertIn("son compte est conservé", page_text(self.client.get(response.url)))
        self.assertFalse(BaseMembership.objects.filter(user=self.contributor).exists())
        self.assertTrue(User.objects.filter(pk=self.contributor.pk, is_active=True).exists())
        self.assertTrue(Client().login(username=self.contributor.username, password=PASSWORD))
        self.assertTrue(logged(self.base, membership.MEMBER_REMOVE).exists())
        self.assertTrue(Notification.objects.filter(recipient=self.contributor))

    def test_a_contributor_leaves(self):
        self.login(self.contributor)
        self.post(action_url(self.base, "quitter"))
        self.assertFalse(BaseMembership.objects.filter(user=self.contributor).exists())
        self.assertTrue(Notification.objects.filter(recipient=self.admin, kind="membership"))

    def assert_still_admin(self, response=None, text="doit garder au moins un administrateur"):
        self.assertEqual(
            BaseMembership.objects.get(base=self.base, user=self.admin).role, Role.ADMIN
        )
        if response is not None:
            self.assertIn(text, page_text(response))

    def test_the_last_admin_cannot_demote_themself_leave_or_be_removed(self):
        self.login(self.admin)
        own = BaseMembership.objects.get(base=self.base, user=self.admin)
        response = self.post(action_url(self.base, "role", own.pk), {"role": "contributor"})
        self.assert_still_admin(self.client.get(response.url))
        response = self.post(action_url(self.base, "quitter"))
        self.assert_still_admin(self.client.get(response.url))
        # An organisation admin may manage the base, but not take its last admin away.
        org_admin = OrganisationMembershipFactory(organisation=self.organisation).user
        self.login(org_admin)
        response = self.post(action_url(self.base, "retirer", own.pk))
        self.assert_still_admin(self.client.get(response.url))

    def test_forged_posts(self):
        other_base = BasePageFactory()
        other_admin = BaseMembershipFactory(base=other_base, role=Role.ADMIN).user
        own = BaseMembership.objects.get(base=self.base, user=self.admin)
        # Another base's admin, on this base: 403.
        self.login(other_admin)
        response = self.post(action_url(self.base, "retirer", own.pk))
        self.assertEqual(response.status_code, 403)
        # A membership of another base through this base's address: 404.
        other_membership = BaseMembership.objects.get(user=other_admin)
        self.login(self.admin)
        response = self.post(action_url(self.base, "retirer", other_membership.pk))
        self.assertEqual(response.status_code, 404)
        # A role that does not exist.
        response = self.post(
            action_url(self.base, "role", self.contributor_membership.pk), {"role": "roi"}
        )
        self.assertIn("Choisissez un rôle de la liste", page_text(self.client.get(response.url)))
        # GET changes nothing.
        response = self.client.get(action_url(self.base, "retirer", own.pk))
        self.assertEqual(response.status_code, 405)
        self.assert_still_admin()
        # Without the CSRF token.
        csrf_client = Client(enforce_csrf_checks=True)
        csrf_client.force_login(self.admin)
        response = csrf_client.post(
            action_url(self.base, "retirer", self.contributor_membership.pk)
        )
        self.assertEqual(response.status_code, 403)
        self.assertTrue(BaseMembership.objects.filter(pk=self.contributor_membership.pk).exists())

    def test_model_and_account_paths(self):
        own = BaseMembership.objects.get(base=self.base, user=self.admin)
        with self.assertRaises(LastAdminError):
            own.delete()
        with self.assertRaises(LastAdminError), transaction.atomic():
            BaseMembership.objects.filter(pk=own.pk).delete()
        self.assertEqual(membership.bases_only_administered_by(self.admin), [self.base])
        with self.assertRaises(LastAdminError), transaction.atomic():
            self.admin.delete()  # the account would take the last admin with it
        own.role = Role.CONTRIBUTOR
        with self.assertRaises(LastAdminError):
            own.save()
        self.assert_still_admin()
        # Once another admin exists, the first may go.
        self.contributor_membership.role = Role.ADMIN
        self.contributor_membership.save()
        own.save()
        self.assertEqual(BaseMembership.objects.get(pk=own.pk).role, Role.CONTRIBUTOR)

    def test_deleting_the_base_takes_its_memberships(self):
        base = BasePageFactory()
        BaseMembershipFactory(base=base, role=Role.ADMIN)
        base.delete()
        self.assertFalse(BaseMembership.objects.filter(base_id=base.pk).exists())

    def test_wagtail_admin_respects_the_rule(self):
        superuser = UserFactory(superuser=True)
        self.login(superuser)
        own = BaseMembership.objects.get(base=self.base, user=self.admin)
        edit = reverse("wagtailsnippets_base_basemembership:edit", args=(own.pk,))
        data = querydict_from_html(self.client.get(edit).content.decode(), form_id="w-editor-form")
        data["role"] = "contributor"
        response = self.client.post(edit, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("doit garder au moins un administrateur", page_text(response))
        delete = reverse("wagtailsnippets_base_basemembership:delete", args=(own.pk,))
        response = self.client.post(delete, follow=True)
        self.assertIn("doit garder au moins un administrateur", page_text(response))
        response = self.client.post(
            reverse("wagtailusers_users:delete", args=(self.admin.pk,)), follow=True
        )
        self.assertIn("doit garder au moins un administrateur", page_text(response))
        self.assertTrue(User.objects.filter(pk=self.admin.pk).exists())
        self.assert_still_admin()
        # Adding a member there logs it on the base and tells the person.
        add = reverse("wagtailsnippets_base_basemembership:add")
        response = self.post(
            add, {"base": self.base.pk, "user": self.outsider.pk, "role": "contributor"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(logged(self.base, membership.MEMBER_ADD).exists())
        self.assertTrue(Notification.objects.filter(recipient=self.outsider))


class OrganisationAdminTests(MembershipTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.private = BasePageFactory(
            title="Espace privé du Hub", visibility="private", organisation=cls.organisation
        )
        BaseMembershipFactory(base=cls.private, role=Role.ADMIN)
        cls.resource = ResourcePageFactory(parent=cls.private)
        cls.hub_admin = UserFactory(email="sarah@example.org")
        cls.org_membership = OrganisationMembershipFactory(
            organisation=cls.organisation, user=cls.hub_admin
        )

    def test_organisation_admin_manages_every_base_of_the_organisation(self):
        self.login(self.hub_admin)
        response = self.client.get(self.private.url)
        self.assertEqual(response.status_code, 200)
        response = self.client.get(members_url(self.private))
        self.assertContains(response, "Inviter une personne")
        self.assertIn(self.hub_admin.display_name, page_text(response))
        response = self.post(
            action_url(self.private, "inviter"), {"email": "new@example.org", "role": "admin"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Invitation.objects.filter(base=self.private).exists())
        # The Wagtail admin: edit and delete on the organisation's bases.
        edit = reverse("wagtailadmin_pages:edit", args=(self.resource.pk,))
        self.assertEqual(self.client.get(edit).status_code, 200)
        delete = reverse("wagtailadmin_pages:delete", args=(self.resource.pk,))
        self.assertEqual(self.client.get(delete).status_code, 200)

    def test_organisation_admin_finds_the_private_base_in_the_directory(self):
        self.assertNotIn("Espace privé du Hub", page_text(self.client.get("/bases/")))
        self.login(self.hub_admin)
        self.assertIn("Espace privé du Hub", page_text(self.client.get("/bases/")))

    def test_only_admins_set_the_privacy_of_a_page(self):
        privacy = reverse("wagtailadmin_pages:set_privacy", args=(self.resource.pk,))
        contributor = BaseMembershipFactory(base=self.private, role=Role.CONTRIBUTOR).user
        self.login(contributor)
        self.assertNotEqual(self.client.get(privacy).status_code, 200)
        self.login(self.hub_admin)
        self.assertEqual(self.client.get(privacy).status_code, 200)

    def test_access_follows_the_organisation_membership_and_the_base(self):
        group = Group.objects.get(name=group_name(self.private, Role.ADMIN))
        self.assertIn(group, self.hub_admin.groups.all())
        # The base moves to another organisation: its admins change.
        other = OrganisationFactory()
        new_admin = OrganisationMembershipFactory(organisation=other).user
        base = BasePage.objects.get(pk=self.private.pk)
        base.organisation = other
        base.save_revision().publish()
        self.assertNotIn(group, self.hub_admin.groups.all())
        self.assertIn(group, new_admin.groups.all())
        self.login(self.hub_admin)
        self.assertEqual(self.client.get(self.private.url).status_code, 404)
        # Removing an organisation admin removes their rights on its bases.
        self.assertIn(group_name(self.base, Role.ADMIN), self.group_names(self.hub_admin))
        self.org_membership.delete()
        self.assertEqual(self.group_names(self.hub_admin), set())

    def group_names(self, user):
        return set(user.groups.values_list("name", flat=True))

    def test_platform_admins_manage_organisation_admins_in_the_wagtail_admin(self):
        self.login(UserFactory(superuser=True))
        add = reverse("wagtailsnippets_base_organisationmembership:add")
        response = self.client.post(
            add, {"organisation": self.organisation.pk, "user": self.outsider.pk, "role": "admin"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(OrganisationMembership.objects.filter(user=self.outsider).exists())
        self.assertIn(group_name(self.base, Role.ADMIN), self.group_names(self.outsider))
        # A base admin may not.
        self.login(self.admin)
        self.assertNotEqual(self.client.get(add).status_code, 200)


class PermissionSyncTests(MembershipTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.resource = ResourcePageFactory(parent=cls.base)

    def test_contributors_do_not_delete_pages_admins_do(self):
        delete = reverse("wagtailadmin_pages:delete", args=(self.resource.pk,))
        self.login(self.contributor)
        self.assertNotEqual(self.client.get(delete).status_code, 200)
        self.client.post(delete)
        self.assertTrue(type(self.resource).objects.filter(pk=self.resource.pk).exists())
        self.login(self.admin)
        self.assertEqual(self.client.get(delete).status_code, 200)

    def test_base_settings_are_for_admins(self):
        edit = reverse("wagtailadmin_pages:edit", args=(self.base.pk,))
        self.login(self.contributor)
        response = self.client.get(edit)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="visibility"')
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        data["visibility"] = "private"
        data["dedicated_to"] = "Médiateurs"
        data["action-publish"] = "action-publish"
        self.assertEqual(self.client.post(edit, data).status_code, 302)
        base = BasePage.objects.get(pk=self.base.pk)
        self.assertEqual((base.dedicated_to, base.visibility), ("Médiateurs", "public"))
        self.login(self.admin)
        self.assertContains(self.client.get(edit), 'name="visibility"')

    def test_sync_command_repairs_the_groups(self):
        self.contributor.groups.clear()
        self.admin.groups.add(Group.objects.get(name=group_name(self.base, Role.CONTRIBUTOR)))
        out = StringIO()
        call_command("sync_base_permissions", stdout=out)
        self.assertIn("Droits de la base « Base du Hub »… à jour", out.getvalue())
        self.assertIn(group_name(self.base, Role.CONTRIBUTOR), self.names(self.contributor))
        self.assertEqual(self.names(self.admin), {group_name(self.base, Role.ADMIN)})

    def names(self, user):
        return set(user.groups.values_list("name", flat=True))


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (concurrent transactions and row locks); runs in the PostgreSQL pass",
)
def test_two_admins_demoting_each_other_at_once_keep_one(
    transactional_db, django_db_serialized_rollback
):
    """The first demotion holds the base's admin rows until it commits; the second one waits,
    then sees a single admin left and is refused."""
    base = BasePageFactory()
    first, second = (BaseMembershipFactory(base=base, role=Role.ADMIN) for _ in range(2))
    first_holds_the_lock = threading.Event()
    outcome = {}

    def demote_first():
        try:
            with transaction.atomic():
                membership = BaseMembership.objects.get(pk=first.pk)
                membership.role = Role.CONTRIBUTOR
                membership.save()
                first_holds_the_lock.set()
                time.sleep(0.5)  # the second demotion reads meanwhile (and must wait)
        finally:
            connection.close()

    def demote_second():
        first_holds_the_lock.wait(timeout=10)
        try:
            membership = BaseMembership.objects.get(pk=second.pk)
            membership.role = Role.CONTRIBUTOR
            membership.save()
            outcome["second"] = "saved"
        except LastAdminError:
            outcome["second"] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=demote_first), threading.Thread(target=demote_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcome == {"second": "refused"}
    assert BaseMembership.objects.filter(base=base, role=Role.ADMIN).count() == 1
