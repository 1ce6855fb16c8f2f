"""Wiki-style contribution from the public site (ressources/views/contribution.py), over HTTP.

Per contribution mode of the base: curated (members edit), open (anyone registered edits and
publishes), suggestions (anyone registered proposes, the base's admins review). Forms are read
from the pages and posted back the way a browser does, with the person's changes.
"""

import html

from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.shortcuts import resolve_url
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import PageLogEntry

import ressources.admin_conflicts  # noqa: F401 -- registers its hook (wired in wagtail_hooks)
from accounts.models import Notification
from base.models import ContributionMode, Role, Visibility
from ressources.models import ChangeProposal, ProposalStatus, ResourcePage, Term, Vocabulary
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
    resource_type,
    theme,
)
from tests.helpers import page_text, resource_form_data, soup

PARAGRAPH_ID = "0b9c3f8e-6f5a-4a8e-9d57-3f0d2c1a0001"
HEADING_ID = "0b9c3f8e-6f5a-4a8e-9d57-3f0d2c1a0002"
LINK_ID = "0b9c3f8e-6f5a-4a8e-9d57-3f0d2c1a0003"
CALLOUT_ID = "0b9c3f8e-6f5a-4a8e-9d57-3f0d2c1a0004"

BODY = [
    {"type": "heading", "value": {"text": "Avant de commencer", "level": "h2"}, "id": HEADING_ID},
    {
        "type": "paragraph",
        "value": '<p>Ouvrez le site <b>officiel</b> de la <a href="https://www.caf.fr">CAF</a>.</p>'
        "<ul><li>un identifiant</li><li>un mot de passe</li></ul>",
        "id": PARAGRAPH_ID,
    },
    {
        "type": "link",
        "value": {
            "url": "https://www.service-public.fr",
            "title": "Service public",
            "description": "",
        },
        "id": LINK_ID,
    },
    {
        "type": "callout",
        "value": {
            "title": "Attention",
            "text": "<p>Gardez vos codes <i>secrets</i>.</p>",
            "kind": "warning",
        },
        "id": CALLOUT_ID,
    },
]

THEME_REQUIRED = "Choisissez au moins une thématique pour publier la ressource."
TITLE_TOO_LONG = "Le titre ne doit pas dépasser 100 caractères (il en compte 101)."
TAGS_REFUSED = "Le texte ne peut pas contenir de balises HTML"
CHANGES_REQUIRED = "Décrivez les changements de cette version, un par ligne."


def text(response):
    return html.unescape(response.content.decode())


def form_data(response, selector="form.bc-contribution-form"):
    """What a browser would post from the form: hidden and text inputs, textareas, checked boxes."""
    form = soup(response).select_one(selector)
    assert form is not None, f"no form {selector!r} in the page"
    data = {}
    for field in form.select("input, textarea"):
        name = field.get("name")
        if not name:
            continue
        if field.name == "textarea":
            data[name] = field.text.removeprefix("\n")
            continue
        kind = field.get("type", "text")
        if kind == "checkbox":
            if field.has_attr("checked"):
                value = field.get("value", "on")
                if name in data:
                    existing = data[name] if isinstance(data[name], list) else [data[name]]
                    data[name] = existing + [value]
                else:
                    data[name] = [value]
            continue
        data[name] = field.get("value", "")
    return data


def block_field(data, block_id, suffix="text"):
    """The POST key of a body block's field, found from its id."""
    for key, value in data.items():
        if key.endswith("-id") and value == block_id:
            return key[: -len("id")] + suffix
    raise AssertionError(f"block {block_id} not in the form")


def logged(resource, action, user=None):
    entries = PageLogEntry.objects.filter(page_id=resource.pk, action=action)
    if user is not None:
        entries = entries.filter(user=user)
    return entries.exists()


class ContributionTestCase(TestCase):
    mode = ContributionMode.CURATED

    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base des médiateurs", contribution_mode=cls.mode)
        cls.resource = ResourcePageFactory(
            parent=cls.base,
            title="Fiche : créer son compte CAF",
            summary="Pas à pas pour ouvrir son espace personnel.",
            body=BODY,
        )
        cls.admin = BaseMembershipFactory(
            base=cls.base, role=Role.ADMIN, user__first_name="Sarah", user__last_name="Hub"
        ).user
        cls.member = BaseMembershipFactory(
            base=cls.base, role=Role.CONTRIBUTOR, user__first_name="Medi", user__last_name="Contrib"
        ).user
        cls.outsider = UserFactory(first_name="Lou", last_name="Passante")

    def url(self, name, *args):
        return self.resource.url + self.resource.reverse_subpage(name, args=args)

    def client_for(self, user):
        client = Client()
        client.force_login(user)
        return client

    def fresh(self):
        return ResourcePage.objects.get(pk=self.resource.pk)

    def versions(self):
        return list(self.fresh().versions.order_by("major", "minor"))

    def edit(self, client, url_name="edit", **changes):
        """GET the form, change fields (title=…, summary=…, changes=…), POST it back."""
        response = client.get(self.url(url_name))
        self.assertEqual(response.status_code, 200)
        data = form_data(response)
        data.update(changes)
        return client.post(self.url(url_name), data)

    def assert_login_redirect(self, response):
        self.assertEqual(response.status_code, 302)
        self.assertTrue(
            response["Location"].startswith(resolve_url(settings.LOGIN_URL) + "?next="),
            response["Location"],
        )


