"""The documented endpoints of the read API (/api/v2/) and its router.

Resources, bases and collections are Wagtail page endpoints limited to one model, over the same
visible pages as /api/v2/pages/ (portal.api); organisations, taxonomy terms, licences and
versions (the journal of each resource) are read-only endpoints of their own. Each one declares
its query parameters (`Parameter`): the filter backend applies them, the parameter check refuses
any other in French, and portal.openapi describes them — one list, so the description cannot
drift from what the code does. The filters are the site's facets under the names /rechercher/
uses (`thematique`, `type`, `licence`, `base`, `region`…): several values of one parameter are
alternatives, different parameters all apply.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.utils import timezone
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet

from base.input_guard import EARLIEST_DATE, LATEST_DATE, bounded_int
from base.models import BasePage
from base.visibility import BASE_PATH_LENGTH
from label.criteria import Status as LabelStatus
from label.models import LabelRequest
from organisations.models import Organisation, OrganisationKind
from organisations.territories import DEPARTMENT_CHOICES, REGION_CHOICES
from ressources.listing import api_visible_pages
from ressources.models import (
    Licence,
    ResourceCollectionPage,
    ResourcePage,
    ResourceVersion,
    Term,
)
from ressources.models.resources import Language
from ressources.models.taxonomy import Vocabulary
from search.facets import EXPIRED, LABELLED, NONE

from .api import (
    BoundedParametersMixin,
    EngineSearchFilter,
    VisibleDocumentsAPIViewSet,
    VisibleImagesAPIViewSet,
    VisiblePagesAPIViewSet,
    absolute_page_url,
)

# As on the search page: enough values for any real selection, not a flood.
MAX_VALUES = 30
MAX_VALUE_LENGTH = 100
TRUE, FALSE = ("true", "1", "oui"), ("false", "0", "non")


@dataclass(frozen=True)
class Parameter:
    """A query parameter of an endpoint: its name, what it does (French: the documentation
    shows it), its JSON schema, and how it narrows the queryset (`apply(queryset, values)`,
    None when another backend reads it, as `search` on pages)."""

    name: str
    description: str
    apply: Callable | None = None
    schema: dict = field(default_factory=lambda: {"type": "string"})
    many: bool = False
    example: str | None = None

    def values(self, query):
        """The parameter's values from request.GET, checked; a French 400 otherwise."""
        raw = [value.strip() for value in query.getlist(self.name)]
        raw = [value for value in raw if value]
        if not self.many:
            raw = raw[-1:]
        if len(raw) > MAX_VALUES:
            raise BadRequestError(f"{self.name} : {MAX_VALUES} valeurs au plus.")
        return [self.convert(value) for value in raw]

    def convert(self, value):
        kind = self.schema.get("type")
        if kind == "array":
            kind = self.schema["items"].get("type")
        enum = self.schema.get("enum") or self.schema.get("items", {}).get("enum")
        if len(value) > MAX_VALUE_LENGTH:
            raise BadRequestError(f"{self.name} : valeur trop longue.")
        if kind == "integer":
            number = bounded_int(value, minimum=1)
            if number is None:
                raise BadRequestError(f"{self.name} doit être un entier positif.")
            return number
        if kind == "boolean":
            if value.lower() not in TRUE + FALSE:
                raise BadRequestError(f"{self.name} vaut true ou false.")
            return value.lower() in TRUE
        if self.schema.get("format") == "date":
            try:
                day = datetime.date.fromisoformat(value)
            except ValueError:
                day = None
            if day is None or not EARLIEST_DATE <= day <= LATEST_DATE:
                raise BadRequestError(f"{self.name} doit être une date AAAA-MM-JJ.")
            return day
        if enum and value not in enum:
            raise BadRequestError(
                f"{self.name} : valeur inconnue « {value} » (valeurs possibles : "
                f"{', '.join(enum)})."
            )
        return value


def _many(name, description, apply, items=None, example=None):
    return Parameter(
        name,
        description,
        apply,
        schema={"type": "array", "items": items or {"type": "string"}},
        many=True,
        example=example,
    )


# --- How each facet narrows a queryset (the same meaning as search.documents.facet_values) ---


