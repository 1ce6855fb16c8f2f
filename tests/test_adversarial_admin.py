"""Adversarial review of every door that lists, chooses, autocompletes, serves files or acts.

For each role, each class of endpoint is tried against a private base whose every title, tag
and file carries the word « zephyrine »: whoever may not read the base must never meet that word
(nor the file), whatever the endpoint answers (200, 302, 403, 404). Then each role tries to act
(delete, unpublish, move, report, save) and only the roles of the permission matrix succeed.

The tree is built once for the module (in a transaction rolled back at the end), every test
runs in a savepoint. One test per (role, class): it tries all the endpoints of the class and
lists every leak at once.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    ReferenceIndex,
)
from wagtail_factories import DocumentFactory

from base import sharing
from base.models import Role, Visibility
from label.workflow import REVIEWERS_GROUP
from ressources.models import Report, ResourcePage
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

SECRET = "zephyrine"  # in every title of the private base; queries look for « cachalot »

ROLES = [
    "anonymous",
    "registered",
    "other_contributor",
    "contributor",
    "base_admin",
    "org_admin",
    "platform_admin",
    "reviewer",
    "moderator",
    "share_link",  # an anonymous visitor who opened the private base's share link
    "share_link_registered",  # a registered non-member who opened it
]
# Who may read the private base in the admin and on the site (base.visibility).
READERS = {"contributor", "base_admin", "org_admin", "platform_admin"}
# Share links open the base's pages and files for reading, on the public site only.
SITE_READERS = READERS | {"share_link", "share_link_registered"}


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        organisation = OrganisationFactory(name="Hub du Nord")
        people = SimpleNamespace(
            anonymous=None,
            registered=UserFactory(),
            other_contributor=UserFactory(),
            contributor=UserFactory(),
            base_admin=UserFactory(),
            org_admin=UserFactory(),
            platform_admin=UserFactory(superuser=True),
            reviewer=UserFactory(),
            moderator=UserFactory(),
            share_link_registered=UserFactory(),
        )
        people.reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
        people.moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        OrganisationMembershipFactory(organisation=organisation, user=people.org_admin)
        elsewhere = BasePageFactory(title="Base d'ailleurs")
        BaseMembershipFactory(base=elsewhere, user=people.other_contributor, role=Role.ADMIN)

        public = BasePageFactory(title="Base ouverte", organisation=organisation)
        private = BasePageFactory(
            title="Base zephyrine cachalot",
            slug="base-cachee",
            organisation=organisation,
            visibility=Visibility.PRIVATE,
        )
        for base in (public, private):
            BaseMembershipFactory(base=base, user=people.base_admin, role=Role.ADMIN)
            BaseMembershipFactory(base=base, user=people.contributor, role=Role.CONTRIBUTOR)
        public_image = ImageFactory(title="Affiche ouverte", collection=public.media_collection)
        public_resource = ResourcePageFactory(parent=public, title="Atelier ouvert")
        image = ImageFactory(title="Image zephyrine cachalot", collection=private.media_collection)
        image.tags.add("zephyrineimage")
        document = DocumentFactory(
            title="Document zephyrine cachalot",
            collection=private.media_collection,
            file__data=b"Contenu interne.\n",
            file__filename="cachalot.txt",
        )
        resource = ResourcePageFactory(
            parent=private,
            title="Ressource zephyrine cachalot",
            slug="ressource-cachee",
            cover_image=public_image,
            body=[
                ("image", {"image": image, "alt_text": "x", "caption": "", "credit": ""}),
                ("document", {"document": document, "title": "Trame", "description": ""}),
            ],
        )
        resource.tags.add("zephyrinetag")
        resource.save_revision().publish()
        resource = ResourcePage.objects.get(pk=resource.pk)
        collection = ResourceCollectionPageFactory(
            parent=private,
            title="Collection zephyrine cachalot",
            slug="collection-cachee",
            resources=[public_resource],
        )
        for page in (resource, collection):
            ReferenceIndex.create_or_update_for_object(page)
        Report.objects.create(
            resource=public_resource, reporter=people.registered, reason="obsolete", comment="x"
        )
        resource.save_revision(user=people.contributor)
        # A locked page (the locked pages report) that nobody acts on below.
        Page.objects.filter(pk=collection.pk).update(
            locked=True, locked_by=people.contributor, locked_at=timezone.now()
        )
        get_image_model().get_rendition_model().cache_backend.clear()
        rendition = image.get_rendition("fill-100x100")
        share_link = sharing.create_or_rotate(private, people.base_admin)
        yield SimpleNamespace(
            people=people,
            index=private.get_parent(),
            public=public,
            private=private,
            public_image=public_image,
            public_resource=public_resource,
            image=image,
            document=document,
            resource=resource,
            collection=collection,
            rendition=rendition,
            share_path=sharing.share_path(share_link),
            revision_id=resource.latest_revision_id,
        )
        transaction.set_rollback(True)


def client_for(tree, role):
    client = Client()
    if role.startswith("share_link"):
        if role == "share_link_registered":
            client.force_login(tree.people.share_link_registered)
        assert client.get(tree.share_path).status_code == 302
    elif getattr(tree.people, role) is not None:
        client.force_login(getattr(tree.people, role))
    return client


# Endpoints, by class: (address, whether the base's readers must find the secret there).
# The address is a template filled from the tree.
ENDPOINTS = {
    "listing": [
        ("/admin/", False),
        ("/admin/pages/{index.pk}/", True),
        ("/admin/pages/{private.pk}/", True),
        ("/admin/pages/{index.pk}/results/", True),
        ("/admin/images/?q=cachalot", True),
        ("/admin/images/results/?q=cachalot", True),
        ("/admin/documents/?q=cachalot", True),
        ("/admin/documents/results/?q=cachalot", True),
        ("/admin/pages/usage/ressources/resourcepage/", False),
        ("/admin/pages/usage/ressources/resourcecollectionpage/", False),
        ("/admin/images/usage/{public_image.pk}/", False),
        ("/admin/pages/{public_resource.pk}/usage/", False),
        ("/admin/images/usage/{image.pk}/", True),
        ("/admin/documents/usage/{document.pk}/", True),
        ("/admin/pages/{resource.pk}/usage/", True),
    ],
    "chooser": [
        ("/admin/choose-page/", False),
        ("/admin/choose-page/{index.pk}/", True),
        ("/admin/choose-page/{private.pk}/", True),
        ("/admin/choose-page/{private.pk}/?page_type=ressources.resourcepage", True),
        ("/admin/choose-page/chosen-multiple/?id={resource.pk}", True),
        ("/admin/images/chooser/", True),
        ("/admin/images/chooser/results/?q=cachalot", True),
        ("/admin/images/chooser/chosen/{image.pk}/", True),
        ("/admin/images/chooser/chosen-multiple/?id={image.pk}", True),
        ("/admin/images/chooser/{image.pk}/select_format/", True),
        ("/admin/documents/chooser/", True),
        ("/admin/documents/chooser/results/?q=cachalot", True),
        ("/admin/documents/chooser/chosen/{document.pk}/", True),
        ("/admin/documents/chooser/chosen-multiple/?id={document.pk}", True),
    ],
    "search": [
        ("/admin/pages/search/?q=cachalot", True),
        ("/admin/pages/search/results/?q=cachalot", True),
        ("/admin/choose-page/search/?q=cachalot", True),
        ("/rechercher/?q=cachalot", False),
    ],
    "autocomplete": [
        ("/admin/tag-autocomplete/?term=zeph", True),
        ("/admin/tag-autocomplete/taggit/tag/?term=zeph", True),
        ("/rechercher/suggestions/?q=zeph", False),
    ],
    "api": [
        ("/admin/api/main/pages/?child_of={index.pk}&fields=title", True),
        ("/admin/api/main/pages/?child_of={private.pk}", True),
        ("/admin/api/main/pages/?descendant_of={private.pk}", True),
        ("/admin/api/main/pages/?type=ressources.ResourcePage&limit=100", True),
        ("/admin/api/main/pages/{resource.pk}/", True),
        ("/admin/api/main/pages/{private.pk}/", True),
        ("/admin/api/main/pages/find/?html_path={resource.url}", False),
        ("/admin/api/main/images/?limit=100", True),
        ("/admin/api/main/images/{image.pk}/", True),
        ("/admin/api/main/documents/?limit=100", True),
        ("/admin/api/main/documents/{document.pk}/", True),
        ("/api/v2/pages/?descendant_of={private.pk}", False),
        ("/api/v2/images/?limit=100", False),
        ("/api/v2/documents/?limit=100", False),
    ],
    "bulk_action": [
        ("/admin/bulk/wagtailcore/page/delete/?id={resource.pk}&next=/admin/", False),
        ("/admin/bulk/wagtailcore/page/unpublish/?id={resource.pk}&next=/admin/", False),
        ("/admin/bulk/wagtailcore/page/move/?id={resource.pk}&next=/admin/", False),
        ("/admin/bulk/wagtailimages/image/delete/?id={image.pk}", False),
        ("/admin/bulk/wagtailimages/image/add_tags/?id={image.pk}", False),
        ("/admin/bulk/wagtailimages/image/add_to_collection/?id={image.pk}", False),
        ("/admin/bulk/wagtaildocs/document/delete/?id={document.pk}", False),
        ("/admin/bulk/wagtaildocs/document/add_to_collection/?id={document.pk}", False),
    ],
    "history_reports": [
        ("/admin/reports/site-history/", False),
        ("/admin/reports/site-history/results/", False),
        ("/admin/reports/locked/", False),
        ("/admin/reports/aging-pages/", False),
        ("/admin/reports/page-types-usage/", False),
        ("/admin/reports/workflow/", False),
        ("/admin/reports/workflow_tasks/", False),
        ("/admin/pages/{resource.pk}/history/", True),
        ("/admin/pages/{resource.pk}/revisions/{revision_id}/view/", True),
        ("/admin/pages/{resource.pk}/revisions/compare/earliest...latest/", True),
        ("/admin/pages/{resource.pk}/view_draft/", True),
        ("/admin/pages/{resource.pk}/edit/preview/", False),
        ("/admin/images/{image.pk}/", True),
        ("/admin/documents/edit/{document.pk}/", True),
        ("/admin/report/", False),
        ("/admin/label-nec/", False),
    ],
}


def fill(tree, address):
    return address.format(**vars(tree))


def leaks(response):
    body = b"".join(response) if response.streaming else response.content
    return SECRET.encode() in body.lower()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ENDPOINTS)
@pytest.mark.parametrize("role", ROLES)
def test_private_base_is_absent_for_outsiders_present_for_readers(tree, role, kind):
    client = client_for(tree, role)
    problems = []
    for address, readers_see_it in ENDPOINTS[kind]:
        address = fill(tree, address)
        response = client.get(address)
        if response.status_code >= 500:
            problems.append((address, response.status_code))
        elif role not in READERS and leaks(response):
            problems.append((address, "leak", response.status_code))
        elif readers_see_it and role in READERS and not leaks(response):
            problems.append((address, "missing for a reader", response.status_code))
    assert not problems, problems


# Files ---------------------------------------------------------------------------------------

FILES = {
    "document": lambda tree: tree.document.url,
    "document_file": lambda tree: tree.document.file.url,
    "original_image": lambda tree: tree.image.file.url,
    "rendition": lambda tree: tree.rendition.url,
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_files_of_a_private_base_are_served_to_its_readers_only(tree, role):
    client = client_for(tree, role)
    statuses = {name: client.get(url(tree)).status_code for name, url in FILES.items()}
    expected = 200 if role in SITE_READERS else 404
    assert statuses == dict.fromkeys(FILES, expected)


# Acting --------------------------------------------------------------------------------------

IMAGE_MODEL = get_image_model()


def delete_image(client, tree):
    response = client.post(f"/admin/images/{tree.image.pk}/delete/")
    return response, not IMAGE_MODEL.objects.filter(pk=tree.image.pk).exists()


def delete_document(client, tree):
    response = client.post(f"/admin/documents/delete/{tree.document.pk}/")
    return response, not type(tree.document).objects.filter(pk=tree.document.pk).exists()


def bulk_delete_images(client, tree):
    response = client.post(
        f"/admin/bulk/wagtailimages/image/delete/?id={tree.image.pk}&next=/admin/images/"
    )
    return response, not IMAGE_MODEL.objects.filter(pk=tree.image.pk).exists()


def bulk_delete_documents(client, tree):
    response = client.post(
        f"/admin/bulk/wagtaildocs/document/delete/?id={tree.document.pk}&next=/admin/documents/"
    )
    return response, not type(tree.document).objects.filter(pk=tree.document.pk).exists()


def unpublish_base(client, tree):
    response = client.post(
        f"/admin/pages/{tree.private.pk}/unpublish/", {"include_descendants": "on"}
    )
    return response, not Page.objects.get(pk=tree.private.pk).live


def unpublish_resource(client, tree):
    response = client.post(f"/admin/pages/{tree.resource.pk}/unpublish/")
    return response, not Page.objects.get(pk=tree.resource.pk).live


def bulk_unpublish(client, tree):
    response = client.post(
        f"/admin/bulk/wagtailcore/page/unpublish/?id={tree.resource.pk}&next=/admin/",
        {"include_descendants": "on"},
    )
    return response, not Page.objects.get(pk=tree.resource.pk).live


def delete_base(client, tree):
    response = client.post(f"/admin/pages/{tree.private.pk}/delete/")
    return response, not Page.objects.filter(pk=tree.private.pk).exists()


def move_resource(client, tree):
    """Out of the private base into the public one: a way to expose it."""
    response = client.post(
        f"/admin/pages/{tree.resource.pk}/move/{tree.public.pk}/confirm/", {"confirm": "1"}
    )
    return response, Page.objects.get(pk=tree.resource.pk).get_parent().pk == tree.public.pk


def api_unpublish(client, tree):
    """The admin API's page actions go through the same permission tester."""
    response = client.post(
        f"/admin/api/main/pages/{tree.resource.pk}/action/unpublish/",
        {},
        content_type="application/json",
    )
    return response, not Page.objects.get(pk=tree.resource.pk).live