class CuratedModeTests(ContributionTestCase):
    mode = ContributionMode.CURATED

    def test_member_edits_from_the_public_form(self):
        client = self.client_for(self.member)
        response = client.get(self.url("edit"))
        self.assertEqual(response.status_code, 200)
        data = form_data(response)
        # Pre-filled with the current version, the body in the light markup.
        self.assertEqual(data["title"], "Fiche : créer son compte CAF")
        self.assertEqual(data["base_revision"], str(self.resource.live_revision_id))
        paragraph = data[block_field(data, PARAGRAPH_ID)]
        self.assertEqual(
            paragraph,
            "Ouvrez le site **officiel** de la [CAF](https://www.caf.fr).\n\n"
            "- un identifiant\n- un mot de passe",
        )
        self.assertIn(
            "Lien : Service public (https://www.service-public.fr) — non modifiable ici",
            page_text(response),
        )
        self.assertIn("version majeure", page_text(response).lower())

        data["title"] = "Fiche : créer son compte sur caf.fr"
        data["changes"] = "Titre précisé"
        response = client.post(self.url("edit"), data)
        self.assertRedirects(response, self.resource.url, fetch_redirect_response=False)
        self.assertIn(
            "Version 1.1 publiée", " ".join(str(m) for m in get_messages(response.wsgi_request))
        )

        resource = self.fresh()
        self.assertEqual(resource.title, "Fiche : créer son compte sur caf.fr")
        version = resource.current_version
        self.assertEqual(version.number, "1.1")
        self.assertEqual(version.user, self.member)
        self.assertEqual(version.responsible_name, "Medi Contrib")
        self.assertEqual(version.change_lines, ["Titre précisé"])
        # Untouched blocks keep their ids and their stored HTML.
        self.assertEqual([dict(block) for block in resource.body.raw_data], BODY)
        self.assertTrue(logged(resource, "ressources.public_edit", self.member))
        self.assertTrue(logged(resource, "wagtail.publish", self.member))

    def test_member_marks_a_major_version(self):
        response = self.edit(
            self.client_for(self.member), summary="Tout a changé.", changes="Refonte", major="on"
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.fresh().current_version.number, "2.0")

    def test_changes_are_required(self):
        response = self.edit(self.client_for(self.member), title="Nouveau titre", changes="  ")
        self.assertEqual(response.status_code, 200)
        self.assertIn(CHANGES_REQUIRED, text(response))
        self.assertEqual(len(self.versions()), 1)

    def test_nothing_changed_is_refused(self):
        response = self.edit(self.client_for(self.member), changes="Rien")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Vous n'avez rien modifié", text(response))
        self.assertEqual(len(self.versions()), 1)

    def test_registered_non_member_is_refused(self):
        client = self.client_for(self.outsider)
        self.assertEqual(client.get(self.url("edit")).status_code, 403)
        data = form_data(self.client_for(self.member).get(self.url("edit")))
        data.update(title="Titre pirate", changes="Pirate")
        self.assertEqual(client.post(self.url("edit"), data).status_code, 403)
        self.assertEqual(client.get(self.url("propose")).status_code, 403)
        self.assertEqual(self.fresh().title, "Fiche : créer son compte CAF")
        self.assertEqual(len(self.versions()), 1)
        self.assertFalse(logged(self.resource, "ressources.public_edit"))

    def test_anonymous_is_sent_to_login(self):
        data = form_data(self.client_for(self.member).get(self.url("edit")))
        data.update(title="Titre anonyme", changes="Anonyme")
        self.assert_login_redirect(self.client.get(self.url("edit")))
        self.assert_login_redirect(self.client.post(self.url("edit"), data))
        self.assert_login_redirect(self.client.get(self.url("propose")))
        self.assertEqual(self.fresh().title, "Fiche : créer son compte CAF")
        self.assertEqual(len(self.versions()), 1)

    def test_body_blocks_are_edited_removed_and_added(self):
        client = self.client_for(self.member)
        data = form_data(client.get(self.url("edit")))
        data[block_field(data, PARAGRAPH_ID)] = (
            "Ouvrez le site *officiel* de la [CAF](https://www.caf.fr).\n\n1. un identifiant"
        )
        data[block_field(data, HEADING_ID)] = ""  # emptied: removed
        data[block_field(data, CALLOUT_ID, "title")] = "Prudence"
        data["new_paragraph"] = "Un **nouveau** paragraphe."
        data["changes"] = "Contenu revu"
        self.assertEqual(client.post(self.url("edit"), data).status_code, 302)

        blocks = [dict(block) for block in self.fresh().body.raw_data]
        self.assertEqual(
            [block["type"] for block in blocks], ["paragraph", "link", "callout", "paragraph"]
        )
        self.assertEqual([block["id"] for block in blocks[:3]], [PARAGRAPH_ID, LINK_ID, CALLOUT_ID])
        self.assertEqual(
            blocks[0]["value"],
            '<p>Ouvrez le site <i>officiel</i> de la <a href="https://www.caf.fr">CAF</a>.</p>'
            "<ol><li>un identifiant</li></ol>",
        )
        self.assertEqual(blocks[1], BODY[2])  # read-only block kept as it was
        self.assertEqual(blocks[2]["value"]["title"], "Prudence")
        self.assertEqual(blocks[2]["value"]["kind"], "warning")
        self.assertEqual(blocks[3]["value"], "<p>Un <b>nouveau</b> paragraphe.</p>")

    def test_read_only_blocks_cannot_be_forged(self):
        client = self.client_for(self.member)
        data = form_data(client.get(self.url("edit")))
        count = int(data["body-count"])
        data.update(
            {
                "body-count": str(count + 1),
                f"body-{count}-id": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
                f"body-{count}-type": "link",
                f"body-{count}-text": "https://evil.example",
                "title": "Titre revu",
                "changes": "Titre",
            }
        )
        data[block_field(data, LINK_ID, "type")] = "paragraph"
        data[block_field(data, LINK_ID)] = "<script>alert(1)</script>"
        self.assertEqual(client.post(self.url("edit"), data).status_code, 302)
        blocks = [dict(block) for block in self.fresh().body.raw_data]
        self.assertEqual(blocks, BODY)

    def test_read_only_blocks_cannot_be_dropped(self):
        client = self.client_for(self.member)
        data = form_data(client.get(self.url("edit")))
        data[block_field(data, LINK_ID, "id")] = HEADING_ID  # the link block left out
        data.update(title="Titre revu", changes="Titre")
        response = client.post(self.url("edit"), data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Le formulaire est incomplet", text(response))
        self.assertEqual(len(self.versions()), 1)

    def test_internal_links_cannot_be_added_publicly(self):
        client = self.client_for(self.member)
        data = form_data(client.get(self.url("edit")))
        data["new_paragraph"] = "Voir [cette page](page:1)."
        data["changes"] = "Lien"
        response = client.post(self.url("edit"), data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("ne peuvent être ajoutés que depuis l'espace contributeur", text(response))

    def test_private_base_answers_404_to_outsiders(self):
        private = BasePageFactory(
            contribution_mode=ContributionMode.OPEN, visibility=Visibility.PRIVATE
        )
        resource = ResourcePageFactory(parent=private)
        client = self.client_for(self.outsider)
        for name in ("edit", "propose"):
            url = resource.url + resource.reverse_subpage(name)
            self.assertEqual(client.get(url).status_code, 404)
            self.assertEqual(client.post(url, {"title": "x"}).status_code, 404)
        self.assertEqual(resource.versions.count(), 1)

    def test_the_resource_page_offers_edit_to_members_only(self):
        self.assertIn(
            "Modifier la ressource", page_text(self.client_for(self.member).get(self.resource.url))
        )
        self.assertNotIn(
            "Modifier la ressource",
            page_text(self.client_for(self.outsider).get(self.resource.url)),
        )


class OpenModeTests(ContributionTestCase):
    mode = ContributionMode.OPEN

    def test_registered_person_edits_and_is_credited(self):
        client = self.client_for(self.outsider)
        response = client.get(self.url("edit"))
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Version majeure", page_text(response))  # members only
        data = form_data(response)
        data.update(summary="Pas à pas, captures à l'appui.", changes="Résumé plus précis")
        data["major"] = "on"  # ignored: not a member
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(self.url("edit"), data)
        self.assertEqual(response.status_code, 302)

        resource = self.fresh()
        self.assertEqual(resource.summary, "Pas à pas, captures à l'appui.")
        version = resource.current_version
        self.assertEqual((version.number, version.user), ("1.1", self.outsider))
        journal = page_text(client.get(self.url("journal")))
        self.assertIn("Lou Passante", journal)
        self.assertIn("Résumé plus précis", journal)
        self.assertTrue(logged(resource, "ressources.public_edit", self.outsider))
        self.assertTrue(logged(resource, "wagtail.publish", self.outsider))

        # The base's admins hear of it, on the site and by e-mail; members do not.
        notification = Notification.objects.get(recipient=self.admin, kind="public_edit")
        self.assertIn("Lou Passante", notification.subject)
        self.assertFalse(
            Notification.objects.filter(recipient=self.member, kind="public_edit").exists()
        )
        self.assertIn(self.admin.email, [message.to[0] for message in mail.outbox])
        # The contributor is shown on the resource page.
        self.assertIn("Lou Passante", page_text(self.client.get(self.resource.url)))

    def test_invalid_input_keeps_everything_typed(self):
        client = self.client_for(self.outsider)
        data = form_data(client.get(self.url("edit")))
        long_title = "T" * 101
        data.update(
            title=long_title,
            summary="Un résumé <b>réécrit</b>.",
            themes=[],
            tags="CAF, démarches",
            changes="Tout revu",
        )
        data[block_field(data, PARAGRAPH_ID)] = "Texte <script>alert('x')</script> modifié"
        response = client.post(self.url("edit"), data)
        self.assertEqual(response.status_code, 200)
        page = text(response)
        self.assertIn(TITLE_TOO_LONG, page)
        self.assertIn(THEME_REQUIRED, page)
        self.assertIn(TAGS_REFUSED, page)
        # Nothing published, nothing lost, no script.
        self.assertEqual(len(self.versions()), 1)
        self.assertEqual(self.fresh().title, "Fiche : créer son compte CAF")
        self.assertNotIn("<script>alert", response.content.decode())
        again = form_data(response)
        self.assertEqual(again["title"], long_title)
        self.assertEqual(again["summary"], "Un résumé <b>réécrit</b>.")
        self.assertEqual(again["tags"], "CAF, démarches")
        self.assertEqual(again["changes"], "Tout revu")
        self.assertNotIn("themes", again)
        self.assertEqual(
            again[block_field(again, PARAGRAPH_ID)], "Texte <script>alert('x')</script> modifié"
        )

    def test_plain_text_fields_are_escaped(self):
        client = self.client_for(self.outsider)
        response = self.edit(client, title="Fiche <script>alert(1)</script>", changes="Titre")
        self.assertEqual(response.status_code, 302)
        page = client.get(self.resource.url).content.decode()
        self.assertNotIn("<script>alert(1)", page)
        self.assertIn("Fiche &lt;script&gt;alert(1)&lt;/script&gt;", page)

    def test_taxonomy_limits_and_retired_terms(self):
        client = self.client_for(self.outsider)
        six = [
            str(pk)
            for pk in Term.objects.filter(vocabulary=Vocabulary.THEME, active=True).values_list(
                "pk", flat=True
            )[:6]
        ]
        response = self.edit(client, themes=six, changes="Thèmes")
        self.assertIn("Choisissez au plus 5 valeurs (vous en avez choisi 6).", text(response))
        retired = Term.objects.filter(vocabulary=Vocabulary.THEME, active=False).first()
        response = self.edit(client, themes=[str(theme().pk), str(retired.pk)], changes="Thèmes")
        self.assertEqual(response.status_code, 200)
        self.assertIn("ne fait pas partie des choix possibles", text(response))
        self.assertEqual(len(self.versions()), 1)

    def test_taxonomy_and_tags_are_edited(self):
        client = self.client_for(self.outsider)
        other_type = (
            Term.objects.filter(vocabulary=Vocabulary.RESOURCE_TYPE, active=True)
            .exclude(pk=resource_type().pk)
            .first()
        )
        response = self.edit(
            client,
            resource_types=[str(resource_type().pk), str(other_type.pk)],
            tags="CAF, droits sociaux",
            changes="Indexation",
        )
        self.assertEqual(response.status_code, 302)
        resource = self.fresh()
        self.assertEqual(
            {t.pk for t in resource.resource_types.all()}, {resource_type().pk, other_type.pk}
        )
        self.assertEqual(sorted(tag.name for tag in resource.tags.all()), ["CAF", "droits sociaux"])

    def test_themes_are_grouped_by_category(self):
        response = self.client_for(self.outsider).get(self.url("edit"))
        categories = {
            t.category for t in Term.objects.filter(vocabulary=Vocabulary.THEME, active=True)
        } - {""}
        page = page_text(response)
        for category in categories:
            self.assertIn(category, page)

    def test_anonymous_is_sent_to_login(self):
        self.assert_login_redirect(self.client.get(self.url("edit")))

    def test_proposals_are_for_suggestion_bases(self):
        self.assertEqual(self.client_for(self.outsider).get(self.url("propose")).status_code, 403)


class SuggestionsModeTests(ContributionTestCase):
    mode = ContributionMode.SUGGESTIONS

    def propose(self, user, summary="Préciser le titre", **changes):
        client = self.client_for(user)
        changes.setdefault("title", "Fiche : créer son compte sur caf.fr")
        response = self.edit(client, "propose", proposal_summary=summary, **changes)
        return client, response

    def test_registered_person_proposes(self):
        client = self.client_for(self.outsider)
        response = client.get(self.url("propose"))
        self.assertEqual(response.status_code, 200)
        page = page_text(response)
        self.assertIn("Résumé de votre proposition", page)
        self.assertNotIn("Version majeure", page)
        self.assertNotIn("Changements de cette version", page)
        self.assertEqual(client.get(self.url("edit")).status_code, 403)

        client, response = self.propose(self.outsider, summary="")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Résumez votre proposition en quelques mots.", text(response))
        self.assertFalse(ChangeProposal.objects.exists())

        client, response = self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        self.assertRedirects(
            response, self.url("proposal", proposal.pk), fetch_redirect_response=False
        )
        self.assertEqual(proposal.status, ProposalStatus.PENDING)
        self.assertEqual(proposal.proposer, self.outsider)
        self.assertEqual(proposal.summary, "Préciser le titre")
        self.assertEqual(proposal.content["title"], "Fiche : créer son compte sur caf.fr")
        # Nothing published; the admins are told.
        self.assertEqual(self.fresh().title, "Fiche : créer son compte CAF")
        self.assertEqual(len(self.versions()), 1)
        self.assertTrue(Notification.objects.filter(recipient=self.admin, kind="proposal").exists())
        self.assertTrue(logged(self.resource, "ressources.propose", self.outsider))
        # The proposer sees the proposal.
        response = client.get(self.url("proposal", proposal.pk))
        self.assertEqual(response.status_code, 200)
        self.assertIn("En attente d'examen", page_text(response))
        self.assertIn("Retirer ma proposition", page_text(response))

    def test_form_starts_from_the_current_version(self):
        member = self.client_for(self.member)
        self.assertEqual(
            self.edit(member, title="Titre de la version 1.1", changes="Titre").status_code, 302
        )
        data = form_data(self.client_for(self.outsider).get(self.url("propose")))
        self.assertEqual(data["title"], "Titre de la version 1.1")
        self.assertEqual(data["base_revision"], str(self.fresh().live_revision_id))

    def test_who_sees_a_proposal(self):
        _client, _response = self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        url = self.url("proposal", proposal.pk)
        self.assertEqual(self.client_for(UserFactory()).get(url).status_code, 404)
        self.assertEqual(self.client_for(self.member).get(url).status_code, 404)
        self.assert_login_redirect(self.client.get(url))

        response = self.client_for(self.admin).get(url)
        self.assertEqual(response.status_code, 200)
        diff = soup(response).select_one(".bc-diff")
        inserted = " ".join(ins.get_text(" ") for ins in diff.select("ins"))
        self.assertIn("caf.fr", inserted)
        self.assertIn("Accepter et publier", page_text(response))
        self.assertIn("Lou Passante", page_text(response))
        # The resource page lists it for the admins.
        self.assertIn(
            "Propositions à examiner (1)",
            page_text(self.client_for(self.admin).get(self.resource.url)),
        )

    def test_admin_cannot_accept_own_proposal(self):
        client, response = self.propose(self.admin)
        proposal = ChangeProposal.objects.get()
        page = page_text(client.get(self.url("proposal", proposal.pk)))
        self.assertIn("Vous ne pouvez pas accepter votre propre proposition", page)
        response = client.post(self.url("proposal", proposal.pk), {"action": "accepter"})
        self.assertEqual(response.status_code, 403)
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, ProposalStatus.PENDING)
        self.assertEqual(len(self.versions()), 1)

    def test_organisation_admins_hear_of_proposals_and_review_them(self):
        """A Hub's admins manage all of its bases: they hear of a proposal and may decide."""
        from tests.factories import OrganisationMembershipFactory

        hub_admin = OrganisationMembershipFactory(organisation=self.base.organisation).user
        self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        self.assertTrue(Notification.objects.filter(recipient=hub_admin, kind="proposal").exists())
        response = self.client_for(hub_admin).post(
            self.url("proposal", proposal.pk), {"action": "refuser", "reason": "Déjà traité"}
        )
        self.assertEqual(response.status_code, 302)
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, ProposalStatus.REFUSED)

    def test_proposer_cannot_review(self):
        client, _response = self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        url = self.url("proposal", proposal.pk)
        self.assertEqual(client.post(url, {"action": "accepter"}).status_code, 403)
        self.assertEqual(client.post(url, {"action": "refuser", "reason": "Non"}).status_code, 403)
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, ProposalStatus.PENDING)

    def test_refusal_needs_a_reason(self):
        self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        admin = self.client_for(self.admin)
        url = self.url("proposal", proposal.pk)
        response = admin.post(url, {"action": "refuser", "reason": "   "})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Indiquez le motif du refus.", text(response))
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, ProposalStatus.PENDING)

        with self.captureOnCommitCallbacks(execute=True):
            response = admin.post(
                url, {"action": "refuser", "reason": "Le titre actuel est celui du site."}
            )
        self.assertEqual(response.status_code, 302)
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, ProposalStatus.REFUSED)
        self.assertEqual(proposal.decided_by, self.admin)
        notification = Notification.objects.get(recipient=self.outsider, kind="proposal_refused")
        self.assertIn("Le titre actuel est celui du site.", notification.message)
        self.assertIn(self.outsider.email, [message.to[0] for message in mail.outbox])
        self.assertTrue(logged(self.resource, "ressources.proposal_refuse", self.admin))
        self.assertEqual(len(self.versions()), 1)
        # The proposer reads the outcome.
        page = page_text(self.client_for(self.outsider).get(url))
        self.assertIn("Proposition refusée", page)
        self.assertIn("Le titre actuel est celui du site.", page)
        # A decided proposal cannot be decided again.
        admin.post(url, {"action": "accepter"})
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, ProposalStatus.REFUSED)

    def test_acceptance_publishes_and_credits_the_proposer(self):
        self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        url = self.url("proposal", proposal.pk)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client_for(self.admin).post(
                url, {"action": "accepter", "changes": "Titre aligné sur le site"}
            )
        self.assertEqual(response.status_code, 302)
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, ProposalStatus.ACCEPTED)
        resource = self.fresh()
        self.assertEqual(resource.title, "Fiche : créer son compte sur caf.fr")
        version = resource.current_version
        self.assertEqual(version.number, "1.1")
        self.assertEqual(proposal.version, version)
        self.assertEqual(version.user, self.admin)
        self.assertTrue(
            any(
                "à la suite de suggestions de Lou Passante" in line for line in version.change_lines
            ),
            version.change_lines,
        )
        self.assertIn("Titre aligné sur le site", version.change_lines)
        self.assertIn("Lou Passante", page_text(self.client.get(resource.url)))
        self.assertTrue(
            Notification.objects.filter(recipient=self.outsider, kind="proposal_accepted").exists()
        )
        self.assertTrue(logged(resource, "ressources.proposal_accept", self.admin))
        self.assertTrue(logged(resource, "wagtail.publish", self.admin))
        page = page_text(self.client_for(self.outsider).get(url))
        self.assertIn("Proposition acceptée", page)
        self.assertIn("version 1.1", page)

    def test_accepting_after_the_resource_changed_keeps_what_was_published_meanwhile(self):
        self.propose(self.outsider)  # changes the title only
        proposal = ChangeProposal.objects.get()
        response = self.edit(
            self.client_for(self.member), summary="Résumé publié entre-temps.", changes="Résumé"
        )
        self.assertEqual(response.status_code, 302)
        response = self.client_for(self.admin).post(
            self.url("proposal", proposal.pk), {"action": "accepter", "changes": ""}
        )
        self.assertEqual(response.status_code, 302)
        resource = self.fresh()
        self.assertEqual(resource.title, "Fiche : créer son compte sur caf.fr")
        self.assertEqual(resource.summary, "Résumé publié entre-temps.")
        self.assertEqual(resource.current_version.number, "1.2")

    def test_proposer_withdraws(self):
        client, _response = self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        url = self.url("proposal", proposal.pk)
        self.assertEqual(
            self.client_for(self.admin).post(url, {"action": "retirer"}).status_code, 403
        )
        response = client.post(url, {"action": "retirer"})
        self.assertEqual(response.status_code, 302)
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, ProposalStatus.WITHDRAWN)
        self.assertTrue(logged(self.resource, "ressources.proposal_withdraw", self.outsider))
        self.assertIn("Proposition retirée", page_text(client.get(url)))

    def test_unknown_action_is_refused(self):
        self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        response = self.client_for(self.admin).post(
            self.url("proposal", proposal.pk), {"action": "publier"}
        )
        self.assertEqual(response.status_code, 400)

    def test_admin_of_another_base_cannot_forge_a_decision(self):
        self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        other_base = BasePageFactory(contribution_mode=ContributionMode.SUGGESTIONS)
        other_resource = ResourcePageFactory(parent=other_base)
        other_admin = BaseMembershipFactory(base=other_base, role=Role.ADMIN).user
        client = self.client_for(other_admin)
        for url in (
            self.url("proposal", proposal.pk),
            other_resource.url + other_resource.reverse_subpage("proposal", args=[proposal.pk]),
        ):
            for action in ({"action": "accepter"}, {"action": "refuser", "reason": "Non"}):
                response = client.post(url, action)
                self.assertIn(response.status_code, (403, 404))
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, ProposalStatus.PENDING)
        self.assertEqual(len(self.versions()), 1)
        self.assertEqual(other_resource.versions.count(), 1)

    def test_warning_when_the_resource_changed_since_the_proposal(self):
        self.propose(self.outsider)
        proposal = ChangeProposal.objects.get()
        url = self.url("proposal", proposal.pk)
        warning = "La ressource a changé depuis le début de cette proposition"
        self.assertNotIn(warning, page_text(self.client_for(self.admin).get(url)))
        response = self.edit(
            self.client_for(self.member), summary="Résumé de la 1.1", changes="Résumé"
        )
        self.assertEqual(response.status_code, 302)
        response = self.client_for(self.admin).get(url)
        page = page_text(response)
        self.assertIn(warning, page)
        self.assertIn("Par rapport à la version actuelle (1.1)", page)


