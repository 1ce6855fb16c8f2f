"""Anonymous pages from the shared cache (portal.page_cache): served without a query, never to
someone logged in, never with someone else's cookie or message, and never stale after a change
of public content."""

import re

from django.contrib import messages
from django.contrib.messages.storage.session import SessionStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory, TestCase, override_settings

from base.models import Visibility
from portal.models import DailyResourceStat
from portal.page_cache import PageCacheMiddleware, invalidate
from search.lifecycle import drain
from tests.factories import BasePageFactory, ResourcePageFactory, UserFactory
from tests.helpers import page_text

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko Firefox/140.0"}


@override_settings(PAGE_CACHE_ENABLED=True)
class AnonymousPageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base des médiateurs")
        cls.resource = ResourcePageFactory(parent=cls.base, title="Atelier tablette")
        cls.other = ResourcePageFactory(parent=cls.base, title="Atelier messagerie")
        cls.person = UserFactory(first_name="Anouk", last_name="Lemaire")

    def change(self, action):
        """A change as in real life: its transaction commits (a TestCase never does)."""
        with self.captureOnCommitCallbacks(execute=True):
            action()

    def test_a_second_anonymous_visit_costs_no_query(self):
        first = self.client.get(self.base.url)
        self.assertEqual(first["X-Page-Cache"], "miss")
        with self.assertNumQueries(0):
            second = self.client.get(self.base.url)
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Cache-Control"], "no-cache")
        self.assertNotIn("csrfmiddlewaretoken", second.content.decode())
        # The browser revalidates: nothing changed, nothing sent again.
        again = self.client.get(self.base.url, HTTP_IF_NONE_MATCH=second["ETag"])
        self.assertEqual(again.status_code, 304)
        # Another query string is another page.
        self.assertEqual(self.client.get(self.base.url, {"tri": "titre"})["X-Page-Cache"], "miss")

    def test_readings_served_from_the_cache_still_count(self):
        for _ in range(2):
            response = self.client.get(self.resource.url, **BROWSER)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertEqual(DailyResourceStat.objects.get(resource=self.resource).views, 2)

    def test_a_publication_shows_at_once(self):
        for _ in range(2):
            self.client.get(self.resource.url)
            self.client.get(self.base.url)

        def publish():
            self.resource.title = "Atelier tablette, deuxième édition"
            self.resource.save_revision().publish()

        self.change(publish)
        self.assertIn("deuxième édition", page_text(self.client.get(self.resource.url)))
        self.assertIn("deuxième édition", page_text(self.client.get(self.base.url)))

    def test_an_unpublished_resource_disappears_at_once(self):
        for _ in range(2):
            self.client.get(self.resource.url)
            self.client.get(self.base.url)
        self.change(self.resource.unpublish)
        self.assertEqual(self.client.get(self.resource.url).status_code, 404)
        self.assertNotIn("Atelier tablette", page_text(self.client.get(self.base.url)))

    def test_a_base_made_private_disappears_at_once(self):
        for _ in range(2):
            for page in (self.base, self.resource, self.other):
                self.assertEqual(self.client.get(page.url).status_code, 200)

        def make_private():
            self.base.visibility = Visibility.PRIVATE
            self.base.save_revision().publish()

        self.change(make_private)
        for page in (self.base, self.resource, self.other):
            self.assertEqual(self.client.get(page.url).status_code, 404, page.title)
        self.assertNotIn("Base des médiateurs", page_text(self.client.get("/bases/")))

    def test_logged_in_and_anonymous_pages_never_mix(self):
        member = Client()
        member.force_login(self.person)
        # Logged in first: nothing is stored for the anonymous visitors.
        mine = member.get(self.other.url)
        self.assertNotIn("X-Page-Cache", mine)
        self.assertIn("private", mine["Cache-Control"])
        self.assertIn("Se déconnecter", page_text(mine))
        self.assertEqual(self.client.get(self.other.url)["X-Page-Cache"], "miss")
        # Anonymous first: the person logged in still gets their own page.
        anonymous = self.client.get(self.other.url)
        self.assertEqual(anonymous["X-Page-Cache"], "hit")
        self.assertNotIn("Se déconnecter", page_text(anonymous))
        self.assertIn("Se déconnecter", page_text(member.get(self.other.url)))

    def test_a_form_for_anonymous_visitors_gets_its_own_token(self):
        """A page that hands out a CSRF token (and sets its cookie) is never stored."""
        tokens = set()
        for _ in range(2):
            response = Client().get("/donner-mon-avis/")
            self.assertEqual(response["X-Page-Cache"], "skip")
            self.assertIn("csrftoken", response.cookies)
            tokens |= set(
                re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
            )
        self.assertEqual(len(tokens), 2)

    def test_a_response_with_a_cookie_or_a_message_is_never_stored(self):
        def sets_a_cookie(request):
            response = HttpResponse("<p>Préférence enregistrée</p>")
            response.set_cookie("choix", "1")
            return response

        def shows_a_message(request):
            request.session = {}
            request._messages = SessionStorage(request)
            messages.success(request, "Votre avis est enregistré.")
            return HttpResponse(f"<p>{list(messages.get_messages(request))[0]}</p>")

        def plain(request):
            return HttpResponse("<p>Page ordinaire</p>")

        for view in (sets_a_cookie, shows_a_message):
            with self.subTest(view=view.__name__):
                path = f"/essai/{view.__name__}/"
                first = PageCacheMiddleware(view)(RequestFactory().get(path))
                self.assertEqual(first["X-Page-Cache"], "skip")
                second = PageCacheMiddleware(plain)(RequestFactory().get(path))
                self.assertEqual(second.content, b"<p>Page ordinaire</p>")

    def test_an_api_search_follows_the_index_not_the_cache(self):
        """The worker indexes a publication after the commit that dropped the cached pages:
        a search of the read API answered meanwhile must not stay in the cache."""
        drain()
        ResourcePageFactory(parent=self.base, title="Atelier xylographie")
        invalidate()  # what the publication's commit does; the index has not followed yet
        url = "/api/v2/ressources/?search=xylographie"
        self.assertEqual(self.client.get(url).json()["meta"]["total_count"], 0)
        drain()
        self.assertEqual(self.client.get(url).json()["meta"]["total_count"], 1)
