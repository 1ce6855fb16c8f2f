"""`manage.py load_demo`: a realistic platform, loaded twice without duplicates."""

import io

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import TestCase

from base.models import BaseMembership, BasePage, Organisation, User
from base.visibility import visible_pages
from ressources.models import ResourceCollectionPage, ResourcePage
from tests.helpers import page_text


def counts():
    return {
        "bases": BasePage.objects.count(),
        "resources": ResourcePage.objects.count(),
        "collections": ResourceCollectionPage.objects.count(),
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "memberships": BaseMembership.objects.count(),
    }


class LoadDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
        cls.first = counts()
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
        cls.second = counts()

    def test_second_run_creates_no_duplicate(self):
        self.assertEqual(self.first, self.second)

    def test_size_of_the_demo(self):
        self.assertGreaterEqual(self.second["bases"], 11)
        self.assertLessEqual(self.second["bases"], 14)
        self.assertGreaterEqual(self.second["resources"], 45)
        self.assertGreaterEqual(self.second["collections"], 1)
        self.assertGreaterEqual(ResourcePage.objects.live().count(), 45)

    def test_demo_accounts_log_in(self):
        from base.demo.content import MEMBER_PASSWORD, PEOPLE

        for person in PEOPLE:
            with self.subTest(username=person["username"]):
                password = person.get("password", MEMBER_PASSWORD)
                self.assertTrue(self.client.login(username=person["username"], password=password))
                self.client.logout()

    def test_demo_accounts_log_in_to_the_admin(self):
        from base.demo.content import PEOPLE

        for person in PEOPLE[:3]:  # the platform admin, a Hub and a mediator
            with self.subTest(username=person["username"]):
                response = self.client.post(
                    "/admin/login/",
                    {"username": person["username"], "password": person["password"]},
                )
                self.assertEqual(response.status_code, 302)
                self.assertEqual(self.client.get("/admin/").status_code, 200)
                self.client.logout()

    def test_public_demo_pages_render(self):
        home = self.client.get("/")
        self.assertEqual(home.status_code, 200)
        self.assertIn("ressources publiées", page_text(home))
        self.assertEqual(self.client.get("/bases/").status_code, 200)
        anonymous = AnonymousUser()
        bases = list(visible_pages(BasePage.objects.live(), anonymous))
        # Every base and collection, and the first resource of each base.
        pages = [
            *bases,
            *visible_pages(ResourceCollectionPage.objects.live(), anonymous),
            *filter(None, (ResourcePage.objects.child_of(b).live().first() for b in bases)),
        ]
        self.assertGreaterEqual(len(bases), 10)
        for page in pages:
            with self.subTest(page=page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)
