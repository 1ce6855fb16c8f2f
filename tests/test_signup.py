"""Sign-up with e-mail confirmation, log in, password reset and change, rate limits."""

import re
import time
from unittest import mock

from django.core import mail, signing
from django.test import TestCase, override_settings

from accounts.models import User
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from tests.helpers import page_text, soup

SIGNUP_URL = "/compte/inscription/"
SENT_URL = "/compte/inscription/envoyee/"
RESEND_URL = "/compte/inscription/renvoyer/"
LOGIN_URL = "/compte/connexion/"
RESET_URL = "/compte/mot-de-passe-oublie/"
CHANGE_URL = "/compte/mot-de-passe/"
NEW_PASSWORD = "Bibliotheque-Solidaire-2026"


def signup_data(**overrides):
    data = {
        "first_name": "Camille",
        "last_name": "Durand",
        "email": "camille.durand@example.org",
        "username": "",
        "organisation": "",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "accept_terms": "on",
    }
    data.update(overrides)
    return data


def link_in(message, path_prefix):
    match = re.search(r"https?://[^/\s]+(" + re.escape(path_prefix) + r"\S+)", message.body)
    assert match, message.body
    return match.group(1)


class SignupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(name="Hub du Sud")

    def test_form_is_in_french_and_offers_organisations(self):
        response = self.client.get(SIGNUP_URL)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        for label in ("Prénom", "Nom", "Adresse e-mail", "Identifiant", "Organisation"):
            self.assertIn(label, text)
        self.assertIn("J'accepte les conditions d'utilisation", text)
        options = [o.get_text() for o in soup(response).select("select[name=organisation] option")]
        self.assertIn("Hub du Sud", options)

    def test_sign_up_confirm_then_log_in(self):
        response = self.client.post(
            SIGNUP_URL, signup_data(username="camille", organisation=self.organisation.pk)
        )
        self.assertRedirects(response, SENT_URL)
        self.assertIn("camille.durand@example.org", page_text(self.client.get(SENT_URL)))
        user = User.objects.get(username="camille")
        self.assertFalse(user.is_active)
        self.assertEqual(user.organisation, self.organisation)
        self.assertIsNotNone(user.terms_accepted_at)

        # Not confirmed yet: the right password says so, and does not log in.
        response = self.client.post(LOGIN_URL, {"username": "camille", "password": NEW_PASSWORD})
        self.assertIn("Votre adresse e-mail n'est pas encore confirmée", page_text(response))
        self.assertNotIn("_auth_user_id", self.client.session)

        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["camille.durand@example.org"])
        self.assertIn("Confirmez votre adresse e-mail", message.subject)
        self.assertIn("Bonjour Camille Durand", message.body)
        link = link_in(message, "/compte/confirmer/")

        # Opening the link changes nothing (mail scanners open links); its button confirms.
        page = self.client.get(link)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Confirmer mon adresse et activer mon compte", page_text(page))
        user.refresh_from_db()
        self.assertFalse(user.is_active)
        response = self.client.post(link)
        self.assertRedirects(response, LOGIN_URL, fetch_redirect_response=False)
        user.refresh_from_db()
        self.assertTrue(user.is_active)
        self.assertIsNotNone(user.email_verified_at)
        self.assertIn("Votre adresse est confirmée", page_text(self.client.get(LOGIN_URL)))

        response = self.client.post(LOGIN_URL, {"username": "camille", "password": NEW_PASSWORD})
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(int(self.client.session["_auth_user_id"]), user.pk)
        # A second use of the link says the account is already active.
        self.client.logout()
        self.assertIn("déjà confirmée", page_text(self.client.get(link)))

    def test_username_comes_from_the_address_when_left_empty(self):
        UserFactory(username="camille.durand", email="autre@example.org")
        self.client.post(SIGNUP_URL, signup_data())
        self.assertTrue(User.objects.filter(username="camille.durand-2").exists())

    def test_log_in_with_the_e_mail_address(self):
        UserFactory(username="lea", email="lea.martin@example.org")
        response = self.client.post(
            LOGIN_URL, {"username": "Lea.Martin@example.org", "password": PASSWORD}
        )
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_errors_are_french_and_keep_what_was_typed(self):
        response = self.client.post(
            SIGNUP_URL,
            signup_data(password1="azerty", password2="azertz", accept_terms="", username="c m!"),
        )
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Le compte n'est pas créé", text)
        self.assertIn("Les deux mots de passe ne correspondent pas", text)
        self.assertIn("Acceptez les conditions d'utilisation", text)
        self.assertIn("Saisissez un nom d’utilisateur valide", text)
        html = soup(response)
        self.assertEqual(html.find("input", attrs={"name": "first_name"})["value"], "Camille")
        self.assertEqual(
            html.find("input", attrs={"name": "email"})["value"], "camille.durand@example.org"
        )
        self.assertFalse(html.find("input", attrs={"name": "password1"}).has_attr("value"))
        self.assertFalse(User.objects.filter(email="camille.durand@example.org").exists())

    def test_weak_password_is_refused_by_djangos_validators(self):
        response = self.client.post(
            SIGNUP_URL, signup_data(password1="12345678", password2="12345678")
        )
        text = page_text(response)
        self.assertIn("Ce mot de passe est trop courant", text)
        self.assertIn("Ce mot de passe est entièrement numérique", text)

    def test_taken_username_is_refused(self):
        UserFactory(username="camille")
        response = self.client.post(SIGNUP_URL, signup_data(username="Camille"))
        self.assertIn("Cet identifiant est déjà pris", page_text(response))

    def test_existing_address_reveals_nothing_and_warns_its_owner(self):
        owner = UserFactory(username="proprietaire", email="deja@example.org")
        fresh = self.client.post(SIGNUP_URL, signup_data(email="nouvelle@example.org"))
        self.client.session.flush()
        taken = self.client.post(
            SIGNUP_URL, signup_data(email="Deja@example.org", username="autre")
        )
        self.assertEqual(fresh.status_code, taken.status_code)
        self.assertEqual(fresh["Location"], taken["Location"])
        self.assertFalse(User.objects.filter(username="autre").exists())
        self.assertEqual(User.objects.filter(email__iexact="deja@example.org").count(), 1)
        self.assertEqual(len(mail.outbox), 2)
        warning = mail.outbox[1]
        self.assertEqual(warning.to, [owner.email])
        self.assertIn("Vous avez déjà un compte", warning.body)
        self.assertIn("« proprietaire »", warning.body)
        self.assertNotIn("/compte/confirmer/", warning.body)

    def test_forged_and_expired_links_get_french_pages(self):
        self.client.post(SIGNUP_URL, signup_data(username="camille"))
        link = link_in(mail.outbox[0], "/compte/confirmer/")
        forged = link[:-3] + ("abc" if not link.endswith("abc/") else "xyz") + "/"
        response = self.client.get(forged.replace("//", "/"))
        self.assertEqual(response.status_code, 400)
        self.assertIn("Ce lien n'est pas valable", page_text(response))
        response = self.client.post("/compte/confirmer/n-importe-quoi/")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(User.objects.get(username="camille").is_active)

        # A link signed four days ago (links last three).
        old = signing.b62_encode(int(time.time()) - 4 * 24 * 3600)
        with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=old):
            self.client.post(RESEND_URL, {"email": "camille.durand@example.org"})
        expired = link_in(mail.outbox[-1], "/compte/confirmer/")
        for method in (self.client.get, self.client.post):
            response = method(expired)
            self.assertEqual(response.status_code, 400)
            self.assertIn("Ce lien a expiré", page_text(response))
        self.assertFalse(User.objects.get(username="camille").is_active)

    def test_resend_only_mails_accounts_awaiting_confirmation(self):
        self.client.post(SIGNUP_URL, signup_data(username="camille"))
        UserFactory(email="active@example.org")
        mail.outbox.clear()
        for address in ("camille.durand@example.org", "inconnue@example.org", "active@example.org"):
            response = self.client.post(RESEND_URL, {"email": address})
            self.assertRedirects(response, SENT_URL)
        self.assertEqual([m.to for m in mail.outbox], [["camille.durand@example.org"]])
        self.assertIn("/compte/confirmer/", mail.outbox[0].body)

    def test_a_link_does_not_reactivate_an_account_an_admin_deactivated(self):
        self.client.post(SIGNUP_URL, signup_data(username="camille"))
        link = link_in(mail.outbox[0], "/compte/confirmer/")
        self.client.post(link)
        User.objects.filter(username="camille").update(is_active=False)
        self.assertEqual(self.client.post(link).status_code, 400)
        self.assertFalse(User.objects.get(username="camille").is_active)

    def test_logged_in_people_are_sent_to_their_account(self):
        self.client.force_login(UserFactory())
        self.assertRedirects(self.client.get(SIGNUP_URL), "/compte/profil/")

    def test_sign_up_needs_csrf(self):
        self.client.handler.enforce_csrf_checks = True
        self.assertEqual(self.client.post(SIGNUP_URL, signup_data()).status_code, 403)
        self.assertFalse(User.objects.filter(email="camille.durand@example.org").exists())


class RateLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="camille", email="camille@example.org")

    def later(self, minutes):
        real = time.time()
        return mock.patch("accounts.ratelimit.now", return_value=real + minutes * 60)

    def test_failed_log_ins_are_limited_per_account_then_the_limit_resets(self):
        for _attempt in range(5):
            response = self.client.post(LOGIN_URL, {"username": "camille", "password": "non"})
            self.assertEqual(response.status_code, 200)
        # Even the right password is refused now, with what was typed kept.
        response = self.client.post(LOGIN_URL, {"username": "camille", "password": PASSWORD})
        self.assertEqual(response.status_code, 429)
        text = page_text(response)
        self.assertRegex(text, r"Trop de tentatives\. Par sécurité, réessayez dans \d+ minutes?\.")
        self.assertEqual(
            soup(response).find("input", attrs={"name": "username"})["value"], "camille"
        )
        self.assertNotIn("_auth_user_id", self.client.session)
        # Another account from the same address is not blocked by this counter.
        other = UserFactory(username="lea")
        response = self.client.post(LOGIN_URL, {"username": "lea", "password": PASSWORD})
        self.assertEqual(int(self.client.session["_auth_user_id"]), other.pk)
        self.client.logout()
        # Sixteen minutes later the window has passed.
        with self.later(16):
            response = self.client.post(LOGIN_URL, {"username": "camille", "password": PASSWORD})
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    @override_settings(RATE_LIMITS={"login": {"ip": (3, 600)}})
    def test_failed_log_ins_are_limited_per_address(self):
        for index in range(3):
            self.client.post(LOGIN_URL, {"username": f"inconnu{index}", "password": "non"})
        response = self.client.post(LOGIN_URL, {"username": "camille", "password": PASSWORD})
        self.assertEqual(response.status_code, 429)
        self.assertRegex(page_text(response), r"réessayez dans (10 minutes|[1-9] minutes?)\.")
        response = self.client.post(
            LOGIN_URL, {"username": "camille", "password": PASSWORD}, REMOTE_ADDR="192.0.2.7"
        )
        self.assertEqual(response.status_code, 302)

    def test_the_address_and_the_username_share_one_counter(self):
        for identifier in ("camille", "Camille@example.org") * 2 + ("camille",):
            self.client.post(LOGIN_URL, {"username": identifier, "password": "non"})
        response = self.client.post(
            LOGIN_URL, {"username": "camille@example.org", "password": PASSWORD}
        )
        self.assertEqual(response.status_code, 429)

    def test_the_wagtail_admin_log_in_shares_the_limit(self):
        for _attempt in range(3):
            self.client.post("/admin/login/", {"username": "camille", "password": "non"})
        for _attempt in range(2):
            self.client.post(LOGIN_URL, {"username": "camille", "password": "non"})
        response = self.client.post(LOGIN_URL, {"username": "camille", "password": PASSWORD})
        self.assertEqual(response.status_code, 429)
        self.client.post("/admin/login/", {"username": "camille", "password": PASSWORD})
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_successful_log_in_forgets_the_failures(self):
        for _attempt in range(4):
            self.client.post(LOGIN_URL, {"username": "camille", "password": "non"})
        self.client.post(LOGIN_URL, {"username": "camille", "password": PASSWORD})
        self.client.logout()
        for _attempt in range(4):
            response = self.client.post(LOGIN_URL, {"username": "camille", "password": "non"})
            self.assertEqual(response.status_code, 200)

    def test_sign_up_is_limited_per_address(self):
        for index in range(3):
            response = self.client.post(
                SIGNUP_URL, signup_data(email="meme@example.org", username=f"essai{index}")
            )
            self.assertEqual(response.status_code, 302)
        response = self.client.post(
            SIGNUP_URL, signup_data(email="meme@example.org", username="essai9", first_name="Zoé")
        )
        self.assertEqual(response.status_code, 429)
        self.assertIn("Trop de tentatives", page_text(response))
        self.assertEqual(soup(response).find("input", attrs={"name": "first_name"})["value"], "Zoé")
        self.assertFalse(User.objects.filter(username="essai9").exists())
        with self.later(61):
            response = self.client.post(
                SIGNUP_URL, signup_data(email="meme@example.org", username="essai9")
            )
        self.assertEqual(response.status_code, 302)

    def test_password_reset_and_resend_are_limited(self):
        for _attempt in range(3):
            self.assertEqual(
                self.client.post(RESET_URL, {"email": "camille@example.org"}).status_code, 302
            )
            self.assertEqual(
                self.client.post(RESEND_URL, {"email": "camille@example.org"}).status_code, 302
            )
        self.assertEqual(len(mail.outbox), 3)  # resend has nothing to send to an active account
        response = self.client.post(RESET_URL, {"email": "camille@example.org"})
        self.assertEqual(response.status_code, 429)
        self.assertEqual(
            soup(response).find("input", attrs={"name": "email"})["value"], "camille@example.org"
        )
        self.assertEqual(
            self.client.post(RESEND_URL, {"email": "camille@example.org"}).status_code, 429
        )
        self.assertEqual(len(mail.outbox), 3)


class PasswordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="camille", email="camille@example.org")

    def test_reset_end_to_end(self):
        response = self.client.get(LOGIN_URL)
        self.assertIsNotNone(soup(response).find("a", href=RESET_URL))
        response = self.client.post(RESET_URL, {"email": "Camille@example.org"})
        self.assertRedirects(response, "/compte/mot-de-passe-oublie/envoye/")
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.subject, "[Bases communes] Choisissez un nouveau mot de passe")
        self.assertIn("Bonjour Camille", message.body)
        link = link_in(message, "/compte/reinitialiser/")
        response = self.client.get(link, follow=True)
        self.assertIn("Choisissez un nouveau mot de passe", page_text(response))
        set_url = response.redirect_chain[-1][0]
        response = self.client.post(
            set_url, {"new_password1": NEW_PASSWORD, "new_password2": "autre-chose-2026"}
        )
        self.assertIn("Les deux mots de passe ne correspondent pas", page_text(response))
        response = self.client.post(
            set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        )
        self.assertRedirects(response, "/compte/reinitialiser/termine/")
        # The link served once.
        self.assertIn("Ce lien n'est plus valable", page_text(self.client.get(link, follow=True)))
        response = self.client.post(LOGIN_URL, {"username": "camille", "password": NEW_PASSWORD})
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_unknown_address_gets_the_same_answer_and_no_mail(self):
        response = self.client.post(RESET_URL, {"email": "personne@example.org"})
        self.assertRedirects(response, "/compte/mot-de-passe-oublie/envoye/")
        self.assertEqual(mail.outbox, [])

    def test_change_password_when_logged_in(self):
        self.assertRedirects(
            self.client.get(CHANGE_URL),
            f"{LOGIN_URL}?next={CHANGE_URL}",
            fetch_redirect_response=False,
        )
        self.client.force_login(self.user)
        response = self.client.post(
            CHANGE_URL,
            {"old_password": "faux", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        self.assertIn("Votre ancien mot de passe est incorrect", page_text(response))
        response = self.client.post(
            CHANGE_URL,
            {
                "old_password": PASSWORD,
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
        )
        self.assertRedirects(response, "/compte/profil/", fetch_redirect_response=False)
        self.assertIn(
            "Votre mot de passe est modifié", page_text(self.client.get("/compte/profil/"))
        )
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(NEW_PASSWORD))


class EmailChangeTests(TestCase):
    URL = "/compte/adresse-e-mail/"

    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="camille", email="camille@example.org")

    def setUp(self):
        self.client.force_login(self.user)

    def test_new_address_applies_only_once_its_link_is_confirmed(self):
        response = self.client.post(
            self.URL, {"new_email": "camille@nouvelle.fr", "password": PASSWORD}
        )
        self.assertRedirects(response, "/compte/profil/", fetch_redirect_response=False)
        self.assertIn(
            "Un lien de confirmation vient d'être envoyé",
            page_text(self.client.get("/compte/profil/")),
        )
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), ["camille@example.org", "camille@nouvelle.fr"]
        )
        notice = next(m for m in mail.outbox if m.to == ["camille@example.org"])
        self.assertIn("camille@nouvelle.fr", notice.body)
        self.assertNotIn("/compte/adresse-e-mail/confirmer/", notice.body)
        link = link_in(
            next(m for m in mail.outbox if m.to == ["camille@nouvelle.fr"]),
            "/compte/adresse-e-mail/confirmer/",
        )
        self.assertIn("camille@nouvelle.fr", page_text(self.client.get(link)))
        self.user.refresh_from_db()
        self.assertEqual(self.user.email, "camille@example.org")
        self.assertRedirects(
            self.client.post(link), "/compte/profil/", fetch_redirect_response=False
        )
        self.user.refresh_from_db()
        self.assertEqual(self.user.email, "camille@nouvelle.fr")
        self.assertEqual(self.client.post(link).status_code, 400)  # served once

    def test_wrong_password_or_taken_address(self):
        response = self.client.post(self.URL, {"new_email": "autre@example.org", "password": "non"})
        self.assertIn("Ce mot de passe n'est pas le bon", page_text(response))
        self.assertEqual(
            soup(response).find("input", attrs={"name": "new_email"})["value"], "autre@example.org"
        )
        owner = UserFactory(email="prise@example.org")
        response = self.client.post(
            self.URL, {"new_email": "Prise@example.org", "password": PASSWORD}
        )
        self.assertRedirects(response, "/compte/profil/", fetch_redirect_response=False)
        self.assertEqual([m.to for m in mail.outbox], [[owner.email]])
        self.assertIn("rien n'a changé", mail.outbox[0].body)
        self.user.refresh_from_db()
        self.assertEqual(self.user.email, "camille@example.org")
        self.assertEqual(
            self.client.post("/compte/adresse-e-mail/confirmer/faux/").status_code, 400
        )


class AdminPasswordResetTests(TestCase):
    def test_the_admin_has_no_unlimited_reset_form_of_its_own(self):
        UserFactory(email="camille@example.org")
        response = self.client.post("/admin/password_reset/", {"email": "camille@example.org"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(mail.outbox, [])
        login = self.client.get("/admin/login/")
        self.assertEqual(login.status_code, 200)
        self.assertNotIn("password_reset", login.content.decode())
