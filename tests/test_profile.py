"""Public profiles (/profils/<username>/), « Mon compte » (/compte/profil/), the header links,
and the holes of the sector's previous platform: self-promotion through the profile form,
user search by e-mail fragment, accounts deleted with a membership."""

import os

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from PIL import Image as PILImage

from accounts.models import User
from base.models import BaseMembership, Role, Visibility
from ressources.versioning import publish
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    OrganisationFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, png, soup

ACCOUNT_URL = "/compte/profil/"


def profile_url(user):
    return f"/profils/{user.username}/"


class ProfilePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(name="Hub du Sud")
        cls.person = UserFactory(
            username="sarah",
            first_name="Sarah",
            last_name="Delmas",
            email="sarah.delmas@example.org",
            organisation=cls.organisation,
            job_title="Chargée de mission ressources",
            department_code="13",
            bio="J'anime le réseau des médiateurs des Bouches-du-Rhône.",
        )
        cls.public_base = BasePageFactory(title="Base publique du Hub")
        cls.private_base = BasePageFactory(
            title="Espace de travail secret", visibility=Visibility.PRIVATE
        )
        BaseMembershipFactory(base=cls.public_base, user=cls.person, role=Role.ADMIN)
        BaseMembershipFactory(base=cls.private_base, user=cls.person)
        cls.colleague = UserFactory()
        BaseMembershipFactory(base=cls.private_base, user=cls.colleague)
        cls.credited = ResourcePageFactory(title="Fiche créditée", parent=cls.public_base)
        ResourceCreditFactory(resource=cls.credited, user=cls.person, name="Sarah Delmas")
        cls.edited = ResourcePageFactory(title="Fiche publiée par Sarah", parent=cls.public_base)
        publish(cls.edited, cls.person, ["Mise à jour des liens"])
        cls.secret = ResourcePageFactory(
            title="Fiche du groupe de travail", parent=cls.private_base
        )
        ResourceCreditFactory(resource=cls.secret, user=cls.person, name="Sarah Delmas")
        cls.elsewhere = ResourcePageFactory(title="Fiche sans Sarah")

    def test_profile_shows_what_the_person_chose_to_show(self):
        response = self.client.get(profile_url(self.person))
        self.assertEqual(response.status_code, 200)
        html = soup(response)
        self.assertEqual(html.h1.get_text(strip=True), "Sarah Delmas")
        text = page_text(response)
        self.assertIn("Chargée de mission ressources — Hub du Sud", text)
        self.assertIn("Bouches-du-Rhône (13)", text)
        self.assertIn("J'anime le réseau des médiateurs", text)
        self.assertIn("Base publique du Hub", text)
        self.assertIn("Administrateur", text)
        self.assertIn("Fiche créditée", text)
        self.assertIn("Fiche publiée par Sarah", text)
        self.assertNotIn("Fiche sans Sarah", text)

    def test_e_mail_is_hidden_unless_chosen(self):
        self.assertNotIn("sarah.delmas", self.client.get(profile_url(self.person)).content.decode())
        self.client.force_login(self.colleague)
        self.assertNotIn("sarah.delmas", self.client.get(profile_url(self.person)).content.decode())
        User.objects.filter(pk=self.person.pk).update(show_email=True)
        response = self.client.get(profile_url(self.person))
        self.assertIsNotNone(soup(response).find("a", href="mailto:sarah.delmas@example.org"))

    def test_private_base_and_its_resources_are_hidden_from_outsiders(self):
        for viewer in (None, UserFactory()):
            if viewer:
                self.client.force_login(viewer)
            text = page_text(self.client.get(profile_url(self.person)))
            self.assertNotIn("Espace de travail secret", text)
            self.assertNotIn("Fiche du groupe de travail", text)
            self.assertIn("2 ressources", text)
        self.client.force_login(self.colleague)
        text = page_text(self.client.get(profile_url(self.person)))
        self.assertIn("Espace de travail secret", text)
        self.assertIn("Fiche du groupe de travail", text)
        self.assertIn("3 ressources", text)

    def test_public_collections_are_listed_without_private_ones(self):
        from ressources.models import PersonalCollection, PersonalCollectionItem

        public = PersonalCollection.objects.create(
            owner=self.person, title="Ateliers du mardi", visibility="public"
        )
        PersonalCollectionItem.objects.create(collection=public, resource=self.credited)
        PersonalCollectionItem.objects.create(collection=public, resource=self.secret)
        PersonalCollection.objects.create(
            owner=self.person, title="Brouillons personnels", visibility="private"
        )
        text = page_text(self.client.get(profile_url(self.person)))
        self.assertIn("Collections publiques", text)
        self.assertIn("Ateliers du mardi — 1 ressource", text)
        self.assertNotIn("Brouillons personnels", text)
        self.client.force_login(self.colleague)
        text = page_text(self.client.get(profile_url(self.person)))
        self.assertIn("Ateliers du mardi — 2 ressources", text)

    def test_unknown_inactive_or_deleted_accounts_have_no_profile(self):
        self.assertEqual(self.client.get("/profils/personne-inconnue/").status_code, 404)
        inactive = UserFactory(is_active=False)
        self.assertEqual(self.client.get(profile_url(inactive)).status_code, 404)
        self.assertEqual(self.client.get("/profils/").status_code, 404)


class AccountFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="camille", email="camille@example.org")
        cls.organisation = OrganisationFactory(name="La Mednum")
        cls.group, _ = Group.objects.get_or_create(name="Modérateurs")

    def setUp(self):
        self.client.force_login(self.user)

    def data(self, **overrides):
        data = {
            "first_name": "Camille",
            "last_name": "Durand",
            "organisation": self.organisation.pk,
            "job_title": "Conseillère numérique",
            "department_code": "2A",
            "bio": "Ateliers numériques en médiathèque.",
            "show_email": "",
        }
        data.update(overrides)
        return data

    def test_needs_login(self):
        self.client.logout()
        response = self.client.get(ACCOUNT_URL)
        self.assertRedirects(
            response, f"/compte/connexion/?next={ACCOUNT_URL}", fetch_redirect_response=False
        )

    def test_edit_own_profile(self):
        response = self.client.post(ACCOUNT_URL, self.data())
        self.assertRedirects(response, ACCOUNT_URL, fetch_redirect_response=False)
        self.user.refresh_from_db()
        self.assertEqual(self.user.display_name, "Camille Durand")
        self.assertEqual(self.user.organisation, self.organisation)
        self.assertEqual(self.user.department_code, "2A")
        text = page_text(self.client.get(profile_url(self.user)))
        self.assertIn("Conseillère numérique — La Mednum", text)
        self.assertIn("Corse-du-Sud (2A)", text)

    def test_forged_post_cannot_grant_rights_or_change_identity(self):
        """The previous platform let anyone make themselves superuser through the profile API."""
        permission = Permission.objects.get(codename="access_admin")
        response = self.client.post(
            ACCOUNT_URL,
            self.data(
                is_superuser="on",
                is_staff="on",
                is_active="",
                groups=[self.group.pk],
                user_permissions=[permission.pk],
                email="pirate@example.org",
                username="admin",
                password="pbkdf2_sha256$1$x$y",
                date_joined="2000-01-01 00:00",
                email_verified_at="2000-01-01 00:00",
                deleted_at="2000-01-01 00:00",
            ),
        )
        self.assertEqual(response.status_code, 302)
        self.user.refresh_from_db()
        self.assertFalse(self.user.is_superuser)
        self.assertFalse(self.user.is_staff)
        self.assertTrue(self.user.is_active)
        self.assertFalse(self.user.groups.exists())
        self.assertFalse(self.user.user_permissions.exists())
        self.assertEqual(self.user.email, "camille@example.org")
        self.assertEqual(self.user.username, "camille")
        self.assertIsNone(self.user.deleted_at)
        self.assertTrue(self.user.check_password("mot-de-passe-de-test"))
        self.assertEqual(self.client.get("/admin/").status_code, 302)

    def test_invalid_input_is_explained_and_kept(self):
        response = self.client.post(
            ACCOUNT_URL, self.data(first_name="", department_code="999", bio="x" * 601)
        )
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Le profil n'est pas enregistré", text)
        self.assertIn("Champ requis", text)
        self.assertIn("Sélectionnez un choix valide", text)
        self.assertIn("au plus 600 caractères", text)
        self.assertEqual(
            soup(response).find("input", attrs={"name": "job_title"})["value"],
            "Conseillère numérique",
        )

    def test_avatar_is_checked_and_stored_without_metadata(self):
        upload = SimpleUploadedFile("moi.png", png(size=(900, 600)), content_type="image/png")
        response = self.client.post(ACCOUNT_URL, {**self.data(), "avatar": upload})
        self.assertEqual(response.status_code, 302)
        self.user.refresh_from_db()
        self.assertTrue(self.user.avatar.name.startswith("avatars/"))
        self.assertNotIn("moi", self.user.avatar.name)
        with PILImage.open(self.user.avatar.path) as stored:
            self.assertLessEqual(max(stored.size), 400)
        response = self.client.get(profile_url(self.user))
        self.assertIsNotNone(soup(response).find("img", src=self.user.avatar.url))
        # Cleared: the file goes too.
        path = self.user.avatar.path
        self.client.post(ACCOUNT_URL, {**self.data(), "avatar-clear": "on"})
        self.user.refresh_from_db()
        self.assertFalse(self.user.avatar)

        self.assertFalse(os.path.exists(path))

    def test_text_renamed_png_is_refused(self):
        upload = SimpleUploadedFile("moi.png", b"pas une image", content_type="image/png")
        response = self.client.post(ACCOUNT_URL, {**self.data(), "avatar": upload})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Téléversez une image valide", page_text(response))

    @override_settings(AVATAR_MAX_UPLOAD_SIZE=1000, AVATAR_MAX_IMAGE_PIXELS=100_000)
    def test_too_heavy_or_too_many_pixels_is_refused(self):
        heavy = SimpleUploadedFile(
            "lourde.png", png(size=(200, 200), data=os.urandom(200 * 200 * 3)), "image/png"
        )
        response = self.client.post(ACCOUNT_URL, {**self.data(), "avatar": heavy})
        self.assertIn("la limite est de", page_text(response))
        huge = SimpleUploadedFile("grande.png", png(size=(500, 500), compress_level=9), "image/png")
        response = self.client.post(ACCOUNT_URL, {**self.data(), "avatar": huge})
        self.assertIn("Cette image fait 500 × 500 pixels", page_text(response))
        self.user.refresh_from_db()
        self.assertFalse(self.user.avatar)