def api_delete(client, tree):
    response = client.post(
        f"/admin/api/main/pages/{tree.resource.pk}/action/delete/",
        {},
        content_type="application/json",
    )
    return response, not Page.objects.filter(pk=tree.resource.pk).exists()


def report(client, tree):
    """« Signaler » the private resource: it e-mails moderators who are not members."""
    response = client.post(
        tree.resource.url + "signaler/", {"reason": "obsolete", "comment": "Daté"}
    )
    return response, Report.objects.filter(resource=tree.resource).exists()


def save_form(client, tree):
    """The « Enregistrer » form of the private resource: an action, not a reading."""
    response = client.get(tree.resource.url + "enregistrer/")
    return response, response.status_code == 200


ADMINS = {"base_admin", "org_admin", "platform_admin"}
ACTIONS = {
    delete_image: ADMINS,
    delete_document: ADMINS,
    bulk_delete_images: ADMINS,
    bulk_delete_documents: ADMINS,
    unpublish_base: ADMINS,
    unpublish_resource: ADMINS,
    bulk_unpublish: ADMINS,
    delete_base: ADMINS,
    move_resource: ADMINS,
    api_unpublish: ADMINS,
    api_delete: ADMINS,
    report: {"contributor", "base_admin", "org_admin", "platform_admin"},
    save_form: {"contributor", "base_admin", "org_admin", "platform_admin"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
@pytest.mark.parametrize("role", ROLES)
def test_only_the_matrix_roles_act(tree, role, action):
    client = client_for(tree, role)
    response, done = action(client, tree)
    assert response.status_code < 500
    assert done is (role in ACTIONS[action])
    if role not in READERS:
        assert not leaks(response)


@pytest.mark.django_db
def test_a_share_link_page_offers_no_action(tree):
    """The holder reads the resource; « Enregistrer », « Signaler » and « Adapter dans ma base »
    are not offered."""
    response = client_for(tree, "share_link_registered").get(tree.resource.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "signaler/" not in html
    assert "enregistrer/" not in html
    assert "adapter/" not in html


# Serving: the page and all its ancestors live --------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "contributor", "base_admin", "platform_admin"])
def test_pages_under_an_unpublished_base_answer_404(tree, role):
    public = tree.public
    resource = tree.public_resource
    addresses = [resource.url, resource.url + "journal-des-versions/", resource.url + "signaler/"]
    client = client_for(tree, role)
    assert [client.get(address).status_code for address in addresses[:1]] == [200]
    Page.objects.get(pk=public.pk).specific.unpublish()
    assert ResourcePage.objects.get(pk=resource.pk).live  # only the base went offline
    assert [client.get(address).status_code for address in addresses] == [404, 404, 404]
    if role in ADMINS:  # the editors still preview it in the admin
        assert client.get(f"/admin/pages/{resource.pk}/view_draft/").status_code == 200


# Groups -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_wagtail_default_groups_are_removed():
    """« Moderators » and « Editors » held rights on the whole tree and the root collection."""
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not GroupPagePermission.objects.exclude(group__name__startswith="Base n°").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", [REVIEWERS_GROUP, MODERATORS_GROUP])
def test_reviewers_and_moderators_hold_their_queue_only(name):
    group = Group.objects.get(name=name)
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not GroupCollectionPermission.objects.filter(group=group).exists()
    codenames = set(group.permissions.values_list("codename", flat=True))
    # Their queues: label requests, reports, and (moderators) the feedback on the platform.
    assert codenames <= {
        "access_admin",
        "review_labelrequest",
        "moderate_report",
        "view_platformfeedback",
        "change_platformfeedback",
    }
