"""Tags and themes as pages people can follow, and following a person: tag pages
(/mots-cles/<tag>/), theme pages (/thematiques/<theme>/), « Suivre » on them and on profiles,
and what it brings to « Mon fil » and the weekly digest."""

from django.test import TestCase
from taggit.models import Tag

from accounts.lifecycle import delete_account
from base.models import Role, Visibility
from ressources import versioning
from ressources.models import ResourcePage, Term, Vocabulary
from search import lifecycle as search_lifecycle
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
    theme,
)
from tests.helpers import page_text, soup
from veille.follows import WatchFeed
from veille.models import Follow

MON_FIL = "/compte/mon-fil/"


def new_resource(base, title, user=None, tags=(), themes=None):
    """A resource published the way a person publishes it (its journal says 1.0)."""
    resource = ResourcePageFactory(parent=base, title=title, live=False)
    if themes is not None:
        resource.themes.set(themes)
    for tag in tags:
        resource.tags.add(tag)
    resource.save()
    return versioning.publish(ResourcePage.objects.get(pk=resource.pk), user, [])


class TopicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.resource = ResourcePageFactory(parent=cls.base, title="Fiche : la carte Vitale")
        cls.resource.tags.add("santé", "atelier")
        cls.resource.save_revision().publish()
        cls.private_base = BasePageFactory(title="Base interne", visibility=Visibility.PRIVATE)
        cls.member = BaseMembershipFactory(base=cls.private_base).user
        cls.secret = ResourcePageFactory(parent=cls.private_base, title="Note interne")
        cls.secret.tags.add("projet-confidentiel")
        cls.secret.save_revision().publish()

    def test_tags_and_themes_of_a_resource_are_links(self):
        page = soup(self.client.get(self.resource.url))
        tag = page.find("a", string="#santé")
        self.assertEqual(tag["href"], "/mots-cles/sante/")
        themes = page.find(id="taxonomy-thematique").find_next("ul")
        link = themes.find("a")
        self.assertEqual(link["href"], "/thematiques/maitrise_des_outils_numeriques/")

    def test_a_tag_page_lists_the_resources_that_carry_it(self):
        response = self.client.get("/mots-cles/sante/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Mot-clé : #santé", text)
        self.assertIn("Fiche : la carte Vitale", text)
        self.assertIn("1 ressource porte ce mot-clé", text)
        self.assertIn("Connectez-vous pour suivre ce mot-clé", text)

    def test_a_tag_of_a_private_base_only_shows_to_its_readers(self):
        self.assertEqual(self.client.get("/mots-cles/projet-confidentiel/").status_code, 404)
        self.client.force_login(UserFactory())
        self.assertEqual(self.client.get("/mots-cles/projet-confidentiel/").status_code, 404)
        follow = self.client.post("/mots-cles/projet-confidentiel/suivre/", {"action": "follow"})
        self.assertEqual(follow.status_code, 404)
        self.client.force_login(self.member)
        self.assertIn("Note interne", page_text(self.client.get("/mots-cles/projet-confidentiel/")))
        self.assertEqual(self.client.get("/mots-cles/inconnu/").status_code, 404)

    def test_a_theme_page_lists_its_resources_and_a_retired_theme_sends_to_its_successor(self):
        response = self.client.get("/thematiques/maitrise_des_outils_numeriques/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Fiche : la carte Vitale", page_text(response))
        self.assertNotIn("Note interne", page_text(response))
        current = theme()
        retired = Term.objects.create(
            vocabulary=Vocabulary.THEME,
            slug="ancienne-thematique",
            label="Ancienne thématique",
            active=False,
            successor=current,
        )
        response = self.client.get(f"/thematiques/{retired.slug}/")
        self.assertRedirects(
            response,
            f"/thematiques/{current.slug}/",
            status_code=301,
            fetch_redirect_response=False,
        )
        self.assertEqual(self.client.get("/thematiques/inconnue/").status_code, 404)

    def test_the_search_offers_a_tag_facet(self):
        search_lifecycle.drain()  # the index updates queued by the publications above
        response = self.client.get("/rechercher/?mot-cle=sante")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Fiche : la carte Vitale", text)
        self.assertIn("Mot-clé", text)
        self.assertIn("#santé", text)
        # A private base's tag is neither a filter value nor a result for outsiders.
        self.assertNotIn("projet-confidentiel", response.content.decode())
        hidden = page_text(self.client.get("/rechercher/?mot-cle=projet-confidentiel"))
        self.assertNotIn("Note interne", hidden)


class FollowTopicsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base du Hub")
        cls.reader = UserFactory()
        cls.author = UserFactory(first_name="Amandine", last_name="Roux", username="amandine")
        BaseMembershipFactory(base=cls.base, user=cls.author, role=Role.CONTRIBUTOR)
        cls.parentalite = Term.objects.get(vocabulary=Vocabulary.THEME, slug="parentalite")
        Tag.objects.create(name="atelier", slug="atelier")
        new_resource(cls.base, "Ancienne fiche atelier", tags=["atelier"])

    def follow(self, url):
        self.client.force_login(self.reader)
        return self.client.post(url, {"action": "follow"})

    def test_follow_a_tag_then_its_new_resources_reach_mon_fil(self):
        response = self.follow("/mots-cles/atelier/suivre/")
        self.assertRedirects(response, "/mots-cles/atelier/", fetch_redirect_response=False)
        self.assertTrue(Follow.objects.filter(user=self.reader, tag__slug="atelier").exists())
        self.follow("/mots-cles/atelier/suivre/")  # a double click changes nothing more
        self.assertEqual(Follow.objects.filter(user=self.reader).count(), 1)
        self.assertIn(
            "Ne plus suivre ce mot-clé", page_text(self.client.get("/mots-cles/atelier/"))
        )

        new_resource(self.base, "Fiche : animer un atelier", tags=["atelier"])
        new_resource(self.base, "Fiche sans ce mot-clé", tags=["autre"])
        text = page_text(self.client.get(MON_FIL))
        self.assertIn("Fiche : animer un atelier", text)
        self.assertIn("le mot-clé « atelier »", text)
        self.assertNotIn("Fiche sans ce mot-clé", text)
        self.assertIn("#atelier", text)  # in the list of what the person follows

    def test_follow_a_theme_then_its_new_resources_reach_mon_fil(self):
        response = self.follow("/thematiques/parentalite/suivre/")
        self.assertRedirects(response, "/thematiques/parentalite/", fetch_redirect_response=False)
        new_resource(self.base, "Guide : écrans et famille", themes=[self.parentalite])
        new_resource(self.base, "Fiche hors thématique", themes=[theme()])
        feed = WatchFeed(self.reader)
        titles = [item.resource.title for item in feed[0:10]]
        self.assertEqual(titles, ["Guide : écrans et famille"])
        self.assertIn("la thématique « Parentalité", feed[0].reason)

    def test_follow_a_person_then_what_they_publish_reaches_mon_fil(self):
        self.client.force_login(self.reader)
        profile = page_text(self.client.get("/profils/amandine/"))
        self.assertIn("Suivre ses publications", profile)
        self.follow("/profils/amandine/suivre/")
        self.assertTrue(Follow.objects.filter(user=self.reader, person=self.author).exists())

        new_resource(self.base, "Tutoriel d'Amandine", user=self.author)
        new_resource(self.base, "Fiche de quelqu'un d'autre", user=UserFactory())
        text = page_text(self.client.get(MON_FIL))
        self.assertIn("Tutoriel d'Amandine", text)
        self.assertIn("les publications d'Amandine Roux", text)
        self.assertNotIn("Fiche de quelqu'un d'autre", text)

    def test_refusals(self):
        # Not logged in: sent to the log-in page; nothing followed.
        response = self.client.post("/thematiques/parentalite/suivre/", {"action": "follow"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("/compte/connexion/", response.url)
        self.client.force_login(self.reader)
        self.assertEqual(self.client.get("/mots-cles/atelier/suivre/").status_code, 405)
        bad = self.client.post("/mots-cles/atelier/suivre/", {"action": "tout"})
        self.assertEqual(bad.status_code, 400)
        self.assertEqual(self.client.post("/thematiques/inconnue/suivre/").status_code, 404)
        self_follow = self.client.post(
            f"/profils/{self.reader.username}/suivre/", {"action": "follow"}
        )
        self.assertEqual(self_follow.status_code, 400)
        self.assertFalse(Follow.objects.exists())

    def test_a_deleted_account_is_no_longer_followed(self):
        Follow.objects.create(user=self.reader, person=self.author)
        delete_account(self.author)
        self.assertFalse(Follow.objects.filter(person=self.author).exists())
