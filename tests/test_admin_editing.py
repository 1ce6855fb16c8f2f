"""The Wagtail admin's edit form as the browser posts it, autosave included (HTTP level).

Wagtail 8 autosaves a draft revision (a JSON post) after each change; the editor then saves,
publishes or schedules with an ordinary post. static/js/admin_autosave.js makes that post carry
the revision this editing session autosaved; these tests post exactly that, and what another
tab or another person posts (see also tests/test_admin_editing_browser.py, in a real browser).
"""

import datetime

from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from base.models import Role
from ressources.models import ResourcePage
from ressources.versioning import record_version
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
    resource_type,
    theme,
)
from tests.helpers import page_text, resource_form_data, soup

CONFLICT = "Vos modifications n'ont pas été enregistrées"


class AutosaveThenSaveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory()
        cls.resource = ResourcePageFactory(
            parent=cls.base, title="Fiche partagée", slug="fiche-partagee", summary="Avant."
        )
        record_version(cls.resource, cls.resource.latest_revision)
        cls.editor = UserFactory(first_name="Sarah", last_name="Hub")
        BaseMembershipFactory(base=cls.base, user=cls.editor, role=Role.ADMIN)
        cls.other = UserFactory(first_name="Bruno", last_name="Autre")
        BaseMembershipFactory(base=cls.base, user=cls.other, role=Role.ADMIN)
        cls.edit_url = reverse("wagtailadmin_pages:edit", args=(cls.resource.pk,))

    def open_editor(self, user):
        """A tab with the editor open: its client and the revision it was loaded from."""
        client = Client()
        client.force_login(user)
        response = client.get(self.edit_url)
        self.assertEqual(response.status_code, 200)
        page = soup(response)
        tab = {
            "client": client,
            "loaded_revision_id": page.find("input", attrs={"name": "loaded_revision_id"})["value"],
            "loaded_revision_created_at": page.find(
                "input", attrs={"name": "loaded_revision_created_at"}
            )["value"],
            "overwrite_revision_id": None,
        }
        self.assertIn("js/admin_autosave.js", response.content.decode())
        return tab

    def data(self, tab, **fields):
        values = {
            "title": "Fiche partagée",
            "slug": "fiche-partagee",
            "licence": self.resource.licence_id,
            "themes": [theme().pk],
            "resource_types": [resource_type().pk],
            "loaded_revision_id": tab["loaded_revision_id"],
            "loaded_revision_created_at": tab["loaded_revision_created_at"],
        }
        values.update(fields)
        return resource_form_data(**values)

    def autosave(self, tab, **fields):
        """What Wagtail's autosave posts, and what admin_autosave.js keeps of its answer."""
        data = self.data(tab, **fields)
        if tab["overwrite_revision_id"]:
            data["overwrite_revision_id"] = tab["overwrite_revision_id"]
        response = tab["client"].post(self.edit_url, data, HTTP_ACCEPT="application/json")
        answer = response.json()
        if answer["success"]:
            tab["overwrite_revision_id"] = str(answer["revision_id"])
            tab["loaded_revision_id"] = str(answer["revision_id"])
            tab["loaded_revision_created_at"] = answer["revision_created_at"]
        return answer

    def post(self, tab, **fields):
        """An ordinary form post (« Enregistrer le brouillon », « Publier »…)."""
        return tab["client"].post(self.edit_url, self.data(tab, **fields))

    def current(self):
        return ResourcePage.objects.get(pk=self.resource.pk)

    def test_own_autosaves_then_publish(self):
        tab = self.open_editor(self.editor)
        self.assertTrue(self.autosave(tab, summary="Premier jet.")["success"])
        self.assertTrue(self.autosave(tab, summary="Après.")["success"])
        response = self.post(tab, summary="Après.", version_changes="Résumé revu", publish=True)
        self.assertEqual(response.status_code, 302)
        resource = self.current()
        self.assertEqual(resource.summary, "Après.")
        self.assertEqual(resource.current_version.number, "1.1")
        self.assertEqual(resource.current_version.changes, "Résumé revu")

    def test_own_autosave_then_save_draft(self):
        tab = self.open_editor(self.editor)
        self.autosave(tab, summary="Brouillon.")
        response = self.post(tab, summary="Brouillon revu.", version_changes="")
        self.assertEqual(response.status_code, 302)
        resource = self.current()
        self.assertEqual(resource.summary, "Avant.")  # still the published one
        self.assertEqual(resource.get_latest_revision_as_object().summary, "Brouillon revu.")
        self.assertEqual(resource.versions.count(), 1)

    def test_own_autosave_then_schedule(self):
        tab = self.open_editor(self.editor)
        self.autosave(tab, summary="Programmé.")
        go_live_at = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
        response = self.post(
            tab,
            summary="Programmé.",
            version_changes="Résumé programmé",
            go_live_at=go_live_at,
            publish=True,
        )
        self.assertEqual(response.status_code, 302)
        resource = self.current()
        self.assertEqual(resource.summary, "Avant.")
        self.assertIsNotNone(resource.scheduled_revision)
        self.assertEqual(resource.scheduled_revision.as_object().summary, "Programmé.")

    def test_a_long_pause_with_nobody_else_is_no_conflict(self):
        tab = self.open_editor(self.editor)
        self.autosave(tab, summary="Avant la pause.")
        # Hours later, the same tab goes on: more autosaves, then « Publier ».
        self.autosave(tab, summary="Après la pause.")
        response = self.post(tab, summary="Après la pause.", version_changes="Pause", publish=True)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.current().summary, "Après la pause.")

    def test_another_tab_of_the_same_editor_is_a_conflict(self):
        first, second = self.open_editor(self.editor), self.open_editor(self.editor)
        self.assertTrue(self.autosave(first, summary="Onglet 1.")["success"])
        # Wagtail refuses the second tab's autosave…
        answer = self.autosave(second, summary="Onglet 2.")
        self.assertFalse(answer["success"])
        self.assertEqual(answer["error_code"], "invalid_revision")
        # …and this project refuses its ordinary post: the first tab's work is not erased.
        response = self.post(second, summary="Onglet 2.", version_changes="Onglet 2", publish=True)
        self.assertEqual(response.status_code, 409)
        self.assertIn(CONFLICT, page_text(response))
        self.assertIn("Onglet 1.", page_text(response))
        resource = self.current()
        self.assertEqual(resource.summary, "Avant.")
        self.assertEqual(resource.get_latest_revision_as_object().summary, "Onglet 1.")

    def test_a_tab_overwritten_by_another_tab_after_it_loaded_is_a_conflict(self):
        first = self.open_editor(self.editor)
        self.autosave(first, summary="Onglet 1.")
        second = self.open_editor(self.editor)  # opened on the first tab's autosave
        self.autosave(first, summary="Onglet 1, suite.")  # same revision, overwritten
        response = self.post(second, summary="Onglet 2.", version_changes="Onglet 2", publish=True)
        self.assertEqual(response.status_code, 409)
        self.assertEqual(self.current().summary, "Avant.")

    def test_another_persons_autosave_is_a_conflict(self):
        mine = self.open_editor(self.editor)
        theirs = self.open_editor(self.other)
        self.autosave(mine, summary="Le mien.")
        self.assertFalse(self.autosave(theirs, summary="Le sien.")["success"])
        response = self.post(theirs, summary="Le sien.", version_changes="Le sien", publish=True)
        self.assertEqual(response.status_code, 409)
        self.assertIn("Sarah Hub", page_text(response))
        # The first editor is unaffected by the refused attempt and publishes.
        response = self.post(mine, summary="Le mien.", version_changes="Le mien", publish=True)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.current().summary, "Le mien.")

    def test_preview_is_no_conflict(self):
        tab = self.open_editor(self.editor)
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(self.resource.pk,))
        response = tab["client"].post(preview_url, self.data(tab, summary="Aperçu."))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json()["is_valid"])
        self.autosave(tab, summary="Aperçu.")
        response = self.post(tab, summary="Aperçu.", version_changes="Aperçu", publish=True)
        self.assertEqual(response.status_code, 302)


