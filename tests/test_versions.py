"""The public history of a resource: journal, versions as they were, comparisons, restorations,
Atom feed — seen from the outside, over HTTP."""

import xml.etree.ElementTree as ET
from urllib.parse import quote

from django.contrib.messages import get_messages
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.rich_text import RichText

from base.models import ContributionMode, Role, Visibility
from organisations.models import Organisation
from ressources import versioning
from ressources.diff import compare_pages, diff_list, diff_text, page_snapshot
from ressources.models import ResourceCredit, ResourcePage
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    ResourcePageFactory,
    UserFactory,
    licence,
    theme,
)
from tests.helpers import page_text, soup

ATOM = "{http://www.w3.org/2005/Atom}"
PURPOSE = (
    "Cette ressource est un commun : elle a vocation à évoluer en fonction des retours de ses "
    "utilisateurs et des contributeurs."
)


def journal_url(resource):
    return resource.url + "journal-des-versions/"


def feed_url(resource):
    return resource.url + "journal-des-versions/atom/"


def version_url(resource, number):
    """Version « 1.0 » lives at …/versions/1-0/ (Wagtail page addresses admit no dots)."""
    return f"{resource.url}versions/{number.replace('.', '-')}/"


def restore_url(resource, number):
    return f"{resource.url}versions/{number.replace('.', '-')}/restaurer/"


