"""Personal collections: « Mes favoris », « Enregistrer », a collection's page, and who may
change what (owner vs others vs anonymous)."""

from urllib.parse import quote

from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory, TestCase

from base.models import Role, Visibility
from ressources.models import PersonalCollection, PersonalCollectionItem
from ressources.personal_collections import public_collections_of
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup


def save_url(resource):
    return resource.url + "enregistrer/"


def item_url(item, action):
    return f"/compte/collections/{item.collection_id}/ressources/{item.pk}/{action}/"


class PersonalCollectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.plain = ResourcePageFactory(parent=cls.base, title="Fiche sans image")
        cls.illustrated = ResourcePageFactory(
            parent=cls.base, title="Fiche illustrée", cover_image=ImageFactory()
        )
        cls.third = ResourcePageFactory(parent=cls.base, title="Troisième fiche")
        cls.private_base = BasePageFactory(title="Base interne", visibility=Visibility.PRIVATE)
        cls.private_resource = ResourcePageFactory(
            parent=cls.private_base, title="Protocole interne confidentiel"
        )
        cls.owner = BaseMembershipFactory(base=cls.private_base, role=Role.CONTRIBUTOR).user
        cls.other = UserFactory()

        cls.public = PersonalCollection.objects.create(
            owner=cls.owner, title="Ateliers seniors", visibility=Visibility.PUBLIC
        )
        cls.secret = PersonalCollection.objects.create(owner=cls.owner, title="Brouillons")
        cls.items = [
            PersonalCollectionItem.objects.create(collection=cls.public, resource=r, sort_order=i)
            for i, r in enumerate(
                [cls.plain, cls.illustrated, cls.private_resource, cls.third], start=0
            )
        ]

    def titles_on(self, response):
        return [a.get_text(strip=True) for a in soup(response).select(".fr-card__title a")]

    # Saving from the resource page --------------------------------------------------------

    def test_anonymous_is_sent_to_log_in_and_nothing_is_saved(self):
        for method in (self.client.get, self.client.post):
            response = method(save_url(self.plain), {"collections": ["favoris"]})
            self.assertRedirects(
                response,
                f"/compte/connexion/?next={quote(save_url(self.plain))}",
                fetch_redirect_response=False,
            )
        self.assertFalse(PersonalCollection.objects.filter(is_favorites=True).exists())
        text = page_text(self.client.get(self.plain.url))
        self.assertIn("Connectez-vous pour enregistrer cette ressource", text)

    def test_resource_page_offers_the_save_form_and_get_changes_nothing(self):
        self.client.force_login(self.other)
        page = soup(self.client.get(self.plain.url))
        form = page.find("form", action=save_url(self.plain))
        self.assertIsNotNone(form)
        self.assertIsNotNone(form.find("input", attrs={"name": "csrfmiddlewaretoken"}))
        labels = [label.get_text(strip=True) for label in form.select(".fr-checkbox-group label")]
        self.assertEqual(labels, ["Mes favoris"])
        self.assertEqual(self.client.get(save_url(self.plain)).status_code, 200)
        self.assertFalse(PersonalCollection.objects.filter(owner=self.other).exists())

    def test_save_to_favorites_then_to_a_new_collection_then_unsave(self):
        self.client.force_login(self.other)
        response = self.client.post(save_url(self.plain), {"collections": ["favoris"]})
        self.assertRedirects(response, self.plain.url, fetch_redirect_response=False)
        self.assertIn(
            "Ressource enregistrée dans : « Mes favoris ».",
            page_text(self.client.get(self.plain.url)),
        )
        favorites = PersonalCollection.objects.get(owner=self.other, is_favorites=True)
        self.assertEqual([i.resource_id for i in favorites.items.all()], [self.plain.pk])

        self.client.post(
            save_url(self.plain),
            {"collections": [str(favorites.pk)], "new_title": "  Numérique   et  emploi "},
        )
        created = PersonalCollection.objects.get(owner=self.other, is_favorites=False)
        self.assertEqual(created.title, "Numérique et emploi")
        self.assertEqual(created.visibility, Visibility.PRIVATE)
        self.assertTrue(created.items.filter(resource=self.plain).exists())
        self.assertEqual(favorites.items.count(), 1)  # saved once, not twice

        # The form now shows both, ticked; unticking « Mes favoris » removes it from there.
        form = soup(self.client.get(save_url(self.plain))).find("form", id="save-form")
        ticked = [i["value"] for i in form.find_all("input", checked=True)]
        self.assertEqual(sorted(ticked), sorted([str(favorites.pk), str(created.pk)]))
        self.client.post(save_url(self.plain), {"collections": [str(created.pk)]})
        self.assertFalse(favorites.items.exists())
        self.assertTrue(created.items.exists())

    def test_someone_elses_collection_cannot_be_filled_through_the_save_form(self):
        self.client.force_login(self.other)
        response = self.client.post(save_url(self.third), {"collections": [str(self.secret.pk)]})
        self.assertEqual(response.status_code, 400)
        self.assertIn("Cette collection n'est pas l'une des vôtres.", page_text(response))
        self.assertFalse(self.secret.items.exists())

    def test_save_requires_csrf(self):
        self.client.handler.enforce_csrf_checks = True
        self.client.force_login(self.other)
        response = self.client.post(save_url(self.plain), {"collections": ["favoris"]})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(PersonalCollection.objects.filter(owner=self.other).exists())

    def test_private_base_resource_cannot_be_saved_by_outsiders(self):
        self.client.force_login(self.other)
        response = self.client.post(save_url(self.private_resource), {"collections": ["favoris"]})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(PersonalCollection.objects.filter(owner=self.other).exists())

    # Pages and visibility -------------------------------------------------------------------

    def test_public_collection_is_readable_by_anyone_without_private_resources(self):
        for user in (None, self.other):
            with self.subTest(user=user):
                if user:
                    self.client.force_login(user)
                response = self.client.get(self.public.get_absolute_url())
                self.assertEqual(response.status_code, 200)
                self.assertEqual(
                    self.titles_on(response),
                    ["Fiche sans image", "Fiche illustrée", "Troisième fiche"],
                )
                self.assertNotIn("Protocole interne", page_text(response))
                self.assertNotIn("Retirer", page_text(response))

    def test_owner_sees_the_private_base_resource_they_may_read(self):
        self.client.force_login(self.owner)
        response = self.client.get(self.public.get_absolute_url())
        self.assertIn("Protocole interne confidentiel", self.titles_on(response))
        self.assertIn("Retirer", page_text(response))

    def test_private_collection_is_for_its_owner_only(self):
        url = self.secret.get_absolute_url()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.other)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.owner)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_wrong_slug_redirects_to_the_collection_address(self):
        response = self.client.get(f"/collections/{self.public.pk}/autre-nom/")
        self.assertRedirects(
            response, self.public.get_absolute_url(), status_code=301, fetch_redirect_response=False
        )

    def test_unpublished_resource_is_left_out(self):
        self.third.unpublish()
        response = self.client.get(self.public.get_absolute_url())
        self.assertNotIn("Troisième fiche", self.titles_on(response))

    def test_my_collections_lists_mine_only_and_needs_login(self):
        response = self.client.get("/compte/collections/")
        self.assertEqual(response.status_code, 302)
        self.client.force_login(self.owner)
        text = page_text(self.client.get("/compte/collections/"))
        self.assertIn("Ateliers seniors", text)
        self.assertIn("Brouillons", text)
        self.assertIn("Mes favoris", text)  # shown before it exists, not created by a GET
        self.assertFalse(PersonalCollection.objects.filter(owner=self.owner, is_favorites=True))
        self.client.force_login(self.other)
        self.assertNotIn("Ateliers seniors", page_text(self.client.get("/compte/collections/")))

    # Changing one's collections ------------------------------------------------------------

    def test_create_edit_and_delete_a_collection(self):
        self.client.force_login(self.other)
        response = self.client.post(
            "/compte/collections/nouvelle/",
            {"title": "", "description": "Mon texte", "visibility": "public"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Donnez un titre à la collection.", page_text(response))
        self.assertIn("Mon texte", response.content.decode())  # nothing typed is lost

        response = self.client.post(
            "/compte/collections/nouvelle/",
            {"title": "Démarches", "description": "", "visibility": "public"},
        )
        collection = PersonalCollection.objects.get(owner=self.other, title="Démarches")
        self.assertRedirects(response, collection.get_absolute_url(), fetch_redirect_response=False)
        self.assertEqual(collection.visibility, Visibility.PUBLIC)

        self.client.post(
            f"/compte/collections/{collection.pk}/modifier/",
            {
                "title": "Démarches en ligne",
                "description": "Pour les ateliers",
                "visibility": "private",
            },
        )
        collection.refresh_from_db()
        self.assertEqual(
            (collection.title, collection.visibility), ("Démarches en ligne", "private")
        )
        self.assertEqual(
            self.client.get(f"/compte/collections/{collection.pk}/supprimer/").status_code, 200
        )
        self.assertTrue(PersonalCollection.objects.filter(pk=collection.pk).exists())  # GET
        self.client.post(f"/compte/collections/{collection.pk}/supprimer/")
        self.assertFalse(PersonalCollection.objects.filter(pk=collection.pk).exists())

    def test_favorites_cannot_be_deleted_or_renamed(self):
        self.client.force_login(self.other)
        self.client.post(save_url(self.plain), {"collections": ["favoris"]})
        favorites = PersonalCollection.objects.get(owner=self.other, is_favorites=True)
        self.client.post(f"/compte/collections/{favorites.pk}/supprimer/")
        self.assertTrue(PersonalCollection.objects.filter(pk=favorites.pk).exists())
        self.client.post(
            f"/compte/collections/{favorites.pk}/modifier/",
            {"title": "Autre nom", "description": "Mes indispensables", "visibility": "public"},
        )
        favorites.refresh_from_db()
        self.assertEqual(favorites.title, "Mes favoris")
        self.assertEqual(favorites.visibility, Visibility.PUBLIC)

    def test_forged_posts_on_someone_elses_collection_change_nothing(self):
        self.client.force_login(self.other)
        item = self.items[0]
        attempts = [
            (
                f"/compte/collections/{self.public.pk}/modifier/",
                {"title": "Piraté", "visibility": "public"},
            ),
            (f"/compte/collections/{self.public.pk}/supprimer/", {}),
            (item_url(item, "retirer"), {}),
            (item_url(item, "deplacer"), {"direction": "down"}),
        ]
        for url, data in attempts:
            with self.subTest(url=url):
                self.assertEqual(self.client.post(url, data).status_code, 404)
        self.public.refresh_from_db()
        self.assertEqual(self.public.title, "Ateliers seniors")
        self.assertEqual(
            list(self.public.items.values_list("pk", flat=True)), [i.pk for i in self.items]
        )
        # Anonymous: sent to log in, nothing changes either.
        self.client.logout()
        self.assertEqual(self.client.post(item_url(item, "retirer")).status_code, 302)
        self.assertTrue(PersonalCollectionItem.objects.filter(pk=item.pk).exists())

    def test_remove_an_item_of_a_resource_without_image(self):
        self.assertIsNone(self.plain.cover_image)
        self.client.force_login(self.owner)
        item = self.items[0]
        self.assertEqual(self.client.get(item_url(item, "retirer")).status_code, 405)
        response = self.client.post(item_url(item, "retirer"))
        self.assertRedirects(
            response, self.public.get_absolute_url(), fetch_redirect_response=False
        )
        self.assertFalse(PersonalCollectionItem.objects.filter(pk=item.pk).exists())
        self.plain.refresh_from_db()
        self.assertTrue(self.plain.live)
        self.assertNotIn(
            "Fiche sans image", self.titles_on(self.client.get(self.public.get_absolute_url()))
        )

    def test_reorder_items_with_up_and_down_buttons(self):
        self.client.force_login(self.owner)
        first, second = self.items[0], self.items[1]
        self.assertEqual(self.client.get(item_url(first, "deplacer")).status_code, 405)
        self.client.post(item_url(first, "deplacer"), {"direction": "down"})
        titles = self.titles_on(self.client.get(self.public.get_absolute_url()))
        self.assertEqual(titles[:2], ["Fiche illustrée", "Fiche sans image"])
        self.client.post(item_url(first, "deplacer"), {"direction": "up"})
        self.client.post(item_url(second, "deplacer"), {"direction": "up"})  # already first
        response = self.client.post(item_url(second, "deplacer"), {"direction": "sideways"})
        self.assertEqual(response.status_code, 302)
        titles = self.titles_on(self.client.get(self.public.get_absolute_url()))
        self.assertEqual(titles[:2], ["Fiche illustrée", "Fiche sans image"])

    # For the public profile page -----------------------------------------------------------

    def test_public_collections_of_counts_only_what_the_viewer_may_see(self):
        collections = public_collections_of(self.owner, AnonymousUser())
        self.assertEqual(
            [(c.title, c.visible_count) for c in collections], [("Ateliers seniors", 3)]
        )
        collections = public_collections_of(self.owner, self.owner)
        self.assertEqual([c.visible_count for c in collections], [4])

        request = RequestFactory().get("/")
        request.user = AnonymousUser()
        html = Template("{% load community_tags %}{% person_collections person %}").render(
            Context({"request": request, "person": self.owner})
        )
        self.assertIn("Ateliers seniors", html)
        self.assertIn("3 ressources", html)
        self.assertNotIn("Brouillons", html)