class WorkflowAfterAutosaveTests(AutosaveThenSaveTests):
    """A base with a Wagtail workflow: a contributor's own autosaves, then « Soumettre à
    Relecture »; the base's admin approves, which publishes and writes the journal."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from django.contrib.auth.models import Group
        from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

        cls.reviewers = Group.objects.create(name="Relecteurs de la base")
        cls.other.groups.add(cls.reviewers)
        task = GroupApprovalTask.objects.create(name="Relecture")
        task.groups.set([cls.reviewers])
        workflow = Workflow.objects.create(name="Relecture de la base")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(page=cls.base, workflow=workflow)

    def test_submit_after_own_autosaves_then_approval_publishes(self):
        tab = self.open_editor(self.editor)
        self.assertTrue(self.autosave(tab, summary="À relire.")["success"])
        response = self.post(
            tab, summary="À relire.", version_changes="Résumé relu", **{"action-submit": "on"}
        )
        self.assertEqual(response.status_code, 302, page_text(response)[:500])
        resource = self.current()
        state = resource.current_workflow_state
        self.assertIsNotNone(state, "the page is in its workflow")
        self.assertEqual(resource.summary, "Avant.")  # not published before approval

        reviewer = Client()
        reviewer.force_login(self.other)
        task_state = state.current_task_state
        approve = reverse(
            "wagtailadmin_pages:workflow_action",
            args=(resource.pk, "approve", task_state.pk),
        )
        response = reviewer.post(approve, {"comment": "Bon pour publication."})
        self.assertIn(response.status_code, (200, 302))
        resource = self.current()
        self.assertEqual(resource.summary, "À relire.")
        self.assertEqual(resource.current_version.number, "1.1")
        self.assertEqual(resource.current_version.changes, "Résumé relu")


# The parent's tests run once, in the parent: this class reuses its editor helpers only.
for _name in [name for name in vars(AutosaveThenSaveTests) if name.startswith("test_")]:
    setattr(WorkflowAfterAutosaveTests, _name, None)
