"""Accounts on django-allauth, over HTTP: sign-up with a confirmed address before the first
log-in, log-in by username or address, by e-mailed code, password reset and change, address
change; usernames and addresses never impersonate each other; nothing tells a visitor whether
an account exists; rate limits per account and per trusted client address, in sliding windows."""

import re
import runpy
import sys
import time
from unittest import mock

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import TestCase, override_settings

from accounts.models import User
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from tests.helpers import page_text, soup

SIGNUP_URL = "/compte/inscription/"
SENT_URL = "/compte/confirmer/"
LOGIN_URL = "/compte/connexion/"
CODE_URL = "/compte/connexion/code/"
CODE_CONFIRM_URL = "/compte/connexion/code/saisir/"
RESET_URL = "/compte/mot-de-passe-oublie/"
CHANGE_URL = "/compte/mot-de-passe/"
EMAIL_URL = "/compte/adresse-e-mail/"
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


def code_in(message):
    match = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


def logged_in(client):
    return client.session.get("_auth_user_id")


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
        self.assertRedirects(response, SENT_URL, fetch_redirect_response=False)
        self.assertIn("camille.durand@example.org", page_text(self.client.get(SENT_URL)))
        user = User.objects.get(username="camille")
        self.assertEqual(user.organisation, self.organisation)
        self.assertEqual((user.first_name, user.last_name), ("Camille", "Durand"))
        self.assertIsNotNone(user.terms_accepted_at)
        self.assertFalse(EmailAddress.objects.get(user=user).verified)
        self.assertFalse(logged_in(self.client))

        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["camille.durand@example.org"])
        self.assertEqual(message.subject, "[Bases communes] Confirmez votre adresse e-mail")
        self.assertIn("Bonjour Camille Durand", message.body)
        self.assertIn("valable 3 jours", message.body)
        link = link_in(message, "/compte/confirmer/")

        # Not confirmed yet: the right password does not log in; the page says why.
        response = self.client.post(LOGIN_URL, {"login": "camille", "password": NEW_PASSWORD})
        self.assertFalse(logged_in(self.client))
        self.assertRedirects(response, SENT_URL, fetch_redirect_response=False)

        # Opening the link changes nothing (mail scanners open links); its button confirms.
        page = self.client.get(link)
        self.assertEqual(page.status_code, 200)
        self.assertIsNotNone(soup(page).find("form", method="post"))
        self.assertFalse(EmailAddress.objects.get(user=user).verified)
        response = self.client.post(link)
        self.assertRedirects(response, LOGIN_URL, fetch_redirect_response=False)
        self.assertTrue(EmailAddress.objects.get(user=user).verified)
        user.refresh_from_db()
        self.assertIsNotNone(user.email_verified_at)

        response = self.client.post(LOGIN_URL, {"login": "camille", "password": NEW_PASSWORD})
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(int(logged_in(self.client)), user.pk)

    def test_username_comes_from_the_address_when_left_empty(self):
        UserFactory(username="camille.durand", email="autre@example.org")
        self.client.post(SIGNUP_URL, signup_data())
        self.assertTrue(User.objects.filter(username="camille.durand-2").exists())

    def test_log_in_with_the_e_mail_address(self):
        UserFactory(username="lea", email="lea.martin@example.org")
        response = self.client.post(
            LOGIN_URL, {"login": "Lea.Martin@example.org", "password": PASSWORD}
        )
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_errors_are_french_and_keep_what_was_typed(self):
        response = self.client.post(
            SIGNUP_URL,
            signup_data(password2="azertz", accept_terms="", username="c m!"),
        )
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Le compte n'est pas créé", text)
        self.assertIn("Vous devez saisir deux fois le même mot de passe", text)
        self.assertIn("Adresse e-mail", text)
        self.assertIn("Acceptez les conditions d'utilisation", text)
        self.assertIn("Lettres sans accent, chiffres et . - _ uniquement", text)
        html = soup(response)
        self.assertEqual(html.find("input", attrs={"name": "first_name"})["value"], "Camille")
        self.assertEqual(
            html.find("input", attrs={"name": "email"})["value"], "camille.durand@example.org"
        )
        self.assertFalse(html.find("input", attrs={"name": "password1"}).has_attr("value"))
        # Each error is tied to its field for screen readers.
        email_errors = html.find(id="id_username-errors")
        self.assertIsNotNone(email_errors)
        self.assertEqual(
            html.find("input", attrs={"name": "username"})["aria-describedby"], "id_username-errors"
        )
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
        UserFactory(username="proprietaire", email="deja@example.org")
        fresh = self.client.post(SIGNUP_URL, signup_data(email="nouvelle@example.org"))
        self.client.logout()
        taken = self.client.post(
            SIGNUP_URL, signup_data(email="Deja@example.org", username="autre")
        )
        self.assertEqual(fresh.status_code, taken.status_code)
        self.assertEqual(fresh["Location"], taken["Location"])
        self.assertFalse(User.objects.filter(username="autre").exists())
        self.assertEqual(User.objects.filter(email__iexact="deja@example.org").count(), 1)
        self.assertEqual(len(mail.outbox), 2)
        warning = mail.outbox[1]
        self.assertEqual(warning.to, ["deja@example.org"])
        self.assertIn("Vous avez déjà un compte", warning.body)
        self.assertNotIn("/compte/confirmer/", warning.body)

    def test_forged_links_confirm_nothing(self):
        self.client.post(SIGNUP_URL, signup_data(username="camille"))
        link = link_in(mail.outbox[0], "/compte/confirmer/")
        forged = link.rstrip("/")[:-3] + "abc/"
        response = self.client.get(forged)
        self.assertIn("Ce lien de confirmation a expiré ou n'est pas valide", page_text(response))
        self.assertEqual(self.client.post(forged).status_code, 404)
        self.assertFalse(EmailAddress.objects.get(user__username="camille").verified)

    def test_an_expired_link_confirms_nothing(self):
        """Links last three days (ACCOUNT_VERIFICATION_DAYS)."""
        self.client.post(SIGNUP_URL, signup_data(username="camille"))
        link = link_in(mail.outbox[0], "/compte/confirmer/")
        four_days_later = time.time() + 4 * 24 * 3600
        with mock.patch("django.core.signing.time.time", return_value=four_days_later):
            page = self.client.get(link)
            self.assertIn("Ce lien de confirmation a expiré ou n'est pas valide", page_text(page))
            self.client.post(link)
        self.assertFalse(EmailAddress.objects.get(user__username="camille").verified)

    def test_a_new_link_goes_to_whoever_proves_the_password_and_only_to_them(self):
        """The « nouveau lien » of the old pages: logging in with the right password sends one
        (after a three-minute cooldown); a wrong password, or a confirmed account, gets none."""
        self.client.post(SIGNUP_URL, signup_data(username="camille"))
        UserFactory(username="active", email="active@example.org")
        mail.outbox.clear()
        later = time.time() + 4 * 60
        with mock.patch("allauth.core.internal.ratelimit.time.time", return_value=later):
            self.client.post(LOGIN_URL, {"login": "camille", "password": "pas le bon"})
            self.assertEqual(mail.outbox, [])
            self.client.post(LOGIN_URL, {"login": "camille", "password": NEW_PASSWORD})
        self.assertEqual([m.to for m in mail.outbox], [["camille.durand@example.org"]])
        self.assertIn("/compte/confirmer/", mail.outbox[0].body)
        self.assertFalse(logged_in(self.client))

    def test_a_link_does_not_reactivate_an_account_an_admin_deactivated(self):
        self.client.post(SIGNUP_URL, signup_data(username="camille"))
        link = link_in(mail.outbox[0], "/compte/confirmer/")
        User.objects.filter(username="camille").update(is_active=False)
        self.client.post(link)
        self.assertFalse(User.objects.get(username="camille").is_active)
        self.client.post(LOGIN_URL, {"login": "camille", "password": NEW_PASSWORD})
        self.assertFalse(logged_in(self.client))

    def test_logged_in_people_are_sent_away_from_the_form(self):
        self.client.force_login(UserFactory())
        self.assertEqual(self.client.get(SIGNUP_URL).status_code, 302)

    def test_sign_up_needs_csrf(self):
        self.client.handler.enforce_csrf_checks = True
        self.assertEqual(self.client.post(SIGNUP_URL, signup_data()).status_code, 403)
        self.assertFalse(User.objects.filter(email="camille.durand@example.org").exists())