class ConflictTests(ContributionTestCase):
    mode = ContributionMode.OPEN

    def test_second_publication_gets_the_conflict_page(self):
        first, second = self.client_for(self.member), self.client_for(self.outsider)
        first_data = form_data(first.get(self.url("edit")))
        second_data = form_data(second.get(self.url("edit")))
        self.assertEqual(first_data["base_revision"], second_data["base_revision"])

        first_data.update(title="Titre de la première personne", changes="Titre")
        self.assertEqual(first.post(self.url("edit"), first_data).status_code, 302)

        second_data.update(summary="Résumé de la seconde personne.", changes="Résumé")
        second_data[block_field(second_data, PARAGRAPH_ID)] = "Paragraphe de la seconde personne."
        response = second.post(self.url("edit"), second_data)
        self.assertEqual(response.status_code, 409)
        page = page_text(response)
        self.assertIn("Ce que l'autre personne a changé", page)
        self.assertIn("Ce que vous avez changé", page)
        self.assertIn("Medi Contrib a publié la version 1.1", page)
        diffs = soup(response).select(".bc-diff")
        self.assertEqual(len(diffs), 2)
        self.assertIn("première personne", diffs[0].get_text(" "))
        self.assertIn("seconde personne", diffs[1].get_text(" "))

        # The resource has the first person's content only.
        resource = self.fresh()
        self.assertEqual(resource.title, "Titre de la première personne")
        self.assertEqual(resource.summary, "Pas à pas pour ouvrir son espace personnel.")
        self.assertEqual(len(self.versions()), 2)

        # The merge form keeps everything the second person typed, over the current version.
        merge = form_data(response)
        self.assertEqual(merge["base_revision"], str(resource.live_revision_id))
        self.assertEqual(merge["summary"], "Résumé de la seconde personne.")
        self.assertEqual(merge["changes"], "Résumé")
        self.assertEqual(
            merge[block_field(merge, PARAGRAPH_ID)], "Paragraphe de la seconde personne."
        )
        self.assertEqual(merge["title"], "Titre de la première personne")  # only they changed it

        response = second.post(self.url("edit"), merge)
        self.assertEqual(response.status_code, 302)
        resource = self.fresh()
        self.assertEqual(resource.title, "Titre de la première personne")
        self.assertEqual(resource.summary, "Résumé de la seconde personne.")
        self.assertEqual(resource.current_version.number, "1.2")
        self.assertEqual(resource.current_version.user, self.outsider)

    def test_both_changed_the_same_field(self):
        first, second = self.client_for(self.member), self.client_for(self.outsider)
        first_data = form_data(first.get(self.url("edit")))
        second_data = form_data(second.get(self.url("edit")))
        first_data.update(title="Titre A", changes="A")
        first.post(self.url("edit"), first_data)
        second_data.update(title="Titre B", changes="B")
        response = second.post(self.url("edit"), second_data)
        self.assertEqual(response.status_code, 409)
        self.assertEqual(form_data(response)["title"], "Titre B")
        self.assertIn("L'autre personne a aussi modifié ce champ", page_text(response))
        self.assertEqual(self.fresh().title, "Titre A")


