"""Factories of the platform's objects, on top of the data the migrations seed.

Terms and licences come from ressources/migrations/0002 and the page tree (home page at « / »,
bases directory at « /bases/ ») from base/migrations/0004: factories look them up, never
create them.
"""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from accounts.models import User
from base.models import BaseMembership, BasePage, BasesIndexPage, OrganisationMembership, Role
from organisations.models import Organisation, OrganisationKind
from ressources.models import (
    CollectionItem,
    Licence,
    ResourceCollectionPage,
    ResourceCredit,
    ResourcePage,
    Term,
    Vocabulary,
)

PASSWORD = "mot-de-passe-de-test"


def term(vocabulary, slug):
    return Term.objects.get(vocabulary=vocabulary, slug=slug)


def theme(slug="maitrise_des_outils_numeriques"):
    return term(Vocabulary.THEME, slug)


def resource_type(slug="fiche_pratique"):
    return term(Vocabulary.RESOURCE_TYPE, slug)


def licence(spdx_id="CC-BY-4.0"):
    return Licence.objects.get(spdx_id=spdx_id)


def bases_index():
    return BasesIndexPage.objects.get()


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.ASSOCIATION


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"personne{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    password = factory.django.Password(PASSWORD)

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        """Its address confirmed, as every account that logs in (`verified_email=False`: a
        sign-up still waiting for its link)."""
        if create and extracted is not False and obj.email:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(
                user=obj, email=obj.email.lower(), verified=True, primary=True
            )


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page created the way an editor publishes it: a revision, then its publication.

    `live=False` leaves a never-published draft (no revision, no publication date).
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Page {n}")
    live = True

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        if create and obj.live:
            obj.save_revision().publish()
            obj.refresh_from_db()


class BasePageFactory(PublishedPageFactory):
    class Meta:
        model = BasePage

    title = factory.Sequence(lambda n: f"Base {n}")
    parent = factory.LazyFunction(bases_index)
    organisation = factory.SubFactory(OrganisationFactory)


class ResourcePageFactory(PublishedPageFactory):
    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Ressource {n}")
    parent = factory.SubFactory(BasePageFactory)
    summary = "Un résumé de la ressource."
    licence = factory.LazyFunction(licence)
    themes = factory.LazyFunction(lambda: [theme()])
    resource_types = factory.LazyFunction(lambda: [resource_type()])


class ResourceCreditFactory(DjangoModelFactory):
    class Meta:
        model = ResourceCredit

    resource = factory.SubFactory(ResourcePageFactory)
    kind = "person"
    name = factory.Sequence(lambda n: f"Autrice {n}")
    role = "redaction"


class ResourceCollectionPageFactory(PublishedPageFactory):
    """`resources=[…]` fills the collection in that order."""

    class Meta:
        model = ResourceCollectionPage

    title = factory.Sequence(lambda n: f"Collection {n}")
    parent = factory.SubFactory(BasePageFactory)
    description = "Une sélection de ressources."

    @factory.lazy_attribute
    def items(self):
        return [
            CollectionItem(resource=resource, sort_order=position)
            for position, resource in enumerate(self.resources)
        ]

    class Params:
        resources = ()


class BaseMembershipFactory(DjangoModelFactory):
    class Meta:
        model = BaseMembership

    base = factory.SubFactory(BasePageFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.CONTRIBUTOR


class ImageFactory(wagtail_factories.ImageFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Image {n}")


class OrganisationMembershipFactory(DjangoModelFactory):
    """An organisation admin: they manage every base of the organisation."""

    class Meta:
        model = OrganisationMembership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