def _where(lookup):
    """Pages whose `lookup` is one of the values (a sub-query: no duplicates from joins)."""

    def apply(queryset, values):
        return queryset.filter(
            pk__in=queryset.model.objects.filter(**{lookup: values}).values("pk")
        )

    return apply


def _base_has(**lookups):
    """The page's base (itself, for a base) matches `lookups`."""
    return Exists(
        BasePage.objects.filter(path=Substr(OuterRef("path"), 1, BASE_PATH_LENGTH), **lookups)
    )


def _in_bases(queryset, ids):
    return queryset.filter(_base_has(pk__in=ids))


def _organisation_kind(queryset, kinds):
    return queryset.filter(_base_has(organisation__kind__in=kinds))


def _territory(code_field):
    """A resource's own territory when it has one, its base's otherwise (as in search)."""

    def apply(queryset, codes):
        from_base = _base_has(**{f"{code_field}__in": codes})
        if queryset.model is ResourcePage:
            return queryset.filter(
                Q(**{f"{code_field}__in": codes}) | (Q(region_code="") & from_base)
            )
        return queryset.filter(from_base)

    return apply


def _licence(queryset, values):
    """`ouverte` keeps the open licences; with SPDX ids too, only the open ones among them."""
    spdx_ids = [value for value in values if value != "ouverte"]
    if "ouverte" in values:
        queryset = queryset.filter(licence__is_open=True)
    if spdx_ids:
        queryset = queryset.filter(licence__spdx_id__in=spdx_ids)
    return queryset


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _published_from(queryset, days):
    return queryset.filter(first_published_at__gte=_day_start(days[0]))


def _published_to(queryset, days):
    if days[0] >= LATEST_DATE:
        return queryset
    return queryset.filter(first_published_at__lt=_day_start(days[0] + datetime.timedelta(days=1)))


def _label(queryset, values):
    """The public label status, as the search facet reads it (label.public): labelled, expired
    (an expired label and none current), none (no decided label)."""
    labelled = LabelRequest.objects.filter(status=LabelStatus.LABELLED).values("resource_id")
    expired = LabelRequest.objects.filter(status=LabelStatus.EXPIRED).values("resource_id")
    wanted = Q(pk__in=[])
    if LABELLED in values:
        wanted |= Q(pk__in=labelled)
    if EXPIRED in values:
        wanted |= Q(pk__in=expired) & ~Q(pk__in=labelled)
    if NONE in values:
        wanted |= ~Q(pk__in=expired) & ~Q(pk__in=labelled)
    return queryset.filter(wanted)


SEARCH = Parameter(
    "search",
    "Texte cherché avec le moteur de /rechercher/ (français : accents, pluriels, sigles du "
    'secteur ; tous les mots requis, "expression exacte", -mot pour exclure ; '
    "200 caractères au plus). Les résultats sont rangés par pertinence (les 100 meilleurs) "
    "sauf si `order` est donné.",
    example="atelier numérique",
)
BASE = _many(
    "base",
    "Identifiant d'une base (`id` de /bases/) : ses ressources et collections.",
    _in_bases,
    items={"type": "integer", "minimum": 1},
)
ORGANISATION_KIND = _many(
    "organisation",
    "Type de l'organisation propriétaire de la base.",
    _organisation_kind,
    items={"type": "string", "enum": list(OrganisationKind.values)},
    example="hub",
)
REGION = _many(
    "region",
    "Code INSEE de région (territoire de la ressource, ou de sa base).",
    _territory("region_code"),
    items={"type": "string", "enum": [code for code, _label in REGION_CHOICES]},
    example="93",
)
DEPARTMENT = _many(
    "departement",
    "Code INSEE de département (territoire de la ressource, ou de sa base).",
    _territory("department_code"),
    items={"type": "string", "enum": [code for code, _label in DEPARTMENT_CHOICES]},
    example="13",
)


def _terms(name, vocabulary, field_name, label, example):
    return _many(
        name,
        f"{label} : `slug` d'un terme de /taxonomie/?vocabulaire={vocabulary}.",
        _where(f"{field_name}__slug__in"),
        example=example,
    )


