"""« Donner mon avis sur la plateforme »: anyone tells the team what is missing or broken; the
team triages it in the admin. Spam is kept out without a third-party CAPTCHA."""

import time
from unittest import mock

from django.contrib.auth.models import Group
from django.core import mail, signing
from django.test import TestCase, override_settings
from django.urls import reverse

from portal import feedback
from portal.models import FeedbackStatus, PlatformFeedback
from tests.factories import PASSWORD, UserFactory
from tests.helpers import page_text, soup

URL = "/donner-mon-avis/"


def stamp(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=feedback.STAMP_SALT)


def post_data(**overrides):
    data = {
        "kind": "manque",
        "message": "Il manque des fiches sur la carte Vitale en anglais.",
        "rating": "3",
        "email": "",
        "page_url": "/bases/",
        "site_web": "",
        "jeton": stamp(),
    }
    data.update(overrides)
    return data


class FeedbackFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(is_superuser=True, is_staff=True, email="equipe@example.org")
        cls.moderator = UserFactory(email="modo@example.org")
        cls.moderator.groups.add(Group.objects.get(name="Modérateurs"))
        cls.visitor = UserFactory()

    def test_every_page_links_to_the_form_in_its_footer(self):
        response = self.client.get("/bases/")
        footer = soup(response).find("footer")
        link = footer.find("a", string="Donner mon avis sur la plateforme")
        self.assertIsNotNone(link)
        self.assertTrue(link["href"].startswith(URL + "?depuis="))

    def test_a_visitor_without_an_account_sends_feedback_and_the_team_hears_of_it(self):
        self.assertEqual(self.client.get(URL).status_code, 200)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(URL, post_data(email="camille@example.org"))
        self.assertRedirects(response, reverse("platform_feedback_sent"))
        item = PlatformFeedback.objects.get()
        self.assertEqual(item.kind, "manque")
        self.assertEqual(item.rating, 3)
        self.assertEqual(item.email, "camille@example.org")
        self.assertEqual(item.page_url, "/bases/")
        self.assertIsNone(item.author)
        self.assertEqual(item.status, FeedbackStatus.NEW)
        self.assertIn("Merci pour votre avis", page_text(self.client.get(response.url)))
        # The platform admins and the moderators (who triage it) are told, in-site and by e-mail.
        recipients = sorted(address for message in mail.outbox for address in message.to)
        self.assertEqual(recipients, ["equipe@example.org", "modo@example.org"])
        self.assertIn("Nouvel avis sur la plateforme", mail.outbox[0].subject)
        self.assertFalse(self.visitor.notifications.exists())

    def test_a_logged_in_person_is_recorded_as_its_author(self):
        self.client.login(username=self.visitor.username, password=PASSWORD)
        self.client.post(URL, post_data())
        self.assertEqual(PlatformFeedback.objects.get().author, self.visitor)

    def test_an_outside_origin_is_not_kept(self):
        self.client.post(URL, post_data(page_url="https://evil.example/phishing"))
        self.assertEqual(PlatformFeedback.objects.get().page_url, "")

    def test_a_missing_message_is_refused_in_french_and_the_rest_is_kept(self):
        response = self.client.post(URL, post_data(message="", email="camille@example.org"))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(PlatformFeedback.objects.exists())
        text = page_text(response)
        self.assertIn("Votre avis n'est pas envoyé", text)
        self.assertIn("Écrivez votre message : c'est lui que l'équipe lira.", text)
        self.assertEqual(
            soup(response).find("input", {"name": "email"})["value"], "camille@example.org"
        )
        self.assertTrue(response.context["form"]["kind"].value() == "manque")

    def test_a_bot_filling_the_hidden_field_is_thanked_but_nothing_is_stored(self):
        response = self.client.post(URL, post_data(site_web="https://spam.example"))
        self.assertRedirects(response, reverse("platform_feedback_sent"))
        self.assertFalse(PlatformFeedback.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_a_form_sent_too_fast_or_forged_is_refused_with_the_text_kept(self):
        for jeton in (stamp(seconds_ago=0), "forged", "", stamp(seconds_ago=feedback.MAX_AGE + 5)):
            response = self.client.post(URL, post_data(jeton=jeton))
            self.assertEqual(response.status_code, 400)
            self.assertIn("Il manque des fiches", soup(response).find("textarea").text)
        self.assertFalse(PlatformFeedback.objects.exists())

    def test_one_address_is_limited_per_hour_without_blocking_another(self):
        for _ in range(feedback.HOURLY_LIMIT):
            self.assertEqual(self.client.post(URL, post_data()).status_code, 302)
        response = self.client.post(URL, post_data(message="Encore un message."))
        self.assertEqual(response.status_code, 429)
        self.assertIn("plusieurs avis dans l'heure", page_text(response))
        self.assertIn("Encore un message.", soup(response).find("textarea").text)
        other = self.client.post(URL, post_data(), REMOTE_ADDR="203.0.113.9")
        self.assertEqual(other.status_code, 302)
        self.assertEqual(PlatformFeedback.objects.count(), feedback.HOURLY_LIMIT + 1)

    def test_the_window_slides(self):
        # (time.time is patched for the stamps too: each form was shown 30 s before it is sent.)
        start = time.time()
        with mock.patch("time.time", return_value=start):
            for _ in range(feedback.HOURLY_LIMIT):
                self.assertEqual(self.client.post(URL, post_data(jeton=stamp())).status_code, 302)
        # 59 minutes later the first messages still count; after an hour they no longer do.
        with mock.patch("time.time", return_value=start + 59 * 60):
            self.assertEqual(self.client.post(URL, post_data(jeton=stamp())).status_code, 429)
        with mock.patch("time.time", return_value=start + 3601):
            self.assertEqual(self.client.post(URL, post_data(jeton=stamp())).status_code, 302)

    @override_settings(ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    def test_behind_the_proxy_the_limit_follows_the_address_it_sets(self):
        for _ in range(feedback.HOURLY_LIMIT):
            self.client.post(URL, post_data(), HTTP_X_REAL_IP="198.51.100.1")
        blocked = self.client.post(URL, post_data(), HTTP_X_REAL_IP="198.51.100.1")
        self.assertEqual(blocked.status_code, 429)
        self.assertEqual(
            self.client.post(URL, post_data(), HTTP_X_REAL_IP="198.51.100.2").status_code, 302
        )


class FeedbackTriageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.moderator = UserFactory()
        cls.moderator.groups.add(Group.objects.get(name="Modérateurs"))
        cls.contributor = UserFactory()
        cls.item = PlatformFeedback.objects.create(kind="probleme", message="La recherche plante.")

    def test_the_moderators_triage_the_feedback_in_the_admin(self):
        self.client.login(username=self.moderator.username, password=PASSWORD)
        listing = self.client.get(reverse("platform_feedback:index"))
        self.assertEqual(listing.status_code, 200)
        self.assertIn("La recherche plante.", page_text(listing))
        response = self.client.post(
            reverse("platform_feedback:edit", args=[self.item.pk]),
            {"status": FeedbackStatus.DONE, "staff_note": "Corrigé dans la version du 4 décembre."},
        )
        self.assertEqual(response.status_code, 302)
        self.item.refresh_from_db()
        self.assertEqual(self.item.status, FeedbackStatus.DONE)
        # The message itself is what the person wrote: the team cannot rewrite it.
        self.assertEqual(self.item.message, "La recherche plante.")

    def test_nobody_else_reads_it(self):
        self.client.login(username=self.contributor.username, password=PASSWORD)
        response = self.client.get(reverse("platform_feedback:index"))
        self.assertNotEqual(response.status_code, 200)
        self.client.logout()
        response = self.client.get(reverse("platform_feedback:inspect", args=[self.item.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/compte/connexion/", response.url)  # the site's one door
