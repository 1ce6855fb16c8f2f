"""Publication rules of a resource (ressources/rules.py), through the Wagtail admin and the model."""

import html

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from ressources.models import ResourcePage, Term, Vocabulary
from tests.factories import (
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
    licence,
    resource_type,
    theme,
)
from tests.helpers import resource_form_data

LICENCE_REQUIRED = (
    "Choisissez une licence : sans elle, personne ne sait s'il peut réutiliser la ressource."
)
THEME_REQUIRED = "Choisissez au moins une thématique pour publier la ressource."
TYPE_REQUIRED = "Choisissez au moins un type de ressource pour la publier."
SAME_LICENCE = "son adaptation doit être publiée sous la même licence"
NO_DERIVATIVES = "n'autorise pas les modifications"
RETIRED_THEME = (
    "« Usage du matériel informatique » n'est plus en usage. "
    "Choisissez plutôt « Maîtrise des outils numériques »."
)


def text(response):
    return html.unescape(response.content.decode())


class AdminPublicationRulesTests(TestCase):
    """A superuser creates and edits resources in the Wagtail admin."""

    @classmethod
    def setUpTestData(cls):
        cls.superuser = UserFactory(superuser=True)
        cls.base = BasePageFactory(title="Base des médiateurs")
        cls.cc_by = licence("CC-BY-4.0")
        cls.cc_by_sa = licence("CC-BY-SA-4.0")
        cls.theme = theme("maitrise_des_outils_numeriques")
        cls.type = resource_type("fiche_pratique")
        cls.retired_theme = Term.objects.get(
            vocabulary=Vocabulary.THEME, slug="usage_du_materiel_informatique"
        )
        cls.add_url = reverse(
            "wagtailadmin_pages:add", args=("ressources", "resourcepage", cls.base.pk)
        )

    def setUp(self):
        self.client.force_login(self.superuser)

    def complete(self, **fields):
        """Form data of a resource that may be published, with `fields` changed."""
        values = {
            "licence": self.cc_by.pk,
            "themes": [self.theme.pk],
            "resource_types": [self.type.pk],
        }
        values.update(fields)
        return resource_form_data(**values)

    def assert_refused(self, response, *messages):
        self.assertEqual(response.status_code, 200)
        page = text(response)
        for message in messages:
            self.assertIn(message, page)
        self.assertFalse(ResourcePage.objects.filter(slug="fiche-creer-sa-boite-mail").exists())

    def created(self):
        return ResourcePage.objects.get(slug="fiche-creer-sa-boite-mail")

    # --- what a complete resource looks like -------------------------------------------------

    def test_complete_resource_is_published(self):
        response = self.client.post(self.add_url, self.complete(publish=True))
        self.assertEqual(response.status_code, 302)
        page = self.created()
        self.assertTrue(page.live)
        self.assertEqual(page.licence, self.cc_by)
        self.assertEqual(list(page.themes.all()), [self.theme])
        self.assertEqual(list(page.resource_types.all()), [self.type])
        self.assertIsNotNone(page.first_published_at)

    def test_a_slug_of_the_base_s_own_pages_is_refused(self):
        """…/atom/ or …/membres/ of a base are its sub-pages: a resource there would be hidden."""
        from base.models import BasePage

        routes = {str(url.pattern).strip("^").split("/")[0] for url in BasePage.get_subpage_urls()}
        self.assertEqual(routes - {""}, set(BasePage.ROUTE_SLUGS))
        response = self.client.post(self.add_url, self.complete(slug="membres", publish=True))
        self.assertEqual(response.status_code, 200)
        self.assertIn("L'adresse « membres » est réservée aux pages de la base", text(response))
        self.assertFalse(ResourcePage.objects.filter(slug="membres").exists())

    # --- publication rules -------------------------------------------------------------------

    def test_publishing_without_licence_is_refused(self):
        response = self.client.post(self.add_url, self.complete(licence="", publish=True))
        self.assert_refused(response, LICENCE_REQUIRED)

    def test_publishing_without_theme_is_refused(self):
        response = self.client.post(self.add_url, self.complete(themes=[], publish=True))
        self.assert_refused(response, THEME_REQUIRED)

    def test_publishing_without_type_is_refused(self):
        response = self.client.post(self.add_url, self.complete(resource_types=[], publish=True))
        self.assert_refused(response, TYPE_REQUIRED)

    def test_draft_without_licence_theme_or_type_is_saved(self):
        data = self.complete(licence="", themes=[], resource_types=[])
        response = self.client.post(self.add_url, data)
        self.assertEqual(response.status_code, 302)
        page = self.created()
        self.assertFalse(page.live)
        self.assertIsNone(page.licence)
        self.assertEqual(page.themes.count(), 0)

    def test_draft_completed_later_is_published(self):
        draft = self.complete(licence="", themes=[], resource_types=[])
        self.assertEqual(self.client.post(self.add_url, draft).status_code, 302)
        page = self.created()
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)), self.complete(publish=True)
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(list(page.themes.all()), [self.theme])

    def test_more_than_five_themes_are_refused_even_for_a_draft(self):
        six = list(
            Term.objects.filter(vocabulary=Vocabulary.THEME, active=True).values_list(
                "pk", flat=True
            )[:6]
        )
        response = self.client.post(self.add_url, self.complete(themes=six))
        self.assert_refused(response, "Choisissez au plus 5 valeurs (vous en avez choisi 6).")

    def test_five_themes_are_accepted(self):
        five = list(
            Term.objects.filter(vocabulary=Vocabulary.THEME, active=True).values_list(
                "pk", flat=True
            )[:5]
        )
        response = self.client.post(self.add_url, self.complete(themes=five, publish=True))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.created().themes.count(), 5)

    def test_title_longer_than_100_characters_is_refused(self):
        title = "Fiche " + "x" * 95
        response = self.client.post(self.add_url, self.complete(title=title))
        self.assert_refused(
            response, "Le titre ne doit pas dépasser 100 caractères (il en compte 101)."
        )

    # --- licence of adaptations --------------------------------------------------------------

    def test_adaptation_of_share_alike_resource_needs_the_same_licence(self):
        original = ResourcePageFactory(parent=self.base, licence=self.cc_by_sa)
        data = self.complete(adapted_from=original.pk, licence=self.cc_by.pk, publish=True)
        response = self.client.post(self.add_url, data)
        self.assert_refused(response, SAME_LICENCE, f"« {original.title} »")

    def test_adaptation_of_share_alike_resource_under_the_same_licence_is_published(self):
        original = ResourcePageFactory(parent=self.base, licence=self.cc_by_sa)
        data = self.complete(adapted_from=original.pk, licence=self.cc_by_sa.pk, publish=True)
        response = self.client.post(self.add_url, data)
        self.assertEqual(response.status_code, 302)
        page = self.created()
        self.assertTrue(page.live)
        self.assertEqual(page.adapted_from_id, original.pk)

    def test_adaptation_of_no_derivatives_resource_is_refused(self):
        for spdx_id in ("CC-BY-ND-4.0", "LicenseRef-tous-droits-reserves"):
            with self.subTest(spdx_id):
                original = ResourcePageFactory(parent=self.base, licence=licence(spdx_id))
                data = self.complete(adapted_from=original.pk, publish=True)
                response = self.client.post(self.add_url, data)
                self.assert_refused(response, NO_DERIVATIVES, licence(spdx_id).name)

    # --- retired terms -----------------------------------------------------------------------

    def test_seeded_retired_theme_names_its_successor(self):
        self.assertFalse(self.retired_theme.active)
        self.assertEqual(self.retired_theme.successor, self.theme)

    def test_retired_theme_cannot_be_newly_chosen(self):
        data = self.complete(themes=[self.retired_theme.pk], publish=True)
        response = self.client.post(self.add_url, data)
        self.assert_refused(response, RETIRED_THEME)

    def test_retired_theme_cannot_be_added_to_an_existing_resource(self):
        page = ResourcePageFactory(parent=self.base, themes=[self.theme])
        data = self.complete(
            title=page.title, slug=page.slug, themes=[self.theme.pk, self.retired_theme.pk]
        )
        data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
        self.assertEqual(response.status_code, 200)
        self.assertIn(RETIRED_THEME, text(response))
        page.refresh_from_db()
        self.assertEqual(list(page.themes.all()), [self.theme])

    def test_resource_keeping_a_retired_theme_is_still_published_and_shown(self):
        page = ResourcePageFactory(
            parent=self.base, title="Fiche ancienne", themes=[self.retired_theme]
        )
        data = self.complete(
            title="Fiche ancienne, mise à jour",
            slug=page.slug,
            themes=[self.retired_theme.pk],
            publish=True,
        )
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.title, "Fiche ancienne, mise à jour")
        self.assertEqual(list(page.themes.all()), [self.retired_theme])

        self.client.logout()
        public = self.client.get(page.url)
        self.assertEqual(public.status_code, 200)
        self.assertIn("Fiche ancienne, mise à jour", text(public))