RESOURCE_PARAMETERS = (
    SEARCH,
    _terms("thematique", Vocabulary.THEME, "themes", "Thématique", "accessibilite"),
    _terms(
        "type", Vocabulary.RESOURCE_TYPE, "resource_types", "Type de ressource", "fiche_pratique"
    ),
    _terms(
        "beneficiaire",
        Vocabulary.BENEFICIARY,
        "beneficiaries",
        "Bénéficiaire",
        "seniors_personnes_agees",
    ),
    _terms(
        "secteur",
        Vocabulary.PROFESSIONAL_SECTOR,
        "professional_sectors",
        "Secteur professionnel",
        "acteurs_publics",
    ),
    _many(
        "licence",
        "Identifiant SPDX d'une licence (`spdx_id` de /licences/), ou `ouverte` pour toutes "
        "les licences ouvertes.",
        _licence,
        example="CC-BY-SA-4.0",
    ),
    BASE,
    ORGANISATION_KIND,
    REGION,
    DEPARTMENT,
    _many(
        "langue",
        "Langue de la ressource (code ISO 639-1).",
        _where("language__in"),
        items={"type": "string", "enum": list(Language.values)},
        example="fr",
    ),
    _many(
        "mot-cle",
        "Mot-clé libre (sa forme d'adresse, comme dans /mots-cles/<mot-cle>/).",
        _where("tags__slug__in"),
        example="sante",
    ),
    _many(
        "label",
        "Label NEC : `labellise` (labellisées), `expire` (label expiré, aucun en cours), "
        "`aucun` (jamais labellisées).",
        _label,
        items={"type": "string", "enum": [LABELLED, EXPIRED, NONE]},
        example=LABELLED,
    ),
    Parameter(
        "du",
        "Publiées ce jour-là ou après (première publication, AAAA-MM-JJ).",
        _published_from,
        schema={"type": "string", "format": "date"},
        example="2024-01-01",
    ),
    Parameter(
        "au",
        "Publiées ce jour-là ou avant (première publication, AAAA-MM-JJ).",
        _published_to,
        schema={"type": "string", "format": "date"},
        example="2024-12-31",
    ),
)


class DeclaredParametersFilter(BaseFilterBackend):
    """Applies the endpoint's declared parameters (see Parameter)."""

    def filter_queryset(self, request, queryset, view):
        for parameter in view.parameters:
            values = parameter.values(request.GET)
            if values and parameter.apply is not None:
                queryset = parameter.apply(queryset, values)
        return queryset


class DocumentedEndpointMixin(BoundedParametersMixin):
    """An endpoint whose every query parameter is declared and documented (portal.openapi).

    `api_name` is its address, `title` and `api_description` the documentation's (not DRF's
    `name` and `description`, which `as_view` resets); `orderings` the values `order` takes;
    `item_schema` the name of its schema in the description."""

    api_name = ""
    title = ""
    api_description = ""
    item_schema = ""
    parameters = ()
    orderings = ()
    # Wagtail's own parameters kept: pagination, fields, order (and jQuery's cache buster "_").
    common_parameters = ("limit", "offset", "fields", "order", "_")
    filter_backends = [DeclaredParametersFilter, OrderingFilter]

    def check_query_parameters(self, queryset):
        known = set(self.common_parameters) | {parameter.name for parameter in self.parameters}
        unknown = sorted(name[:50] for name in set(self.request.GET) - known)
        if unknown:
            raise BadRequestError(
                f"Paramètre inconnu : {', '.join(unknown[:5])}. Paramètres acceptés : "
                f"{', '.join(sorted(known - {'_'}))}."
            )
        order = self.request.GET.get("order")
        if order is not None and order not in self.orderings:
            raise BadRequestError(
                f"order : tri inconnu « {order} » (tris possibles : {', '.join(self.orderings)})."
            )
        for parameter in self.parameters:
            parameter.values(self.request.GET)

    @classmethod
    def get_urlpatterns(cls):
        """Listing and detail: the addresses the description documents."""
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "find"]


# --- Fields the models do not carry ------------------------------------------------------------


