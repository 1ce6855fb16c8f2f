"""Organisations: SIRET checksum and territory consistency, in the admin and on the model."""

import html

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from base.models import BasePage
from organisations.models import Organisation, OrganisationKind
from organisations.territories import Scope
from tests.factories import OrganisationFactory, UserFactory

VALID_SIRET = "73282932000074"
WRONG_CHECKSUM = "73282932000075"
LA_POSTE_SIRET = "35600000012345"  # La Poste's historic numbers do not follow Luhn
SIRET_MESSAGE = "Ce numéro SIRET n'est pas valide (clé de contrôle incorrecte)."
DEPARTMENT_MESSAGE = "Ce département n'appartient pas à la région choisie."


def form_data(**fields):
    data = {
        "name": "Hub du Finistère",
        "slug": "",
        "kind": OrganisationKind.HUB,
        "scope": Scope.DEPARTMENTAL,
        "region_code": "53",
        "department_code": "29",
        "website": "",
        "siret": "",
        "description": "",
        "logo": "",
    }
    data.update(fields)
    return data


class OrganisationAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.superuser = UserFactory(superuser=True)
        cls.url = reverse("wagtailsnippets_organisations_organisation:add")

    def setUp(self):
        self.client.force_login(self.superuser)

    def assert_refused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertIn(message, html.unescape(response.content.decode()))
        self.assertFalse(Organisation.objects.filter(name="Hub du Finistère").exists())

    def test_valid_organisation_is_created(self):
        response = self.client.post(self.url, form_data(siret="732 829 320 00074"))
        self.assertEqual(response.status_code, 302)
        organisation = Organisation.objects.get(name="Hub du Finistère")
        self.assertEqual(organisation.siret, VALID_SIRET)
        self.assertEqual(organisation.slug, "hub-du-finistere")

    def test_siret_with_wrong_checksum_is_refused(self):
        self.assert_refused(
            self.client.post(self.url, form_data(siret=WRONG_CHECKSUM)), SIRET_MESSAGE
        )

    def test_siret_with_wrong_length_is_refused(self):
        response = self.client.post(self.url, form_data(siret="1234"))
        self.assert_refused(response, "Un SIRET compte exactement 14 chiffres.")

    def test_department_outside_the_region_is_refused(self):
        response = self.client.post(self.url, form_data(region_code="11"))
        self.assert_refused(response, DEPARTMENT_MESSAGE)


class OrganisationModelTests(TestCase):
    def organisation(self, **fields):
        values = {"name": "Association Clic", "kind": OrganisationKind.ASSOCIATION}
        values.update(fields)
        return Organisation(**values)

    def test_siret_checksum(self):
        for siret in (VALID_SIRET, LA_POSTE_SIRET, ""):
            with self.subTest(siret=siret):
                self.organisation(siret=siret).full_clean()
        with self.assertRaises(ValidationError) as caught:
            self.organisation(siret=WRONG_CHECKSUM).full_clean()
        self.assertEqual(caught.exception.message_dict["siret"], [SIRET_MESSAGE])

    def test_department_must_belong_to_the_region(self):
        with self.assertRaises(ValidationError) as caught:
            self.organisation(
                scope=Scope.DEPARTMENTAL, region_code="11", department_code="29"
            ).full_clean()
        self.assertEqual(caught.exception.message_dict["department_code"], [DEPARTMENT_MESSAGE])

    def test_department_alone_gives_its_region(self):
        organisation = self.organisation(scope=Scope.LOCAL, department_code="974")
        organisation.full_clean()
        self.assertEqual(organisation.region_code, "04")

    def test_regional_scope_needs_a_region(self):
        with self.assertRaises(ValidationError) as caught:
            self.organisation(scope=Scope.REGIONAL).full_clean()
        self.assertEqual(
            caught.exception.message_dict["region_code"],
            ["Indiquez la région d'une portée régionale."],
        )

    def test_base_territory_is_checked_too(self):
        base = BasePage(
            title="Base des Bouches-du-Rhône",
            organisation=OrganisationFactory(),
            scope=Scope.DEPARTMENTAL,
            region_code="84",
            department_code="13",
        )
        with self.assertRaises(ValidationError) as caught:
            base.clean()
        self.assertEqual(caught.exception.message_dict["department_code"], [DEPARTMENT_MESSAGE])
