"""The read-only API (/api/v2/), the sitemap and robots.txt show only what the reader may see."""

from django.test import TestCase, override_settings
from wagtail.models import Page, Site

from base.models import Visibility
from tests.factories import ResourcePageFactory
from tests.helpers import sitemap_children, sitemap_locations
from tests.private_fixtures import PRIVATE_WORD, build_private_space


class APITests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_private_space(cls)
        cls.private_page_ids = {cls.private_base.pk, cls.resource.pk, cls.collection.pk}

    def as_user(self, user):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)

    def ids(self, url, **params):
        response = self.client.get(url, {"limit": 100, **params})
        self.assertEqual(response.status_code, 200, response.content)
        return {item["id"] for item in response.json()["items"]}

    def test_pages_hide_private_bases_from_outsiders(self):
        for user in (None, self.outsider):
            self.as_user(user)
            with self.subTest(user=user and user.username):
                listed = self.ids("/api/v2/pages/")
                self.assertIn(self.public_resource.pk, listed)
                self.assertFalse(listed & self.private_page_ids)
                for page_id in self.private_page_ids:
                    self.assertEqual(self.client.get(f"/api/v2/pages/{page_id}/").status_code, 404)
                self.assertFalse(self.ids("/api/v2/pages/", search=PRIVATE_WORD))
                self.assertFalse(
                    self.ids("/api/v2/pages/", type="ressources.ResourcePage", search="cercle")
                )
                # Filters that start from a private page find nothing either.
                for params in (
                    {"child_of": self.private_base.pk},
                    {"descendant_of": self.private_base.pk},
                    {"ancestor_of": self.resource.pk},
                ):
                    response = self.client.get("/api/v2/pages/", params)
                    self.assertEqual(response.status_code, 400, params)
                find = self.client.get("/api/v2/pages/find/", {"html_path": self.resource.url})
                self.assertEqual(find.status_code, 404)

    def test_pages_open_to_members_and_platform_admins(self):
        for user in (self.member, self.superuser):
            self.as_user(user)
            with self.subTest(user=user.username):
                self.assertLessEqual(self.private_page_ids, self.ids("/api/v2/pages/"))
                self.assertEqual(
                    self.ids("/api/v2/pages/", search=PRIVATE_WORD), {self.resource.pk}
                )
                detail = self.client.get(f"/api/v2/pages/{self.resource.pk}/").json()
                self.assertEqual(detail["title"], "Protocole du cercle")
                self.assertEqual(detail["licence"]["spdx_id"], "CC-BY-4.0")
                self.assertEqual(detail["current_version"], "1.0")

    def test_search_goes_through_the_sites_engine(self):
        """The French normalisation of /rechercher/ (plural, capitals, accents), its syntax
        (`-mot`), its caps; hostile text finds nothing instead of failing."""
        for text in ("ateliers", "ATELIER", "atélier ouvert", '"atelier ouvert"'):
            with self.subTest(text=text):
                self.assertEqual(self.ids("/api/v2/pages/", search=text), {self.public_resource.pk})
        self.assertFalse(self.ids("/api/v2/pages/", search="atelier -ouvert"))
        for text in ('"', "-", "le la les", "(((", "atelier " * 2000):
            with self.subTest(text=text[:20]):
                self.ids("/api/v2/pages/", search=text)  # 200
        self.assertFalse(self.ids("/api/v2/pages/", search='"'))
        for endpoint in ("images", "documents"):
            for text in ('"', "(((", "x" * 5000):
                self.ids(f"/api/v2/{endpoint}/", search=text)
        self.assertEqual(self.ids("/api/v2/images/", search="affiche"), {self.public_image.pk})

    def test_out_of_range_numbers_are_a_400(self):
        huge = "99999999999999999999999"
        for endpoint in ("pages", "images", "documents"):
            for params in ({"offset": huge}, {"limit": huge}, {"offset": "-1"}):
                with self.subTest(endpoint=endpoint, params=params):
                    response = self.client.get(f"/api/v2/{endpoint}/", params)
                    self.assertEqual(response.status_code, 400)
                    self.assertIn("entier positif", response.json()["message"])

    def test_images_and_documents_of_a_private_base_are_for_its_readers(self):
        private_images = {self.image.pk, self.other_image.pk}
        for user, visible in (
            (None, False),
            (self.outsider, False),
            (self.member, True),
            (self.superuser, True),
        ):
            self.as_user(user)
            with self.subTest(user=user and user.username):
                images = self.ids("/api/v2/images/")
                self.assertIn(self.public_image.pk, images)
                self.assertEqual(private_images <= images, visible)
                self.assertEqual(bool(private_images & images), visible)
                self.assertEqual(bool(self.ids("/api/v2/images/", search="interne")), visible)
                self.assertEqual(self.document.pk in self.ids("/api/v2/documents/"), visible)
                self.assertEqual(bool(self.ids("/api/v2/documents/", search="Trame")), visible)
                status = 200 if visible else 404
                for url in (
                    f"/api/v2/images/{self.image.pk}/",
                    f"/api/v2/documents/{self.document.pk}/",
                ):
                    self.assertEqual(self.client.get(url).status_code, status, url)

    def test_a_private_collection_of_a_public_base_stays_out(self):
        from base.models import Visibility
        from tests.factories import ResourceCollectionPageFactory

        draft = ResourceCollectionPageFactory(
            parent=self.public_base,
            title="Parcours en préparation",
            visibility=Visibility.PRIVATE,
            resources=[self.public_resource],
        )
        public = ResourceCollectionPageFactory(
            parent=self.public_base,
            title="Parcours ouvert",
            resources=[self.resource, self.public_resource],
        )
        self.as_user(None)
        self.assertNotIn(draft.pk, self.ids("/api/v2/pages/"))
        items = self.client.get(f"/api/v2/pages/{public.pk}/").json()["items"]
        # The public collection lists the public resource, not the private one it also holds.
        self.assertEqual([item["id"] for item in items], [self.public_resource.pk])

    def test_no_endpoint_exposes_e_mail_addresses(self):
        self.as_user(self.superuser)
        for url in (
            "/api/v2/pages/?fields=*&limit=100",
            f"/api/v2/pages/{self.resource.pk}/",
            f"/api/v2/pages/{self.private_base.pk}/",
            "/api/v2/images/?fields=*",
            "/api/v2/documents/?fields=*",
        ):
            content = self.client.get(url).content.decode()
            for user in (self.admin, self.member, self.outsider, self.superuser):
                with self.subTest(url=url, user=user.username):
                    self.assertNotIn(user.email, content)
        self.assertEqual(self.client.get("/api/v2/pages/", {"fields": "owner"}).status_code, 400)

    def test_api_is_read_only(self):
        self.as_user(self.superuser)
        self.assertEqual(self.client.post("/api/v2/pages/", {"title": "x"}).status_code, 405)
        response = self.client.delete(f"/api/v2/pages/{self.public_resource.pk}/")
        self.assertEqual(response.status_code, 405)


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_private_space(cls)

    def test_sitemap_lists_public_live_pages_only(self):
        # Whoever asks: search engines crawl anonymously, and a member's session changes nothing.
        for user in (None, self.superuser):
            self.client.logout()
            if user is not None:
                self.client.force_login(user)
            with self.subTest(user=user and user.username):
                content = "\n".join(sitemap_locations(self.client))
                self.assertIn(self.public_base.url, content)
                self.assertIn(self.public_resource.url, content)
                self.assertNotIn(self.private_base.url, content)
                self.assertNotIn("du-cercle", content)
                self.assertNotIn("journal-des-versions", content)
                self.assertNotIn("versions/", content)

    @override_settings(SITEMAP_PAGE_SIZE=2, PAGE_CACHE_ENABLED=True)
    def test_the_index_leads_to_every_public_page_once_and_follows_changes(self):
        site = Site.objects.get(is_default_site=True)
        private = (self.private_base.path, self.other_private_base.path)

        def expected():
            return {
                page.full_url
                for page in Page.objects.live().descendant_of(site.root_page, inclusive=True)
                if not page.path.startswith(private)
            }

        children = sitemap_children(self.client)
        self.assertGreater(len(children), 1)
        self.assertTrue(all(1 <= len(locations) <= 2 for locations in children.values()))
        listed = sitemap_locations(self.client)
        self.assertEqual(len(listed), len(set(listed)))
        self.assertEqual(set(listed), expected())
        # Read again: from the cache, without a query.
        with self.assertNumQueries(0):
            self.assertEqual(sitemap_locations(self.client), listed)

        with self.captureOnCommitCallbacks(execute=True):
            added = ResourcePageFactory(parent=self.public_base, title="Atelier du soir")
        with self.captureOnCommitCallbacks(execute=True):
            self.public_base.visibility = Visibility.PRIVATE
            self.public_base.save_revision().publish()
        private += (self.public_base.path,)
        listed = sitemap_locations(self.client)
        self.assertNotIn(added.full_url, listed)
        self.assertNotIn(self.public_resource.full_url, listed)
        self.assertEqual(set(listed), expected())
        self.assertEqual(self.client.get("/sitemap-pages-999999.xml").status_code, 404)

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("Allow: /", lines)
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Disallow: /compte/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