class ModelPublicationRulesTests(TestCase):
    """Scripts and other paths publish through revisions: the same rules hold there."""

    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory()

    def draft(self, **fields):
        return ResourcePageFactory(parent=self.base, live=False, **fields)

    def assert_publication_refused(self, page, field, message):
        revision = page.save_revision()
        with self.assertRaises(ValidationError) as caught:
            revision.publish()
        self.assertIn(field, caught.exception.message_dict)
        self.assertTrue(
            any(message in error for error in caught.exception.message_dict[field]),
            caught.exception.message_dict,
        )
        self.assertFalse(ResourcePage.objects.get(pk=page.pk).live)

    def test_draft_without_licence_is_saved_but_not_published(self):
        page = self.draft(licence=None)
        self.assert_publication_refused(page, "licence", LICENCE_REQUIRED)

    def test_draft_without_theme_is_not_published(self):
        self.assert_publication_refused(self.draft(themes=[]), "themes", THEME_REQUIRED)

    def test_draft_without_type_is_not_published(self):
        page = self.draft(resource_types=[])
        self.assert_publication_refused(page, "resource_types", TYPE_REQUIRED)

    def test_complete_draft_is_published(self):
        page = self.draft()
        page.save_revision().publish()
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertIsNotNone(page.live_revision_id)

    def test_six_themes_are_refused_for_a_draft_revision(self):
        page = self.draft()
        page.themes = list(Term.objects.filter(vocabulary=Vocabulary.THEME, active=True)[:6])
        with self.assertRaises(ValidationError) as caught:
            page.save_revision()
        self.assertIn("themes", caught.exception.message_dict)

    def test_adaptation_rules_hold_on_publication(self):
        share_alike = ResourcePageFactory(parent=self.base, licence=licence("CC-BY-SA-4.0"))
        no_derivatives = ResourcePageFactory(parent=self.base, licence=licence("CC-BY-ND-4.0"))
        page = self.draft(adapted_from=share_alike, licence=licence("CC-BY-4.0"))
        self.assert_publication_refused(page, "licence", SAME_LICENCE)
        page = self.draft(adapted_from=no_derivatives, licence=licence("CC-BY-ND-4.0"))
        self.assert_publication_refused(page, "licence", NO_DERIVATIVES)
        page = self.draft(adapted_from=share_alike, licence=licence("CC-BY-SA-4.0"))
        page.save_revision().publish()
        self.assertTrue(ResourcePage.objects.get(pk=page.pk).live)

    def test_live_resource_cannot_lose_its_licence(self):
        page = ResourcePageFactory(parent=self.base)
        page.licence = None
        with self.assertRaises(ValidationError):
            page.save_revision().publish()
        self.assertIsNotNone(ResourcePage.objects.get(pk=page.pk).licence)
