"""« Être informé des mises à jour »: following a resource, and what followers receive."""

from urllib.parse import quote

from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.test import TestCase

from accounts.models import Notification
from base.models import Role, Visibility
from ressources import versioning
from ressources.models import ResourcePage
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text
from veille.models import Follow

FOLLOW_LABEL = "Être informé des mises à jour"
UNFOLLOW_LABEL = "Ne plus être informé des mises à jour"


def follow_url(resource):
    return resource.url + "suivre/"


def messages_of(response):
    """Messages waiting for the next page (none of the pages here shows them yet)."""
    return [str(message) for message in get_messages(response.wsgi_request)]


class FollowViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.resource = ResourcePageFactory(parent=cls.base, title="Fiche : créer sa boîte mail")
        cls.member = BaseMembershipFactory(base=cls.base, role=Role.CONTRIBUTOR).user
        cls.registered = UserFactory()
        cls.private_base = BasePageFactory(title="Base interne", visibility=Visibility.PRIVATE)
        cls.private_resource = ResourcePageFactory(parent=cls.private_base, title="Protocole")
        cls.private_member = BaseMembershipFactory(base=cls.private_base).user

    def test_anonymous_is_sent_to_log_in_and_nothing_is_created(self):
        response = self.client.post(follow_url(self.resource), {"action": "follow"})
        self.assertRedirects(
            response,
            f"/compte/connexion/?next={quote(self.resource.url)}",
            fetch_redirect_response=False,
        )
        self.assertFalse(Follow.objects.exists())

    def test_anonymous_sees_a_login_link_instead_of_the_button(self):
        text = page_text(self.client.get(self.resource.url))
        self.assertIn("Connectez-vous pour être informé des mises à jour", text)
        self.assertNotIn(UNFOLLOW_LABEL, text)

    def test_get_is_not_allowed(self):
        self.client.force_login(self.registered)
        response = self.client.get(follow_url(self.resource))
        self.assertEqual(response.status_code, 405)
        self.assertFalse(Follow.objects.exists())

    def test_csrf_token_is_required(self):
        self.client.handler.enforce_csrf_checks = True
        self.client.force_login(self.registered)
        response = self.client.post(follow_url(self.resource), {"action": "follow"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Follow.objects.exists())

    def test_registered_user_follows_then_unfollows_a_public_resource(self):
        for user in (self.registered, self.member):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                page = self.client.get(self.resource.url)
                self.assertIn(FOLLOW_LABEL, page_text(page))
                self.assertNotIn(UNFOLLOW_LABEL, page_text(page))

                response = self.client.post(follow_url(self.resource), {"action": "follow"})
                self.assertRedirects(response, self.resource.url, fetch_redirect_response=False)
                self.assertEqual(
                    messages_of(response)[-1],
                    "Vous serez informé des mises à jour de cette ressource.",
                )
                self.assertTrue(Follow.objects.filter(user=user, page=self.resource).exists())
                self.assertIn(UNFOLLOW_LABEL, page_text(self.client.get(self.resource.url)))

                response = self.client.post(follow_url(self.resource), {"action": "unfollow"})
                self.assertRedirects(response, self.resource.url, fetch_redirect_response=False)
                self.assertEqual(messages_of(response)[-1], "Vous ne suivez plus cette ressource.")
                self.assertFalse(Follow.objects.filter(user=user, page=self.resource).exists())
                text = page_text(self.client.get(self.resource.url))
                self.assertIn(FOLLOW_LABEL, text)
                self.assertNotIn(UNFOLLOW_LABEL, text)

    def test_following_twice_keeps_one_follow(self):
        self.client.force_login(self.registered)
        self.client.post(follow_url(self.resource), {"action": "follow"})
        response = self.client.post(follow_url(self.resource), {"action": "follow"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Follow.objects.filter(user=self.registered).count(), 1)

    def test_unfollowing_what_one_does_not_follow_is_harmless(self):
        other = UserFactory()
        Follow.objects.create(user=other, page=self.resource)
        self.client.force_login(self.registered)
        response = self.client.post(follow_url(self.resource), {"action": "unfollow"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Follow.objects.filter(user=other).exists())

    def test_unknown_action_is_a_400_in_french(self):
        self.client.force_login(self.registered)
        for data in ({"action": "supprimer"}, {}):
            with self.subTest(data=data):
                response = self.client.post(follow_url(self.resource), data)
                self.assertEqual(response.status_code, 400)
                self.assertIn("Action inconnue", response.content.decode())
        self.assertFalse(Follow.objects.exists())

    def test_private_base_resource_is_404_to_non_members(self):
        outsider = self.member  # a member of another base
        for user in (outsider, self.registered):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.post(follow_url(self.private_resource), {"action": "follow"})
                self.assertEqual(response.status_code, 404)
        self.assertFalse(Follow.objects.exists())

    def test_private_base_resource_anonymous_is_404_not_a_login_redirect(self):
        response = self.client.post(follow_url(self.private_resource), {"action": "follow"})
        self.assertEqual(response.status_code, 404)

    def test_private_base_member_can_follow(self):
        self.client.force_login(self.private_member)
        response = self.client.post(follow_url(self.private_resource), {"action": "follow"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(
            Follow.objects.filter(user=self.private_member, page=self.private_resource).exists()
        )

    def test_resource_of_an_unpublished_base_cannot_be_followed(self):
        self.base.unpublish()
        self.client.force_login(self.registered)
        response = self.client.post(follow_url(self.resource), {"action": "follow"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Follow.objects.exists())


class NewVersionNotificationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.resource = ResourcePageFactory(parent=cls.base, title="Fiche : créer sa boîte mail")
        cls.editor = BaseMembershipFactory(base=cls.base, role=Role.ADMIN).user
        cls.member_follower = BaseMembershipFactory(base=cls.base).user
        cls.reader = UserFactory()
        cls.bystander = UserFactory()
        for user in (cls.editor, cls.member_follower, cls.reader):
            Follow.objects.create(user=user, page=cls.resource)

        cls.private_base = BasePageFactory(title="Base interne", visibility=Visibility.PRIVATE)
        cls.private_resource = ResourcePageFactory(parent=cls.private_base, title="Protocole")
        cls.private_editor = BaseMembershipFactory(base=cls.private_base, role=Role.ADMIN).user
        cls.former_membership = BaseMembershipFactory(base=cls.private_base)
        cls.former_member = cls.former_membership.user
        cls.current_member = BaseMembershipFactory(base=cls.private_base).user
        for user in (cls.former_member, cls.current_member):
            Follow.objects.create(user=user, page=cls.private_resource)

    def publish(self, resource, user, changes=("Ajout d'une fiche",)):
        page_obj = ResourcePage.objects.get(pk=resource.pk)
        page_obj.summary = "Un résumé revu et complété."
        with self.captureOnCommitCallbacks(execute=True):
            return versioning.publish(page_obj, user, list(changes), major=False)

    def test_followers_get_a_notification_and_an_email(self):
        version = self.publish(self.resource, self.editor, ["Ajout d'une fiche", "Liens revus"])
        self.assertEqual(version.number, "1.1")
        absolute = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + version.url
        self.assertTrue(absolute.startswith("http"))

        for user in (self.member_follower, self.reader):
            with self.subTest(user=user.username):
                notification = Notification.objects.get(recipient=user)
                self.assertEqual(notification.kind, "new_version")
                self.assertIn("1.1", notification.subject)
                self.assertIn("Fiche : créer sa boîte mail", notification.subject)
                self.assertIn("Ajout d'une fiche", notification.message)
                self.assertIn("Liens revus", notification.message)
                self.assertEqual(notification.url, version.url)
                self.assertIsNone(notification.read_at)

        self.assertEqual(len(mail.outbox), 2)
        by_recipient = {message.to[0]: message for message in mail.outbox}
        self.assertEqual(set(by_recipient), {self.member_follower.email, self.reader.email})
        message = by_recipient[self.reader.email]
        self.assertTrue(message.subject.startswith("[Bases communes] "))
        self.assertIn("nouvelle version 1.1", message.subject)
        self.assertNotIn("\n", message.subject)
        self.assertIn("Ajout d'une fiche", message.body)
        self.assertIn("Liens revus", message.body)
        self.assertIn(absolute, message.body)
        # Why they receive it, and how to stop.
        self.assertIn("parce que vous suivez cette ressource", message.body)
        self.assertIn(UNFOLLOW_LABEL, message.body)
        notifications_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/compte/notifications/"
        self.assertIn(notifications_url, message.body)

    def test_the_publisher_does_not_notify_themself(self):
        self.publish(self.resource, self.editor)
        self.assertFalse(Notification.objects.filter(recipient=self.editor).exists())
        self.assertNotIn(self.editor.email, [m.to[0] for m in mail.outbox])

    def test_people_who_do_not_follow_get_nothing(self):
        self.publish(self.resource, self.editor)
        self.assertFalse(Notification.objects.filter(recipient=self.bystander).exists())

    def test_unfollowed_resource_sends_nothing_more(self):
        self.client.force_login(self.reader)
        self.client.post(follow_url(self.resource), {"action": "unfollow"})
        self.publish(self.resource, self.editor)
        self.assertFalse(Notification.objects.filter(recipient=self.reader).exists())
        self.assertNotIn(self.reader.email, [m.to[0] for m in mail.outbox])

    def test_deactivated_follower_gets_nothing(self):
        self.reader.is_active = False
        self.reader.save()
        self.publish(self.resource, self.editor)
        self.assertFalse(Notification.objects.filter(recipient=self.reader).exists())
        self.assertEqual([m.to[0] for m in mail.outbox], [self.member_follower.email])

    def test_someone_who_lost_access_to_a_private_base_gets_nothing(self):
        self.former_membership.delete()
        self.publish(self.private_resource, self.private_editor)
        self.assertFalse(Notification.objects.filter(recipient=self.former_member).exists())
        self.assertTrue(Notification.objects.filter(recipient=self.current_member).exists())
        self.assertEqual([m.to[0] for m in mail.outbox], [self.current_member.email])
        self.assertNotIn("Protocole", "".join(m.subject + m.body for m in mail.outbox[1:]))

    def test_notification_shows_on_the_notifications_page_with_the_change_lines(self):
        version = self.publish(self.resource, self.editor)
        self.client.force_login(self.reader)
        response = self.client.get("/compte/notifications/")
        text = page_text(response)
        self.assertIn("nouvelle version 1.1", text)
        self.assertIn("Ajout d'une fiche", text)
        self.assertIn("Nouveau", text)
        self.assertContains(response, f'href="{version.url}"')
        self.assertIn("Mes notifications (1 non lue", text)

    def test_nothing_is_sent_when_the_publication_is_rolled_back(self):
        from django.db import transaction

        page_obj = ResourcePage.objects.get(pk=self.resource.pk)
        page_obj.summary = "Une modification abandonnée."
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            try:
                with transaction.atomic():
                    versioning.publish(page_obj, self.editor, ["Abandonnée"])
                    raise RuntimeError
            except RuntimeError:
                pass
        self.assertEqual(callbacks, [])
        self.assertEqual(mail.outbox, [])
