"""Cross-app listings: the bases directory (cards with their resource counts, its filter form)
and the platform's figures on the home page."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Cast, Coalesce, Lower
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Revision

from accounts.models import User
from base.listing import CARD_IMAGE_SPEC, LOGO_SPEC, ListingForm, visible_bases
from base.models import BASE_DEPTH, BaseMembership, BasePage, Visibility
from organisations.models import OrganisationKind
from organisations.territories import DEPARTMENT_CHOICES, REGION_CHOICES
from ressources.listing import visible_resources
from ressources.models import ResourcePage


def with_resource_count(bases):
    """Annotate bases with `resource_count`, the number of their live resources."""
    counts = (
        ResourcePage.objects.live()
        .filter(depth=BASE_DEPTH + 1, path__startswith=OuterRef("path"))
        .order_by()
        .values("depth")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return bases.annotate(resource_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0))


def base_cards(bases):
    """What a base card needs, in a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE_SPEC, LOGO_SPEC)
    return (
        with_resource_count(bases)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("logo", queryset=images),
            Prefetch("cover", queryset=images),
        )
    )


def contributor_count(user):
    """Number of contributors the platform shows on its home page.

    A contributor is a distinct person who either is a member (any role) of a live base the
    visitor may read, or authored a revision of a live resource the visitor may read. Counting
    only what the visitor may read keeps private bases from leaking through the figure.
    """
    resource_ids = visible_resources(user).annotate(str_pk=Cast("pk", CharField())).values("str_pk")
    revision_authors = Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(ResourcePage),
        object_id__in=Subquery(resource_ids),
        user__isnull=False,
    ).values("user_id")
    members = BaseMembership.objects.filter(base__in=visible_bases(user)).values("user_id")
    return User.objects.filter(Q(pk__in=members) | Q(pk__in=revision_authors)).count()


def platform_figures(user):
    """The live figures of the home page: public bases, readable resources, contributors."""
    return {
        "bases": BasePage.objects.live()
        .filter(visibility=Visibility.PUBLIC, awaiting_moderation=False)
        .count(),
        "resources": visible_resources(user).count(),
        "contributors": contributor_count(user),
    }


class BaseFilterForm(ListingForm):
    """Filters and sort order of the bases directory (/bases/)."""

    SORTS = {
        "nom": (_("Nom (A → Z)"), (Lower("title"), "pk")),
        "recentes": (_("Les plus récentes"), ("-first_published_at", "-pk")),
        "ressources": (_("Nombre de ressources"), ("-resource_count", Lower("title"))),
    }
    DEFAULT_SORT = "nom"

    region = forms.ChoiceField(
        label=_("Région"), required=False, choices=[("", _("Toutes les régions")), *REGION_CHOICES]
    )
    departement = forms.ChoiceField(
        label=_("Département"),
        required=False,
        choices=[("", _("Tous les départements")), *DEPARTMENT_CHOICES],
    )
    type = forms.ChoiceField(
        label=_("Type d'organisation"),
        required=False,
        choices=[("", _("Tous les types")), *OrganisationKind.choices],
    )
    tri = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
    )

    def apply(self, bases):
        """Filter and sort an annotated base queryset (see `with_resource_count`)."""
        data = self.cleaned_data
        if data.get("region"):
            bases = bases.filter(region_code=data["region"])
        if data.get("departement"):
            bases = bases.filter(department_code=data["departement"])
        if data.get("type"):
            # Co-owners count: the InterHubs base is a Hub's base too.
            co_owned = BasePage.co_owners.through.objects.filter(organisation__kind=data["type"])
            bases = bases.filter(
                Q(organisation__kind=data["type"]) | Q(pk__in=co_owned.values("basepage_id"))
            )
        sort = data.get("tri") or self.DEFAULT_SORT
        return bases.order_by(*self.SORTS[sort][1])