class PageBaseField(serializers.Field):
    """The base a page belongs to: {id, title, detail_url, html_url}."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        cache = self.context.setdefault("bases_by_path", {})
        path = page.path[:BASE_PATH_LENGTH]
        if path not in cache:
            # The bases of every item of a listing at once (one query, not one per base).
            listed = self.root.instance if isinstance(self.root.instance, list) else []
            paths = {path, *(item.path[:BASE_PATH_LENGTH] for item in listed)} - set(cache)
            cache.update(dict.fromkeys(paths))
            for base in BasePage.objects.filter(path__in=paths):
                cache[base.path] = {
                    "id": base.pk,
                    "title": base.title,
                    "detail_url": get_object_detail_url(
                        self.context["router"], self.context["request"], BasePage, base.pk
                    ),
                    "html_url": absolute_page_url(base),
                }
        return cache[path]


class AdaptedFromField(serializers.Field):
    """The original of an adaptation and the version adapted, or None — also when the reader
    may not read the original (a private base's resource adapted elsewhere: its title is not
    for everyone). The originals of every item of a listing are read at once."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        if not page.adapted_from_id:
            return None
        cache = self.context.setdefault("adapted_originals", {})
        if page.adapted_from_id not in cache:
            listed = self.root.instance if isinstance(self.root.instance, list) else []
            wanted = {page.adapted_from_id, *(item.adapted_from_id for item in listed)}
            wanted -= {None, *cache}
            cache.update(dict.fromkeys(wanted))
            request = self.context["request"]
            originals = api_visible_pages(
                ResourcePage.objects.live().filter(pk__in=wanted), request.user
            )
            for original in originals:
                cache[original.pk] = original
        original = cache[page.adapted_from_id]
        if original is None:
            return None
        html_url = absolute_page_url(original)
        version = page.adapted_from_version
        if version is None or version.resource_id != original.pk:
            version = None
        return {
            "id": original.pk,
            "title": original.title,
            "detail_url": get_object_detail_url(
                self.context["router"], self.context["request"], ResourcePage, original.pk
            ),
            "html_url": html_url,
            "version": version and version.number,
            "version_html_url": version
            and html_url
            and html_url + original.reverse_subpage("version", args=[version.url_number]),
        }


class VersionNumberField(serializers.Field):
    def to_representation(self, version):
        return version.number


class VersionHtmlUrlField(serializers.Field):
    """The absolute address of the resource as this version published it."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, version):
        resource_url = absolute_page_url(version.resource)
        if resource_url is None:
            return None
        return resource_url + version.resource.reverse_subpage("version", args=[version.url_number])


class LinesField(serializers.Field):
    def to_representation(self, lines):
        return list(lines)


class SuccessorField(serializers.Field):
    def to_representation(self, term):
        return term.slug


def _names(fields):
    return [field.name if isinstance(field, APIField) else field for field in fields]


def _display(field_name):
    return serializers.CharField(source=f"get_{field_name}_display", read_only=True)


# --- Page endpoints ------------------------------------------------------------------------------


class ModelPagesEndpoint(DocumentedEndpointMixin, VisiblePagesAPIViewSet):
    """The visible pages of one model (`model`)."""

    filter_backends = [DeclaredParametersFilter, OrderingFilter, EngineSearchFilter]
    orderings = ("title", "-title", "first_published_at", "-first_published_at")
    meta_fields = [*VisiblePagesAPIViewSet.meta_fields, "last_published_at"]
    body_fields = [*VisiblePagesAPIViewSet.body_fields]

    def get_queryset(self):
        pages = self.model.objects.filter(pk__in=self.get_base_queryset().values("pk"))
        return pages.select_related("locale")  # `meta.locale` of each item


class ResourcesEndpoint(ModelPagesEndpoint):
    api_name = "ressources"
    model = ResourcePage
    title = "Ressources"
    api_description = (
        "Les ressources publiées que l'appelant peut lire : celles des bases publiques, et "
        "celles des bases privées dont il est membre (session sur le site). Les filtres sont "
        "ceux de la recherche du site."
    )
    item_schema = "Ressource"
    parameters = RESOURCE_PARAMETERS
    body_fields = [
        *ModelPagesEndpoint.body_fields,
        APIField("base", serializer=PageBaseField()),
        APIField("adapted_from", serializer=AdaptedFromField()),
    ]
    listing_default_fields = [
        *VisiblePagesAPIViewSet.listing_default_fields,
        "last_published_at",
        "summary",
        "base",
        "licence",
        "themes",
        "resource_types",
        "current_version",
    ]

    def get_queryset(self):
        """What the items' fields read, in one query per relation rather than per item."""
        return (
            super()
            .get_queryset()
            .select_related("licence", "producer", "adapted_from_version")
            .prefetch_related(
                "themes",
                "resource_types",
                "beneficiaries",
                "professional_sectors",
                "tags",
                "credits",
                "versions",
            )
        )


