"""Whoever creates a resource is credited (« Rédaction » by default, editable afterwards)."""

from django.test import TestCase
from django.urls import reverse

from base.models import Role
from label.forms import create_draft_resource
from organisations.models import Organisation
from ressources.credits import credit_author
from ressources.models import CreditRole, ResourcePage
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
    licence,
    resource_type,
    theme,
)
from tests.helpers import page_text, resource_form_data


class AuthorCreditTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = Organisation.objects.create(name="Hub du Sud", slug="hub-du-sud")
        cls.base = BasePageFactory(title="Base des médiateurs")
        cls.author = UserFactory(
            first_name="Inès", last_name="Moreau", organisation=cls.organisation
        )
        BaseMembershipFactory(base=cls.base, user=cls.author, role=Role.CONTRIBUTOR)
        cls.add_url = reverse(
            "wagtailadmin_pages:add", args=("ressources", "resourcepage", cls.base.pk)
        )

    def setUp(self):
        self.client.force_login(self.author)

    def form(self, **fields):
        values = {
            "licence": licence("CC-BY-4.0").pk,
            "themes": [theme().pk],
            "resource_types": [resource_type().pk],
            "publish": True,
            "version_changes": "",
        }
        values.update(fields)
        return resource_form_data(**values)

    def create(self, **fields):
        response = self.client.post(self.add_url, self.form(**fields))
        self.assertEqual(response.status_code, 302)
        return ResourcePage.objects.get(slug="fiche-creer-sa-boite-mail")

    def test_creator_in_the_admin_is_credited_and_named_in_the_attribution_line(self):
        resource = self.create()
        credit = resource.credits.get()
        self.assertEqual(credit.user, self.author)
        self.assertEqual(credit.name, "Inès Moreau")
        self.assertEqual(credit.role, CreditRole.WRITING)
        self.assertEqual(credit.organisation, self.organisation)
        page = page_text(self.client.get(resource.url))
        self.assertIn("Inès Moreau", page)
        self.assertIn("« Fiche : créer sa boîte mail » — Inès Moreau — Base des médiateurs", page)
        # The published revision carries the credit too (the journal's versions show it).
        self.assertEqual(
            [c.name for c in resource.live_revision.as_object().credits.all()], ["Inès Moreau"]
        )

    def test_a_draft_credits_its_creator_as_well(self):
        resource = self.create(publish=False)
        self.assertEqual(resource.credits.get().user, self.author)

    def test_creator_who_credits_themselves_is_not_credited_twice(self):
        credits = [
            {"kind": "person", "name": "Inès Moreau", "role": "conception", "user": self.author.pk}
        ]
        resource = self.create(credits=credits)
        self.assertEqual(
            list(resource.credits.values_list("name", "role")),
            [("Inès Moreau", CreditRole.CONCEPTION)],
        )

    def test_others_credited_by_the_creator_come_first(self):
        credits = [{"kind": "organisation", "name": "ANCT", "role": "direction"}]
        resource = self.create(credits=credits)
        self.assertEqual(
            list(resource.credits.order_by("sort_order").values_list("name", "role")),
            [("ANCT", "direction"), ("Inès Moreau", CreditRole.WRITING)],
        )

    def test_the_credit_is_editable_and_not_added_back(self):
        resource = self.create()
        credit = resource.credits.get()
        edit_url = reverse("wagtailadmin_pages:edit", args=(resource.pk,))
        data = self.form(version_changes="Crédits corrigés", credits=[])
        data.update(
            {
                "credits-TOTAL_FORMS": "1",
                "credits-INITIAL_FORMS": "1",
                "credits-0-id": str(credit.pk),
                "credits-0-kind": "person",
                "credits-0-name": "Inès Moreau",
                "credits-0-role": "relecture",
                "credits-0-ORDER": "0",
                "credits-0-DELETE": "",
            }
        )
        self.assertEqual(self.client.post(edit_url, data).status_code, 302)
        self.assertEqual(list(resource.credits.values_list("role", flat=True)), ["relecture"])

        data["version_changes"] = "Crédit retiré"
        data["credits-0-DELETE"] = "1"
        self.assertEqual(self.client.post(edit_url, data).status_code, 302)
        resource = ResourcePage.objects.get(pk=resource.pk)
        self.assertFalse(resource.credits.exists())
        self.assertNotIn("Inès Moreau", resource.attribution_line())

    def test_a_resource_created_outside_the_admin_credits_its_owner(self):
        """The site's creation paths (here the label NEC's draft resource) get it too."""
        resource = create_draft_resource(self.base, self.author, "Mon dispositif", "Résumé.")
        self.assertEqual(resource.credits.get().user, self.author)
        self.assertEqual(resource.get_latest_revision_as_object().credits.get().name, "Inès Moreau")

    def test_existing_resources_and_ownerless_pages_are_untouched(self):
        resource = ResourcePageFactory(parent=self.base)  # no owner
        self.assertFalse(resource.credits.exists())
        resource.owner = self.author
        resource.save_revision(user=self.author).publish()
        self.assertFalse(ResourcePage.objects.get(pk=resource.pk).credits.exists())

    def test_credit_author_is_idempotent(self):
        resource = ResourcePage(title="Brouillon", slug="brouillon", summary="R.")
        self.assertTrue(credit_author(resource, self.author))
        self.assertFalse(credit_author(resource, self.author))
        self.assertEqual(len(resource.credits.all()), 1)
