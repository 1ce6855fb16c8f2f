"""The weekly digest of « Mon fil »: opt-in, content, once per week, unsubscribing."""

import io
from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase

from accounts.models import User
from base.models import Visibility
from ressources import versioning
from ressources.models import ResourcePage, ResourceVersion
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text
from veille import digest as veille
from veille.models import Follow

SITE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def run(*args):
    out = io.StringIO()
    call_command("send_digests", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


class DigestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.week = veille.last_complete_week()
        during = cls.week.start + timedelta(days=2)
        cls.editor = UserFactory()
        cls.base = BasePageFactory(title="Base du Hub")
        cls.resource = ResourcePageFactory(parent=cls.base, title="Fiche boîte mail")
        ResourceVersion.objects.filter(resource=cls.resource).update(
            published_at=cls.week.start - timedelta(days=20)
        )
        versioning.publish(
            ResourcePage.objects.get(pk=cls.resource.pk), cls.editor, ["Captures d'écran à jour"]
        )
        ResourceVersion.objects.filter(resource=cls.resource, minor=1).update(published_at=during)
        cls.before = ResourcePageFactory(parent=cls.base, title="Fiche de la semaine d'avant")
        ResourceVersion.objects.filter(resource=cls.before).update(
            published_at=cls.week.start - timedelta(days=3)
        )
        cls.private_base = BasePageFactory(title="Espace interne", visibility=Visibility.PRIVATE)
        cls.membership = BaseMembershipFactory(base=cls.private_base)
        cls.reader = cls.membership.user
        cls.secret = ResourcePageFactory(parent=cls.private_base, title="Protocole interne")
        ResourceVersion.objects.filter(resource=cls.secret).update(published_at=during)
        User.objects.filter(pk=cls.reader.pk).update(weekly_digest=True)
        for page in (cls.base, cls.private_base):
            Follow.objects.create(user=cls.reader, page_id=page.pk)
        cls.not_opted_in = UserFactory()
        Follow.objects.create(user=cls.not_opted_in, page_id=cls.base.pk)

    def test_sends_the_week_of_mon_fil_to_those_who_asked(self):
        output = run()
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, [self.reader.email])
        self.assertIn("Votre veille de la semaine du", message.subject)
        body = message.body
        self.assertIn("Version 1.1 : Fiche boîte mail", body)
        self.assertIn("– Captures d'écran à jour", body)
        self.assertIn("Nouvelle ressource : Protocole interne", body)
        self.assertIn(SITE + self.resource.url + "versions/1-1/", body)
        self.assertNotIn("semaine d'avant", body)
        self.assertNotIn("Première publication", body)  # change lines are for updates
        self.assertIn("1/1 " + self.reader.username + " : envoyé, 2 nouveautés", output)

    def test_never_twice_the_same_week(self):
        run()
        output = run()
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("déjà envoyé pour cette semaine", output)
        self.assertEqual(User.objects.get(pk=self.reader.pk).digest_last_week, self.week.monday)

    def test_a_failed_send_is_retried_by_the_next_run(self):
        with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP")):
            run()
        self.assertIsNone(User.objects.get(pk=self.reader.pk).digest_last_week)
        run()
        self.assertEqual(len(mail.outbox), 1)

    def test_dry_run_sends_and_records_nothing(self):
        output = run("--dry-run")
        self.assertIn("serait envoyé (essai), 2 nouveautés", output)
        self.assertEqual(mail.outbox, [])
        self.assertIsNone(User.objects.get(pk=self.reader.pk).digest_last_week)

    def test_since_widens_the_period(self):
        since = (self.week.monday - timedelta(days=7)).isoformat()
        run("--since", since)
        self.assertIn("Nouvelle ressource : Fiche de la semaine d'avant", mail.outbox[0].body)

    def test_since_must_be_a_date(self):
        from django.core.management.base import CommandError

        with self.assertRaisesMessage(CommandError, "AAAA-MM-JJ"):
            run("--since", "lundi dernier")

    def test_a_removed_member_receives_nothing_from_the_private_base(self):
        self.membership.delete()
        run()
        self.assertNotIn("Protocole interne", mail.outbox[0].body)

    def test_nothing_new_means_no_email(self):
        Follow.objects.filter(user=self.reader).delete()
        output = run()
        self.assertEqual(mail.outbox, [])
        self.assertIn("rien de nouveau", output)

    def test_opt_in_from_mon_fil(self):
        self.client.force_login(self.not_opted_in)
        response = self.client.post("/compte/mon-fil/resume/", {"weekly_digest": "on"})
        self.assertRedirects(response, "/compte/mon-fil/", fetch_redirect_response=False)
        self.assertTrue(User.objects.get(pk=self.not_opted_in.pk).weekly_digest)
        self.assertIn("checked", str(self.client.get("/compte/mon-fil/").content))
        self.client.post("/compte/mon-fil/resume/", {})
        self.assertFalse(User.objects.get(pk=self.not_opted_in.pk).weekly_digest)
        self.assertEqual(self.client.get("/compte/mon-fil/resume/").status_code, 405)

    def test_unsubscribe_link_asks_then_unsubscribes_without_login(self):
        run()
        message = mail.outbox[0]
        link = next(
            line.split(": ", 1)[1]
            for line in message.body.splitlines()
            if line.startswith("Pour ne plus le recevoir")
        )
        path = link.removeprefix(SITE)
        response = self.client.get(path)
        self.assertIn("Me désabonner du résumé hebdomadaire", page_text(response))
        self.assertTrue(User.objects.get(pk=self.reader.pk).weekly_digest)  # GET changes nothing
        csrf_client = Client(enforce_csrf_checks=True)
        self.assertEqual(csrf_client.post(path).status_code, 403)  # a forged form is refused
        response = self.client.post(path)
        self.assertIn("vous ne recevrez plus le résumé hebdomadaire", page_text(response))
        self.assertFalse(User.objects.get(pk=self.reader.pk).weekly_digest)

    def test_one_click_unsubscribe_of_mail_clients(self):
        run()
        header = mail.outbox[0].extra_headers
        self.assertEqual(header["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        path = header["List-Unsubscribe"].strip("<>").removeprefix(SITE)
        client = Client(enforce_csrf_checks=True)  # a mail client has no CSRF token
        self.assertEqual(client.get(path).status_code, 405)
        self.assertTrue(User.objects.get(pk=self.reader.pk).weekly_digest)
        self.assertEqual(client.post(path, {"List-Unsubscribe": "One-Click"}).status_code, 200)
        self.assertFalse(User.objects.get(pk=self.reader.pk).weekly_digest)

    def test_forged_tokens_are_refused(self):
        token = veille.unsubscribe_token(self.reader)
        for path in (
            f"/compte/mon-fil/desabonnement/{token}x/",
            f"/compte/mon-fil/desabonnement/{token[:-3]}/un-clic/",
            "/compte/mon-fil/desabonnement/<script>/",
        ):
            with self.subTest(path=path):
                response = self.client.post(path)
                self.assertEqual(response.status_code, 404)
        self.assertTrue(User.objects.get(pk=self.reader.pk).weekly_digest)

    def test_an_unreachable_mail_server_sends_and_records_nothing(self):
        from django.core.management.base import CommandError

        with (
            mock.patch(
                "django.core.mail.backends.locmem.EmailBackend.open",
                side_effect=ConnectionRefusedError("refusé"),
                create=True,
            ),
            self.assertRaisesMessage(CommandError, "Le serveur d'e-mail ne répond pas"),
        ):
            run()
        self.assertIsNone(User.objects.get(pk=self.reader.pk).digest_last_week)
