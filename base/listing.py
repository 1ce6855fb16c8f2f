"""Querysets, filter forms and pagination of the public listings.

Every listing of the public site is built here, on top of `base.visibility.visible_pages`, so
that a private base (or a private collection) cannot leak through one of them.

GET parameters are untrusted: the filter forms keep the values that validate and silently drop
the others, and `paginate` turns any page number into an existing page, so that a crafted or
outdated URL always answers a normal page.
"""

import re
from urllib.parse import urlencode

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import (
    CharField,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce, Lower, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Revision

from .models import BASE_DEPTH, BaseMembership, BasePage, OrganisationKind, User, Visibility
from .territories import DEPARTMENT_CHOICES, REGION_CHOICES
from .visibility import BASE_PATH_LENGTH, visible_pages

PER_PAGE = 12
CARD_IMAGE_SPEC = "fill-600x338"
LOGO_SPEC = "max-160x160"

# ---------------------------------------------------------------------------------------------
# Visibility-aware querysets
# ---------------------------------------------------------------------------------------------


def _in_unpublished_base():
    """Pages whose base is not live: their base cannot be reached, so neither can they."""
    return Exists(
        BasePage.objects.filter(live=False, path=Substr(OuterRef("path"), 1, BASE_PATH_LENGTH))
    )


def visible_bases(user):
    """Live bases the user may read (public ones, plus private ones they are a member of)."""
    return visible_pages(BasePage.objects.live(), user)


def visible_resources(user, queryset=None, grants=None):
    """Live resources of live bases the user may read (`grants`: see visible_pages)."""
    from ressources.models import ResourcePage

    if queryset is None:
        queryset = ResourcePage.objects.all()
    return visible_pages(queryset.live(), user, grants).exclude(_in_unpublished_base())


def visible_collections(user, queryset=None, grants=None):
    """Live collections the user may read: ResourceCollectionPage.user_can_view, as a query.

    A collection of a readable base is shown to everyone when public, and only to the members of
    its base (and platform admins) when private.
    """
    from ressources.models import ResourceCollectionPage

    if queryset is None:
        queryset = ResourceCollectionPage.objects.all()
    queryset = visible_pages(queryset.live(), user, grants).exclude(_in_unpublished_base())
    if user is not None and user.is_authenticated and user.is_superuser:
        return queryset
    private = Q(visibility=Visibility.PRIVATE)  # the collection's own visibility
    if user is not None and user.is_authenticated:
        member = Exists(
            BaseMembership.objects.filter(
                user=user, base__path=Substr(OuterRef("path"), 1, BASE_PATH_LENGTH)
            )
        ) | Exists(
            # The admins of the base's organisation read it as its members do.
            BasePage.objects.filter(
                organisation__memberships__user=user,
                path=Substr(OuterRef("path"), 1, BASE_PATH_LENGTH),
            )
        )
        return queryset.exclude(private & ~member)
    return queryset.exclude(private)


def with_resource_count(bases):
    """Annotate bases with `resource_count`, the number of their live resources."""
    from ressources.models import ResourcePage

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


def resource_cards(resources):
    """What a resource card needs, in a fixed number of queries (see `attach_bases`)."""
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE_SPEC)
    return resources.prefetch_related(
        Prefetch("cover_image", queryset=images),
        "themes",
        "resource_types",
    )


def collection_cards(collections):
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE_SPEC)
    return collections.prefetch_related(Prefetch("image", queryset=images), "items")


def attach_bases(pages):
    """Set `owning_base` on each page (resource or collection) with a single query."""
    pages = list(pages)
    paths = {page.path[:BASE_PATH_LENGTH] for page in pages}
    bases = {base.path: base for base in BasePage.objects.filter(path__in=paths)}
    for page in pages:
        page.owning_base = bases.get(page.path[:BASE_PATH_LENGTH])
    return pages


