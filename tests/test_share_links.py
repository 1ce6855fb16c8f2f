"""Share links (« lien de partage ») of private bases and resources: who manages them, what they
open (read-only, for the session), and how rotation and disabling shut them at once."""

import re

from django.test import Client, TestCase
from wagtail.models import ModelLogEntry, PageLogEntry

from base.models import ShareLink, Visibility
from tests.helpers import body_of, page_text, sitemap_locations, soup
from tests.private_fixtures import PRIVATE_WORD, build_private_space, media_urls

NOTICE = "Vous consultez ce contenu grâce à un lien de partage"


class ShareLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_private_space(cls)

    def manage_url(self, page):
        return f"/partage/{page.pk}/gerer/"

    def post_action(self, page, action, user=None):
        self.client.force_login(user or self.admin)
        response = self.client.post(self.manage_url(page), {"action": action})
        self.client.logout()
        return response

    def create_link(self, page, user=None):
        self.post_action(page, "create", user)
        return ShareLink.objects.get(page=page)

    def link_url(self, link):
        return f"/partage/{link.page_id}/{link.token}/"

    def visitor(self, link=None):
        """A fresh browser without an account, that has opened `link`."""
        client = Client()
        if link is not None:
            response = client.get(self.link_url(link))
            self.assertEqual(response.status_code, 302)
        return client

    # --- managing the link -------------------------------------------------------------------

    def test_base_admins_and_platform_admins_see_the_panel_others_do_not(self):
        for user, shown in (
            (self.admin, True),
            (self.superuser, True),
            (self.member, False),
        ):
            self.client.force_login(user)
            for page in (self.private_base, self.resource):
                with self.subTest(user=user.username, page=page.title):
                    text = page_text(self.client.get(page.url))
                    self.assertEqual("Créer un lien de partage" in text, shown)

    def test_the_organisation_s_admins_manage_the_link_too(self):
        """A Hub's admins manage all of its bases, share links included."""
        from tests.factories import OrganisationMembershipFactory

        hub_admin = OrganisationMembershipFactory(organisation=self.private_base.organisation).user
        self.client.force_login(hub_admin)
        self.assertIn("Créer un lien de partage", page_text(self.client.get(self.private_base.url)))
        response = self.client.post(self.manage_url(self.private_base), {"action": "create"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ShareLink.objects.filter(page=self.private_base).exists())

    def test_public_bases_offer_no_share_link(self):
        self.client.force_login(self.superuser)
        self.assertNotIn("Lien de partage", page_text(self.client.get(self.public_base.url)))
        response = self.client.post(self.manage_url(self.public_base), {"action": "create"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(ShareLink.objects.exists())

    def test_only_base_admins_may_manage_a_link(self):
        for user in (None, self.outsider, self.member):
            self.client.logout()
            if user is not None:
                self.client.force_login(user)
            with self.subTest(user=user and user.username):
                response = self.client.post(
                    self.manage_url(self.private_base), {"action": "create"}
                )
                self.assertEqual(response.status_code, 404)
        self.assertFalse(ShareLink.objects.exists())

    def test_get_never_creates_nor_rotates(self):
        link = self.create_link(self.private_base)
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get(self.manage_url(self.private_base)).status_code, 405)
        self.client.get(self.private_base.url)
        self.visitor(link).get(self.private_base.url)
        self.assertEqual(ShareLink.objects.get(pk=link.pk).token, link.token)

    def test_csrf_is_enforced(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.admin)
        response = client.post(self.manage_url(self.private_base), {"action": "create"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ShareLink.objects.exists())

    def test_unknown_action_changes_nothing_and_says_so(self):
        link = self.create_link(self.private_base)
        self.client.force_login(self.admin)
        response = self.client.post(
            self.manage_url(self.private_base), {"action": "effacer"}, follow=True
        )
        self.assertIn("Action inconnue", page_text(response))
        self.assertEqual(ShareLink.objects.get(pk=link.pk).token, link.token)

    def test_created_link_is_shown_to_the_admin_long_and_audited_without_token(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            self.manage_url(self.private_base), {"action": "create"}, follow=True
        )
        link = ShareLink.objects.get(page=self.private_base)
        self.assertGreaterEqual(len(link.token), 43)  # 32 random bytes, 256 bits
        field = soup(response).select_one("#share-link-url")
        self.assertTrue(field["value"].endswith(self.link_url(link)))
        self.assertIn("Le lien de partage est créé", page_text(response))
        entry = PageLogEntry.objects.get(page=self.private_base, action__contains="share_link")
        self.assertEqual(entry.user, self.admin)
        for log_entry in (*PageLogEntry.objects.all(), *ModelLogEntry.objects.all()):
            self.assertNotIn(link.token, str(log_entry.data) + log_entry.label)

    # --- what the link opens -----------------------------------------------------------------

    def test_base_link_opens_the_base_its_pages_and_media_read_only(self):
        link = self.create_link(self.private_base)
        client = self.visitor(link)
        for url in (
            self.private_base.url,
            self.resource.url,
            self.other_resource.url,
            self.collection.url,
            self.resource.url + "journal-des-versions/",
            self.resource.url + "versions/1-0/",
            self.resource.url + "comparer/?de=1.0&a=1.0",
            self.resource.url + "journal-des-versions/atom/",
        ):
            with self.subTest(url=url):
                response = client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn("noindex", response["X-Robots-Tag"])
        response = client.get(self.private_base.url)
        self.assertIn(NOTICE, page_text(response))
        self.assertIn("Protocole du cercle", page_text(response))  # its listing too
        self.assertTrue(soup(response).select_one('meta[name="robots"][content*="noindex"]'))
        self.assertNotIn("Lien de partage", page_text(response).replace(NOTICE, ""))
        for kind, url in media_urls(self).items():
            with self.subTest(media=kind):
                self.assertEqual(client.get(url).status_code, 200)

    def test_a_link_never_grants_editing(self):
        link = self.create_link(self.private_base)
        client = self.visitor(link)
        for suffix in ("modifier/", "proposer/"):
            with self.subTest(route=suffix):
                response = client.get(self.resource.url + suffix)
                self.assertEqual(response.status_code, 302)
                self.assertIn("/compte/connexion/", response["Location"])
        # A registered non-member who holds the link cannot edit either.
        client.force_login(self.outsider)
        client.get(self.link_url(link))
        self.assertEqual(client.get(self.resource.url).status_code, 200)
        self.assertEqual(client.get(self.resource.url + "modifier/").status_code, 403)
        self.assertEqual(client.post(self.resource.url + "suivre/").status_code, 404)

    def test_resource_link_opens_that_resource_and_its_media_only(self):
        link = self.create_link(self.resource)
        client = self.visitor(link)
        page = soup(client.get(self.resource.url))
        self.assertIn(NOTICE, page.get_text(" "))
        # No dead link to the base, which the visitor may not open, on the resource page nor on
        # its journal, version and comparison pages.
        dead = f'a[href^="{self.private_base.url}"]:not([href^="{self.resource.url}"])'
        for url in ("", "journal-des-versions/", "versions/1-0/", "comparer/"):
            with self.subTest(page=url):
                html = soup(client.get(self.resource.url + url))
                self.assertFalse(html.select(f"main {dead}, nav.fr-breadcrumb {dead}"))
        self.assertEqual(client.get(self.resource.url + "versions/1-0/").status_code, 200)
        for kind, url in media_urls(self).items():
            with self.subTest(media=kind):
                self.assertEqual(client.get(url).status_code, 200)
        for url in (
            self.private_base.url,
            self.other_resource.url,
            self.collection.url,
            self.other_image.file.url,
        ):
            with self.subTest(url=url):
                self.assertEqual(client.get(url).status_code, 404)

    def test_a_link_of_base_a_gives_nothing_on_base_b(self):
        client = self.visitor(self.create_link(self.private_base))
        self.assertEqual(client.get(self.other_private_base.url).status_code, 404)
        self.assertEqual(client.get(self.neighbour_resource.url).status_code, 404)

    def test_forged_tokens_answer_404(self):
        link = self.create_link(self.private_base)
        other = self.create_link(self.other_private_base, self.superuser)
        for url in (
            f"/partage/{self.private_base.pk}/{'A' * 43}/",
            f"/partage/{self.private_base.pk}/{link.token[:-1]}/",
            f"/partage/{self.private_base.pk}/{other.token}/",  # a real token, another base
            f"/partage/{self.resource.pk}/{link.token}/",
            f"/partage/999999/{link.token}/",
        ):
            client = Client()
            with self.subTest(url=url):
                with self.assertNoLogs("django.request"):  # tokens stay out of the logs
                    self.assertEqual(client.get(url).status_code, 404)
                self.assertEqual(client.get(self.private_base.url).status_code, 404)

    def test_rotation_stops_the_old_link_and_its_sessions_at_once(self):
        old = self.create_link(self.private_base)
        holder = self.visitor(old)
        self.assertEqual(holder.get(self.resource.url).status_code, 200)
        response = self.post_action(self.private_base, "rotate")
        self.assertEqual(response.status_code, 302)
        new = ShareLink.objects.get(page=self.private_base)
        self.assertNotEqual(new.token, old.token)
        self.assertEqual(holder.get(self.resource.url).status_code, 404)
        self.assertEqual(holder.get(self.image.file.url).status_code, 404)
        self.assertEqual(Client().get(self.link_url(old)).status_code, 404)
        self.assertEqual(self.visitor(new).get(self.resource.url).status_code, 200)

    def test_disabling_removes_access(self):
        link = self.create_link(self.resource)
        holder = self.visitor(link)
        self.post_action(self.resource, "disable")
        self.assertFalse(ShareLink.objects.exists())
        self.assertEqual(holder.get(self.resource.url).status_code, 404)
        self.assertEqual(Client().get(self.link_url(link)).status_code, 404)

    def test_a_link_reveals_nothing_to_search_api_or_sitemap(self):
        link = self.create_link(self.private_base)
        client = self.visitor(link)
        text = page_text(client.get("/rechercher/", {"q": PRIVATE_WORD}))
        self.assertNotIn("Protocole du cercle", text)
        suggestions = client.get("/rechercher/suggestions/", {"q": "Protocole du"})
        self.assertEqual(suggestions.json()["suggestions"], [])
        self.assertEqual(client.get(f"/api/v2/images/{self.image.pk}/").status_code, 404)
        self.assertEqual(client.get(f"/api/v2/documents/{self.document.pk}/").status_code, 404)
        self.assertNotIn(self.private_base.url, "\n".join(sitemap_locations(client)))
        api = client.get("/api/v2/pages/", {"search": PRIVATE_WORD})
        self.assertEqual(api.json()["meta"]["total_count"], 0)
        self.assertEqual(client.get(f"/api/v2/pages/{self.resource.pk}/").status_code, 404)
        self.client.force_login(self.superuser)
        self.assertNotIn(link.token, "\n".join(sitemap_locations(self.client)))
        for url in ("/sitemap.xml", "/api/v2/pages/?fields=*&limit=100", "/robots.txt"):
            with self.subTest(url=url):
                self.assertNotIn(link.token, body_of(self.client.get(url)))

    def test_link_address_leaves_the_address_bar_and_sends_no_referrer(self):
        link = self.create_link(self.private_base)
        response = Client().get(self.link_url(link))
        self.assertEqual(response["Location"], self.private_base.url)
        self.assertEqual(response["Referrer-Policy"], "no-referrer")
        self.assertFalse(re.search(link.token, response["Location"]))

    def test_making_the_base_public_revokes_its_links_for_good(self):
        base_link = self.create_link(self.private_base)
        resource_link = self.create_link(self.resource)
        draft = self.private_base.specific
        draft.visibility = Visibility.PUBLIC
        draft.save_revision()  # a draft changes nothing yet
        self.assertEqual(ShareLink.objects.count(), 2)
        draft.save_revision().publish()
        self.assertFalse(ShareLink.objects.exists())
        draft.visibility = Visibility.PRIVATE
        draft.save_revision().publish()
        for link in (base_link, resource_link):
            self.assertEqual(Client().get(self.link_url(link)).status_code, 404)
