"""Who may do what, over HTTP: roles × actions × visibility, from one table.

The tree is built once for the module (inside a transaction rolled back at the end); every test
runs in a savepoint, so a POST that succeeds changes nothing for the next one.

To add a role: add its column to TABLE, and a line to ROLES that says who that person is (a
function of the fixture's `tree`). `share_link` is an anonymous visitor who opened the private
base's share link (a public base has none: that visitor is plain anonymous there).
"""

import json
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_factories import DocumentFactory

from base import sharing
from base.models import BaseMembership, Invitation, JoinRequest, Role
from label.workflow import REVIEWERS_GROUP
from ressources.models import (
    Report,
    ReportStatus,
    ResourceCollectionPage,
    ResourcePage,
    ResourceTag,
)
from ressources.moderation import MODERATORS_GROUP
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    OrganisationFactory,
    OrganisationMembershipFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
)

# Outcomes: an HTTP status, or
#   login  — redirected to a log-in page, nothing changed
#   denied — refused (302 away from the admin, 403 or 404), nothing changed
#   done   — the change happened
#   sees   — answered 200 and names the base's item (page, image, document, tag)
#   blind  — does not name it, whatever the status (a refusal never names what it refuses)
TABLE = """
action              visibility  anonymous  registered  other_contributor  contributor  base_admin  org_admin  platform_admin  moderator  share_link  reviewer
read_base           public      200        200         200                200          200         200        200             200        200         200
read_base           private     404        404         404                200          200         200        200             404        200         404
read_resource       public      200        200         200                200          200         200        200             200        200         200
read_resource       private     404        404         404                200          200         200        200             404        200         404
read_members        public      200        200         200                200          200         200        200             200        200         200
read_members        private     404        404         404                200          200         200        200             404        200         404
admin_edit          public      login      denied      denied             200          200         200        200             denied     login       denied
admin_edit          private     login      denied      denied             200          200         200        200             denied     login       denied
admin_publish       public      login      denied      denied             done         done        done       done            denied     login       denied
admin_publish       private     login      denied      denied             done         done        done       done            denied     login       denied
admin_delete        public      login      denied      denied             denied       done        done       done            denied     login       denied
admin_delete        private     login      denied      denied             denied       done        done       done            denied     login       denied
base_settings       public      login      denied      denied             denied       done        done       done            denied     login       denied
base_settings       private     login      denied      denied             denied       done        done       done            denied     login       denied
manage_members      public      login      403         403                403          done        done       done            403        login       403
manage_members      private     404        404         404                403          done        done       done            404        login       404
moderate            public      login      denied      denied             denied       denied      denied     done            done       login       denied
moderate            private     login      denied      denied             denied       denied      denied     done            done       login       denied
page_chooser        public      login      denied      sees               sees         sees        sees       sees            sees       login       sees
page_chooser        private     login      denied      blind              sees         sees        sees       sees            blind      login       blind
image_chooser       public      login      denied      blind              sees         sees        sees       sees            blind      login       blind
image_chooser       private     login      denied      blind              sees         sees        sees       sees            blind      login       blind
admin_api_media     public      login      denied      sees               sees         sees        sees       sees            sees       login       sees
admin_api_media     private     login      denied      blind              sees         sees        sees       sees            blind      login       blind
tag_autocomplete    public      login      denied      sees               sees         sees        sees       sees            sees       login       sees
tag_autocomplete    private     login      denied      blind              sees         sees        sees       sees            blind      login       blind
bulk_delete_page    public      login      denied      blind              blind        sees        sees       sees            blind      login       blind
bulk_delete_page    private     login      denied      blind              blind        sees        sees       sees            blind      login       blind
document_file       public      200        200         200                200          200         200        200             200        200         200
document_file       private     404        404         404                200          200         200        200             404        200         404
delete_document     public      login      denied      denied             denied       done        done       done            denied     login       denied
delete_document     private     login      denied      denied             denied       done        done       done            denied     login       denied
unpublish_base      public      login      denied      denied             denied       done        done       done            denied     login       denied
unpublish_base      private     login      denied      denied             denied       done        done       done            denied     login       denied
report_resource     public      login      done        done               done         done        done       done            done       login       done
report_resource     private     404        404         404                done         done        done       done            404        login       404
schedule_unpublish  public      login      denied      denied             denied       done        done       done            denied     login       denied
schedule_unpublish  private     login      denied      denied             denied       done        done       done            denied     login       denied
site_publish        public      login      403         403                done         done        done       done            403        login       403
site_publish        private     login      404         404                done         done        done       done            404        login       404
site_draft          public      login      404         404                200          200         200        200             404        login       404
site_draft          private     login      404         404                200          200         200        200             404        login       404
"""


