"""`manage.py load_demo`: a realistic platform, loaded twice without duplicates."""

import io

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import TestCase

from accounts.models import User
from base.models import BaseMembership, BasePage
from base.visibility import visible_pages
from label.criteria import Status
from label.models import LabelRequest, StatusChange
from legal.models import LegalPage, SitePlanPage
from organisations.models import Organisation
from ressources.models import ChangeProposal, ResourceCollectionPage, ResourcePage, ResourceVersion
from tests.helpers import page_text, soup
from veille.models import Follow


def counts():
    return {
        "bases": BasePage.objects.count(),
        "resources": ResourcePage.objects.count(),
        "collections": ResourceCollectionPage.objects.count(),
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "memberships": BaseMembership.objects.count(),
        "versions": ResourceVersion.objects.count(),
        "proposals": ChangeProposal.objects.count(),
        "follows": Follow.objects.count(),
        "label_requests": LabelRequest.objects.count(),
        "label_history": StatusChange.objects.count(),
        "legal_pages": LegalPage.objects.count() + SitePlanPage.objects.count(),
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

    def test_the_label_nec_has_requests_in_every_status_and_a_reviewer(self):
        self.assertEqual(set(LabelRequest.objects.values_list("status", flat=True)), set(Status))
        years = {at.year for at in StatusChange.objects.values_list("at", flat=True)}
        self.assertTrue({2023, 2024, 2025, 2026} <= years, years)
        self.assertTrue(self.client.login(username="instructeur.nec", password="demo-membre-2026"))
        self.assertContains(self.client.get("/admin/label-nec/"), "NEC-")
        comptoir = ResourcePage.objects.get(slug="mobilier-le-comptoir")
        self.assertIn("Labellisé NEC", page_text(self.client.get(comptoir.url)))

    def test_demo_accounts_log_in(self):
        from demo.data.content import MEMBER_PASSWORD, PEOPLE

        for person in PEOPLE:
            with self.subTest(username=person["username"]):
                password = person.get("password", MEMBER_PASSWORD)
                self.assertTrue(self.client.login(username=person["username"], password=password))
                self.client.logout()

    def test_demo_accounts_log_in_to_the_admin(self):
        from demo.data.content import PEOPLE

        for person in PEOPLE[:3]:  # the platform admin, a Hub and a mediator
            with self.subTest(username=person["username"]):
                # The one door, « Se connecter », then back to the admin.
                response = self.client.post(
                    "/compte/connexion/",
                    {
                        "login": person["username"],
                        "password": person["password"],
                        "next": "/admin/",
                    },
                )
                self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
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

    def test_the_legal_pages_are_there(self):
        self.assertEqual(self.second["legal_pages"], 6)
        for url in (
            "/mentions-legales/",
            "/donnees-personnelles/",
            "/gestion-des-cookies/",
            "/accessibilite/",
            "/conditions-d-utilisation/",
            "/plan-du-site/",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
        plan = page_text(self.client.get("/plan-du-site/"))
        self.assertIn("Hub du Sud", plan)
        self.assertNotIn("Espace de travail du Hub du Sud", plan)  # the demo's private base

    def test_every_published_resource_has_its_journal(self):
        live = ResourcePage.objects.live()
        self.assertEqual(live.filter(versions__isnull=True).count(), 0)
        self.assertEqual(live.filter(versions__major=1, versions__minor=0).count(), live.count())

    def test_the_glossary_carries_its_real_journal(self):
        glossary = ResourcePage.objects.get(
            slug="glossaire-des-acteurs-et-dispositifs-de-l-inclusion-numerique"
        )
        response = self.client.get(glossary.url + "journal-des-versions/")
        self.assertEqual(response.status_code, 200)
        rows = [
            [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])]
            for row in soup(response).select("table tbody tr")
        ]
        self.assertEqual([row[0] for row in rows], ["17/04/2024", "05/07/2024"])
        self.assertTrue(all(row[1].startswith("Élodie Carpentier") for row in rows))
        self.assertIn("Initialisation du glossaire", rows[0][2])
        self.assertIn("Mise en ligne sur les Bases", rows[0][2])
        self.assertIn("Modifications à la suite de suggestions du hub NUMI", rows[1][2])
        self.assertIn("Ajout du dispositif Pix", rows[1][2])
        self.assertTrue(rows[0][3].startswith("1.0"))
        self.assertTrue(rows[1][3].startswith("1.1"))
        self.assertIn("À quoi sert ce journal ?", page_text(response))
        # Version 1.0 is readable as it was: 32 actors, not yet Pix.
        old = page_text(self.client.get(glossary.url + "versions/1-0/"))
        self.assertIn("définit 32 acteurs", old)
        self.assertIn("Vous consultez la version 1.0 du 17/04/2024", old)

    def test_a_proposal_waits_for_the_hub_numi(self):
        proposal = ChangeProposal.objects.get()
        self.assertTrue(proposal.is_pending)
        self.client.login(username="thomas.numi", password=self._member_password())
        response = self.client.get(proposal.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Accepter et publier", page_text(response))

    @staticmethod
    def _member_password():
        from demo.data.content import MEMBER_PASSWORD

        return MEMBER_PASSWORD

    def test_moderation_and_personal_collections_demo(self):
        """Loaded twice: still two open reports and one resolved, one favorites list."""
        from ressources.models import PersonalCollection, Report

        self.assertEqual(
            sorted(Report.objects.values_list("reason", "status")),
            [("doublon", "open"), ("erreurs", "dismissed"), ("obsolete", "open")],
        )
        self.assertTrue(
            self.client.login(username="modo.plateforme", password=self._member_password())
        )
        response = self.client.get("/admin/report/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(soup(response).select("tbody tr")), 2)
        collections = PersonalCollection.objects.filter(owner__username="medi.contrib")
        self.assertEqual(collections.filter(is_favorites=True).get().items.count(), 3)
        public = collections.get(visibility="public")
        self.client.logout()
        self.assertEqual(self.client.get(public.get_absolute_url()).status_code, 200)

    def test_demo_veille(self):
        """medi.contrib follows a base, a collection and an organisation and gets the digest."""
        person = User.objects.get(username="medi.contrib")
        self.assertTrue(person.weekly_digest)
        follows = Follow.objects.filter(user=person)
        self.assertTrue(follows.filter(organisation__slug="les-assembleurs").exists())
        self.assertEqual(
            {type(follow.page.specific).__name__ for follow in follows if follow.page_id},
            {"BasePage", "ResourceCollectionPage", "ResourcePage"},
        )
        self.client.force_login(person)
        text = page_text(self.client.get("/compte/mon-fil/"))
        self.assertIn("Dans la collection « Pour les communes", text)
        self.assertIn("Via l'organisation « Les Assembleurs »", text)

    def test_membership_demo_waits_for_the_hub_du_sud(self):
        """sarah.hub administers the Hub du Sud organisation; an invitation and a join request
        wait on its base's « Membres » page."""
        base = BasePage.objects.get(slug="hub-du-sud")
        self.assertTrue(base.organisation.memberships.filter(user__username="sarah.hub").exists())
        self.client.login(username="sarah.hub", password="demo-hub-2026")
        text = page_text(self.client.get(base.url + "membres/"))
        self.assertIn("Demandes pour rejoindre la base (1)", text)
        self.assertIn("lea.rousseau@demo.bases-communes.example", text)
        # Contributors hold the contributors' rights only (no deletion in the Wagtail admin).
        manon = User.objects.get(username="manon.sud")
        self.assertTrue(
            all("contributeurs" in name for name in manon.groups.values_list("name", flat=True))
        )

    def test_private_demo_base_has_a_share_link_its_admin_sees(self):
        from base.models import BasePage, ShareLink

        base = BasePage.objects.get(slug="espace-de-travail-du-hub-du-sud")
        link = ShareLink.objects.get(page=base)  # one, not rotated by the second run
        self.assertEqual(self.client.get(base.url).status_code, 404)
        self.client.force_login(link.created_by)
        self.assertIn(
            f"/partage/{base.pk}/{link.token}/", self.client.get(base.url).content.decode()
        )
        self.client.logout()
        response = self.client.get(f"/partage/{base.pk}/{link.token}/", follow=True)
        self.assertContains(response, "Vous consultez ce contenu grâce à un lien de partage")

    def test_every_demo_page_is_saved_unchanged_by_its_bases_admin(self):
        """Open each page in the admin as its base's admin, post the form back unchanged: a
        draft is saved without a validation error and nothing changes (tests/demo_roundtrip)."""
        from tests.demo_roundtrip import demo_round_trip_problems

        self.assertEqual(demo_round_trip_problems(), {})

    def test_every_live_demo_page_is_republished_by_its_bases_admin(self):
        from tests.demo_roundtrip import demo_round_trip_problems

        self.assertEqual(demo_round_trip_problems(publish=True), {})