def count_visible_items(collections, user, grants=None):
    """Set `visible_item_count` on each collection: its items the user may actually open."""
    collections = list(collections)
    ids = {item.resource_id for c in collections for item in c.items.all()}
    visible = set(
        visible_resources(user, grants=grants).filter(pk__in=ids).values_list("pk", flat=True)
    )
    for collection in collections:
        collection.visible_item_count = sum(
            1 for item in collection.items.all() if item.resource_id in visible
        )
    return collections


def contributor_count(user):
    """Number of contributors the platform shows on its home page.

    A contributor is a distinct person who either is a member (any role) of a live base the
    visitor may read, or authored a revision of a live resource the visitor may read. Counting
    only what the visitor may read keeps private bases from leaking through the figure.
    """
    from ressources.models import ResourcePage

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


# ---------------------------------------------------------------------------------------------
# Pagination and query strings
# ---------------------------------------------------------------------------------------------


def page_number(raw):
    """A page number from an untrusted string: 1 unless it is a plain positive integer."""
    if isinstance(raw, str) and re.fullmatch(r"[0-9]{1,9}", raw.strip()):
        return max(int(raw.strip()), 1)
    return 1


def page_window(number, last):
    """The page numbers to show around the current one, with None for a gap."""
    wanted = {1, last, number - 1, number, number + 1}
    if number <= 3:
        wanted.update({2, 3})
    if number >= last - 2:
        wanted.update({last - 1, last - 2})
    pages = sorted(p for p in wanted if 1 <= p <= last)
    window, previous = [], 0
    for page in pages:
        if page - previous == 2:
            window.append(previous + 1)
        elif page - previous > 2:
            window.append(None)
        window.append(page)
        previous = page
    return window


def paginate(object_list, raw_page, per_page=PER_PAGE):
    """The requested page of `object_list`; out-of-range numbers give the last page.

    The returned page carries `window` (see `page_window`) for the pagination component.
    """
    paginator = Paginator(object_list, per_page)
    number = min(page_number(raw_page), paginator.num_pages)
    page = paginator.page(number)
    page.window = page_window(page.number, paginator.num_pages)
    return page


def querystring(params, **overrides):
    """`?a=1&b=2` from a dict, leaving out empty values; '' when nothing is left."""
    merged = {**params, **overrides}
    pairs = [(key, value) for key, value in merged.items() if value not in (None, "")]
    return "?" + urlencode(pairs) if pairs else ""


# ---------------------------------------------------------------------------------------------
# Filter forms
# ---------------------------------------------------------------------------------------------