def parse(table):
    lines = [line.split() for line in table.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    roles = header[2:]
    return [
        pytest.param(action, visibility, role, expected, id=f"{action}-{visibility}-{role}")
        for action, visibility, *outcomes in rows
        for role, expected in zip(roles, outcomes, strict=True)
    ]


ROLES = {
    "anonymous": lambda tree, visibility: None,
    "registered": lambda tree, visibility: tree.registered,
    "other_contributor": lambda tree, visibility: tree.other_contributor,
    "contributor": lambda tree, visibility: tree.contributor,
    "base_admin": lambda tree, visibility: tree.base_admin,
    "org_admin": lambda tree, visibility: tree.org_admin,
    "platform_admin": lambda tree, visibility: tree.superuser,
    "moderator": lambda tree, visibility: tree.moderator,
    "share_link": lambda tree, visibility: SHARE_LINK,
    "reviewer": lambda tree, visibility: tree.reviewer,
}
SHARE_LINK = object()  # not a person: the visitor holds the private base's share link


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        organisation = OrganisationFactory(name="Hub du Sud")
        people = SimpleNamespace(
            registered=UserFactory(),
            other_contributor=UserFactory(),
            contributor=UserFactory(),
            base_admin=UserFactory(),
            org_admin=UserFactory(),
            superuser=UserFactory(superuser=True),
            moderator=UserFactory(),
            reviewer=UserFactory(),
        )
        people.moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        people.reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
        OrganisationMembershipFactory(organisation=organisation, user=people.org_admin)
        elsewhere = BasePageFactory(title="Base d'ailleurs")
        BaseMembershipFactory(base=elsewhere, user=people.other_contributor)
        bases = {}
        for visibility in ("public", "private"):
            base = BasePageFactory(
                title=f"Base {visibility}", organisation=organisation, visibility=visibility
            )
            BaseMembershipFactory(base=base, user=people.base_admin, role=Role.ADMIN)
            BaseMembershipFactory(base=base, user=people.contributor, role=Role.CONTRIBUTOR)
            image = ImageFactory(title=f"Image {visibility}", collection=base.media_collection)
            image.tags.add(f"mot-{visibility}")
            document = DocumentFactory(
                title=f"Document {visibility}", collection=base.media_collection
            )
            resource = ResourcePageFactory(
                parent=base,
                title=f"Ressource {visibility}",
                body=[("paragraph", RichText("<p>Un bloc à garder.</p>"))],
            )
            collection = ResourceCollectionPageFactory(
                parent=base, title=f"Collection {visibility}", resources=[resource]
            )
            report = Report.objects.create(
                resource=resource, reporter=people.registered, reason="obsolete", comment="Daté"
            )
            draft = ResourcePageFactory(
                parent=base, title=f"Brouillon {visibility}", live=False, owner=people.contributor
            )
            bases[visibility] = SimpleNamespace(
                base=base,
                resource=resource,
                collection=collection,
                report=report,
                image=image,
                document=document,
                draft=draft,
            )
        share_link = sharing.create_or_rotate(bases["private"].base, people.base_admin)
        client = Client()
        client.force_login(people.superuser)
        forms = {}
        for visibility, item in bases.items():
            for name, page in (("collection", item.collection), ("base", item.base)):
                html = client.get(edit_url(page)).content.decode()
                forms[visibility, name] = querydict_from_html(html, form_id="page-edit-form")
        yield SimpleNamespace(
            bases=bases, forms=forms, share_path=sharing.share_path(share_link), **vars(people)
        )
        transaction.set_rollback(True)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def client_for(user, tree=None, **kwargs):
    client = Client(**kwargs)
    if user is SHARE_LINK:
        assert client.get(tree.share_path).status_code == 302  # the grant is in the session
    elif user is not None:
        client.force_login(user)
    return client


def stored_body(page):
    return json.dumps(ResourcePage.objects.get(pk=page.pk).body.get_prep_value(), default=str)


def is_login_redirect(response):
    location = response.get("Location", "")
    return response.status_code == 302 and ("login" in location or "connexion" in location)


# Each action returns (response, done): `done` says whether the change happened.


def read_base(client, tree, item, visibility):
    return client.get(item.base.url), None


def read_resource(client, tree, item, visibility):
    return client.get(item.resource.url), None


def read_members(client, tree, item, visibility):
    return client.get(item.base.url + "membres/"), None


def admin_edit(client, tree, item, visibility):
    return client.get(edit_url(item.resource)), None


def admin_publish(client, tree, item, visibility):
    """Publish a renamed collection: readers must not rename collections (a hole of the
    previous platform)."""
    data = tree.forms[visibility, "collection"].copy()
    data["title"] = "Collection renommée"
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(item.collection), data)
    title = ResourceCollectionPage.objects.get(pk=item.collection.pk).title
    return response, title == "Collection renommée"


