"""Public account pages: log in, log out, « Mes notifications » and the header that leads there."""

from datetime import timedelta
from urllib.parse import quote

from django.test import RequestFactory, TestCase
from django.utils import timezone

from accounts.context_processors import notifications as notifications_context
from accounts.models import Notification
from tests.factories import PASSWORD, ResourcePageFactory, UserFactory
from tests.helpers import page_text, soup

LOGIN_URL = "/compte/connexion/"
LOGOUT_URL = "/compte/deconnexion/"
NOTIFICATIONS_URL = "/compte/notifications/"


def notification(user, subject="Une notification", minutes_ago=0, read=False, **fields):
    created = Notification.objects.create(recipient=user, kind="test", subject=subject, **fields)
    when = timezone.now() - timedelta(minutes=minutes_ago)
    Notification.objects.filter(pk=created.pk).update(
        created_at=when, read_at=when if read else None
    )
    created.refresh_from_db()
    return created


class LoginTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="camille", first_name="Camille", last_name="Durand")
        cls.resource = ResourcePageFactory(title="Fiche : créer sa boîte mail")

    def test_login_page_is_in_french(self):
        response = self.client.get(LOGIN_URL)
        self.assertEqual(response.status_code, 200)
        html = soup(response)
        self.assertEqual(html.html["lang"], "fr")
        self.assertEqual(html.h1.get_text(strip=True), "Se connecter à Bases communes")
        text = page_text(response)
        self.assertIn("Identifiant", text)
        self.assertIn("Mot de passe", text)
        self.assertIsNotNone(html.find("input", attrs={"name": "login"}))
        # One door, and the other ways in: ProConnect (when configured), a code by e-mail.
        self.assertIn("recevoir un code de connexion par e-mail", text)
        self.assertEqual(html.find("input", attrs={"name": "password"})["type"], "password")

    def test_wrong_password_shows_a_french_error(self):
        response = self.client.post(LOGIN_URL, {"login": "camille", "password": "mauvais"})
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Vous n'êtes pas connecté", text)
        self.assertIn("Identifiant ou mot de passe incorrect", text)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_good_password_redirects_to_next(self):
        response = self.client.post(
            LOGIN_URL,
            {"login": "camille", "password": PASSWORD, "next": self.resource.url},
        )
        self.assertRedirects(response, self.resource.url, fetch_redirect_response=False)
        self.assertEqual(int(self.client.session["_auth_user_id"]), self.user.pk)

    def test_next_from_the_query_string_is_kept_in_the_form(self):
        response = self.client.get(LOGIN_URL, {"next": self.resource.url})
        field = soup(response).find("input", attrs={"name": "next"})
        self.assertEqual(field["value"], self.resource.url)

    def test_next_to_another_site_is_ignored(self):
        response = self.client.post(
            LOGIN_URL,
            {"login": "camille", "password": PASSWORD, "next": "https://evil.example/"},
        )
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_without_next_goes_home(self):
        response = self.client.post(LOGIN_URL, {"login": "camille", "password": PASSWORD})
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_inactive_account_cannot_log_in(self):
        UserFactory(username="ancien", is_active=False)
        response = self.client.post(LOGIN_URL, {"login": "ancien", "password": PASSWORD})
        self.assertNotIn("_auth_user_id", self.client.session)
        # Only whoever typed the right password learns that the account is deactivated.
        self.assertRedirects(response, "/compte/inactif/", fetch_redirect_response=False)
        self.assertIn("désactivé", page_text(self.client.get("/compte/inactif/")))

    def test_logout_by_post_only(self):
        """A link or a prefetch (GET) only shows the confirmation button."""
        self.client.force_login(self.user)
        page = self.client.get(LOGOUT_URL)
        self.assertEqual(page.status_code, 200)
        self.assertIn("déconnecter", page_text(page))
        self.assertIn("_auth_user_id", self.client.session)
        response = self.client.post(LOGOUT_URL)
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_login_form_needs_csrf(self):
        self.client.handler.enforce_csrf_checks = True
        response = self.client.post(LOGIN_URL, {"login": "camille", "password": PASSWORD})
        self.assertEqual(response.status_code, 403)


class HeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory()
        cls.resource = ResourcePageFactory()

    def test_anonymous_header_offers_to_log_in_and_come_back(self):
        response = self.client.get(self.resource.url)
        link = soup(response).select_one(".fr-header__tools-links").find("a", string="Se connecter")
        self.assertIsNotNone(link)
        self.assertEqual(link["href"], f"{LOGIN_URL}?next={quote(self.resource.url)}")
        self.assertNotIn("Se déconnecter", page_text(response))
        self.assertNotIn("Mes notifications", page_text(response))

    def test_logged_in_header_shows_notifications_with_unread_count_and_logout(self):
        other = UserFactory()
        notification(self.user, "Première")
        notification(self.user, "Deuxième")
        notification(self.user, "Déjà lue", read=True)
        notification(other, "Pas pour vous")
        self.client.force_login(self.user)
        response = self.client.get(self.resource.url)
        tools = soup(response).select_one(".fr-header__tools-links")
        link = tools.find("a", href=NOTIFICATIONS_URL)
        self.assertEqual(link.get_text(), "Mes notifications (2 non lues)")
        form = tools.find("form", action=LOGOUT_URL)
        self.assertEqual(form["method"], "post")
        self.assertEqual(form.button.get_text(strip=True), "Se déconnecter")
        self.assertIsNotNone(form.find("input", attrs={"name": "csrfmiddlewaretoken"}))
        self.assertIsNone(tools.find("a", string="Se connecter"))

    def test_no_count_when_everything_is_read(self):
        notification(self.user, "Déjà lue", read=True)
        self.client.force_login(self.user)
        tools = soup(self.client.get("/")).select_one(".fr-header__tools-links")
        link = tools.find("a", href=NOTIFICATIONS_URL)
        self.assertEqual(link.get_text(strip=True), "Mes notifications")

    def test_one_unread_notification_is_singular(self):
        notification(self.user, "Seule")
        self.client.force_login(self.user)
        tools = soup(self.client.get("/")).select_one(".fr-header__tools-links")
        link = tools.find("a", href=NOTIFICATIONS_URL)
        self.assertEqual(link.get_text(), "Mes notifications (1 non lue)")

    def test_context_processor_runs_no_query_for_anonymous_users_and_one_when_used(self):
        from django.contrib.auth.models import AnonymousUser

        request = RequestFactory().get("/")
        request.user = AnonymousUser()
        with self.assertNumQueries(0):
            self.assertEqual(notifications_context(request), {})
        notification(self.user)
        request.user = self.user
        with self.assertNumQueries(0):
            context = notifications_context(request)
        with self.assertNumQueries(1):
            self.assertTrue(context["unread_notification_count"])
            self.assertEqual(str(context["unread_notification_count"]), "1")


class NotificationsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory()
        cls.other = UserFactory()
        cls.old = notification(
            cls.user, "Ancienne version publiée", minutes_ago=60, read=True, url="/bases/"
        )
        cls.new = notification(
            cls.user,
            "« Fiche » : nouvelle version 1.1",
            minutes_ago=5,
            message="– Ajout d'une fiche\n– Correction des liens",
            url="/bases/une-base/fiche/versions/1.1/",
        )
        cls.foreign = notification(cls.other, "Message de quelqu'un d'autre")

    def setUp(self):
        self.client.force_login(self.user)

    def test_anonymous_is_sent_to_log_in(self):
        self.client.logout()
        response = self.client.get(NOTIFICATIONS_URL)
        self.assertRedirects(
            response, f"{LOGIN_URL}?next={NOTIFICATIONS_URL}", fetch_redirect_response=False
        )

    def test_lists_only_own_notifications_newest_first(self):
        response = self.client.get(NOTIFICATIONS_URL)
        self.assertEqual(response.status_code, 200)
        html = soup(response)
        self.assertEqual(html.h1.get_text(strip=True), "Mes notifications")
        subjects = [h2.get_text(strip=True) for h2 in html.select(".bc-notifications h2")]
        self.assertEqual(subjects, ["« Fiche » : nouvelle version 1.1", "Ancienne version publiée"])
        self.assertNotIn("Message de quelqu'un d'autre", page_text(response))

    def test_unread_marked_in_text_with_message_lines_date_and_link(self):
        response = self.client.get(NOTIFICATIONS_URL)
        items = soup(response).select(".bc-notifications > li")
        new, old = items
        new_text = " ".join(new.get_text(" ").split())
        self.assertIn("Nouveau", new_text)
        self.assertNotIn("Nouveau", " ".join(old.get_text(" ").split()))
        self.assertIsNotNone(new.find("br"))  # line breaks kept
        self.assertIn("– Ajout d'une fiche", new_text)
        self.assertIn("– Correction des liens", new_text)
        local = timezone.localtime(self.new.created_at)
        self.assertIn(local.strftime("%d/%m/%Y"), new_text)
        self.assertIsNotNone(new.find("a", href="/bases/une-base/fiche/versions/1.1/"))
        self.assertIn("1 notification non lue.", page_text(response))

    def test_link_to_another_site_or_scheme_is_not_shown(self):
        notification(self.user, "Lien douteux", url="javascript:alert(1)")
        notification(self.user, "Lien externe", url="https://evil.example/")
        html = soup(self.client.get(NOTIFICATIONS_URL))
        hrefs = [a["href"] for a in html.select(".bc-notifications a[href]")]
        self.assertNotIn("javascript:alert(1)", hrefs)
        self.assertNotIn("https://evil.example/", hrefs)

    def test_mark_one_as_read(self):
        response = self.client.post(f"{NOTIFICATIONS_URL}{self.new.pk}/")
        self.assertRedirects(response, NOTIFICATIONS_URL, fetch_redirect_response=False)
        self.new.refresh_from_db()
        self.assertIsNotNone(self.new.read_at)
        text = page_text(self.client.get(NOTIFICATIONS_URL))
        self.assertIn("Aucune notification non lue.", text)
        self.assertNotIn("Nouveau", text)

    def test_mark_as_read_is_post_only(self):
        response = self.client.get(f"{NOTIFICATIONS_URL}{self.new.pk}/")
        self.assertEqual(response.status_code, 405)
        self.new.refresh_from_db()
        self.assertIsNone(self.new.read_at)

    def test_mark_as_read_needs_csrf(self):
        self.client.handler.enforce_csrf_checks = True
        response = self.client.post(f"{NOTIFICATIONS_URL}{self.new.pk}/")
        self.assertEqual(response.status_code, 403)

    def test_someone_elses_notification_is_404(self):
        response = self.client.post(f"{NOTIFICATIONS_URL}{self.foreign.pk}/")
        self.assertEqual(response.status_code, 404)
        self.foreign.refresh_from_db()
        self.assertIsNone(self.foreign.read_at)
        self.assertEqual(self.client.post(f"{NOTIFICATIONS_URL}999999/").status_code, 404)

    def test_mark_all_as_read_only_touches_own(self):
        notification(self.user, "Encore une")
        response = self.client.post(f"{NOTIFICATIONS_URL}tout-marquer-comme-lu/")
        self.assertRedirects(response, NOTIFICATIONS_URL, fetch_redirect_response=False)
        self.assertFalse(self.user.notifications.filter(read_at__isnull=True).exists())
        self.foreign.refresh_from_db()
        self.assertIsNone(self.foreign.read_at)
        response = self.client.get(NOTIFICATIONS_URL)
        text = page_text(response)
        self.assertIn("Toutes vos notifications sont marquées comme lues.", text)
        self.assertIsNone(soup(response).find("button", string="Tout marquer comme lu"))

    def test_mark_all_is_post_only(self):
        response = self.client.get(f"{NOTIFICATIONS_URL}tout-marquer-comme-lu/")
        self.assertEqual(response.status_code, 405)

    def test_pagination_and_return_to_the_same_page(self):
        for index in range(25):
            notification(self.user, f"Notification {index}", minutes_ago=100 + index)
        first = soup(self.client.get(NOTIFICATIONS_URL))
        self.assertEqual(len(first.select(".bc-notifications > li")), 20)
        self.assertIsNotNone(first.find("nav", class_="fr-pagination"))
        second = self.client.get(NOTIFICATIONS_URL, {"page": "2"})
        items = soup(second).select(".bc-notifications > li")
        self.assertEqual(len(items), 7)  # 27 in all
        last = self.user.notifications.order_by("created_at", "pk").first()
        self.assertEqual(last.subject, "Notification 24")
        response = self.client.post(f"{NOTIFICATIONS_URL}{last.pk}/", {"page": "2"})
        self.assertRedirects(response, f"{NOTIFICATIONS_URL}?page=2", fetch_redirect_response=False)
        # A crafted page number still answers a page.
        self.assertEqual(self.client.get(NOTIFICATIONS_URL, {"page": "abc"}).status_code, 200)
        self.assertEqual(self.client.get(NOTIFICATIONS_URL, {"page": "999"}).status_code, 200)

    def test_empty_page_explains_how_to_follow(self):
        self.client.force_login(UserFactory())
        text = page_text(self.client.get(NOTIFICATIONS_URL))
        self.assertIn("Vous n'avez encore reçu aucune notification.", text)
        self.assertIn("Être informé des mises à jour", text)
