"""Versions published from the Wagtail admin: numbering, the « Changements » asked from 1.1 on."""

import html
import io

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from organisations.models import Organisation
from ressources.models import ResourcePage, ResourceVersion
from tests.factories import BasePageFactory, UserFactory, licence, resource_type, theme
from tests.helpers import resource_form_data

CHANGES_REQUIRED = "Décrivez les changements de cette version, un par ligne."


class AdminVersionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = Organisation.objects.create(name="Hub du Sud", slug="hub-du-sud")
        cls.editor = UserFactory(
            superuser=True, first_name="Sarah", last_name="Benali", organisation=cls.organisation
        )
        cls.base = BasePageFactory(title="Base des médiateurs")
        cls.add_url = reverse(
            "wagtailadmin_pages:add", args=("ressources", "resourcepage", cls.base.pk)
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def form(self, **fields):
        values = {
            "licence": licence("CC-BY-4.0").pk,
            "themes": [theme().pk],
            "resource_types": [resource_type().pk],
            "publish": True,
        }
        values.update(fields)
        return resource_form_data(**values)

    def publish_first(self):
        response = self.client.post(self.add_url, self.form(version_changes=""))
        self.assertEqual(response.status_code, 302)
        return ResourcePage.objects.get(slug="fiche-creer-sa-boite-mail")

    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=(page.pk,))

    def test_first_publication_is_version_1_0_credited_to_the_editor(self):
        page = self.publish_first()
        version = page.versions.get()
        self.assertEqual(version.number, "1.0")
        self.assertEqual(version.responsible, "Sarah Benali — Hub du Sud")
        self.assertEqual(version.revision_id, page.live_revision_id)

    def test_second_publication_without_changes_is_refused_and_nothing_is_published(self):
        page = self.publish_first()
        response = self.client.post(
            self.edit_url(page), self.form(title="Nouveau titre", version_changes="")
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(CHANGES_REQUIRED, html.unescape(response.content.decode()))
        page.refresh_from_db()
        self.assertEqual(page.title, "Fiche : créer sa boîte mail")
        self.assertEqual(page.versions.count(), 1)

    def test_a_draft_needs_no_changes_and_makes_no_version(self):
        page = self.publish_first()
        data = self.form(title="Brouillon", version_changes="", publish=False)
        self.assertEqual(self.client.post(self.edit_url(page), data).status_code, 302)
        self.assertEqual(page.versions.count(), 1)

    def test_minor_then_major_versions_record_their_change_lines(self):
        page = self.publish_first()
        changes = "Ajout d'une étape\nCorrection des liens"
        self.client.post(self.edit_url(page), self.form(version_changes=changes))
        self.client.post(
            self.edit_url(page),
            self.form(version_changes="Refonte complète", version_major="on"),
        )
        numbers = [v.number for v in page.versions.order_by("published_at", "pk")]
        self.assertEqual(numbers, ["1.0", "1.1", "2.0"])
        minor = ResourceVersion.objects.get(resource=page, major=1, minor=1)
        self.assertEqual(minor.change_lines, ["Ajout d'une étape", "Correction des liens"])

    def test_the_edit_form_starts_with_blank_changes(self):
        page = self.publish_first()
        self.client.post(self.edit_url(page), self.form(version_changes="Ajout d'une étape"))
        response = self.client.get(self.edit_url(page))
        field = response.context["form"]["version_changes"]
        self.assertEqual(field.value() or "", "")
        self.assertNotIn("Ajout d&#x27;une étape</textarea>", response.content.decode())

    def test_deleting_a_published_resource_takes_its_journal_along(self):
        page = self.publish_first()
        self.client.post(self.edit_url(page), self.form(version_changes="Ajout d'une étape"))
        self.assertEqual(page.versions.count(), 2)
        response = self.client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(ResourcePage.objects.filter(pk=page.pk).exists())
        self.assertFalse(ResourceVersion.objects.filter(resource_id=page.pk).exists())

    def test_purging_old_revisions_keeps_every_version_readable(self):
        page = self.publish_first()
        self.client.post(self.edit_url(page), self.form(version_changes="Ajout d'une étape"))
        self.client.post(self.edit_url(page), self.form(title="Brouillon", publish=False))
        first = page.versions.get(major=1, minor=0)
        call_command("purge_revisions", days=0, stdout=io.StringIO())
        first.refresh_from_db()
        self.assertEqual(first.revision.as_object().title, "Fiche : créer sa boîte mail")
        response = self.client.get(page.url + "versions/1-0/")
        self.assertEqual(response.status_code, 200)