def admin_delete(client, tree, item, visibility):
    response = client.post(reverse("wagtailadmin_pages:delete", args=(item.collection.pk,)))
    return response, not Page.objects.filter(pk=item.collection.pk).exists()


def base_settings(client, tree, item, visibility):
    """Contribution mode is a setting of the base: its admins' to change."""
    data = tree.forms[visibility, "base"].copy()
    data["contribution_mode"] = "open"
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(item.base), data)
    mode = type(item.base).objects.get(pk=item.base.pk).contribution_mode
    return response, mode == "open"


def moderate(client, tree, item, visibility):
    """Close a report from the moderation queue: the platform's moderators only."""
    response = client.post(
        f"/admin/report/edit/{item.report.pk}/",
        {"resolution": "dismiss", "note": "Ressource à jour."},
    )
    return response, Report.objects.get(pk=item.report.pk).status == ReportStatus.DISMISSED


def site_publish(client, tree, item, visibility):
    """« Publier une ressource » in a curated base from the public site: its members only."""
    from tests.factories import licence, resource_type, theme

    data = {
        "title": "Ressource publiée depuis le site",
        "summary": "Résumé.",
        "themes": [theme().pk],
        "resource_types": [resource_type().pk],
        "licence": licence().pk,
        "language": "fr",
        "scope": "national",
        "action": "publier",
        "body-count": 0,
        "credits-count": 0,
    }
    response = client.post(reverse("publish_new", args=[item.base.pk]), data)
    done = ResourcePage.objects.filter(title="Ressource publiée depuis le site").exists()
    return response, done


def site_draft(client, tree, item, visibility):
    """A contributor's draft in the site's editor: the base's members, nobody else."""
    return client.get(reverse("publish_edit", args=[item.draft.pk])), None


def manage_members(client, tree, item, visibility):
    response = client.post(
        item.base.url + "membres/inviter/", {"email": "nouvelle@example.org", "role": "admin"}
    )
    return response, Invitation.objects.filter(base=item.base).exists()


# Admin screens that list, choose or autocomplete: do they name the base's item?


def page_chooser(client, tree, item, visibility):
    return client.get(f"/admin/choose-page/{item.base.pk}/"), item.resource.title


def image_chooser(client, tree, item, visibility):
    return client.get("/admin/images/chooser/"), item.image.title


def admin_api_media(client, tree, item, visibility):
    """The admin API's images and documents (every admin may list the public ones)."""
    images = client.get("/admin/api/main/images/?limit=100")
    documents = client.get("/admin/api/main/documents/?limit=100")
    if item.document.title.encode() not in documents.content:
        return documents, item.document.title
    return images, item.image.title


def tag_autocomplete(client, tree, item, visibility):
    return client.get("/admin/tag-autocomplete/?term=mot-"), f"mot-{visibility}"


