"""A private base and everything under it — pages, sub-pages, feed, search, images, renditions
and documents — exist only for its members and platform admins; public media keep working."""

from django.conf import settings
from django.test import TestCase, override_settings
from wagtail.utils.sendfile import _get_sendfile

from tests.helpers import page_text, soup
from tests.private_fixtures import PRIVATE_WORD, build_private_space, media_urls


class PrivateSpaceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_private_space(cls)
        resource = cls.resource.url
        cls.page_urls = {
            "base": cls.private_base.url,
            "resource": resource,
            "collection": cls.collection.url,
            "journal": resource + "journal-des-versions/",
            "version": resource + "versions/1-0/",
            "compare": resource + "comparer/?de=1.0&a=1.0",
            "feed": resource + "journal-des-versions/atom/",
        }

    def as_user(self, user):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)

    def outsiders(self):
        return (("anonyme", None), ("inscrit non membre", self.outsider))

    def insiders(self):
        return (("membre", self.member), ("admin de la plateforme", self.superuser))

    def test_pages_and_sub_pages_answer_404_to_outsiders(self):
        for label, user in self.outsiders():
            self.as_user(user)
            for name, url in self.page_urls.items():
                with self.subTest(user=label, page=name):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 404)
                    self.assertNotIn(PRIVATE_WORD, response.content.decode())

    def test_pages_and_sub_pages_open_to_members_and_platform_admins(self):
        for label, user in self.insiders():
            self.as_user(user)
            for name, url in self.page_urls.items():
                with self.subTest(user=label, page=name):
                    self.assertEqual(self.client.get(url).status_code, 200)

    def test_atom_feed_of_a_private_resource_is_for_its_readers(self):
        self.as_user(self.member)
        response = self.client.get(self.page_urls["feed"])
        self.assertEqual(response["Content-Type"].split(";")[0], "application/atom+xml")
        self.assertIn("Protocole du cercle", response.content.decode())

    def test_media_of_a_private_base_answer_404_to_outsiders(self):
        for label, user in self.outsiders():
            self.as_user(user)
            for kind, url in media_urls(self).items():
                with self.subTest(user=label, media=kind):
                    self.assertEqual(self.client.get(url).status_code, 404)

    def test_media_of_a_private_base_open_to_members_and_platform_admins(self):
        for label, user in self.insiders():
            self.as_user(user)
            for kind, url in media_urls(self).items():
                with self.subTest(user=label, media=kind):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertTrue(b"".join(response.streaming_content))
                    # Never kept by a shared cache.
                    self.assertIn("private", response["Cache-Control"])

    def test_public_pages_render_images_that_anyone_can_load(self):
        self.as_user(None)
        page = soup(self.client.get(self.public_resource.url))
        sources = [img["src"] for img in page.select("img") if "/media/" in img["src"]]
        self.assertTrue(sources)
        for src in sources:
            with self.subTest(src=src):
                response = self.client.get(src)
                self.assertEqual(response.status_code, 200)
                self.assertIn("public", response["Cache-Control"])
        self.assertEqual(self.client.get(self.public_image.file.url).status_code, 200)

    def test_media_addresses_cannot_escape_the_media_folder(self):
        for url in (
            "/media/../config/settings/common.py",
            "/media/%2e%2e/manage.py",
            "/media/original_images/absent.jpg",
            "/media/images/absent.fill-10x10.jpg",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_search_and_suggestions_hide_private_content_from_outsiders(self):
        for label, user in self.outsiders():
            self.as_user(user)
            with self.subTest(user=label):
                text = page_text(self.client.get("/rechercher/", {"q": PRIVATE_WORD}))
                self.assertNotIn("Protocole du cercle", text)
                suggestions = self.client.get("/rechercher/suggestions/", {"q": "Protocole du"})
                self.assertNotIn("Protocole du cercle", suggestions.content.decode())

    def test_search_and_suggestions_find_private_content_for_members(self):
        for label, user in self.insiders():
            self.as_user(user)
            with self.subTest(user=label):
                text = page_text(self.client.get("/rechercher/", {"q": PRIVATE_WORD}))
                self.assertIn("Protocole du cercle", text)
                suggestions = self.client.get("/rechercher/suggestions/", {"q": "Protocole du"})
                self.assertIn("Protocole du cercle", suggestions.json()["suggestions"][0]["title"])

    def test_in_production_nginx_sends_the_file_django_allowed(self):
        """MEDIA_ACCEL_REDIRECT (README): Django checks, then hands the file to nginx."""
        production = override_settings(
            SENDFILE_BACKEND="base.sendfile_nginx",
            SENDFILE_ROOT=str(settings.MEDIA_ROOT),
            SENDFILE_URL="/protected-media",
        )
        _get_sendfile.clear()
        self.addCleanup(_get_sendfile.clear)
        with production:
            self.as_user(self.member)
            for kind, url in media_urls(self).items():
                with self.subTest(media=kind):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertTrue(response["X-Accel-Redirect"].startswith("/protected-media/"))
                    self.assertFalse(response.content)
            self.as_user(None)
            response = self.client.get(self.image.file.url)
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("X-Accel-Redirect", response)
            public = self.client.get(self.public_image.file.url)
            self.assertEqual(
                public["X-Accel-Redirect"], "/protected-media/" + self.public_image.file.name
            )
