"""The tracking of the label NEC: figures computed by the database match the data worked out by
hand; the reviewers' dashboard is theirs only; the public page shows aggregates, no name."""

from unittest import mock

from django.test import TestCase, override_settings

from label import stats
from label.stats import OrmLabelStats
from tests.factories import BaseMembershipFactory, UserFactory
from tests.helpers import page_text, soup
from tests.label_stats_data import (
    EXPECTED_BY_STATUS,
    EXPECTED_CRITERIA_MET,
    EXPECTED_DECIDED,
    EXPECTED_DECIDED_PER_MONTH,
    EXPECTED_EXPIRING,
    EXPECTED_MEDIAN,
    EXPECTED_REVIEW_DAYS,
    EXPECTED_SPLITS,
    EXPECTED_SUBMITTED_PER_MONTH,
    TODAY,
    build_label_data,
)

DASHBOARD = "/admin/label-nec/suivi/"
PUBLIC = "/label-nec/suivi/"


def reviewer():
    """A member of « Instructeurs du label NEC » (label.review_labelrequest, admin access)."""
    from tests.label_factories import make_reviewer

    return make_reviewer()


def today():
    return mock.patch("label.stats.timezone.localdate", return_value=TODAY)


@override_settings(ELASTICSEARCH_URL="")
class FiguresTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_label_data()

    def test_the_database_figures_are_the_ones_worked_out_by_hand(self):
        figures = OrmLabelStats().figures(TODAY)
        self.assertEqual(figures.by_status, EXPECTED_BY_STATUS)
        self.assertEqual(figures.submitted_per_month, EXPECTED_SUBMITTED_PER_MONTH)
        self.assertEqual(figures.decided_per_month, EXPECTED_DECIDED_PER_MONTH)
        self.assertEqual(figures.review_days, EXPECTED_REVIEW_DAYS)
        self.assertEqual(figures.median_review_days, EXPECTED_MEDIAN)
        self.assertEqual(figures.decided, EXPECTED_DECIDED)
        self.assertEqual(figures.criteria_met, EXPECTED_CRITERIA_MET)
        splits = {
            key: {value: (s.submitted, s.decided, s.obtained) for value, s in values.items()}
            for key, values in figures.splits.items()
        }
        self.assertEqual(splits, EXPECTED_SPLITS)
        self.assertEqual(figures.expiring_soon, EXPECTED_EXPIRING)
        rates = {
            criterion.value: percent for criterion, _met, _total, percent in figures.pass_rates
        }
        self.assertEqual(rates["accessible"], 100.0)
        self.assertEqual(rates["documente"], 83.3)
        self.assertEqual(rates["sobre"], 50.0)

    def test_the_expiry_window_moves_with_today(self):
        # On 16 December, I (15 December) has passed; A (1 February) is still within 90 days.
        from datetime import date

        self.assertEqual(OrmLabelStats().figures(date(2026, 12, 16)).expiring_soon, 1)

    def test_without_elasticsearch_the_database_answers(self):
        self.assertIsInstance(stats.get_label_stats(), OrmLabelStats)
        self.assertFalse(stats.compute_figures(TODAY).fallback)

    def test_public_page_shows_aggregates_and_no_name(self):
        with today():
            response = self.client.get(PUBLIC)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Durée médiane entre le premier dépôt et la décision : 32,5 jours", text)
        self.assertIn("2 labels en cours de validité arrivent à échéance", text)
        # A chart per figure, each an accessible picture of the table next to it.
        page = soup(response)
        charts = page.select("svg[role=img]")
        self.assertGreaterEqual(len(charts), 6)
        for chart in charts:
            self.assertTrue(chart.title.get_text().strip())
            self.assertTrue(chart.desc.get_text().strip())
        self.assertFalse(page.select("script[src^=http]"))
        statuses = page.find("caption", string="Demandes par statut").find_parent("table")
        rows = {
            tr.th.get_text(strip=True): tr.td.get_text(strip=True)
            for tr in statuses.tbody.find_all("tr")
        }
        self.assertEqual(rows["Labellisée"], "3")
        self.assertEqual(rows["Refusée"], "2")
        self.assertNotIn("Brouillon", rows)
        months = page.find("caption", string="Demandes déposées et décisions par mois")
        march = months.find_parent("table").find("th", string="mars 2026").find_parent("tr")
        self.assertEqual([td.get_text() for td in march.find_all("td")], ["2", "2"])
        region = page.select_one("table[data-split=region]")
        row = region.find("th", string="Auvergne-Rhône-Alpes").find_parent("tr")
        self.assertEqual([td.get_text() for td in row.find_all("td")], ["4", "3", "2"])
        for name in ("Association Alpha", "Association Epsilon", "GIP Zêta", "Dispositif A"):
            self.assertNotIn(name, text)
        self.assertNotIn("NEC-20", text)

    def test_dashboard_for_a_reviewer_names_the_labels_expiring_soon(self):
        self.client.force_login(reviewer())
        with today():
            response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Durée médiane entre le premier dépôt et la décision : 32,5 jours", text)
        expiring = soup(response).find("caption", string=lambda s: s and "échéance" in s)
        rows = [tr.get_text(" ", strip=True) for tr in expiring.find_parent("table").tbody("tr")]
        self.assertEqual(len(rows), 2)
        self.assertIn("Association Iota", rows[0])  # 15 December first
        self.assertIn("15 décembre 2026", rows[0])
        self.assertIn("Association Alpha", rows[1])
        statuses = soup(response).find("caption", string="Demandes par statut").find_parent("table")
        self.assertIn("Brouillon", statuses.get_text())

    def test_a_superuser_sees_the_dashboard_and_its_menu_item(self):
        self.client.force_login(UserFactory(superuser=True))
        self.assertEqual(self.client.get(DASHBOARD).status_code, 200)
        self.assertContains(self.client.get("/admin/"), "Suivi du label NEC")

    def test_the_dashboard_is_refused_to_everyone_else(self):
        base_admin = UserFactory()
        BaseMembershipFactory(user=base_admin, role="admin")
        self.client.force_login(base_admin)
        response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "réservé aux instructeurs du label NEC", status_code=403)
        self.assertNotContains(response, "Association Iota", status_code=403)
        self.assertNotContains(self.client.get("/admin/"), "Suivi du label NEC")

        self.client.force_login(UserFactory())  # registered, no admin access
        response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/compte/connexion/", response["Location"])

        self.client.logout()
        response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/compte/connexion/", response["Location"])