class BasesEndpoint(ModelPagesEndpoint):
    api_name = "bases"
    model = BasePage
    title = "Bases"
    api_description = (
        "Les bases publiées que l'appelant peut lire (publiques, ou privées dont il est membre ; "
        "une base en attente de validation n'y figure pas)."
    )
    item_schema = "Base"
    parameters = (SEARCH, ORGANISATION_KIND, REGION, DEPARTMENT)
    listing_default_fields = [
        *VisiblePagesAPIViewSet.listing_default_fields,
        "organisation",
        "dedicated_to",
        "scope",
        "region_code",
        "department_code",
        "is_certified",
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("organisation")


class CollectionsEndpoint(ModelPagesEndpoint):
    api_name = "collections"
    model = ResourceCollectionPage
    title = "Collections"
    api_description = (
        "Les collections publiques des bases lisibles, et les collections privées des bases "
        "dont l'appelant est membre. `items` ne liste que les ressources qu'il peut lire."
    )
    item_schema = "Collection"
    parameters = (SEARCH, BASE, ORGANISATION_KIND, REGION, DEPARTMENT)
    body_fields = [*ModelPagesEndpoint.body_fields, APIField("base", serializer=PageBaseField())]
    listing_default_fields = [
        *VisiblePagesAPIViewSet.listing_default_fields,
        "description",
        "base",
    ]


# --- Other endpoints -----------------------------------------------------------------------------


class ReadOnlyEndpoint(DocumentedEndpointMixin, BaseAPIViewSet):
    """A model that is not a page, in a stable order (`ordering`, then the primary key)."""

    ordering = ()

    def get_queryset(self):
        return self.model.objects.order_by(*self.ordering, "pk")


def _name_contains(field_name):
    def apply(queryset, values):
        for word in values[0].split()[:10]:
            queryset = queryset.filter(**{f"{field_name}__icontains": word})
        return queryset

    return apply


class OrganisationsEndpoint(ReadOnlyEndpoint):
    api_name = "organisations"
    model = Organisation
    title = "Organisations"
    api_description = (
        "Les organisations du secteur : propriétaires de bases, productrices de ressources."
    )
    item_schema = "Organisation"
    ordering = ("name",)
    orderings = ("name", "-name", "id", "-id")
    parameters = (
        Parameter("search", "Mots du nom (tous requis).", _name_contains("name"), example="hub"),
        _many(
            "type",
            "Type d'organisation.",
            _where("kind__in"),
            items={"type": "string", "enum": list(OrganisationKind.values)},
            example="hub",
        ),
        _many(
            "region",
            "Code INSEE de région.",
            _where("region_code__in"),
            items=REGION.schema["items"],
        ),
        _many(
            "departement",
            "Code INSEE de département.",
            _where("department_code__in"),
            items=DEPARTMENT.schema["items"],
        ),
    )
    body_fields = [
        "id",
        "slug",
        APIField("kind_label", serializer=_display("kind")),
        "siret",
        "description",
        "scope",
        "region_code",
        "department_code",
    ]
    listing_default_fields = ["id", "type", "detail_url", "name", "slug", "kind", "website"]


class FilterParameterField(serializers.Field):
    """The search parameter of /ressources/ that takes this term's slug."""

    PARAMETERS = {
        Vocabulary.THEME: "thematique",
        Vocabulary.RESOURCE_TYPE: "type",
        Vocabulary.BENEFICIARY: "beneficiaire",
        Vocabulary.PROFESSIONAL_SECTOR: "secteur",
    }

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, term):
        return self.PARAMETERS.get(term.vocabulary)