class HeaderTests(TestCase):
    def test_anonymous_visitors_are_offered_to_sign_up(self):
        tools = soup(self.client.get("/")).select_one(".fr-header__tools-links")
        self.assertIsNotNone(tools.find("a", string="Se connecter"))
        self.assertEqual(tools.find("a", string="S'inscrire")["href"], "/compte/inscription/")
        self.assertIsNone(tools.find("a", string="Mon compte"))

    def test_logged_in_people_reach_their_account(self):
        self.client.force_login(UserFactory())
        tools = soup(self.client.get("/")).select_one(".fr-header__tools-links")
        self.assertEqual(tools.find("a", string="Mon compte")["href"], ACCOUNT_URL)
        self.assertIsNone(tools.find("a", string="S'inscrire"))
        # « Mon compte » leads to everything that is one's own on the site.
        links = {a["href"] for a in soup(self.client.get(ACCOUNT_URL)).select("main a[href]")}
        for url in ("/compte/mon-fil/", "/compte/collections/", "/label-nec/mes-demandes/"):
            self.assertIn(url, links)
            self.assertEqual(self.client.get(url).status_code, 200)


class PreviousPlatformHolesTests(TestCase):
    """No one but platform admins can list or search people, by e-mail or otherwise."""

    @classmethod
    def setUpTestData(cls):
        cls.target = UserFactory(username="cible", email="victime.secrete@exemple-asso.fr")
        cls.plain = UserFactory()
        cls.contributor = UserFactory()
        cls.base = BasePageFactory()
        BaseMembershipFactory(base=cls.base, user=cls.contributor, role=Role.ADMIN)
        BaseMembershipFactory(base=cls.base, user=cls.target)
        cls.admin = UserFactory(superuser=True)

    # Each one is asked for one fragment of the address; the other one must not come back.
    URLS = [
        "/admin/users/?q={q}",
        "/admin/users/results/?q={q}",
        "/admin/snippets/choose/base/basemembership/?q={q}",
        "/admin/snippets/choose/base/basemembership/results/?q={q}",
        "/django-admin/base/user/?q={q}",
        "/rechercher/?q={q}",
        "/rechercher/suggestions/?q={q}",
        "/profils/?q={q}",
    ]
    FRAGMENTS = [("victime", "exemple-asso"), ("exemple-asso", "victime")]

    def assert_no_leak(self):
        for template in self.URLS:
            for asked, other in self.FRAGMENTS:
                url = template.format(q=asked)
                response = self.client.get(url)
                self.assertNotEqual(response.status_code, 500, url)
                self.assertNotIn(other, response.content.decode(), url)

    def test_anonymous_visitors_cannot_search_people(self):
        self.assertRedirects(
            self.client.get("/admin/users/?q=victime"),
            "/compte/connexion/?next=/admin/users/%3Fq%3Dvictime",
            fetch_redirect_response=False,
        )
        self.assert_no_leak()

    def test_registered_people_and_base_admins_cannot_search_people(self):
        for user in (self.plain, self.contributor):
            self.client.force_login(user)
            self.assertEqual(self.client.get("/admin/users/?q=victime").status_code, 302)
            self.assert_no_leak()
            self.assertNotIn(
                "exemple-asso", self.client.get(profile_url(self.target)).content.decode()
            )

    def test_platform_admins_can(self):
        self.client.force_login(self.admin)
        response = self.client.get("/admin/users/?q=exemple-asso")
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"/admin/users/edit/{self.target.pk}/", response.content.decode())

    def test_removing_someone_from_a_base_keeps_their_account(self):
        membership = BaseMembership.objects.get(base=self.base, user=self.target)
        membership.delete()
        self.target.refresh_from_db()
        self.assertTrue(User.objects.filter(pk=self.target.pk, is_active=True).exists())
        self.assertEqual(self.client.get(profile_url(self.target)).status_code, 200)