@override_settings(ELASTICSEARCH_URL="")
class EmptyTests(TestCase):
    def test_with_no_request_the_pages_say_so(self):
        response = self.client.get(PUBLIC)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Aucune demande n'a encore été déposée.", text)
        self.assertIn("Aucune décision n'a encore été rendue.", text)
        self.assertIsNone(OrmLabelStats().figures(TODAY).median_review_days)


@override_settings(ELASTICSEARCH_URL="")
class WorkflowTests(TestCase):
    """The figures and the registry follow what label.workflow records, step by step."""

    def test_a_request_through_the_workflow(self):
        from label import workflow
        from tests.factories import ResourcePageFactory
        from tests.label_factories import LabelRequestFactory, make_reviewer
        from tests.label_stats_data import paris

        checker = make_reviewer()
        request = LabelRequestFactory(resource=ResourcePageFactory(title="Mallette NEC"))
        applicant = request.applicant
        request = workflow.submit(request, applicant, at=paris(2026, 1, 31, 23, 30), quiet=True)
        request = workflow.start_review(request, checker, at=paris(2026, 2, 2, 9), quiet=True)
        request = workflow.request_complements(
            request, checker, "Précisez la licence.", at=paris(2026, 2, 3, 9), quiet=True
        )
        request = workflow.submit(request, applicant, at=paris(2026, 2, 10, 9), quiet=True)
        request = workflow.start_review(request, checker, at=paris(2026, 2, 11, 9), quiet=True)
        for assessment in request.assessments.all():
            assessment.verdict = "satisfait" if assessment.criterion != "sobre" else "non_satisfait"
            assessment.save()
        self.assertNotContains(self.client.get("/label-nec/dispositifs-labellises/"), "Mallette")
        request = workflow.grant(request, checker, at=paris(2026, 3, 2, 10), quiet=True)

        figures = OrmLabelStats().figures(TODAY)
        # Counted once, in the month of the first submission; 30 days from 31 January.
        self.assertEqual(figures.submitted_per_month, [("2026-01", 1)])
        self.assertEqual(figures.decided_per_month, [("2026-03", 1)])
        self.assertEqual(figures.review_days, {30: 1})
        self.assertEqual(figures.criteria_met["accessible"], 1)
        self.assertNotIn("sobre", figures.criteria_met)
        self.assertEqual(figures.by_status["labellisee"], 1)
        self.assertContains(self.client.get("/label-nec/dispositifs-labellises/"), "Mallette NEC")
