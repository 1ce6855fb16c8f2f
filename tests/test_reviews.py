"""Avis: « Cette ressource vous a-t-elle été utile ? » — who may give one, one per person and
resource, answers by authors and base admins, reports and moderation, figures only once there
are enough, and a base that turns them off."""

from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from base.models import Role, Visibility
from ressources import moderation, reviews
from ressources.models import Report, ReportStatus, ResourceReview
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup


def give(resource, usefulness, comment=""):
    return ResourceReview.objects.create(
        resource=resource, author=UserFactory(), usefulness=usefulness, comment=comment
    )


class ReviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.admin = BaseMembershipFactory(base=cls.base, role=Role.ADMIN).user
        cls.resource = ResourcePageFactory(parent=cls.base, title="Fiche : la carte Vitale")
        cls.author = UserFactory(first_name="Inès", last_name="Roux")
        ResourceCreditFactory(resource=cls.resource, user=cls.author, name="Inès Roux")
        cls.reader = UserFactory()
        cls.url = cls.resource.url + "avis/"

    def post(self, user, data, url=None):
        self.client.force_login(user)
        return self.client.post(url or self.url, data)

    def test_a_reader_gives_then_changes_their_avis(self):
        self.client.force_login(self.reader)
        page = soup(self.client.get(self.resource.url))
        self.assertIn("Cette ressource vous a-t-elle été utile ?", page.find(id="avis").get_text())
        with self.captureOnCommitCallbacks(execute=True):
            response = self.post(self.reader, {"usefulness": "4", "comment": "Parfait en atelier."})
        self.assertRedirects(response, self.resource.url + "#avis", fetch_redirect_response=False)
        review = ResourceReview.objects.get()
        self.assertEqual((review.usefulness, review.comment), (4, "Parfait en atelier."))
        # The base's admins and the credited author hear of a commented avis.
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), sorted([self.admin.email, self.author.email])
        )
        # Giving it again changes it: one avis per person and resource.
        self.post(self.reader, {"usefulness": "3", "comment": ""})
        self.assertEqual(ResourceReview.objects.count(), 1)
        self.assertEqual(ResourceReview.objects.get().usefulness, 3)
        self.assertIn("Modifier mon avis", page_text(self.client.get(self.resource.url)))

    def test_figures_show_once_there_are_enough(self):
        give(self.resource, 4)
        give(self.resource, 3)
        text = page_text(self.client.get(self.resource.url))
        self.assertNotIn("Utile pour", text)
        self.assertIn("2 avis : la note s'affiche à partir de 3.", text)
        give(self.resource, 1)
        text = page_text(self.client.get(self.resource.url))
        self.assertIn("Utile pour 67 % des lecteurs", text)
        self.assertIn("note moyenne 2,7 sur 4", text)
        # Cards say it too (the base's resources tab).
        self.assertIn("Utile pour 67 % (3 avis)", page_text(self.client.get(self.base.url)))

    def test_refusals(self):
        # Not logged in: to the log-in page, nothing stored.
        response = self.client.post(self.url, {"usefulness": "4"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("/compte/connexion/", response.url)
        # An author does not rate their own work.
        response = self.post(self.author, {"usefulness": "4"})
        self.assertEqual(response.status_code, 403)
        self.assertIn("Vous ne pouvez pas donner d'avis sur cette ressource.", page_text(response))
        # A value off the scale, a comment too long: French errors, what was typed is kept.
        response = self.post(self.reader, {"usefulness": "9", "comment": "Bien."})
        self.assertEqual(response.status_code, 400)
        self.assertIn("Bien.", soup(response).find("textarea").text)
        response = self.post(self.reader, {"usefulness": "3", "comment": "x" * 2001})
        self.assertIn("ne doit pas dépasser 2 000 caractères", page_text(response))
        self.assertFalse(ResourceReview.objects.exists())

    def test_a_private_base_s_resource_takes_avis_from_its_readers_only(self):
        private = BasePageFactory(visibility=Visibility.PRIVATE)
        member = BaseMembershipFactory(base=private).user
        resource = ResourcePageFactory(parent=private)
        url = resource.url + "avis/"
        self.assertEqual(self.post(self.reader, {"usefulness": "4"}, url).status_code, 404)
        self.assertEqual(self.post(member, {"usefulness": "4"}, url).status_code, 302)

    def test_a_base_may_turn_avis_off(self):
        give(self.resource, 4, "Très bien.")
        self.base.reviews_enabled = False
        self.base.save_revision().publish()
        response = self.post(self.reader, {"usefulness": "2"})
        self.assertEqual(response.status_code, 403)
        self.assertIsNone(soup(self.client.get(self.resource.url)).find(id="avis"))

    def test_the_author_and_the_base_admins_answer(self):
        review = give(self.resource, 2, "Il manque la démarche en ligne.")
        answer_url = self.url + f"{review.pk}/repondre/"
        with self.captureOnCommitCallbacks(execute=True):
            self.post(
                self.author, {"answer": "Merci, c'est ajouté dans la version 1.1."}, answer_url
            )
        review.refresh_from_db()
        self.assertEqual(review.answered_by, self.author)
        self.assertIn("Réponse à votre avis", mail.outbox[-1].subject)
        self.assertIn("c'est ajouté dans la version 1.1", page_text(self.client.get(self.url)))
        # Nobody else.
        self.assertEqual(
            self.post(self.reader, {"answer": "Moi aussi"}, answer_url).status_code, 404
        )
        self.assertEqual(self.post(self.admin, {"answer": "Vu."}, answer_url).status_code, 302)

    def test_an_avis_reported_and_hidden_by_the_moderators(self):
        review = give(self.resource, 1, "Propos injurieux.")
        moderator = UserFactory()
        moderator.groups.add(Group.objects.get(name="Modérateurs"))
        report_url = self.url + f"{review.pk}/signaler/"
        self.client.force_login(self.reader)
        self.assertIn("Signaler cet avis", page_text(self.client.get(self.url)))
        response = self.post(
            self.reader, {"reason": "inapproprie", "comment": "Insultant."}, report_url
        )
        self.assertEqual(response.status_code, 302)
        report = Report.objects.get()
        self.assertEqual(report.review, review)
        # A second report of the same avis by the same person is refused, a report of the
        # resource itself is still possible.
        again = self.post(self.reader, {"reason": "inapproprie", "comment": "Encore."}, report_url)
        self.assertIn("Vous avez déjà signalé cet avis", page_text(again))
        moderation.create_report(self.reader, self.resource, reason="obsolete", comment="Vieux.")

        self.client.force_login(moderator)
        form = self.client.get(reverse("report:edit", args=[report.pk]))
        self.assertIn("Masquer l'avis", page_text(form))
        self.assertNotIn("Dépublier la ressource", page_text(form))
        moderation.resolve(report, moderator, moderation.Resolution.HIDE_REVIEW)
        review.refresh_from_db()
        self.assertTrue(review.hidden)
        report.refresh_from_db()
        self.assertEqual(report.status, ReportStatus.REVIEW_HIDDEN)
        self.assertTrue(self.resource.__class__.objects.get(pk=self.resource.pk).live)
        self.assertNotIn("Propos injurieux.", page_text(self.client.get(self.url)))
        with self.assertRaises(moderation.ReportRefused):
            other = Report.objects.get(review__isnull=True)
            moderation.resolve(other, moderator, moderation.Resolution.HIDE_REVIEW)

    def test_the_daily_cap(self):
        self.client.force_login(self.reader)
        for _ in range(reviews.DAILY_LIMIT):
            ResourceReview.objects.create(
                resource=ResourcePageFactory(parent=self.base), author=self.reader, usefulness=3
            )
        response = self.post(self.reader, {"usefulness": "4"})
        self.assertEqual(response.status_code, 429)
        self.assertIn("beaucoup d'avis aujourd'hui", page_text(response))