def compare_url(resource, old=None, new=None):
    url = resource.url + "comparer/"
    if old is not None or new is not None:
        url += f"?de={quote(old or '')}&a={quote(new or '')}"
    return url


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def publish(resource, user, lines, major=False, **fields):
    """Publish a new version of `resource` with some fields changed, as a contributor would."""
    page = ResourcePage.objects.get(pk=resource.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    return versioning.publish(page, user, lines, major=major)


def body(*paragraphs, heading=None):
    blocks = []
    if heading:
        blocks.append(("heading", {"text": heading, "level": "h2"}))
    blocks += [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]
    return blocks


class VersionTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = Organisation.objects.create(name="Hub du Sud", slug="hub-du-sud")
        cls.base = BasePageFactory(title="Base des médiateurs")
        cls.admin = BaseMembershipFactory(
            base=cls.base,
            role=Role.ADMIN,
            user=UserFactory(first_name="Sarah", last_name="Benali", organisation=cls.organisation),
        ).user
        cls.contributor = BaseMembershipFactory(
            base=cls.base,
            role=Role.CONTRIBUTOR,
            user=UserFactory(first_name="Medi", last_name="Contrib"),
        ).user
        cls.outsider = UserFactory()
        cls.resource = ResourcePageFactory(
            parent=cls.base,
            title="Fiche : créer sa boîte mail",
            summary="Pas à pas pour ouvrir une adresse e-mail.",
            body=body("Ouvrez le site du fournisseur.", heading="Avant de commencer"),
        )
        cls.v1_1 = publish(
            cls.resource,
            cls.admin,
            ["Ajout d'une étape sur le mot de passe", "Correction des liens"],
            summary="Pas à pas pour ouvrir et sécuriser une adresse e-mail.",
            body=body(
                "Ouvrez le site du fournisseur.",
                "Choisissez un mot de passe robuste.",
                heading="Avant de commencer",
            ),
            themes=[theme("communs_numeriques")],
            licence=licence("CC-BY-SA-4.0"),
        )

    def setUp(self):
        self.resource.refresh_from_db()


class NumberingTests(VersionTestCase):
    def test_first_publication_is_1_0_then_1_1_then_major_2_0(self):
        numbers = list(
            self.resource.versions.order_by("major", "minor").values_list("major", "minor")
        )
        self.assertEqual(numbers, [(1, 0), (1, 1)])
        self.assertEqual(
            self.resource.versions.get(major=1, minor=0).change_lines, ["Première publication"]
        )
        v1_2 = publish(self.resource, self.admin, ["Mise à jour des captures"])
        self.assertEqual(v1_2.number, "1.2")
        v2 = publish(self.resource, self.admin, ["Refonte complète"], major=True)
        self.assertEqual(v2.number, "2.0")
        self.assertEqual(publish(self.resource, self.admin, ["Coquille"]).number, "2.1")


class JournalTests(VersionTestCase):
    def test_journal_shows_purpose_and_table_oldest_first(self):
        response = self.client.get(journal_url(self.resource))
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("À quoi sert ce journal ?", text)
        self.assertIn(PURPOSE, text)
        self.assertIn("Historique des modifications", text)
        table = soup(response).select_one(".bc-journal table")
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        self.assertEqual(headers, ["Date", "Responsable de la version", "Changements", "Version"])
        rows = table.select("tbody tr")
        self.assertEqual(len(rows), 2)
        first, second = (row.find_all("td") for row in rows)
        self.assertEqual(first[3].find("a").get_text(strip=True), "1.0")
        self.assertEqual(second[3].find("a").get_text(strip=True), "1.1")
        self.assertEqual(
            second[0].get_text(strip=True),
            timezone.localtime(self.v1_1.published_at).strftime("%d/%m/%Y"),
        )
        self.assertRegex(first[0].get_text(strip=True), r"^\d\d/\d\d/\d{4}$")
        self.assertEqual(second[1].get_text(strip=True), "Sarah Benali — Hub du Sud")
        self.assertEqual(
            [li.get_text(strip=True) for li in second[2].select("li")],
            ["Ajout d'une étape sur le mot de passe", "Correction des liens"],
        )
        self.assertEqual(second[3].find("a")["href"], version_url(self.resource, "1.1"))
        self.assertIn("Actuelle", second[3].get_text())
        self.assertNotIn("Actuelle", first[3].get_text())

    def test_journal_links_the_feed_and_has_a_compare_form(self):
        page = soup(self.client.get(journal_url(self.resource)))
        self.assertTrue(page.select_one(f'link[rel="alternate"][href="{feed_url(self.resource)}"]'))
        self.assertTrue(page.select_one(f'a[href="{feed_url(self.resource)}"]'))
        form = page.select_one(f'form[action="{compare_url(self.resource)}"]')
        self.assertEqual(form["method"], "get")
        self.assertEqual(form.select_one('select[name="de"] option[selected]')["value"], "1.0")
        self.assertEqual(form.select_one('select[name="a"] option[selected]')["value"], "1.1")

    def test_breadcrumb_goes_through_the_base_and_the_resource(self):
        crumbs = soup(self.client.get(journal_url(self.resource))).select(".fr-breadcrumb li")
        labels = [li.get_text(strip=True) for li in crumbs]
        self.assertEqual(
            labels[-3:], [self.base.title, self.resource.title, "Journal des versions"]
        )

    def test_restore_buttons_only_for_base_admins(self):
        for user in (None, self.contributor, self.outsider):
            if user:
                self.client.force_login(user)
            page = soup(self.client.get(journal_url(self.resource)))
            self.assertEqual(page.select("form.bc-journal__restore"), [], user)
        self.client.force_login(self.admin)
        forms = soup(self.client.get(journal_url(self.resource))).select("form.bc-journal__restore")
        self.assertEqual([form["action"] for form in forms], [restore_url(self.resource, "1.0")])
        self.assertEqual(forms[0]["method"], "post")

    def test_resource_page_shows_its_version_linking_to_the_journal(self):
        response = self.client.get(self.resource.url)
        link = soup(response).select_one(f'.bc-dates a[href="{journal_url(self.resource)}"]')
        self.assertEqual(link.get_text(strip=True), "Version 1.1")


class EscapingTests(VersionTestCase):
    def test_change_lines_are_text_everywhere(self):
        line = "Balise <script>alert(1)</script> & co"
        publish(self.resource, self.admin, [line], title="Titre <b>gras</b>")
        for url in (journal_url(self.resource), compare_url(self.resource)):
            response = self.client.get(url)
            self.assertNotIn(b"<script>alert", response.content)
            self.assertNotIn(b"<b>gras", response.content)
        root = ET.fromstring(self.client.get(feed_url(self.resource)).content)
        entry = root.find(f"{ATOM}entry")
        self.assertEqual(entry.findtext(f"{ATOM}title"), "Version 1.2 — Titre <b>gras</b>")
        self.assertIn(line, entry.findtext(f"{ATOM}content"))
        self.assertIn("&lt;script&gt;", entry.findtext(f"{ATOM}summary"))


class VersionPageTests(VersionTestCase):
    def test_old_version_renders_its_own_content_with_a_banner(self):
        response = self.client.get(version_url(self.resource, "1.0"))
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Pas à pas pour ouvrir une adresse e-mail.", text)
        self.assertNotIn("sécuriser", text)
        self.assertNotIn("Choisissez un mot de passe robuste.", text)
        self.assertIn("Avant de commencer", text)
        self.assertIn("Vous consultez la version 1.0", text)
        page = soup(response)
        banner = page.select_one(".bc-version-banner")
        self.assertTrue(banner.select_one(f'a[href="{self.resource.url}"]'))
        self.assertIn("Voir la version actuelle (1.1)", banner.get_text(" ", strip=True))
        self.assertTrue(page.select_one('meta[name="robots"][content="noindex"]'))
        # The historical licence, not the live one.
        self.assertIn("Creative Commons Attribution 4.0 International", text)
        self.assertNotIn("Partage dans les mêmes conditions 4.0", text)
        # Contribution actions apply to the current version only.
        self.assertNotIn("Faire vivre cette ressource", text)
        version_link = page.select_one(f'.bc-dates a[href="{journal_url(self.resource)}"]')
        self.assertEqual(version_link.get_text(strip=True), "Version 1.0")

    def test_current_version_url_has_no_banner(self):
        response = self.client.get(version_url(self.resource, "1.1"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choisissez un mot de passe robuste.", page_text(response))
        page = soup(response)
        self.assertIsNone(page.select_one(".bc-version-banner"))
        self.assertIsNone(page.select_one('meta[name="robots"]'))

    def test_old_version_keeps_the_current_address_after_a_slug_change(self):
        publish(self.resource, self.admin, ["Nouvelle adresse"], slug="fiche-boite-mail")
        resource = ResourcePage.objects.get(pk=self.resource.pk)
        response = self.client.get(version_url(resource, "1.0"))
        self.assertEqual(response.status_code, 200)
        banner = soup(response).select_one(".bc-version-banner")
        self.assertTrue(banner.select_one(f'a[href="{resource.url}"]'))
        self.assertTrue(banner.select_one(f'a[href="{journal_url(resource)}"]'))

    def test_unknown_version_is_404(self):
        for number in ("3.0", "1.9", "0.0", "99999999999999999999.1"):
            self.assertEqual(self.client.get(version_url(self.resource, number)).status_code, 404)
        self.assertEqual(self.client.get(self.resource.url + "versions/abc/").status_code, 404)


class CompareTests(VersionTestCase):
    def test_default_compares_previous_and_current(self):
        response = self.client.get(compare_url(self.resource))
        self.assertEqual(response.status_code, 200)
        page = soup(response)
        self.assertIn("Différences entre les versions 1.0 et 1.1", page.h1.get_text())
        ins = " ".join(tag.get_text(" ", strip=True) for tag in page.select(".bc-diff ins"))
        dels = " ".join(tag.get_text(" ", strip=True) for tag in page.select(".bc-diff del"))
        self.assertIn("sécuriser", ins)  # summary
        self.assertIn("Choisissez un mot de passe robuste.", ins)  # body
        self.assertIn("Communs numériques", ins)  # theme
        self.assertIn("Maîtrise des outils numériques", dels)
        self.assertIn("Partage dans les mêmes conditions", ins)  # licence
        self.assertIn("Ajout :", ins)
        self.assertIn("Suppression :", dels)
        for tag in page.select(".bc-diff ins, .bc-diff del"):
            if "bc-diff__legend" in (tag.parent.get("class") or []):
                continue
            self.assertTrue(tag.select_one(".fr-sr-only"), tag)
        self.assertTrue(page.select_one('link[href$="css/versions.css"]'))
        self.assertIn("Sans changement : Titre", page_text(response))
        self.assertIn("Ajout d'une étape sur le mot de passe", page_text(response))

    def test_reverse_comparison_shows_deletions(self):
        page = soup(self.client.get(compare_url(self.resource, "1.1", "1.0")))
        dels = " ".join(tag.get_text(" ", strip=True) for tag in page.select(".bc-diff del"))
        self.assertIn("Choisissez un mot de passe robuste.", dels)

    def test_same_version_on_both_sides(self):
        response = self.client.get(compare_url(self.resource, "1.1", "1.1"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Les deux versions sont identiques", page_text(response))
        self.assertIsNone(soup(response).select_one(".bc-diff"))

    def test_bad_parameters_show_the_form_with_a_french_error(self):
        cases = [
            ("9.9", "1.1"),
            ("1.0", ""),
            ("abc", "1.1"),
            ("1" * 5000, "1.1"),
            ("-1.0", "1.1"),
            ("1.0.0", "1.1"),
            ("1.0\n", "1.1"),
            ("١.٠", "1.1"),  # Arabic-Indic digits are digits for \d, not version numbers
        ]
        for old, new in cases:
            response = self.client.get(compare_url(self.resource, old, new))
            self.assertEqual(response.status_code, 200, (old, new))
            page = soup(response)
            self.assertTrue(page.select_one(".fr-alert--error"), (old, new))
            self.assertTrue(page.select_one('form select[name="de"]'), (old, new))
            self.assertIsNone(page.select_one(".bc-diff"), (old, new))
        self.assertIn(
            "La version 9.9 n'existe pas pour cette ressource.",
            page_text(self.client.get(compare_url(self.resource, "9.9", "1.1"))),
        )
        for query in ("?de=1.0", "?a=1.1", "?de[]=1&a=1.1", "?de=1.0&de=1.1"):
            response = self.client.get(self.resource.url + "comparer/" + query)
            self.assertEqual(response.status_code, 200, query)
        # Control characters are refused at the door (base.input_guard), with a French 400.
        for query in ("?de=%00&a=%00", "?de=1.0&a=1.1%00"):
            response = self.client.get(self.resource.url + "comparer/" + query)
            self.assertEqual(response.status_code, 400, query)

    def test_resource_with_a_single_version_has_nothing_to_compare(self):
        resource = ResourcePageFactory(parent=self.base)
        response = self.client.get(compare_url(resource))
        self.assertEqual(response.status_code, 200)
        self.assertIn("n'a qu'une version", page_text(response))

    def test_credits_and_tags_are_compared(self):
        page = ResourcePage.objects.get(pk=self.resource.pk)
        page.credits = [ResourceCredit(kind="person", name="Inès Martin", role="redaction")]
        page.tags.add("messagerie")
        versioning.publish(page, self.admin, ["Crédits"])
        ins = " ".join(
            tag.get_text(" ", strip=True)
            for tag in soup(self.client.get(compare_url(self.resource, "1.1", "1.2"))).select(
                ".bc-diff ins"
            )
        )
        self.assertIn("Inès Martin (Rédaction)", ins)
        self.assertIn("messagerie", ins)


class DiffFunctionTests(VersionTestCase):
    def test_snapshot_sections_are_in_order(self):
        snapshot = page_snapshot(self.resource)
        self.assertEqual(
            list(snapshot),
            [
                "title",
                "summary",
                "themes",
                "resource_types",
                "beneficiaries",
                "professional_sectors",
                "tags",
                "licence",
                "credits",
                "body",
            ],
        )
        self.assertEqual(snapshot["themes"], ["Communs numériques"])
        self.assertIn("Avant de commencer\n\nOuvrez le site du fournisseur.", snapshot["body"])

    def test_compare_pages_of_two_revisions(self):
        old = self.resource.versions.get(major=1, minor=0).as_page()
        sections = compare_pages(old, self.resource)
        changed = [section.label for section in sections if section.changed]
        self.assertEqual(changed, ["Résumé", "Thématiques", "Licence", "Contenu"])
        self.assertTrue(sections.has_changes)

    def test_every_kind_of_block_gives_text(self):
        page = ResourcePage.objects.get(pk=self.resource.pk)
        page.body = [
            ("heading", {"text": "Étapes", "level": "h2"}),
            (
                "paragraph",
                RichText("<p>Un <b>texte</b></p><ul><li>point A</li><li>point B</li></ul>"),
            ),
            ("callout", {"title": "Attention", "text": RichText("<p>Gardez le code.</p>")}),
            ("link", {"url": "https://example.org", "title": "Le site", "description": "Aide"}),
            (
                "image",
                {"image": ImageFactory(), "alt_text": "Écran d'accueil", "caption": "Fig. 1"},
            ),
            (
                "video",
                {"video": "https://example.org/v", "title": "Tutoriel", "transcript": "Bonjour"},
            ),
        ]
        self.assertEqual(
            page_snapshot(page)["body"],
            "Étapes\n\nUn texte\npoint A\npoint B\n\nAttention\nGardez le code.\n\n"
            "Lien : Le site\nAide\n\nImage : Écran d'accueil\nLégende : Fig. 1\n\n"
            "Vidéo : Tutoriel\nBonjour",
        )

    def test_word_and_item_diffs(self):
        segments = diff_text("un deux trois", "un quatre trois")
        self.assertEqual(
            [(s.kind, s.text.strip()) for s in segments],
            [("equal", "un"), ("delete", "deux"), ("insert", "quatre"), ("equal", "trois")],
        )
        self.assertEqual(
            [(s.kind, s.text) for s in diff_list(["a", "b"], ["b", "c"])],
            [("delete", "a"), ("equal", "b"), ("insert", "c")],
        )


class RestoreTests(VersionTestCase):
    def test_base_admin_restores_an_old_version_as_a_new_one(self):
        self.client.force_login(self.admin)
        response = self.client.post(restore_url(self.resource, "1.0"))
        self.assertRedirects(response, journal_url(self.resource), fetch_redirect_response=False)
        self.assertEqual(
            messages_of(response),
            ["La version 1.0 est restaurée : elle est publiée comme version 1.2."],
        )
        new = self.resource.versions.get(major=1, minor=2)
        self.assertEqual(new.change_lines, ["Restauration de la version 1.0"])
        self.assertEqual(new.restored_from.number, "1.0")
        self.assertEqual(new.user, self.admin)

        journal = self.client.get(journal_url(self.resource))
        rows = soup(journal).select(".bc-journal tbody tr")
        self.assertEqual(len(rows), 3)
        self.assertIn("Restauration de la version 1.0", rows[2].get_text(" ", strip=True))
        self.assertTrue(rows[2].select_one(f'a[href="{version_url(self.resource, "1.0")}"]'))
        self.assertIn("restaurée", page_text(journal))  # the message is shown there
        # 1.2 already restores 1.0: only 1.1 can still be restored.
        forms = soup(journal).select("form.bc-journal__restore")
        self.assertEqual([form["action"] for form in forms], [restore_url(self.resource, "1.1")])

        live = page_text(self.client.get(self.resource.url))
        self.assertIn("Pas à pas pour ouvrir une adresse e-mail.", live)
        self.assertNotIn("Choisissez un mot de passe robuste.", live)
        self.assertIn("Version 1.2", live)

        entry = PageLogEntry.objects.get(action="ressources.restore", page_id=self.resource.pk)
        self.assertEqual(entry.user, self.admin)
        self.assertEqual(entry.data, {"restored": "1.0", "version": "1.2"})

    def test_restoring_the_current_version_is_refused(self):
        self.client.force_login(self.admin)
        response = self.client.post(restore_url(self.resource, "1.1"))
        self.assertRedirects(response, journal_url(self.resource), fetch_redirect_response=False)
        self.assertIn("déjà la version actuelle", messages_of(response)[0])
        self.assertEqual(self.resource.versions.count(), 2)

    def test_restoring_twice_in_a_row_is_refused(self):
        self.client.force_login(self.admin)
        self.client.post(restore_url(self.resource, "1.0"))
        response = self.client.post(restore_url(self.resource, "1.0"))
        self.assertIn("déjà une restauration", messages_of(response)[-1])
        self.assertEqual(self.resource.versions.count(), 3)

    def test_contributor_and_outsider_cannot_restore(self):
        for user in (self.contributor, self.outsider):
            self.client.force_login(user)
            self.assertEqual(self.client.post(restore_url(self.resource, "1.0")).status_code, 403)
        self.assertEqual(self.resource.versions.count(), 2)

    def test_open_base_does_not_let_registered_people_restore(self):
        base = BasePageFactory(contribution_mode=ContributionMode.OPEN)
        resource = ResourcePageFactory(parent=base)
        publish(resource, self.outsider, ["Une modification"])
        self.client.force_login(self.outsider)
        self.assertEqual(self.client.post(restore_url(resource, "1.0")).status_code, 403)

    def test_anonymous_is_sent_to_log_in(self):
        response = self.client.post(restore_url(self.resource, "1.0"))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/compte/connexion/", response["Location"])
        self.assertEqual(self.resource.versions.count(), 2)

    def test_get_is_not_allowed(self):
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get(restore_url(self.resource, "1.0")).status_code, 405)
        self.assertEqual(self.resource.versions.count(), 2)

    def test_csrf_token_is_required(self):
        client = self.client_class(enforce_csrf_checks=True)
        client.force_login(self.admin)
        self.assertEqual(client.post(restore_url(self.resource, "1.0")).status_code, 403)
        self.assertEqual(self.resource.versions.count(), 2)

    def test_unknown_version_is_404(self):
        self.client.force_login(self.admin)
        self.assertEqual(self.client.post(restore_url(self.resource, "7.0")).status_code, 404)


class FeedTests(VersionTestCase):
    def test_feed_has_one_entry_per_version_newest_first(self):
        response = self.client.get(feed_url(self.resource))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
        root = ET.fromstring(response.content)
        self.assertEqual(root.tag, f"{ATOM}feed")
        entries = root.findall(f"{ATOM}entry")
        self.assertEqual(len(entries), 2)
        newest = entries[0]
        self.assertEqual(
            newest.findtext(f"{ATOM}title"), "Version 1.1 — Fiche : créer sa boîte mail"
        )
        self.assertTrue(
            newest.find(f"{ATOM}link").get("href").endswith(version_url(self.resource, "1.1"))
        )
        self.assertIn("Correction des liens", newest.findtext(f"{ATOM}content"))
        self.assertEqual(
            newest.find(f"{ATOM}author").findtext(f"{ATOM}name"), "Sarah Benali — Hub du Sud"
        )
        self.assertTrue(newest.findtext(f"{ATOM}published"))
        self.assertEqual(entries[1].findtext(f"{ATOM}title").split(" — ")[0], "Version 1.0")

    def test_entry_titles_are_the_titles_of_their_version(self):
        publish(self.resource, self.admin, ["Nouveau titre"], title="Ouvrir sa messagerie")
        root = ET.fromstring(self.client.get(feed_url(self.resource)).content)
        titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
        self.assertEqual(titles[0], "Version 1.2 — Ouvrir sa messagerie")
        self.assertEqual(titles[1], "Version 1.1 — Fiche : créer sa boîte mail")


class PrivateBaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(visibility=Visibility.PRIVATE)
        cls.resource = ResourcePageFactory(parent=cls.base, title="Protocole interne")
        cls.member = BaseMembershipFactory(base=cls.base, role=Role.CONTRIBUTOR).user
        cls.admin = BaseMembershipFactory(base=cls.base, role=Role.ADMIN).user
        publish(cls.resource, cls.admin, ["Mise à jour"], summary="Nouveau résumé interne.")
        cls.outsider = UserFactory()

    def urls(self):
        return [
            journal_url(self.resource),
            version_url(self.resource, "1.0"),
            version_url(self.resource, "1.1"),
            compare_url(self.resource),
            compare_url(self.resource, "1.0", "1.1"),
            feed_url(self.resource),
        ]

    def test_anonymous_and_outsiders_get_404(self):
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 404, url)
        self.assertEqual(self.client.post(restore_url(self.resource, "1.0")).status_code, 404)
        self.client.force_login(self.outsider)
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 404, url)
        self.assertEqual(self.client.post(restore_url(self.resource, "1.0")).status_code, 404)
        self.assertEqual(self.resource.versions.count(), 2)

    def test_members_read_the_history(self):
        self.client.force_login(self.member)
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 200, url)
        self.assertEqual(self.client.post(restore_url(self.resource, "1.0")).status_code, 403)

    def test_the_base_admin_restores(self):
        self.client.force_login(self.admin)
        response = self.client.post(restore_url(self.resource, "1.0"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.resource.versions.count(), 3)


class SearchTests(TestCase):
    def test_an_old_version_is_not_found_as_if_it_were_current(self):
        admin = UserFactory(superuser=True)
        # The index follows publications once they are committed.
        with self.captureOnCommitCallbacks(execute=True):
            resource = ResourcePageFactory(title="Atelier zygomorphe pour débutants")
        with self.captureOnCommitCallbacks(execute=True):
            publish(resource, admin, ["Nouveau titre"], title="Atelier xylographie pour débutants")
        old = self.client.get("/rechercher/?q=zygomorphe")
        self.assertEqual(old.status_code, 200)
        self.assertIsNone(soup(old).select_one(f'a[href="{resource.url}"]'))
        self.assertNotIn("zygomorphe pour débutants", page_text(old))
        new = self.client.get("/rechercher/?q=xylographie")
        self.assertIn("Atelier xylographie pour débutants", page_text(new))
        self.assertTrue(soup(new).select_one(f'a[href="{resource.url}"]'))