class ListingForm(forms.Form):
    """A GET filter form that keeps valid values and drops the others.

    `ListingForm.from_query(request.GET)` returns a bound form whose data holds only the values
    that validate, so it renders without errors and `params` can be put back in links.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "fr-select")

    @classmethod
    def from_query(cls, query, **kwargs):
        form = cls(query, **kwargs)
        form.is_valid()
        valid = {}
        for name, value in form.cleaned_data.items():
            if value not in (None, ""):
                valid[name] = form[name].data
        # Validate again with the valid values only: no error to show, clean data to link to.
        form.data = valid
        form.full_clean()
        return form

    @property
    def params(self):
        """The valid values, as GET parameters."""
        return {name: self.data[name] for name in self.fields if self.data.get(name)}

    @property
    def active_filters(self):
        """(field label, chosen label) of each filter in use, sort order excepted."""
        active = []
        for name, field in self.fields.items():
            if name == "tri" or not self.data.get(name):
                continue
            labels = dict(_flat_choices(field.choices))
            active.append((field.label, labels.get(self.data[name], self.data[name])))
        return active


def _flat_choices(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield value, label


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
            bases = bases.filter(
                Q(organisation__kind=data["type"])
                | Q(
                    pk__in=BasePage.co_owners.through.objects.filter(
                        organisation__kind=data["type"]
                    ).values("basepage_id")
                )
            )
        sort = data.get("tri") or self.DEFAULT_SORT
        return bases.order_by(*self.SORTS[sort][1])


class ResourceFilterForm(ListingForm):
    """Filters and sort order of the resources of a base (the « Ressources » tab).

    Only the active terms used by the given resources are offered; choosing one also finds the
    resources that still carry a retired term it replaced.
    """

    SORTS = {
        "recentes": (_("Les plus récentes"), ("-first_published_at", "-pk")),
        "mises-a-jour": (_("Mises à jour récemment"), ("-last_published_at", "-pk")),
        "titre": (_("Titre (A → Z)"), (Lower("title"), "pk")),
    }
    DEFAULT_SORT = "recentes"
    # GET parameter -> (ResourcePage field, label, empty choice)
    TAXONOMY = {
        "thematique": ("themes", _("Thématique"), _("Toutes les thématiques")),
        "type": ("resource_types", _("Type de ressource"), _("Tous les types")),
        "beneficiaire": ("beneficiaries", _("Bénéficiaire"), _("Tous les bénéficiaires")),
        "secteur": ("professional_sectors", _("Secteur professionnel"), _("Tous les secteurs")),
    }

    tri = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
    )

    def __init__(self, *args, resources, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms = {}
        tri = self.fields.pop("tri")
        for param, (field_name, label, empty) in self.TAXONOMY.items():
            offered = offered_terms(resources, field_name)
            self.terms[param] = {term.slug: term for term in offered}
            self.fields[param] = forms.ChoiceField(
                label=label,
                required=False,
                choices=[("", empty), *term_choices(offered)],
                widget=forms.Select(attrs={"class": "fr-select"}),
            )
        self.fields["tri"] = tri

    def apply(self, resources):
        data = self.cleaned_data
        for param, (field_name, _label, _empty) in self.TAXONOMY.items():
            slug = data.get(param)
            if slug:
                term = self.terms[param][slug]
                ids = [term.pk, *predecessor_ids(term)]
                resources = resources.filter(
                    pk__in=resources.model.objects.filter(**{f"{field_name}__in": ids}).values("pk")
                )
        sort = data.get("tri") or self.DEFAULT_SORT
        return resources.order_by(*self.SORTS[sort][1])


def offered_terms(resources, field_name):
    """Active terms used by `resources` in `field_name`, a retired term counting for its successor."""
    from ressources.models import Term

    used_ids = resources.order_by().values(field_name)
    used = Term.objects.filter(pk__in=used_ids).select_related("successor__successor")
    offered = {}
    for term in used:
        current, hops = term, 0
        while not current.active and current.successor_id and hops < 5:
            current, hops = current.successor, hops + 1
        if current.active:
            offered[current.pk] = current
    return sorted(offered.values(), key=lambda t: (t.category, t.order, t.label.lower()))


def term_choices(terms):
    """Choices for a select, grouped by category when the terms have one (themes)."""
    if not any(term.category for term in terms):
        return [(term.slug, term.label) for term in terms]
    groups = {}
    for term in terms:
        groups.setdefault(term.category or _("Autres"), []).append((term.slug, term.label))
    return list(groups.items())


def predecessor_ids(term):
    """Ids of the retired terms that `term` replaced, directly or through a chain."""
    from ressources.models import Term

    found, frontier = set(), {term.pk}
    while frontier:
        frontier = (
            set(Term.objects.filter(successor_id__in=frontier).values_list("pk", flat=True)) - found
        )
        found |= frontier
    return found


# ---------------------------------------------------------------------------------------------
# Base page tabs
# ---------------------------------------------------------------------------------------------

TABS = {
    "ressources": _("Ressources"),
    "collections": _("Collections"),
    "a-propos": _("À propos"),
}
DEFAULT_TAB = "ressources"
# `?view=` is the address scheme of the sector's previous platform (…/base/4?view=collections).
LEGACY_VIEWS = {
    "resources": "ressources",
    "ressources": "ressources",
    "collections": "collections",
    "about": "a-propos",
    "a-propos": "a-propos",
}


def selected_tab(query):
    """The tab asked for by `?onglet=` (or the legacy `?view=`), the first one otherwise."""
    onglet = query.get("onglet")
    if isinstance(onglet, str) and onglet in TABS:
        return onglet
    view = query.get("view")
    if isinstance(view, str) and view.lower() in LEGACY_VIEWS:
        return LEGACY_VIEWS[view.lower()]
    return DEFAULT_TAB
