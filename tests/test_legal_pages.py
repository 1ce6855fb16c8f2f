"""The pages a State site must have (legal/): reachable from every footer, with real content,
editable by staff, and a plan du site that never names a private base."""

import io
import random

from django.core.management import call_command
from django.test import TestCase

from base.models import Visibility
from label.criteria import Criterion
from legal.models import LegalKind, LegalPage, SitePlanPage
from legal.seed import ensure_legal_pages
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, soup
from tests.label_factories import LabelRequestFactory

PAGES = {
    "/mentions-legales/": "Mentions légales",
    "/donnees-personnelles/": "Données personnelles",
    "/gestion-des-cookies/": "Gestion des cookies",
    "/accessibilite/": "Déclaration d'accessibilité",
    "/conditions-d-utilisation/": "Conditions d'utilisation",
    "/plan-du-site/": "Plan du site",
}
FOOTER = {
    "Plan du site": "/plan-du-site/",
    "Accessibilité : non conforme": "/accessibilite/",
    "Mentions légales": "/mentions-legales/",
    "Données personnelles": "/donnees-personnelles/",
    "Gestion des cookies": "/gestion-des-cookies/",
    "Conditions d'utilisation": "/conditions-d-utilisation/",
}


class LegalPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.created = ensure_legal_pages()
        cls.public = BasePageFactory(title="Base des médiathèques de Loire")
        cls.collection = ResourceCollectionPageFactory(
            parent=cls.public, title="Sélection pour débuter"
        )
        cls.resource = ResourcePageFactory(parent=cls.public, title="Fiche : créer son compte")
        cls.private = BasePageFactory(title="Espace interne du Hub", visibility=Visibility.PRIVATE)
        ResourceCollectionPageFactory(parent=cls.private, title="Collection interne du Hub")
        cls.member = UserFactory()
        BaseMembershipFactory(base=cls.private, user=cls.member)

    def test_each_page_answers_with_its_title(self):
        self.assertEqual(len(self.created), 6)
        for url, title in PAGES.items():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(soup(response).h1.get_text(strip=True), title)

    def test_pages_say_what_the_law_asks(self):
        def text(url):
            return page_text(self.client.get(url))

        accessibility = text("/accessibilite/")
        for phrase in (
            "non conforme",
            "RGAA",
            "axe-core",
            "55 pages",
            "Dérogations pour charge disproportionnée",
            "Défenseur des droits",
            "Libre réponse 71120",
            "societe.numerique@anct.gouv.fr",
        ):
            self.assertIn(phrase, accessibility)
        data = text("/donnees-personnelles/")
        for phrase in (
            "Agence nationale de la cohésion des territoires",
            "Ni votre compte, ni votre adresse IP, ni votre session ne sont enregistrés",
            "Supprimer mon compte",
            "CNIL",
            "Combien de temps",
        ):
            self.assertIn(phrase, data)
        cookies = text("/gestion-des-cookies/")
        for phrase in ("sessionid", "csrftoken", "aucun cookie de mesure d'audience"):
            self.assertIn(phrase, cookies)
        mentions = text("/mentions-legales/")
        self.assertIn("Directeur ou directrice de la publication", mentions)
        self.assertIn("[À compléter par l'opérateur", mentions)  # never an invented name
        self.assertIn("Mise à jour le", mentions)

    def test_the_footer_of_any_page_links_to_every_one(self):
        url = random.choice(
            [
                "/",
                self.public.url,
                self.resource.url,
                self.collection.url,
                "/rechercher/?q=fiche",
                "/label-nec/",
                "/compte/connexion/",
                "/mentions-legales/",
                "/page-qui-n-existe-pas/",
            ]
        )
        footer = soup(self.client.get(url)).find("footer")
        links = {
            a.get_text(" ", strip=True): a["href"]
            for a in footer.select(".fr-footer__bottom-list a")
        }
        for label, href in FOOTER.items():
            with self.subTest(url=url, link=label):
                self.assertEqual(links.get(label), href)

    def test_the_footer_follows_a_renamed_page(self):
        page = LegalPage.objects.get(kind=LegalKind.COOKIES)
        page.slug = "cookies"
        page.save_revision().publish()
        footer = soup(self.client.get("/")).find("footer")
        self.assertIsNotNone(footer.find("a", href="/cookies/", string="Gestion des cookies"))

    def test_plan_lists_public_pages_and_no_private_base(self):
        for user in (None, self.member):  # the same plan for everyone, members included
            if user:
                self.client.force_login(user)
            response = self.client.get("/plan-du-site/")
            plan = soup(response).find("nav", attrs={"aria-label": "Plan du site"})
            hrefs = {a["href"] for a in plan.find_all("a")}
            text = plan.get_text(" ")
            self.assertIn("Base des médiathèques de Loire (1 ressource)", " ".join(text.split()))
            self.assertIn(self.public.url, hrefs)
            self.assertIn(self.collection.url, hrefs)
            self.assertIn("/rechercher/", hrefs)
            self.assertIn("/mentions-legales/", hrefs)
            self.assertNotIn("Espace interne du Hub", text)
            self.assertNotIn("Collection interne du Hub", text)
            self.assertNotIn(self.private.url, hrefs)
        self.client.logout()
        for href in hrefs:
            with self.subTest(href=href):
                self.assertIn(self.client.get(href).status_code, (200, 302))

    def test_the_first_address_of_the_conditions_redirects(self):
        response = self.client.get("/compte/conditions-d-utilisation/")
        self.assertRedirects(response, "/conditions-d-utilisation/")
        signup = soup(self.client.get("/compte/inscription/"))
        link = signup.find("a", string="Lire les conditions d'utilisation")
        self.assertEqual(self.client.get(link["href"], follow=True).status_code, 200)

    def test_staff_edit_them_in_the_admin(self):
        admin = UserFactory(is_staff=True, is_superuser=True)
        self.client.force_login(admin)
        page = LegalPage.objects.get(kind=LegalKind.ACCESSIBILITY)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Nature de la page")
        self.assertFalse(LegalPage.can_create_at(self.public))
        self.assertFalse(SitePlanPage.can_create_at(page.get_parent()))  # only one plan

    def test_the_command_creates_only_what_is_missing(self):
        page = LegalPage.objects.get(kind=LegalKind.MENTIONS)
        page.body = "<p>Texte revu par l'équipe.</p>"
        page.save_revision().publish()
        LegalPage.objects.get(kind=LegalKind.COOKIES).delete()
        out = io.StringIO()
        call_command("legal_pages", stdout=out)
        self.assertIn("Pages créées : Gestion des cookies.", out.getvalue())
        self.assertIn("Texte revu par l'équipe.", page_text(self.client.get("/mentions-legales/")))
        out = io.StringIO()
        call_command("legal_pages", stdout=out)
        self.assertIn("rien à faire", out.getvalue())


class OnlySessionAndCsrfCookies(TestCase):
    """« Gestion des cookies » says the site sets only `sessionid` and `csrftoken`."""

    def test_a_visit_with_log_in_forms_and_messages_sets_no_other_cookie(self):
        user = UserFactory()
        draft = LabelRequestFactory(applicant=user, with_assessments=False)
        set_cookies = set()

        def visit(response):
            set_cookies.update(response.cookies.keys())
            return response

        visit(self.client.get("/"))
        visit(self.client.get("/compte/connexion/"))
        visit(self.client.get("/rechercher/", {"q": "atelier"}))
        self.client.force_login(user)
        step = f"/label-nec/demandes/{draft.pk}/etape-3/"
        data = {f"{c.value}-justification": "" for c in Criterion}
        data["action"] = "draft"
        response = self.client.post(step, data)
        visit(response)
        page = visit(self.client.get(response["Location"]))
        self.assertIn("Brouillon enregistré.", page_text(page))  # a message was shown
        self.assertEqual(set_cookies - {"sessionid", "csrftoken"}, set())
        self.assertIn("csrftoken", set_cookies)