class ImpersonationTests(TestCase):
    """A username is never an address (no « @ »), and what is typed with an « @ » at log-in is
    always an address: nobody gets in under someone else's address."""

    def test_a_username_that_looks_like_an_address_is_refused(self):
        UserFactory(username="lea", email="lea@example.org")
        for username in ("lea@example.org", "quelquun@ailleurs.fr"):
            response = self.client.post(
                SIGNUP_URL, signup_data(email="intrus@example.org", username=username)
            )
            self.assertIn("Un identifiant ne peut pas contenir « @ »", page_text(response))
        self.assertFalse(User.objects.filter(email="intrus@example.org").exists())

    def test_an_address_that_is_someones_username_is_refused(self):
        """Accounts from before the rule may have an address as username."""
        User.objects.create_user(username="ancien@example.org", email="autre@example.org")
        response = self.client.post(SIGNUP_URL, signup_data(email="Ancien@example.org"))
        self.assertIn("Cette adresse ne peut pas être utilisée", page_text(response))
        self.assertEqual(User.objects.count(), 1)

    def test_an_address_typed_at_log_in_is_only_ever_an_address(self):
        squatter = User.objects.create_user(
            username="victime@example.org", email="squat@example.org", password="Squat-2026-x"
        )
        EmailAddress.objects.create(
            user=squatter, email=squatter.email, verified=True, primary=True
        )
        victim = UserFactory(username="victime", email="victime@example.org")
        response = self.client.post(
            LOGIN_URL, {"login": "victime@example.org", "password": "Squat-2026-x"}
        )
        self.assertFalse(logged_in(self.client))
        self.assertEqual(response.status_code, 200)
        self.client.post(LOGIN_URL, {"login": "victime@example.org", "password": PASSWORD})
        self.assertEqual(int(logged_in(self.client)), victim.pk)

    def test_the_address_change_refuses_someones_username(self):
        User.objects.create_user(username="ancien@example.org", email="autre@example.org")
        person = UserFactory()
        self.client.post(LOGIN_URL, {"login": person.username, "password": PASSWORD})
        self.client.post("/compte/reauthentifier/", {"password": PASSWORD})
        response = self.client.post(EMAIL_URL, {"email": "ancien@example.org", "action_add": ""})
        self.assertIn("Cette adresse ne peut pas être utilisée", page_text(response))
        self.assertFalse(EmailAddress.objects.filter(email="ancien@example.org").exists())


