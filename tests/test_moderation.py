"""« Signaler » a resource, and the moderators' queue in the Wagtail admin (« Signalements »)."""

from urllib.parse import quote

from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from accounts.models import Notification
from base.models import Role, Visibility
from ressources import moderation
from ressources.models import Report, ReportReason, ReportStatus, ResourcePage
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup

QUEUE_URL = "/admin/report/"


def report_url(resource):
    return resource.url + "signaler/"


def resolve_url(report):
    return f"/admin/report/edit/{report.pk}/"


def moderator_account(**kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=moderation.MODERATORS_GROUP))
    return user


class ReportFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.resource = ResourcePageFactory(parent=cls.base, title="Fiche : créer sa boîte mail")
        cls.reporter = UserFactory()
        cls.moderator = moderator_account()
        cls.private_base = BasePageFactory(title="Base interne", visibility=Visibility.PRIVATE)
        cls.private_resource = ResourcePageFactory(parent=cls.private_base)

    def post_report(self, resource=None, **data):
        payload = {"reason": ReportReason.OBSOLETE, "comment": "Le site cité a fermé en 2024."}
        payload.update(data)
        return self.client.post(report_url(resource or self.resource), payload)

    def test_every_resource_page_offers_to_report(self):
        self.client.force_login(self.reporter)
        page = soup(self.client.get(self.resource.url))
        self.assertIsNotNone(page.find("a", href=report_url(self.resource)))

    def test_anonymous_is_sent_to_log_in(self):
        for method in (self.client.get, self.client.post):
            response = method(report_url(self.resource), {"reason": "obsolete", "comment": "x"})
            self.assertRedirects(
                response,
                f"/compte/connexion/?next={quote(report_url(self.resource))}",
                fetch_redirect_response=False,
            )
        self.assertFalse(Report.objects.exists())

    def test_private_resource_cannot_be_reported_by_outsiders(self):
        self.client.force_login(self.reporter)
        self.assertEqual(self.client.get(report_url(self.private_resource)).status_code, 404)
        self.assertEqual(self.post_report(self.private_resource).status_code, 404)
        self.assertFalse(Report.objects.exists())

    def test_report_is_recorded_confirmed_and_sent_to_moderators(self):
        self.client.force_login(self.reporter)
        form = soup(self.client.get(report_url(self.resource))).find("form", id="report-form")
        reasons = [label.get_text(strip=True) for label in form.select(".fr-radio-group label")]
        self.assertEqual(
            reasons,
            [
                "Contenu inapproprié",
                "Contenu obsolète",
                "Contient des erreurs",
                "Doublon d'une autre ressource",
            ],
        )
        self.assertFalse(Report.objects.exists())  # GET

        response = self.post_report(
            reason=ReportReason.DUPLICATE, duplicate_of="https://example.org/original/"
        )
        self.assertRedirects(response, self.resource.url, fetch_redirect_response=False)
        report = Report.objects.get()
        self.assertEqual(
            (report.reporter, report.reason, report.status, report.duplicate_of),
            (self.reporter, "doublon", "open", "https://example.org/original/"),
        )
        self.assertIn(
            "Merci : votre signalement a été transmis aux modérateurs",
            page_text(self.client.get(self.resource.url)),
        )
        notification = Notification.objects.get(recipient=self.moderator)
        self.assertEqual(notification.url, resolve_url(report))
        self.assertEqual(
            PageLogEntry.objects.filter(page=self.resource, action=moderation.REPORT).count(), 1
        )

    def test_comment_is_required_and_nothing_typed_is_lost(self):
        self.client.force_login(self.reporter)
        response = self.post_report(comment="   ", duplicate_of="pas une adresse")
        self.assertEqual(response.status_code, 400)
        text = page_text(response)
        self.assertIn("Expliquez en quelques mots ce qui pose problème.", text)
        self.assertIn("Indiquez une adresse web complète", text)
        self.assertIn('value="pas une adresse"', response.content.decode())
        self.assertFalse(Report.objects.exists())

    def test_one_open_report_per_person_and_resource(self):
        self.client.force_login(self.reporter)
        self.post_report()
        response = self.client.get(report_url(self.resource))
        self.assertIn("Vous avez déjà signalé cette ressource", page_text(response))
        self.post_report(reason=ReportReason.ERRORS)
        self.assertEqual(Report.objects.count(), 1)
        # Someone else may still report it.
        self.client.force_login(UserFactory())
        self.post_report()
        self.assertEqual(Report.objects.count(), 2)

    def test_rate_limit_on_open_reports(self):
        for _ in range(moderation.MAX_OPEN_REPORTS):
            Report.objects.create(
                resource=ResourcePageFactory(parent=self.base),
                reporter=self.reporter,
                reason=ReportReason.ERRORS,
                comment="Erreur",
            )
        self.client.force_login(self.reporter)
        response = self.post_report(comment="Encore un")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Vous avez déjà 10 signalements en cours d'examen", page_text(response))
        self.assertIn("Encore un", response.content.decode())
        self.assertFalse(Report.objects.filter(resource=self.resource).exists())

    def test_csrf_is_required(self):
        self.client.handler.enforce_csrf_checks = True
        self.client.force_login(self.reporter)
        self.assertEqual(self.post_report().status_code, 403)
        self.assertFalse(Report.objects.exists())


class ModerationQueueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.base_admin = BaseMembershipFactory(base=cls.base, role=Role.ADMIN).user
        cls.resource = ResourcePageFactory(parent=cls.base, title="Guide des démarches 2019")
        cls.other_resource = ResourcePageFactory(parent=cls.base, title="Fiche en double")
        cls.reporter = UserFactory()
        cls.second_reporter = UserFactory()
        cls.moderator = moderator_account()
        cls.registered = UserFactory()
        cls.obsolete = Report.objects.create(
            resource=cls.resource,
            reporter=cls.reporter,
            reason=ReportReason.OBSOLETE,
            comment="Les démarches ont changé en 2023.",
        )
        cls.second = Report.objects.create(
            resource=cls.resource,
            reporter=cls.second_reporter,
            reason=ReportReason.ERRORS,
            comment="Le numéro de téléphone est faux.",
        )
        cls.duplicate = Report.objects.create(
            resource=cls.other_resource,
            reporter=cls.reporter,
            reason=ReportReason.DUPLICATE,
            comment="Reprend la fiche du Hub NUMI.",
            duplicate_of="https://example.org/fiche/",
        )
        cls.closed = Report.objects.create(
            resource=cls.other_resource,
            reporter=cls.second_reporter,
            reason=ReportReason.INAPPROPRIATE,
            comment="Ancien signalement.",
            status=ReportStatus.DISMISSED,
        )

    def queue_rows(self, response):
        return [row.get_text(" ", strip=True) for row in soup(response).select("tbody tr")]

    # Who may see the queue --------------------------------------------------------------------

    def test_moderator_sees_open_reports_newest_first_with_links(self):
        self.client.force_login(self.moderator)
        response = self.client.get(QUEUE_URL)
        self.assertEqual(response.status_code, 200)
        rows = self.queue_rows(response)
        self.assertEqual(len(rows), 3)  # the dismissed one is not left to do
        self.assertIn("Doublon d'une autre ressource", rows[0])
        self.assertIn("Fiche en double", rows[0])
        self.assertIn("Base du Hub", rows[0])
        page = soup(response)
        self.assertIsNotNone(page.find("a", href=resolve_url(self.duplicate)))
        self.assertIsNotNone(page.find("a", href=self.other_resource.url))
        self.assertIsNotNone(page.find("a", href=self.base.url))

    def test_filters_by_reason_and_status(self):
        self.client.force_login(self.moderator)
        rows = self.queue_rows(self.client.get(QUEUE_URL, {"reason": "obsolete"}))
        self.assertEqual(len(rows), 1)
        self.assertIn("Guide des démarches 2019", rows[0])
        rows = self.queue_rows(self.client.get(QUEUE_URL, {"status": "dismissed"}))
        self.assertEqual(len(rows), 1)
        self.assertIn("Classé sans suite", rows[0])
        self.assertEqual(len(self.queue_rows(self.client.get(QUEUE_URL, {"status": "all"}))), 4)
        # A hostile filter value is ignored, not a 500.
        self.assertEqual(self.client.get(QUEUE_URL, {"status": "<script>"}).status_code, 200)

    def test_menu_item_only_for_moderators(self):
        self.client.force_login(self.moderator)
        self.assertIn("Signalements", self.client.get("/admin/").content.decode())
        self.client.force_login(self.base_admin)
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Signalements", response.content.decode())

    def test_base_admin_cannot_see_or_act_on_the_queue(self):
        self.client.force_login(self.base_admin)
        self.assertEqual(self.client.get(QUEUE_URL).status_code, 403)
        self.assertEqual(self.client.get(resolve_url(self.obsolete)).status_code, 403)
        response = self.client.post(
            resolve_url(self.obsolete), {"resolution": "unpublish", "note": "Forgé"}
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(
            self.client.post(f"/admin/report/delete/{self.obsolete.pk}/").status_code, 403
        )
        self.obsolete.refresh_from_db()
        self.assertEqual(self.obsolete.status, ReportStatus.OPEN)
        self.assertTrue(ResourcePage.objects.get(pk=self.resource.pk).live)

    def test_registered_person_without_admin_access_is_turned_away(self):
        self.client.force_login(self.registered)
        response = self.client.post(
            resolve_url(self.obsolete), {"resolution": "dismiss", "note": "x"}
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/compte/connexion/", response["Location"])
        self.obsolete.refresh_from_db()
        self.assertEqual(self.obsolete.status, ReportStatus.OPEN)

    # Resolutions --------------------------------------------------------------------------

    def test_detail_shows_the_report_and_get_changes_nothing(self):
        self.client.force_login(self.moderator)
        response = self.client.get(resolve_url(self.duplicate))
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Reprend la fiche du Hub NUMI.", text)
        self.assertIn("https://example.org/fiche/", text)
        self.assertIn("Dépublier la ressource", text)
        self.duplicate.refresh_from_db()
        self.assertEqual(self.duplicate.status, ReportStatus.OPEN)

    def test_unpublish_closes_the_resource_reports_and_tells_everyone(self):
        self.client.force_login(self.moderator)
        response = self.client.post(
            resolve_url(self.obsolete), {"resolution": "unpublish", "note": "Trop ancien."}
        )
        self.assertRedirects(response, QUEUE_URL, fetch_redirect_response=False)
        resource = ResourcePage.objects.get(pk=self.resource.pk)
        self.assertFalse(resource.live)
        self.assertEqual(self.client.get(self.resource.url).status_code, 404)
        for report in (self.obsolete, self.second):
            report.refresh_from_db()
            self.assertEqual(report.status, ReportStatus.UNPUBLISHED)
            self.assertEqual(report.resolved_by, self.moderator)
            self.assertIsNotNone(report.resolved_at)
        actions = list(
            PageLogEntry.objects.filter(page=self.resource).values_list("action", "user")
        )
        self.assertIn(("wagtail.unpublish", self.moderator.pk), actions)
        self.assertIn((moderation.RESOLVE_UNPUBLISH, self.moderator.pk), actions)
        for reporter in (self.reporter, self.second_reporter):
            notification = Notification.objects.get(recipient=reporter, kind="report_resolved")
            self.assertIn("dépubliée", notification.message)
        to_admin = Notification.objects.get(recipient=self.base_admin, kind="report_base")
        self.assertIn("dépubliée par la modération", to_admin.subject)
        self.assertIn("Trop ancien.", to_admin.message)
        self.assertNotIn(self.reporter.display_name, to_admin.message)
        # The other resource's report is untouched.
        self.duplicate.refresh_from_db()
        self.assertEqual(self.duplicate.status, ReportStatus.OPEN)

    def test_contact_the_base_needs_a_message(self):
        self.client.force_login(self.moderator)
        response = self.client.post(resolve_url(self.duplicate), {"resolution": "contact"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Écrivez le message à envoyer", page_text(response))
        self.assertFalse(Notification.objects.exists())

        self.client.post(
            resolve_url(self.duplicate),
            {"resolution": "contact", "note": "Pouvez-vous fusionner les deux fiches ?"},
        )
        self.duplicate.refresh_from_db()
        self.assertEqual(self.duplicate.status, ReportStatus.BASE_CONTACTED)
        self.assertTrue(ResourcePage.objects.get(pk=self.other_resource.pk).live)
        to_admin = Notification.objects.get(recipient=self.base_admin)
        self.assertIn("Pouvez-vous fusionner les deux fiches ?", to_admin.message)
        self.assertIn("https://example.org/fiche/", to_admin.message)
        self.assertTrue(Notification.objects.filter(recipient=self.reporter).exists())
        self.assertTrue(
            PageLogEntry.objects.filter(
                page=self.other_resource, action=moderation.RESOLVE_CONTACT, user=self.moderator
            ).exists()
        )

    def test_dismiss_needs_a_reason_sent_to_the_reporter(self):
        self.client.force_login(self.moderator)
        response = self.client.post(
            resolve_url(self.obsolete), {"resolution": "dismiss", "note": " "}
        )
        self.assertIn("Indiquez le motif du classement sans suite.", page_text(response))
        self.client.post(
            resolve_url(self.obsolete),
            {"resolution": "dismiss", "note": "La fiche a été mise à jour hier."},
        )
        self.obsolete.refresh_from_db()
        self.assertEqual(self.obsolete.status, ReportStatus.DISMISSED)
        self.assertEqual(self.obsolete.resolution_note, "La fiche a été mise à jour hier.")
        self.second.refresh_from_db()
        self.assertEqual(self.second.status, ReportStatus.OPEN)  # only this one
        message = Notification.objects.get(recipient=self.reporter).message
        self.assertIn("La fiche a été mise à jour hier.", message)
        self.assertTrue(
            Notification.objects.filter(recipient=self.base_admin, kind="report_base").exists()
        )
        entry = PageLogEntry.objects.get(page=self.resource, action=moderation.RESOLVE_DISMISS)
        self.assertEqual(entry.user, self.moderator)

    def test_a_closed_report_cannot_be_resolved_again(self):
        self.client.force_login(self.moderator)
        response = self.client.post(resolve_url(self.closed), {"resolution": "unpublish"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ResourcePage.objects.get(pk=self.other_resource.pk).live)
        self.assertFalse(Notification.objects.exists())
        self.assertNotIn(
            "Enregistrer la décision", page_text(self.client.get(resolve_url(self.closed)))
        )

    def test_resolve_form_requires_csrf(self):
        self.client.handler.enforce_csrf_checks = True
        self.client.force_login(self.moderator)
        response = self.client.post(
            resolve_url(self.obsolete), {"resolution": "dismiss", "note": "x"}
        )
        self.assertEqual(response.status_code, 403)
        self.obsolete.refresh_from_db()
        self.assertEqual(self.obsolete.status, ReportStatus.OPEN)

    def test_audit_log_labels_are_french(self):
        self.assertEqual(
            str(log_registry.get_action_label(moderation.RESOLVE_UNPUBLISH)),
            "Signalement traité : ressource dépubliée",
        )
        self.assertEqual(
            str(log_registry.get_action_label(moderation.RESOLVE_DISMISS)),
            "Signalement classé sans suite",
        )
