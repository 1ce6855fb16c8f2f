"""« Créer une base » from the site (base.creation): who becomes admin, co-owners, and how a base
created by someone who administers no organisation stays unlisted until a moderator accepts it."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from base.models import BaseMembership, BasePage, Role
from organisations.models import OrganisationKind
from tests.factories import (
    BaseMembershipFactory,
    OrganisationFactory,
    OrganisationMembershipFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import page_text, png, sitemap_locations

pytestmark = pytest.mark.django_db


def form_data(owner, **fields):
    data = {
        "title": "Base des Hubs du Grand Est",
        "organisation": owner.pk,
        "description": "Les ressources des Hubs.\n\nMises en commun.",
        "dedicated_to": "Médiateurs numériques",
        "scope": "regional",
        "region_code": "44",
        "department_code": "",
        "contribution_mode": "curated",
        "visibility": "public",
    }
    data.update(fields)
    return data


def moderator():
    """A member of the platform's « Modérateurs » group (ressources.moderation)."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Modérateurs"))
    return user


def test_organisation_admin_creates_a_listed_base_with_co_owners(client):
    hub = OrganisationFactory(name="HubEst", kind=OrganisationKind.HUB)
    other = OrganisationFactory(name="Hub-Lo", kind=OrganisationKind.HUB)
    admin = OrganisationMembershipFactory(organisation=hub).user
    client.force_login(admin)
    response = client.post(
        reverse("base_create"),
        form_data(hub, co_owners=[other.pk], logo=SimpleUploadedFile("logo.png", png())),
    )
    assert response.status_code == 302
    base = BasePage.objects.get(title="Base des Hubs du Grand Est")
    assert response.url == base.url + "membres/"
    assert base.live and not base.awaiting_moderation and base.is_public
    assert base.logo.collection_id == base.media_collection_id
    assert BaseMembership.objects.get(base=base).user == admin
    assert BaseMembership.objects.get(base=base).role == Role.ADMIN
    assert base.live_revision.user == admin
    # Shown on the base, and in the directory under the co-owner's kind too.
    client.logout()
    assert "Base de HubEst et Hub-Lo" in page_text(client.get(base.url))
    other.kind = OrganisationKind.COLLECTIVE
    other.save()
    hub.kind = OrganisationKind.ASSOCIATION
    hub.save()
    listed = page_text(client.get("/bases/?type=collectif"))
    assert "Base des Hubs du Grand Est" in listed
    assert admin.has_perm("wagtailadmin.access_admin")


def test_base_by_someone_without_an_organisation_stays_unlisted_until_accepted(
    client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Agence nationale")
    creator, visitor, modo = UserFactory(), UserFactory(), moderator()
    client.force_login(creator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("base_create"), form_data(organisation))
        assert response.status_code == 302
        base = BasePage.objects.get(title="Base des Hubs du Grand Est")
        assert base.awaiting_moderation and not base.is_public
        ResourcePageFactory(parent=base, title="Fiche de la base en attente")
    assert "attend sa validation" in page_text(client.get(base.url))
    assert modo.notifications.filter(kind="base_moderation").exists()

    def seen_by_others():
        client.force_login(visitor)
        directory = page_text(client.get("/bases/"))
        search = page_text(client.get("/rechercher/?q=attente"))
        client.logout()
        sitemap = "\n".join(sitemap_locations(client))
        page = client.get(base.url).status_code
        return (
            "Base des Hubs du Grand Est" in directory,
            "Fiche de la base en attente" in search,
            base.url in sitemap,
            page,
        )

    assert seen_by_others() == (False, False, False, 404)
    client.force_login(visitor)
    assert client.get(reverse("base_moderation")).status_code == 403
    assert client.post(reverse("base_moderation_accept", args=[base.pk])).status_code == 403
    client.force_login(modo)
    assert "Base des Hubs du Grand Est" in page_text(client.get(reverse("base_moderation")))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("base_moderation_accept", args=[base.pk]))
    base.refresh_from_db()
    assert not base.awaiting_moderation
    assert seen_by_others() == (True, True, True, 200)
    assert creator.notifications.filter(kind="base_accepted").exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"title": ""}, "Donnez un nom à la base."),
        ({"organisation": 999999}, "Choisissez une organisation de la liste."),
        ({"scope": "regional", "region_code": ""}, "Indiquez la région d'une portée régionale."),
        ({"logo": SimpleUploadedFile("logo.png", b"pas une image" * 10)}, "image valide"),
        ({"contribution_mode": "tout-le-monde"}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_base_forms_are_refused_and_nothing_is_created(client, fields, message):
    organisation = OrganisationFactory()
    client.force_login(UserFactory())
    before = BasePage.objects.count()
    response = client.post(reverse("base_create"), form_data(organisation, **fields))
    assert response.status_code == 400
    text = page_text(response)
    assert "La base n'est pas créée" in text and message in text, text
    assert BasePage.objects.count() == before


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("base_create"))
    assert response.status_code == 302 and "/compte/connexion/" in response.url


def test_a_person_may_have_only_a_few_bases_awaiting_moderation(client):
    organisation = OrganisationFactory()
    client.force_login(UserFactory())
    for number in range(3):
        response = client.post(
            reverse("base_create"), form_data(organisation, title=f"Base numéro {number}")
        )
        assert response.status_code == 302
    response = client.post(reverse("base_create"), form_data(organisation, title="Une de trop"))
    assert response.status_code == 400
    assert "3 bases en attente de validation" in page_text(response)
    assert not BasePage.objects.filter(title="Une de trop").exists()


def test_moderators_find_the_bases_to_accept_in_the_admin_menu(client):
    client.force_login(moderator())
    modo_menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("base_moderation") in modo_menu
    member = UserFactory()
    BaseMembershipFactory(user=member, role=Role.ADMIN)
    client.force_login(member)
    assert (
        reverse("base_moderation") not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
