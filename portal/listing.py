"""Cross-app listings: the bases directory (cards with their resource counts, its filter form)
and the platform's figures on the home page."""

import hashlib

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import CharField, F, Prefetch, Q, Subquery
from django.db.models.functions import Cast, Coalesce, Lower
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Revision

from accounts.models import User
from base.listing import CARD_IMAGE_SPEC, LOGO_SPEC, ListingForm, visible_bases
from base.models import BaseMembership, BasePage, Visibility
from organisations.models import OrganisationKind
from organisations.territories import DEPARTMENT_CHOICES, REGION_CHOICES
from ressources.listing import visible_resources
from ressources.models import ResourcePage

CONTRIBUTORS_CACHE_SECONDS = 10 * 60


def with_resource_count(bases):
    """Annotate bases with `resource_count`, the number of their live resources (stored by the
    publication lifecycle: ressources.counts)."""
    return bases.annotate(resource_count=Coalesce(F("counts__resources"), 0))


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


def contributor_count(user, readable_base_ids=None):
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
    """The figures of the home page: public bases, readable resources, contributors.

    Bases and resources come from the bases' stored counts (ressources.counts), in one query
    over the bases the visitor may read, so they are exact at every request. Contributors scan
    every revision of every readable resource: the figure is cached for
    `CONTRIBUTORS_CACHE_SECONDS` per set of readable bases (anonymous visitors all share one),
    so it may lag a new member or a first contribution by that long.
    """
    readable = list(
        visible_bases(user)
        .annotate(resources=Coalesce(F("counts__resources"), 0))
        .values_list("pk", "visibility", "awaiting_moderation", "resources")
        .order_by("pk")
    )
    ids = [pk for pk, *_rest in readable]
    key = "platform-contributors:" + hashlib.sha256(repr(ids).encode()).hexdigest()[:32]
    contributors = cache.get(key)
    if contributors is None:
        contributors = contributor_count(user)
        cache.set(key, contributors, CONTRIBUTORS_CACHE_SECONDS)
    return {
        "bases": sum(
            1
            for _pk, visibility, waiting, _count in readable
            if visibility == Visibility.PUBLIC and not waiting
        ),
        "resources": sum(count for *_rest, count in readable),
        "contributors": contributors,
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