def bulk_delete_page(client, tree, item, visibility):
    """The confirmation page names what it will delete, never what it refuses."""
    url = f"/admin/bulk/wagtailcore/page/delete/?id={item.resource.pk}&next=/admin/"
    return client.get(url), item.resource.title


def document_file(client, tree, item, visibility):
    return client.get(item.document.url), None


def delete_document(client, tree, item, visibility):
    """Wagtail counts deleting as changing: here it is the base admins' only."""
    response = client.post(f"/admin/documents/delete/{item.document.pk}/")
    return response, not type(item.document).objects.filter(pk=item.document.pk).exists()


def unpublish_base(client, tree, item, visibility):
    """It takes the whole base offline: its admins' decision, not a contributor's."""
    response = client.post(f"/admin/pages/{item.base.pk}/unpublish/", {"include_descendants": "on"})
    return response, not Page.objects.get(pk=item.base.pk).live


def schedule_unpublish(client, tree, item, visibility):
    """An expiry date unpublishes the page when it comes: the base admins' decision too, for
    the base and for its collections."""
    expiries = []
    for name, page in (("base", item.base), ("collection", item.collection)):
        data = tree.forms[visibility, name].copy()
        data["expire_at"] = "2030-01-01 10:00"
        data["action-publish"] = "action-publish"
        response = client.post(edit_url(page), data)
        expiries.append(type(page).objects.get(pk=page.pk).expire_at is not None)
    return response, expiries[0] if expiries[0] == expiries[1] else "only one of them"


def report_resource(client, tree, item, visibility):
    """« Signaler »: any registered reader; a share link opens reading, not acting."""
    Report.objects.filter(resource=item.resource).delete()
    response = client.post(
        item.resource.url + "signaler/", {"reason": "obsolete", "comment": "Daté"}
    )
    return response, Report.objects.filter(resource=item.resource).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("action,visibility,role,expected", parse(TABLE))
def test_permission_matrix(tree, action, visibility, role, expected):
    item = tree.bases[visibility]
    client = client_for(ROLES[role](tree, visibility), tree)
    response, done = globals()[action](client, tree, item, visibility)
    name, done = (done, None) if isinstance(done, str) else (None, done)
    if expected in ("sees", "blind"):
        named = name.encode() in response.content
        assert named is (expected == "sees"), response.status_code
        if expected == "sees":
            assert response.status_code == 200
        return
    if expected.isdigit():
        assert response.status_code == int(expected)
        return
    if expected == "done":
        assert done is True
        assert response.status_code in (200, 302)
        return
    assert done in (False, None), "the change went through"
    if expected == "login":
        assert is_login_redirect(response)
    elif expected == "denied":
        assert response.status_code in (302, 403, 404)
    else:
        assert response.status_code == int(expected)


# No state change on GET, CSRF on every form ------------------------------------------------


def member_forms(tree):
    """Every form of the « Membres » pages and of the invitation link, with valid data."""
    base = tree.bases["public"].base
    members = base.url + "membres/"
    contributor = BaseMembership.objects.get(base=base, user=tree.contributor)
    join_request = JoinRequest.objects.create(base=base, user=tree.registered, message="Bonjour")
    invitation = Invitation(base=base, email=tree.other_contributor.email, role=Role.ADMIN)
    token = invitation.new_token()
    invitation.save()
    return [
        (tree.base_admin, members + "inviter/", {"email": "x@example.org", "role": "admin"}),
        (tree.base_admin, members + f"role/{contributor.pk}/", {"role": "admin"}),
        (tree.base_admin, members + f"retirer/{contributor.pk}/", {}),
        (tree.base_admin, members + f"accepter-demande/{join_request.pk}/", {"role": "admin"}),
        (tree.base_admin, members + f"refuser-demande/{join_request.pk}/", {}),
        (tree.base_admin, members + f"renvoyer-invitation/{invitation.pk}/", {}),
        (tree.base_admin, members + f"annuler-invitation/{invitation.pk}/", {}),
        (tree.contributor, members + "quitter/", {}),
        (tree.registered, members + "retirer-demande/", {}),
        (tree.org_admin, members + "demander/", {"message": "Bonjour"}),
        (tree.other_contributor, reverse("invitation", args=(token,)), {"decision": "accepter"}),
    ]