class AdminConflictTests(TestCase):
    """Two editors in the Wagtail admin: the second save must not overwrite the first."""

    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory()
        cls.resource = ResourcePageFactory(
            parent=cls.base, title="Fiche partagée", slug="fiche-partagee"
        )
        cls.first = UserFactory(superuser=True, first_name="Alice", last_name="Premiere")
        cls.second = UserFactory(superuser=True, first_name="Bruno", last_name="Second")
        cls.edit_url = reverse("wagtailadmin_pages:edit", args=(cls.resource.pk,))

    def loaded_revision(self, client):
        """The revision the edit form was loaded from, as the browser posts it back."""
        response = client.get(self.edit_url)
        self.assertEqual(response.status_code, 200)
        page = soup(response)
        loaded = page.find("input", attrs={"name": "loaded_revision_id"})["value"]
        created_at = page.find("input", attrs={"name": "loaded_revision_created_at"})["value"]
        self.loaded_at = {**getattr(self, "loaded_at", {}), loaded: created_at}
        return loaded

    def data(self, loaded, **fields):
        values = {
            "title": "Fiche partagée",
            "slug": "fiche-partagee",
            "licence": self.resource.licence_id,
            "themes": [theme().pk],
            "resource_types": [resource_type().pk],
            "loaded_revision_id": loaded,
            "loaded_revision_created_at": getattr(self, "loaded_at", {}).get(loaded, ""),
        }
        values.update(fields)
        return resource_form_data(**values)

    def test_second_save_gets_a_conflict_page(self):
        first, second = Client(), Client()
        first.force_login(self.first)
        second.force_login(self.second)
        first_loaded = self.loaded_revision(first)
        second_loaded = self.loaded_revision(second)
        self.assertEqual(first_loaded, second_loaded)

        response = first.post(self.edit_url, self.data(first_loaded, title="Titre d'Alice"))
        self.assertEqual(response.status_code, 302)
        latest = ResourcePage.objects.get(pk=self.resource.pk).latest_revision_id
        self.assertNotEqual(str(latest), first_loaded)

        response = second.post(
            self.edit_url, self.data(second_loaded, title="Titre de Bruno", publish=True)
        )
        self.assertEqual(response.status_code, 409)
        page = page_text(response)
        self.assertIn("Vos modifications n'ont pas été enregistrées", page)
        self.assertIn("Alice Premiere", page)
        self.assertIn("Titre d'Alice", page)
        self.assertIn("Titre de Bruno", page)  # what Bruno submitted, to redo it
        self.assertIn(self.edit_url, response.content.decode())

        resource = ResourcePage.objects.get(pk=self.resource.pk)
        self.assertEqual(resource.latest_revision_id, latest)
        self.assertEqual(resource.get_latest_revision_as_object().title, "Titre d'Alice")
        self.assertEqual(resource.title, "Fiche partagée")  # nothing published
        self.assertEqual(resource.versions.count(), 1)

        # Reopened on the latest revision, Bruno's next save goes through.
        loaded = self.loaded_revision(second)
        self.assertEqual(loaded, str(latest))
        response = second.post(self.edit_url, self.data(loaded, title="Titre de Bruno"))
        self.assertEqual(response.status_code, 302)
        resource = ResourcePage.objects.get(pk=self.resource.pk)
        self.assertEqual(resource.get_latest_revision_as_object().title, "Titre de Bruno")

    def test_public_edit_since_the_editor_opened_is_a_conflict(self):
        client = Client()
        client.force_login(self.first)
        loaded = self.loaded_revision(client)
        member = BaseMembershipFactory(base=self.base).user
        public = Client()
        public.force_login(member)
        url = self.resource.url + self.resource.reverse_subpage("edit")
        data = form_data(public.get(url))
        data.update(summary="Résumé revu depuis le site.", changes="Résumé")
        self.assertEqual(public.post(url, data).status_code, 302)

        response = client.post(
            self.edit_url, self.data(loaded, title="Titre d'Alice", publish=True)
        )
        self.assertEqual(response.status_code, 409)
        self.assertIn("Résumé revu depuis le site.", page_text(response))
        resource = ResourcePage.objects.get(pk=self.resource.pk)
        self.assertEqual(resource.title, "Fiche partagée")
        self.assertEqual(resource.summary, "Résumé revu depuis le site.")

    def test_saves_without_a_stale_revision_are_untouched(self):
        client = Client()
        client.force_login(self.first)
        loaded = self.loaded_revision(client)
        response = client.post(self.edit_url, self.data(loaded, title="Titre 1"))
        self.assertEqual(response.status_code, 302)
        response = client.post(
            self.edit_url, self.data(self.loaded_revision(client), title="Titre 2")
        )
        self.assertEqual(response.status_code, 302)
        # Without loaded_revision_id (older clients), Wagtail's behaviour is unchanged.
        data = self.data("", title="Titre 3")
        del data["loaded_revision_id"], data["loaded_revision_created_at"]
        self.assertEqual(client.post(self.edit_url, data).status_code, 302)


class RefusalPageTests(ContributionTestCase):
    mode = ContributionMode.CURATED

    def test_refusal_is_a_french_page(self):
        response = self.client_for(self.outsider).get(self.url("edit"))
        self.assertEqual(response.status_code, 403)
        self.assertIn("Accès refusé", page_text(response))
