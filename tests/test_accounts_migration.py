"""The move onto allauth loses nobody: the data migration gives every account its address as
allauth's primary EmailAddress, confirmed where it was, and the accounts log in as before."""

from importlib import import_module

from allauth.account.models import EmailAddress
from django.apps import apps
from django.test import TestCase
from django.utils import timezone

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

migration = import_module("accounts.migrations.0003_allauth_email_addresses")


class EmailAddressMigrationTests(TestCase):
    def test_every_account_keeps_its_address_and_its_confirmation(self):
        confirmed = UserFactory(
            username="confirmee",
            email="Confirmee@Example.org",
            verified_email=False,
            email_verified_at=timezone.now(),
            terms_accepted_at=timezone.now(),
        )
        made_by_an_admin = UserFactory(username="invitee", verified_email=False)
        waiting = UserFactory(
            username="en-attente",
            verified_email=False,
            is_active=False,
            terms_accepted_at=timezone.now(),
        )
        deactivated = UserFactory(username="desactivee", verified_email=False, is_active=False)
        deleted = UserFactory(
            username="supprime-9",
            verified_email=False,
            is_active=False,
            deleted_at=timezone.now(),
        )

        migration.create_email_addresses(apps, None)
        migration.create_email_addresses(apps, None)  # run twice: nothing doubled

        def address(user):
            return EmailAddress.objects.get(user=user)

        self.assertEqual(address(confirmed).email, "confirmee@example.org")
        self.assertTrue(address(confirmed).verified and address(confirmed).primary)
        self.assertTrue(address(made_by_an_admin).verified)
        self.assertFalse(address(waiting).verified)
        waiting.refresh_from_db()
        self.assertTrue(waiting.is_active)  # allauth holds the log-in until the link is opened
        self.assertFalse(EmailAddress.objects.filter(user=deleted).exists())
        deactivated.refresh_from_db()
        self.assertFalse(deactivated.is_active)
        self.assertEqual(EmailAddress.objects.count(), 4)

        # Passwords carried over: the confirmed accounts log in, by username or address.
        for login in ("confirmee", "confirmee@example.org", "invitee"):
            with self.subTest(login=login):
                response = self.client.post(
                    "/compte/connexion/", {"login": login, "password": PASSWORD}
                )
                self.assertRedirects(response, "/", fetch_redirect_response=False)
                self.client.logout()
        # The sign-up still waiting: the right password sends a new link instead.
        response = self.client.post(
            "/compte/connexion/", {"login": "en-attente", "password": PASSWORD}
        )
        self.assertRedirects(response, "/compte/confirmer/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(User.objects.count(), 5)