def snapshot(tree):
    base = tree.bases["public"].base
    return (
        sorted(BaseMembership.objects.filter(base=base).values_list("user_id", "role")),
        sorted(Invitation.objects.filter(base=base).values_list("email", "status", "token_hash")),
        sorted(JoinRequest.objects.filter(base=base).values_list("user_id", "status")),
    )


@pytest.mark.django_db
def test_member_forms_refuse_get_and_posts_without_csrf_token(tree):
    forms = member_forms(tree)
    before = snapshot(tree)
    for user, url, data in forms:
        client = client_for(user, enforce_csrf_checks=True)
        response = client.post(url, data)
        assert response.status_code == 403, url
        if "/compte/invitations/" not in url:  # that page answers GET (it shows the invitation)
            assert client.get(url, data).status_code == 405, url
    assert snapshot(tree) == before


@pytest.mark.django_db
def test_admin_delete_page_asks_before_deleting(tree):
    collection = tree.bases["public"].collection
    client = client_for(tree.base_admin)
    response = client.get(reverse("wagtailadmin_pages:delete", args=(collection.pk,)))
    assert response.status_code == 200
    assert Page.objects.filter(pk=collection.pk).exists()


# Holes of the previous platform -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "registered"])
def test_outsiders_cannot_create_or_delete_tags_nor_delete_blocks(tree, role):
    """Anonymous visitors and non-members of a curated base: every edit endpoint, public or
    admin, refuses (log in / 403) and changes nothing."""
    resource = tree.bases["public"].resource
    tag = Tag.objects.create(name="tag-existant", slug="tag-existant")
    ResourceTag.objects.create(content_object=resource, tag=tag)
    tags_before = sorted(Tag.objects.values_list("name", flat=True))
    body_before = stored_body(resource)
    assert "Un bloc" in body_before
    client = client_for(ROLES[role](tree, "public"))
    attempts = [
        # Public edit form: new tags, every block removed.
        (resource.url + "modifier/", {"tags": "tag-pirate", "body-count": "0", "title": "x"}),
        (resource.url + "proposer/", {"tags": "tag-pirate", "body-count": "0", "summary": "x"}),
        # Wagtail admin: edit (blocks, tags), delete.
        (edit_url(resource), {"tags": "tag-pirate", "body-count": "0", "action-publish": "1"}),
        (reverse("wagtailadmin_pages:delete", args=(resource.pk,)), {}),
        # Django admin: the tags themselves.
        ("/django-admin/taggit/tag/add/", {"name": "tag-pirate", "slug": "tag-pirate"}),
        (f"/django-admin/taggit/tag/{tag.pk}/delete/", {"post": "yes"}),
    ]
    for url, data in attempts:
        response = client.post(url, data)
        refused = is_login_redirect(response) or response.status_code in (302, 403, 404)
        assert refused, (url, response.status_code)
    assert sorted(Tag.objects.values_list("name", flat=True)) == tags_before
    assert stored_body(resource) == body_before
    assert list(
        ResourceTag.objects.filter(content_object=resource).values_list("tag__name", flat=True)
    ) == ["tag-existant"]


@pytest.mark.django_db
def test_removing_a_member_keeps_the_account_and_its_work(tree):
    item = tree.bases["public"]
    membership = BaseMembership.objects.get(base=item.base, user=tree.contributor)
    client = client_for(tree.base_admin)
    client.post(item.base.url + f"membres/retirer/{membership.pk}/")
    assert not BaseMembership.objects.filter(pk=membership.pk).exists()
    tree.contributor.refresh_from_db()
    assert tree.contributor.is_active
    # Still a member of the private base: their groups there stay.
    names = set(tree.contributor.groups.values_list("name", flat=True))
    private = tree.bases["private"].base
    assert names == {f"Base n°{private.pk} — contributeurs"}
    assert Group.objects.filter(name=f"Base n°{item.base.pk} — contributeurs").exists()
