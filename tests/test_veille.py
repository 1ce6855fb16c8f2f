"""Veille: following bases, collections and organisations, and « Mon fil » — over HTTP."""

from datetime import timedelta
from urllib.parse import quote

from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.utils import timezone

from base.models import Visibility
from ressources import versioning
from ressources.models import CollectionItem, ResourcePage, ResourceVersion
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    OrganisationFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup
from veille.models import CollectionAddition, Follow

MON_FIL = "/compte/mon-fil/"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def publish_version(resource, user, lines):
    return versioning.publish(ResourcePage.objects.get(pk=resource.pk), user, lines)


def set_version_date(resource, when):
    ResourceVersion.objects.filter(resource=resource).update(published_at=when)


class FollowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(name="Hub du Sud")
        cls.base = BasePageFactory(title="Base du Hub", organisation=cls.organisation)
        cls.collection = ResourceCollectionPageFactory(parent=cls.base, title="Sélection")
        cls.private_base = BasePageFactory(title="Base interne", visibility=Visibility.PRIVATE)
        cls.private_member = BaseMembershipFactory(base=cls.private_base).user
        cls.user = UserFactory()

    def test_base_page_offers_to_follow_the_base_and_its_organisation(self):
        self.client.force_login(self.user)
        text = page_text(self.client.get(self.base.url))
        self.assertIn("Suivre cette base", text)
        self.assertIn("Suivre l'organisation Hub du Sud", text)

    def test_follow_and_unfollow_a_base(self):
        self.client.force_login(self.user)
        response = self.client.post(self.base.url + "suivre/", {"action": "follow"})
        self.assertRedirects(response, self.base.url, fetch_redirect_response=False)
        self.assertIn("Vous suivez cette base", messages_of(response)[0])
        self.assertTrue(Follow.objects.filter(user=self.user, page_id=self.base.pk).exists())
        # A double submission changes nothing more.
        self.client.post(self.base.url + "suivre/", {"action": "follow"})
        self.assertEqual(Follow.objects.filter(user=self.user).count(), 1)
        self.assertIn("Ne plus suivre cette base", page_text(self.client.get(self.base.url)))

        response = self.client.post(self.base.url + "suivre/", {"action": "unfollow"})
        self.assertEqual(messages_of(response), ["Vous ne suivez plus cette base."])
        self.assertFalse(Follow.objects.filter(user=self.user).exists())

    def test_follow_and_unfollow_a_collection(self):
        self.client.force_login(self.user)
        url = self.collection.url + "suivre/"
        self.assertIn("Suivre cette collection", page_text(self.client.get(self.collection.url)))
        self.client.post(url, {"action": "follow"})
        self.assertTrue(Follow.objects.filter(user=self.user, page_id=self.collection.pk).exists())
        self.assertIn(
            "Ne plus suivre cette collection", page_text(self.client.get(self.collection.url))
        )
        self.client.post(url, {"action": "unfollow"})
        self.assertFalse(Follow.objects.filter(user=self.user).exists())

    def test_follow_and_unfollow_an_organisation(self):
        self.client.force_login(self.user)
        url = self.base.url + "suivre-organisation/"
        response = self.client.post(url, {"action": "follow"})
        self.assertIn("Vous suivez l'organisation « Hub du Sud »", messages_of(response)[0])
        follow = Follow.objects.get(user=self.user)
        self.assertEqual((follow.organisation, follow.page), (self.organisation, None))
        self.assertIn(
            "Ne plus suivre l'organisation Hub du Sud", page_text(self.client.get(self.base.url))
        )
        self.client.post(url, {"action": "unfollow"})
        self.assertFalse(Follow.objects.exists())

    def test_anonymous_is_sent_to_log_in(self):
        response = self.client.post(self.base.url + "suivre/", {"action": "follow"})
        self.assertRedirects(
            response,
            f"/compte/connexion/?next={quote(self.base.url)}",
            fetch_redirect_response=False,
        )
        self.assertIn(
            "Connectez-vous pour suivre cette base", page_text(self.client.get(self.base.url))
        )
        self.assertFalse(Follow.objects.exists())

    def test_get_and_unknown_action_change_nothing(self):
        self.client.force_login(self.user)
        self.assertEqual(self.client.get(self.base.url + "suivre/").status_code, 405)
        response = self.client.post(self.base.url + "suivre/", {"action": "tout"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("Action inconnue", response.content.decode())
        self.assertFalse(Follow.objects.exists())

    def test_forged_post_without_csrf_token_is_refused(self):
        self.client.force_login(self.user)
        self.client.handler.enforce_csrf_checks = True
        response = self.client.post(self.base.url + "suivre/", {"action": "follow"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Follow.objects.exists())

    def test_a_private_base_cannot_be_followed_by_outsiders(self):
        self.client.force_login(self.user)
        for url in ("suivre/", "suivre-organisation/"):
            response = self.client.post(self.private_base.url + url, {"action": "follow"})
            self.assertEqual(response.status_code, 404)
        self.assertFalse(Follow.objects.exists())
        self.client.force_login(self.private_member)
        self.client.post(self.private_base.url + "suivre/", {"action": "follow"})
        self.assertTrue(Follow.objects.filter(user=self.private_member).exists())

    def test_a_follow_has_exactly_one_target(self):
        for fields in ({}, {"page_id": self.base.pk, "organisation": self.organisation}):
            with (
                self.subTest(fields=fields),
                self.assertRaises(IntegrityError),
                transaction.atomic(),
            ):
                Follow.objects.create(user=self.user, **fields)


class MonFilTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.editor = UserFactory()
        cls.organisation = OrganisationFactory(name="Les Assembleurs")
        cls.base = BasePageFactory(title="Base suivie")
        cls.old = ResourcePageFactory(parent=cls.base, title="Fiche ancienne")
        set_version_date(cls.old, now - timedelta(days=10))
        publish_version(cls.old, cls.editor, ["Mise à jour des liens", "Nouvelle annexe"])
        ResourceVersion.objects.filter(resource=cls.old, minor=1).update(
            published_at=now - timedelta(days=2)
        )
        cls.fresh = ResourcePageFactory(parent=cls.base, title="Fiche toute neuve")
        set_version_date(cls.fresh, now - timedelta(days=1))

        cls.org_base = BasePageFactory(
            title="Base de l'organisation", organisation=cls.organisation
        )
        cls.org_resource = ResourcePageFactory(parent=cls.org_base, title="Guide du réseau")
        set_version_date(cls.org_resource, now - timedelta(days=3))

        cls.other_base = BasePageFactory(title="Base non suivie")
        cls.picked = ResourcePageFactory(parent=cls.other_base, title="Ressource choisie")
        cls.ignored = ResourcePageFactory(parent=cls.other_base, title="Ressource ignorée")
        cls.collection = ResourceCollectionPageFactory(
            parent=cls.other_base, title="Sélection du mois", resources=[cls.picked]
        )
        CollectionAddition.objects.filter(collection_id=cls.collection.pk).update(
            added_at=now - timedelta(days=4)
        )

        cls.private_base = BasePageFactory(title="Espace interne", visibility=Visibility.PRIVATE)
        cls.membership = BaseMembershipFactory(base=cls.private_base)
        cls.member = cls.membership.user
        cls.secret = ResourcePageFactory(parent=cls.private_base, title="Protocole confidentiel")
        set_version_date(cls.secret, now - timedelta(hours=5))

        for page in (cls.base, cls.collection, cls.private_base):
            Follow.objects.create(user=cls.member, page_id=page.pk)
        Follow.objects.create(user=cls.member, organisation=cls.organisation)

    def titles(self, response):
        """Each item as « badge : title » (the badge says what is new)."""
        return [
            f"{item.select_one('.fr-badge').get_text(strip=True)} : "
            f"{item.select_one('h3 a').contents[0].strip()}"
            for item in soup(response).select("ol.bc-fil > li")
        ]

    def test_login_required_and_header_link(self):
        response = self.client.get(MON_FIL)
        self.assertRedirects(
            response, f"/compte/connexion/?next={quote(MON_FIL)}", fetch_redirect_response=False
        )
        self.client.force_login(self.member)
        response = self.client.get("/")
        self.assertTrue(soup(response).select_one(f'header a[href="{MON_FIL}"]'))

    def test_shows_what_is_new_in_what_one_follows_newest_first(self):
        self.client.force_login(self.member)
        response = self.client.get(MON_FIL)
        self.assertEqual(
            self.titles(response),
            [
                "Nouvelle ressource : Protocole confidentiel",
                "Nouvelle ressource : Fiche toute neuve",
                "Version 1.1 : Fiche ancienne",
                "Nouvelle ressource : Guide du réseau",
                "Ajoutée à une collection : Ressource choisie",
                "Nouvelle ressource : Fiche ancienne",
            ],
        )
        text = page_text(response)
        self.assertIn("Changements : Mise à jour des liens Nouvelle annexe", text)
        self.assertIn("Via l'organisation « Les Assembleurs »", text)
        self.assertIn("Dans la collection « Sélection du mois »", text)
        self.assertNotIn("Ressource ignorée", text)
        # The version item links to the version as it was published.
        links = [a["href"] for a in soup(response).select("ol.bc-fil h3 a")]
        self.assertEqual(links[2], self.old.url + "versions/1-1/")

    def test_a_resource_added_later_to_a_collection_comes_first(self):
        collection = self.collection.specific_class.objects.get(pk=self.collection.pk)
        collection.items.add(CollectionItem(resource=self.ignored, sort_order=1))
        collection.save_revision().publish()
        self.client.force_login(self.member)
        self.assertEqual(
            self.titles(self.client.get(MON_FIL))[0],
            "Ajoutée à une collection : Ressource ignorée",
        )

    def test_a_removed_member_stops_seeing_the_private_items(self):
        self.membership.delete()
        self.client.force_login(self.member)
        response = self.client.get(MON_FIL)
        text = page_text(response)
        self.assertNotIn("Protocole confidentiel", text)
        self.assertNotIn("Espace interne", text)
        # The follow is still listed, without its title, and can be removed.
        self.assertIn("Contenu qui ne vous est plus accessible", text)
        self.assertEqual(len(self.titles(response)), 5)

    def test_pagination(self):
        self.client.force_login(self.member)
        from veille.views import following as veille_views

        original = veille_views.FEED_PER_PAGE
        veille_views.FEED_PER_PAGE = 4
        try:
            first = self.titles(self.client.get(MON_FIL))
            second = self.titles(self.client.get(MON_FIL + "?page=2"))
            beyond = self.titles(self.client.get(MON_FIL + "?page=99"))
        finally:
            veille_views.FEED_PER_PAGE = original
        self.assertEqual(len(first), 4)
        self.assertEqual(
            second,
            [
                "Ajoutée à une collection : Ressource choisie",
                "Nouvelle ressource : Fiche ancienne",
            ],
        )
        self.assertEqual(beyond, second)

    def test_unfollow_from_mon_fil(self):
        self.client.force_login(self.member)
        follow = Follow.objects.get(user=self.member, organisation=self.organisation)
        response = self.client.post(f"{MON_FIL}suivis/{follow.pk}/ne-plus-suivre/")
        self.assertRedirects(response, MON_FIL, fetch_redirect_response=False)
        self.assertNotIn("Guide du réseau", page_text(self.client.get(MON_FIL)))
        # Someone else's follow is not yours to remove; GET changes nothing.
        other = Follow.objects.create(user=self.editor, page_id=self.base.pk)
        self.assertEqual(
            self.client.post(f"{MON_FIL}suivis/{other.pk}/ne-plus-suivre/").status_code, 404
        )
        self.assertEqual(
            self.client.get(f"{MON_FIL}suivis/{other.pk}/ne-plus-suivre/").status_code, 405
        )
        self.assertTrue(Follow.objects.filter(pk=other.pk).exists())

    def test_empty_state_explains_how_to_follow(self):
        self.client.force_login(self.editor)
        text = page_text(self.client.get(MON_FIL))
        self.assertIn("Votre fil est vide", text)
        self.assertIn("« Suivre cette base »", text)
        self.assertIn("Vous ne suivez encore rien.", text)