class LoginByCodeTests(TestCase):
    def test_a_code_sent_by_e_mail_logs_in(self):
        user = UserFactory(username="camille", email="camille@example.org")
        response = self.client.post(CODE_URL, {"email": "Camille@example.org"})
        self.assertRedirects(response, CODE_CONFIRM_URL, fetch_redirect_response=False)
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.subject, "[Bases communes] Votre code de connexion")
        code = code_in(message)
        page = self.client.get(CODE_CONFIRM_URL)
        self.assertIn("code", page_text(page).lower())
        response = self.client.post(CODE_CONFIRM_URL, {"code": "FAUX00"})
        self.assertFalse(logged_in(self.client))
        self.assertIn("Ce code n'est pas le bon", page_text(response))
        response = self.client.post(CODE_CONFIRM_URL, {"code": code})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(int(logged_in(self.client)), user.pk)

    def test_an_unknown_address_gets_the_same_answer_and_no_mail(self):
        response = self.client.post(CODE_URL, {"email": "personne@example.org"})
        self.assertRedirects(response, CODE_CONFIRM_URL, fetch_redirect_response=False)
        self.assertEqual(mail.outbox, [])

    def test_requests_for_codes_are_limited_per_address_typed(self):
        UserFactory(email="camille@example.org")
        for index in range(3):
            self.client.post(
                CODE_URL, {"email": "camille@example.org"}, REMOTE_ADDR=f"192.0.2.{index}"
            )
            self.client.logout()
        response = self.client.post(
            CODE_URL, {"email": "camille@example.org"}, REMOTE_ADDR="192.0.2.99"
        )
        self.assertIn("Trop de tentatives", page_text(response))
        self.assertEqual(len(mail.outbox), 3)


class NoEnumerationTests(TestCase):
    """What a visitor reads never tells whether an account exists."""

    def test_a_wrong_password_and_an_unknown_account_read_the_same(self):
        UserFactory(username="camille", email="camille@example.org")
        answers = set()
        for login in ("camille", "inconnu"):
            response = self.client.post(LOGIN_URL, {"login": login, "password": "non"})
            answers.add(soup(response).find(id="form-errors").get_text(" ", strip=True))
        self.assertEqual(len(answers), 1)
        answers = set()
        for login in ("camille@example.org", "inconnue@example.org"):
            response = self.client.post(LOGIN_URL, {"login": login, "password": "non"})
            answers.add(soup(response).find(id="form-errors").get_text(" ", strip=True))
        self.assertEqual(len(answers), 1)

    def test_password_reset_answers_the_same_for_any_address(self):
        UserFactory(email="camille@example.org")
        known = self.client.post(RESET_URL, {"email": "camille@example.org"})
        unknown = self.client.post(RESET_URL, {"email": "personne@example.org"})
        self.assertEqual(known["Location"], unknown["Location"])
        self.assertEqual([m.to for m in mail.outbox], [["camille@example.org"]])