class TaxonomyEndpoint(ReadOnlyEndpoint):
    api_name = "taxonomie"
    model = Term
    title = "Taxonomie"
    api_description = (
        "Les termes des quatre vocabulaires (thématiques, types de ressource, bénéficiaires, "
        "secteurs professionnels), y compris les termes retirés, qui nomment leur successeur. "
        "Le `slug` d'un terme est la valeur du filtre `filter_parameter` de /ressources/."
    )
    item_schema = "Terme"
    ordering = ("vocabulary", "category", "order", "label")
    orderings = ("label", "-label", "id", "-id")
    parameters = (
        _many(
            "vocabulaire",
            "Vocabulaire.",
            _where("vocabulary__in"),
            items={"type": "string", "enum": list(Vocabulary.values)},
            example="theme",
        ),
        Parameter(
            "actif",
            "`true` : les termes en usage ; `false` : les termes retirés.",
            lambda queryset, values: queryset.filter(active=values[0]),
            schema={"type": "boolean"},
        ),
    )
    body_fields = [
        "id",
        "vocabulary",
        APIField("vocabulary_label", serializer=_display("vocabulary")),
        "slug",
        "label",
        "category",
        "hint",
        "active",
        APIField("successor", serializer=SuccessorField()),
        APIField("filter_parameter", serializer=FilterParameterField()),
    ]
    listing_default_fields = ["id", "type", "detail_url", *_names(body_fields[1:])]

    def get_queryset(self):
        return super().get_queryset().select_related("successor")


class LicencesEndpoint(ReadOnlyEndpoint):
    api_name = "licences"
    model = Licence
    title = "Licences"
    api_description = "Les licences qu'une ressource peut porter, avec les droits qu'elles donnent."
    item_schema = "Licence"
    ordering = ("order", "name")
    orderings = ("name", "-name", "id", "-id")
    parameters = (
        Parameter(
            "ouverte",
            "`true` : les licences ouvertes ; `false` : les autres.",
            lambda queryset, values: queryset.filter(is_open=values[0]),
            schema={"type": "boolean"},
        ),
    )
    body_fields = [
        "id",
        "spdx_id",
        "name",
        "short_name",
        "url",
        "kind",
        APIField("kind_label", serializer=_display("kind")),
        "attribution",
        "share_alike",
        "non_commercial",
        "no_derivatives",
        "is_open",
        "crpa_listed",
    ]
    listing_default_fields = ["id", "type", "detail_url", *_names(body_fields[1:])]


class VersionsEndpoint(ReadOnlyEndpoint):
    api_name = "versions"
    model = ResourceVersion
    title = "Versions et journaux"
    api_description = (
        "Chaque publication d'une ressource est une version numérotée de son journal public. "
        "Le journal d'une ressource : /versions/?ressource=<id>. Seules figurent les versions "
        "des ressources que l'appelant peut lire. Les plus récentes d'abord."
    )
    item_schema = "Version"
    orderings = ("published_at", "-published_at")
    parameters = (
        _many(
            "ressource",
            "Identifiant d'une ressource (`id` de /ressources/) : son journal des versions.",
            _where("resource_id__in"),
            items={"type": "integer", "minimum": 1},
        ),
    )
    body_fields = [
        "id",
        "resource",
        APIField("number", serializer=serializers.CharField(read_only=True)),
        "published_at",
        APIField("responsible", serializer=serializers.CharField(read_only=True)),
        APIField("changes", serializer=LinesField(source="change_lines", read_only=True)),
        APIField("restored_from", serializer=VersionNumberField(read_only=True)),
        APIField("html_url", serializer=VersionHtmlUrlField()),
    ]
    listing_default_fields = ["id", "type", "detail_url", *_names(body_fields[1:])]

    def get_queryset(self):
        resources = api_visible_pages(ResourcePage.objects.live(), self.request.user)
        return (
            ResourceVersion.objects.filter(resource__in=resources.values("pk"))
            .select_related("resource", "restored_from")
            .order_by("-published_at", "-pk")
        )


DOCUMENTED_ENDPOINTS = (
    ResourcesEndpoint,
    BasesEndpoint,
    CollectionsEndpoint,
    OrganisationsEndpoint,
    TaxonomyEndpoint,
    LicencesEndpoint,
    VersionsEndpoint,
)

# The documented endpoints first: a resource, a base… links to its own endpoint (`detail_url`).
api_router = WagtailAPIRouter("wagtailapi")
for endpoint in DOCUMENTED_ENDPOINTS:
    api_router.register_endpoint(endpoint.api_name, endpoint)
api_router.register_endpoint("pages", VisiblePagesAPIViewSet)
api_router.register_endpoint("images", VisibleImagesAPIViewSet)
api_router.register_endpoint("documents", VisibleDocumentsAPIViewSet)
