"""Listings of resources and collections: visibility-aware querysets, cards, the filter form
of a base's « Ressources » tab and the tabs of a base page (see base.listing for the rules)."""

from django import forms
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Lower, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from base.listing import CARD_IMAGE_SPEC, ListingForm
from base.models import BaseMembership, BasePage, Visibility
from base.visibility import BASE_PATH_LENGTH, children_of, in_bases, visible_pages

from . import reviews
from .models import ResourceCollectionPage, ResourcePage, Term

USED_TERMS_CACHE_SECONDS = 24 * 60 * 60


def visible_resources(user, queryset=None, grants=None):
    """Live resources of live bases the user may read (`grants`: see visible_pages)."""
    if queryset is None:
        queryset = ResourcePage.objects.all()
    return visible_pages(queryset.live(), user, grants, live_bases=True)


def visible_collections(user, queryset=None, grants=None):
    """Live collections the user may read: ResourceCollectionPage.user_can_view, as a query.

    A collection of a readable base is shown to everyone when public, and only to the members of
    its base (and platform admins) when private.
    """
    if queryset is None:
        queryset = ResourceCollectionPage.objects.all()
    queryset = visible_pages(queryset.live(), user, grants, live_bases=True)
    if user is not None and user.is_authenticated and user.is_superuser:
        return queryset
    private = Q(visibility=Visibility.PRIVATE)
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


def api_visible_pages(queryset, user):
    """Pages of `queryset` the user may read: private bases and private collections hidden,
    pages of unpublished bases too (their site pages answer 404)."""
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    queryset = visible_pages(queryset, user, live_bases=True)
    if user.is_authenticated and user.is_superuser:
        return queryset
    # The private collections the user does not read (ResourceCollectionPage.user_can_view):
    # all of them, but those of the bases the user is a member or an organisation admin of.
    hidden = ResourceCollectionPage.objects.filter(visibility=Visibility.PRIVATE)
    if user.is_authenticated:
        hidden = hidden.exclude(
            in_bases(
                BasePage.objects.filter(
                    Q(memberships__user=user) | Q(organisation__memberships__user=user)
                )
            )
        )
    return queryset.exclude(pk__in=hidden.values("pk"))


def resource_cards(resources):
    """What a resource card needs, in a fixed number of queries (see `attach_bases`)."""
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE_SPEC)
    resources = reviews.annotate_summaries(resources)
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


class ResourceFilterForm(ListingForm):
    """Filters and sort order of the resources of a base (the « Ressources » tab).

    Only the active terms used by the given resources are offered; choosing one also finds the
    resources that still carry a retired term it replaced. `used_terms` (see
    `base_used_term_ids`) gives the ids of the terms the resources use, when they are known
    without scanning the resources.
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

    def __init__(self, *args, resources, used_terms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms = {}
        tri = self.fields.pop("tri")
        if used_terms is None:
            used_terms = used_term_ids(resources)
        used = terms_by_id(used_terms.values())
        for param, (field_name, label, empty) in self.TAXONOMY.items():
            offered = offered_terms(used, used_terms[field_name])
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
                # The relation's own table, not the resources joined to it: one index range
                # per term instead of a join over every resource of the site that carries it.
                through = getattr(resources.model, field_name).through
                resources = resources.filter(
                    pk__in=through.objects.filter(term_id__in=ids).values("resourcepage_id")
                )
        sort = data.get("tri") or self.DEFAULT_SORT
        return resources.order_by(*self.SORTS[sort][1])


def used_term_ids(resources):
    """{taxonomy field: [ids of the terms `resources` use in it]}: a scan of the resources."""
    return {
        field_name: sorted(
            pk
            for pk in resources.order_by().values_list(field_name, flat=True).distinct()
            if pk is not None
        )
        for field_name, _label, _empty in ResourceFilterForm.TAXONOMY.values()
    }


def base_used_term_ids(base, version):
    """`used_term_ids` of a base's live resources, cached until the base's content changes
    (`version`: its BaseCounts.version, moved on by every publication, unpublication, move or
    deletion in the base; see ressources.counts). Scanning the resources of a big base at every
    request is what made its first page slow; the terms themselves are read afresh each time,
    so a renamed or retired term shows at once."""
    key = f"base-used-terms:{base.pk}:{version}"
    used = cache.get(key)
    if used is None:
        used = used_term_ids(ResourcePage.objects.live().filter(children_of(base)))
        cache.set(key, used, USED_TERMS_CACHE_SECONDS)
    return used


def terms_by_id(id_groups):
    """{id: Term} of the terms whose ids are in the groups, in one query."""
    ids = {pk for group in id_groups for pk in group}
    return {
        term.pk: term
        for term in Term.objects.filter(pk__in=ids).select_related("successor__successor")
    }


def offered_terms(terms, used_ids):
    """Active terms among `used_ids` (`terms`: see terms_by_id), a retired term counting for its
    successor."""
    offered = {}
    for term in (terms[pk] for pk in used_ids if pk in terms):
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