class RateLimitTests(TestCase):
    """allauth's limits: failed log-ins 5 per account in 15 minutes (sliding), 10 a minute per
    client address; the address is the one the trusted proxy sets."""

    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="camille", email="camille@example.org")

    def at(self, seconds_from_now):
        return mock.patch(
            "allauth.core.internal.ratelimit.time.time",
            return_value=self.start + seconds_from_now,
        )

    def setUp(self):
        self.start = time.time()

    def fail(self, login="camille", **extra):
        return self.client.post(LOGIN_URL, {"login": login, "password": "non"}, **extra)

    def test_failed_log_ins_are_limited_per_account_in_a_sliding_window(self):
        # Five failures, one a minute, each from a different address.
        for minute in range(5):
            with self.at(minute * 60):
                self.fail(REMOTE_ADDR=f"198.51.100.{minute}")
        # The right password, from yet another address, is refused: the account is protected.
        with self.at(5 * 60):
            response = self.client.post(
                LOGIN_URL,
                {"login": "Camille@example.org", "password": PASSWORD},
                REMOTE_ADDR="198.51.100.50",
            )
        self.assertFalse(logged_in(self.client))
        self.assertIn("Trop de tentatives", page_text(response))
        self.assertEqual(
            soup(response).find("input", attrs={"name": "login"})["value"], "Camille@example.org"
        )
        # Another account from the same address is not slowed down.
        other = UserFactory(username="lea")
        with self.at(5 * 60):
            self.client.post(
                LOGIN_URL, {"login": "lea", "password": PASSWORD}, REMOTE_ADDR="198.51.100.0"
            )
        self.assertEqual(int(logged_in(self.client)), other.pk)
        self.client.logout()
        # Sliding: fifteen minutes after the FIRST failure only that one has expired, so one
        # attempt is allowed, and the next is refused again (a fixed window would let five in).
        with self.at(15 * 60 + 1):
            self.fail()
        with self.at(15 * 60 + 2):
            response = self.client.post(LOGIN_URL, {"login": "camille", "password": PASSWORD})
        self.assertFalse(logged_in(self.client))
        self.assertIn("Trop de tentatives", page_text(response))
        with self.at(20 * 60 + 5):
            response = self.client.post(LOGIN_URL, {"login": "camille", "password": PASSWORD})
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_a_flood_on_an_account_leaves_its_owner_a_way_in(self):
        for index in range(8):
            self.fail(REMOTE_ADDR="203.0.113.9" if index % 2 else f"203.0.113.{index}")
        # The owner, elsewhere: an e-mailed code still logs in.
        self.client.post(CODE_URL, {"email": "camille@example.org"}, REMOTE_ADDR="192.0.2.1")
        self.client.post(
            CODE_CONFIRM_URL, {"code": code_in(mail.outbox[-1])}, REMOTE_ADDR="192.0.2.1"
        )
        self.assertEqual(int(logged_in(self.client)), self.user.pk)

    @override_settings(ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    def test_behind_the_proxy_the_limit_keys_on_the_address_it_sets(self):
        """nginx sets X-Real-IP to the address it received the connection from; what a client
        writes in X-Forwarded-For changes nothing."""
        accounts = [UserFactory() for _index in range(11)]
        for index in range(10):
            self.fail(
                login=accounts[index].username,
                HTTP_X_REAL_IP="203.0.113.5",
                HTTP_X_FORWARDED_FOR=f"10.0.0.{index}",
                REMOTE_ADDR="127.0.0.1",
            )
        response = self.client.post(
            LOGIN_URL,
            {"login": accounts[10].username, "password": PASSWORD},
            HTTP_X_REAL_IP="203.0.113.5",
            HTTP_X_FORWARDED_FOR="10.9.9.9",
            REMOTE_ADDR="127.0.0.1",
        )
        self.assertFalse(logged_in(self.client))
        self.assertIn("Trop de tentatives", page_text(response))
        # Someone else behind the same proxy (same REMOTE_ADDR) logs in at once.
        self.client.post(
            LOGIN_URL,
            {"login": accounts[10].username, "password": PASSWORD},
            HTTP_X_REAL_IP="203.0.113.6",
            REMOTE_ADDR="127.0.0.1",
        )
        self.assertEqual(int(logged_in(self.client)), accounts[10].pk)

    def test_the_production_profile_trusts_the_header_nginx_sets(self):
        environment = {
            "SECRET_KEY": "x",
            "BASE_URL": "https://bases.example.fr",
            "EMAIL_HOST": "smtp.example.fr",
        }
        with mock.patch.dict("os.environ", environment), mock.patch.dict(sys.modules):
            sys.modules.pop("config.settings.common", None)
            production = runpy.run_module("config.settings.production")
        self.assertEqual(production["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"], "X-Real-IP")

    def test_sign_up_is_limited_per_client_address(self):
        with override_settings(ACCOUNT_RATE_LIMITS={"signup": "3/h/ip"}):
            for index in range(3):
                self.client.post(SIGNUP_URL, signup_data(email=f"e{index}@example.org"))
                self.client.logout()
            response = self.client.post(
                SIGNUP_URL, signup_data(email="e9@example.org", first_name="Zoé")
            )
        self.assertEqual(response.status_code, 429)
        self.assertIn("Trop de tentatives", page_text(response))
        self.assertFalse(User.objects.filter(email="e9@example.org").exists())

    def test_password_reset_is_limited_per_address_typed(self):
        for index in range(3):
            self.client.post(
                RESET_URL, {"email": "camille@example.org"}, REMOTE_ADDR=f"192.0.2.{index}"
            )
        response = self.client.post(
            RESET_URL, {"email": "camille@example.org"}, REMOTE_ADDR="192.0.2.9"
        )
        self.assertEqual(len(mail.outbox), 3)
        self.assertIn("Trop de demandes", page_text(response))


class PasswordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="camille", email="camille@example.org")

    def test_reset_end_to_end(self):
        response = self.client.get(LOGIN_URL)
        self.assertIsNotNone(soup(response).find("a", href=RESET_URL))
        response = self.client.post(RESET_URL, {"email": "Camille@example.org"})
        self.assertRedirects(
            response, "/compte/mot-de-passe-oublie/envoye/", fetch_redirect_response=False
        )
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.subject, "[Bases communes] Choisissez un nouveau mot de passe")
        self.assertIn("Bonjour Camille", message.body)
        link = link_in(message, "/compte/reinitialiser/")
        response = self.client.get(link, follow=True)
        set_url = response.redirect_chain[-1][0] if response.redirect_chain else link
        response = self.client.post(
            set_url, {"password1": NEW_PASSWORD, "password2": "autre-chose-2026"}
        )
        self.assertIn("Vous devez saisir deux fois le même mot de passe", page_text(response))
        response = self.client.post(set_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
        self.assertRedirects(
            response, "/compte/reinitialiser/termine/", fetch_redirect_response=False
        )
        # The link served once.
        self.assertIn("est invalide", page_text(self.client.get(link, follow=True)))
        response = self.client.post(LOGIN_URL, {"login": "camille", "password": NEW_PASSWORD})
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_change_password_when_logged_in(self):
        self.assertRedirects(
            self.client.get(CHANGE_URL),
            f"{LOGIN_URL}?next={CHANGE_URL}",
            fetch_redirect_response=False,
        )
        self.client.post(LOGIN_URL, {"login": "camille", "password": PASSWORD})
        response = self.client.post(
            CHANGE_URL,
            {"oldpassword": "faux", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
        self.assertIn("Ce mot de passe n'est pas le bon", page_text(response))
        response = self.client.post(
            CHANGE_URL,
            {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
        self.assertEqual(response.status_code, 302)
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(NEW_PASSWORD))


class EmailChangeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="camille", email="camille@example.org")

    def setUp(self):
        self.client.post(LOGIN_URL, {"login": "camille", "password": PASSWORD})
        # Changing the address asks for the password again first (as the old form did).
        response = self.client.post(EMAIL_URL, {"email": "camille@nouvelle.fr", "action_add": ""})
        self.assertRedirects(
            response,
            "/compte/reauthentifier/?next=%2Fcompte%2Fadresse-e-mail%2F",
            fetch_redirect_response=False,
        )
        self.assertEqual(mail.outbox, [])
        wrong = self.client.post("/compte/reauthentifier/", {"password": "non"})
        self.assertIn("Ce mot de passe n'est pas le bon", page_text(wrong))
        self.client.post("/compte/reauthentifier/", {"password": PASSWORD})

    def test_new_address_applies_only_once_its_link_is_confirmed(self):
        response = self.client.post(EMAIL_URL, {"email": "camille@nouvelle.fr", "action_add": ""})
        self.assertEqual(response.status_code, 302)
        self.assertEqual([m.to for m in mail.outbox], [["camille@nouvelle.fr"]])
        link = link_in(mail.outbox[0], "/compte/confirmer/")
        self.user.refresh_from_db()
        self.assertEqual(self.user.email, "camille@example.org")
        self.client.get(link)
        self.user.refresh_from_db()
        self.assertEqual(self.user.email, "camille@example.org")
        self.client.post(link)
        self.user.refresh_from_db()
        self.assertEqual(self.user.email, "camille@nouvelle.fr")
        self.assertEqual(
            list(EmailAddress.objects.filter(user=self.user).values_list("email", flat=True)),
            ["camille@nouvelle.fr"],
        )
        # The old address is told.
        self.assertEqual(mail.outbox[-1].to, ["camille@example.org"])
        self.assertIn("camille@nouvelle.fr", mail.outbox[-1].body)

    def test_a_taken_address_reveals_nothing(self):
        UserFactory(email="prise@example.org")
        response = self.client.post(EMAIL_URL, {"email": "Prise@example.org", "action_add": ""})
        self.assertEqual(response.status_code, 302)
        self.user.refresh_from_db()
        self.assertEqual(self.user.email, "camille@example.org")


class AdminLoginTests(TestCase):
    """One door: the admin's log-in is the site's « Se connecter », and back."""

    def test_the_admin_log_in_redirects_to_the_site_and_back(self):
        response = self.client.get("/admin/login/?next=/admin/pages/")
        self.assertRedirects(
            response, f"{LOGIN_URL}?next=/admin/pages/", fetch_redirect_response=False
        )
        response = self.client.get("/admin/")
        self.assertRedirects(response, f"{LOGIN_URL}?next=/admin/", fetch_redirect_response=False)
        UserFactory(username="chef", superuser=True)
        response = self.client.post(
            LOGIN_URL, {"login": "chef", "password": PASSWORD, "next": "/admin/"}
        )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_the_admin_has_no_password_form_of_its_own(self):
        UserFactory(email="camille@example.org")
        response = self.client.post("/admin/login/", {"username": "camille", "password": PASSWORD})
        self.assertFalse(logged_in(self.client))
        self.assertEqual(response.status_code, 302)
        response = self.client.post("/admin/password_reset/", {"email": "camille@example.org"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(mail.outbox, [])

    def test_the_admin_log_out_is_the_sites(self):
        self.client.force_login(UserFactory(superuser=True))
        response = self.client.post("/admin/logout/")
        self.assertRedirects(response, "/compte/deconnexion/", fetch_redirect_response=False)
        self.assertIn("_auth_user_id", self.client.session)  # the site's page asks to confirm
        self.client.post("/compte/deconnexion/")
        self.assertFalse(logged_in(self.client))

    def test_the_django_admin_log_in_goes_through_the_same_door(self):
        response = self.client.get("/django-admin/login/?next=/django-admin/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(LOGIN_URL))

    def test_espace_contributeur_never_leads_to_another_log_in(self):
        """« Espace contributeur » (ressources.views.authoring.contributor_space): the admin for
        whoever may use it, « Publier une ressource » for the others, and « Se connecter » for
        visitors — never the admin's own log-in page."""

        def destination(user=None):
            self.client.logout()
            if user is not None:
                self.client.force_login(user)
            page = soup(self.client.get(LOGIN_URL if user is None else "/compte/profil/"))
            link = page.find("a", string="Espace contributeur")
            response = self.client.get(link["href"])
            location = response["Location"]
            if location.startswith("/publier/") and user is None:
                location = self.client.get(location)["Location"]
            return location

        self.assertTrue(destination().startswith(f"{LOGIN_URL}?next="))
        self.assertEqual(destination(UserFactory()), "/publier/")
        editors = Group.objects.create(name="Contributeurs d'essai")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        contributor = UserFactory()
        contributor.groups.add(editors)
        self.assertEqual(destination(contributor), "/admin/")
        self.assertEqual(destination(UserFactory(superuser=True)), "/admin/")
