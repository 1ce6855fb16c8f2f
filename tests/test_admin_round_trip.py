"""The admin round trip of tests/demo_roundtrip.py, on small pages: it posts every kind of
body block back unchanged, and it does report what the admin refuses."""

from django.test import TestCase

from base.models import Role
from tests.demo_roundtrip import round_trip
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    ResourceCollectionPageFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
    UserFactory,
)


class AdminRoundTripTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory()
        cls.admin = UserFactory()
        BaseMembershipFactory(base=cls.base, user=cls.admin, role=Role.ADMIN)
        cls.image = ImageFactory()

    def resource(self, alt_text="Une capture d'écran."):
        resource = ResourcePageFactory(
            parent=self.base,
            body=[
                ("heading", {"text": "Avant de commencer", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Un <b>texte</b> et <a href='https://example.org'>un lien</a>.</p>",
                ),
                (
                    "image",
                    {"image": self.image, "alt_text": alt_text, "caption": "Légende", "credit": ""},
                ),
                ("link", {"url": "https://example.org/", "title": "Exemple", "description": ""}),
                ("callout", {"title": "À savoir", "text": "<p>Attention.</p>", "kind": "info"}),
            ],
            tags=["smartphone", "sécurité"],
        )
        ResourceCreditFactory(resource=resource)
        return resource

    def test_every_block_kind_comes_back_unchanged(self):
        resource = self.resource()
        self.assertEqual(round_trip(resource, self.admin), [])
        self.assertEqual(round_trip(resource, self.admin, publish=True), [])
        self.assertEqual(resource.current_version.number, "1.1")
        self.assertEqual(resource.current_version.changes, "Relecture")

    def test_bases_and_collections_come_back_unchanged(self):
        collection = ResourceCollectionPageFactory(
            parent=self.base, resources=[self.resource(), self.resource()]
        )
        self.assertEqual(round_trip(self.base, self.admin), [])
        self.assertEqual(round_trip(collection, self.admin), [])

    def test_a_refused_save_is_reported_with_its_error(self):
        problems = round_trip(self.resource(alt_text="x" * 260), self.admin)
        self.assertEqual(problems[0], "POST → 200")
        self.assertTrue(any("250" in problem for problem in problems), problems)
