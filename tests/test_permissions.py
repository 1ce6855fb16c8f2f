"""Base membership gives Wagtail admin rights on that base's pages, and only those."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import querydict_from_html

from base.models import BaseMembership, BasePage, Role
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    OrganisationFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
    bases_index,
)
from tests.helpers import png, resource_form_data


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def explore_url(page):
    return reverse("wagtailadmin_explore", args=(page.pk,))


class MembershipAccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.other_base = BasePageFactory(title="Base voisine")
        cls.resource = ResourcePageFactory(parent=cls.base)
        cls.collection = ResourceCollectionPageFactory(parent=cls.base, resources=[cls.resource])
        cls.other_resource = ResourcePageFactory(parent=cls.other_base)
        cls.person = UserFactory()
        # A base keeps an admin: the person's own admin membership may then come and go.
        BaseMembershipFactory(base=cls.base, role=Role.ADMIN)

    def setUp(self):
        self.client.force_login(self.person)

    def assert_no_access(self, url):
        response = self.client.get(url)
        self.assertIn(response.status_code, (302, 403, 404), url)

    def test_without_membership_the_admin_is_closed(self):
        self.assert_no_access(reverse("wagtailadmin_home"))
        self.assert_no_access(edit_url(self.resource))

    def test_each_role_opens_the_pages_of_its_base_only(self):
        for role in Role:
            with self.subTest(role=role):
                membership = BaseMembershipFactory(base=self.base, user=self.person, role=role)
                for page in (self.base, self.resource, self.collection):
                    self.assertEqual(self.client.get(explore_url(page)).status_code, 200)
                    self.assertEqual(self.client.get(edit_url(page)).status_code, 200)
                add = reverse(
                    "wagtailadmin_pages:add", args=("ressources", "resourcepage", self.base.pk)
                )
                self.assertEqual(self.client.get(add).status_code, 200)
                for page in (self.other_base, self.other_resource):
                    self.assert_no_access(edit_url(page))
                    self.assert_no_access(explore_url(page))
                membership.delete()

    def test_removing_the_membership_removes_the_access(self):
        membership = BaseMembershipFactory(base=self.base, user=self.person, role=Role.ADMIN)
        self.assertEqual(self.client.get(edit_url(self.resource)).status_code, 200)
        membership.delete()
        self.assert_no_access(edit_url(self.resource))
        self.assert_no_access(edit_url(self.base))

    def test_changing_base_moves_the_access(self):
        membership = BaseMembershipFactory(base=self.base, user=self.person)
        BaseMembership.objects.filter(pk=membership.pk).delete()
        BaseMembershipFactory(base=self.other_base, user=self.person)
        self.assert_no_access(edit_url(self.resource))
        self.assertEqual(self.client.get(edit_url(self.other_resource)).status_code, 200)

    def test_contributor_publishes_a_resource_in_the_base(self):
        BaseMembershipFactory(base=self.base, user=self.person, role=Role.CONTRIBUTOR)
        data = resource_form_data(
            title="Titre corrigé par une contributrice",
            slug=self.resource.slug,
            licence=self.resource.licence_id,
            themes=[t.pk for t in self.resource.themes.all()],
            resource_types=[t.pk for t in self.resource.resource_types.all()],
            publish=True,
        )
        response = self.client.post(edit_url(self.resource), data)
        self.assertEqual(response.status_code, 302)
        self.resource.refresh_from_db()
        self.assertEqual(self.resource.title, "Titre corrigé par une contributrice")


class CertifiedFlagTests(TestCase):
    """« Certifiée » is the platform's word: a base admin cannot give it to their own base."""

    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base à certifier")
        cls.base_admin = BaseMembershipFactory(base=cls.base, role=Role.ADMIN).user
        cls.superuser = UserFactory(superuser=True)

    def publish_with_certified_flag(self, user):
        self.client.force_login(user)
        response = self.client.get(edit_url(self.base))
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        data["is_certified"] = "on"
        data["dedicated_to"] = "Conseillers numériques"
        data["action-publish"] = "action-publish"
        response = self.client.post(edit_url(self.base), data)
        self.assertEqual(response.status_code, 302)
        return BasePage.objects.get(pk=self.base.pk)

    def test_base_admin_cannot_certify_their_base(self):
        base = self.publish_with_certified_flag(self.base_admin)
        self.assertEqual(base.dedicated_to, "Conseillers numériques")  # the edit went through
        self.assertFalse(base.is_certified)

    def test_superuser_certifies_a_base(self):
        base = self.publish_with_certified_flag(self.superuser)
        self.assertTrue(base.is_certified)


class NewBaseTests(TestCase):
    """A platform admin opens a base in the Wagtail admin; its members then upload into it."""

    @classmethod
    def setUpTestData(cls):
        cls.superuser = UserFactory(superuser=True)
        cls.organisation = OrganisationFactory(name="Hub Ouest")

    def test_new_base_gets_its_own_media_folder(self):
        self.client.force_login(self.superuser)
        index = bases_index()
        url = reverse("wagtailadmin_pages:add", args=("base", "basepage", index.pk))
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        data.update(
            {
                "title": "Base du Hub Ouest",
                "slug": "base-du-hub-ouest",
                "organisation": self.organisation.pk,
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        base = BasePage.objects.get(slug="base-du-hub-ouest")
        self.assertTrue(base.live)
        self.assertEqual(base.media_collection.name, "Base du Hub Ouest")

        member = BaseMembershipFactory(base=base, role=Role.ADMIN).user
        self.client.force_login(member)
        upload = SimpleUploadedFile("logo.png", png(), content_type="image/png")
        response = self.client.post(
            reverse("wagtailimages:add"), {"title": "Logo", "file": upload, "tags": ""}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            get_image_model().objects.get(title="Logo").collection, base.media_collection
        )
