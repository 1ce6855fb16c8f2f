"""Read-only API (Wagtail API v2) at /api/v2/: pages, images, documents.

Every endpoint starts from what the person may read (base.visibility, base.media), so that a
private base's pages, images and documents are absent for outsiders from listings, details
(404), `?search=`, `?child_of=`/`?descendant_of=` and `?html_path=` alike. Share links play
no part here: the API answers for the account (session) or for an anonymous visitor.

Parameters are untrusted: `?search=` on pages goes through the project's search engine (the
same French normalisation, caps and visibility as /rechercher/, never Wagtail's backend, whose
query syntax a lone `"` breaks); on images and documents it is a plain, capped title match;
`offset` and `limit` beyond what a database column holds are a 400, not an overflow. Every
refusal says why in French (Wagtail's own messages are translated, `FRENCH_MESSAGES`).

Addresses are absolute on BASE_URL (WAGTAILAPI_BASE_URL for `detail_url` and download links,
`AbsolutePageSerializer` for `html_url`, also of a page's parent), whatever the Wagtail Site
says. The documented
endpoints (ressources, bases, collections, organisations, taxonomie, licences, versions) and the
router are in portal.api_endpoints; the OpenAPI description in portal.openapi.
"""

import re

from django.conf import settings
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.cache import patch_cache_control
from rest_framework import status
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import (
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError, get_full_url, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageDownloadUrlField, ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from base.input_guard import bounded_int
from base.listing import ordered_ids, rows_in_order, visible_bases
from base.media import visible_media
from ressources.counts import content_version
from ressources.listing import api_visible_pages
from search.forms import clean_query
from search.matching import matching_page_ids

from .page_cache import current_generation

# An offset beyond this finds nothing anyway; refusing it keeps it out of the SQL.
MAX_OFFSET = 1_000_000
# Words of an image or document search (each one must be in the title).
MAX_MEDIA_SEARCH_WORDS = 10


# Wagtail's refusals, in French: (pattern of its English message, French message).
FRENCH_MESSAGES = [
    (r"unknown fields: (.*)", "Champs inconnus : {0}."),
    (r"fields error: (.*)", "Paramètre fields mal formé ({0})."),
    (r"'(.*)' does not support nested fields", "Le champ « {0} » n'a pas de sous-champs."),
    (r"(offset|limit) must be a positive integer", "{0} doit être un entier positif."),
    (r"limit cannot be higher than (\d+)", "limit ne peut pas dépasser {0}."),
    (r"cannot order by '(.*)' \(\w+ field\)", "Impossible de trier par « {0} »."),
    (r"random ordering .*", "Le tri aléatoire ne se combine ni avec offset ni avec un autre tri."),
    (r"type doesn't exist", "Ce type de page n'existe pas."),
    (r"(\w+) must be a positive integer", "{0} doit être un entier positif."),
    (
        r"(?:parent|ancestor|descendant|translation_of) page doesn't exist",
        "Cette page n'existe pas.",
    ),
    (r"filtering by .* is not supported", "Ces filtres ne se combinent pas."),
    (r"field filter error\. .* for (\w+).*", "Valeur invalide pour {0}."),
    (
        r"query parameter is not an operation or a recognised field: (.*)",
        "Paramètre inconnu : {0}.",
    ),
    (
        r"rich_text_format must be one of .*",
        "rich_text_format ne prend que les valeurs html ou markdown.",
    ),
]


def french_message(message):
    for pattern, french in FRENCH_MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            return french.format(*match.groups())
    return message


class AbsoluteHtmlUrlField(PageHtmlUrlField):
    """A page's address on BASE_URL (the Wagtail Site may still say http://localhost)."""

    def to_representation(self, page):
        return absolute_page_url(page)


def absolute_page_url(page):
    """BASE_URL + the page's path, or None for a page outside the site."""
    url_parts = page.get_url_parts()
    if not url_parts or url_parts[2] is None:
        return None
    return settings.BASE_URL + url_parts[2]


class AbsoluteLinkedPageMixin:
    """`parent` and `alias_of` as Wagtail gives them, with their own html_url on BASE_URL."""

    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=AbsolutePageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class AbsoluteParentField(AbsoluteLinkedPageMixin, PageParentField):
    pass


class AbsoluteAliasOfField(AbsoluteLinkedPageMixin, PageAliasOfField):
    pass


class AbsolutePageSerializer(PageSerializer):
    html_url = AbsoluteHtmlUrlField(read_only=True)
    parent = AbsoluteParentField(read_only=True)
    alias_of = AbsoluteAliasOfField(read_only=True)


class AbsoluteImageDownloadUrlField(ImageDownloadUrlField):
    """Wagtail gives images a relative download_url (documents get an absolute one)."""

    def to_representation(self, image):
        return get_full_url(self.context.get("request"), image.file.url)


class AbsoluteImageSerializer(ImageSerializer):
    download_url = AbsoluteImageDownloadUrlField(read_only=True)


class _CountedIds:
    """A list of ids as Wagtail's pagination asks a queryset: `count()` and a slice."""

    def __init__(self, ids):
        self.ids = ids

    def count(self):
        return len(self.ids)

    def __getitem__(self, item):
        return self.ids[item]


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, served from the listing's ids kept in order (base.listing's
    `ordered_ids`): counting every visible page and skipping `offset` rows at each request is
    what made the API's lists grow with the data (91 ms at offset 50,000 of 100,000 on
    PostgreSQL, 167 on SQLite). The key holds the query (offset and limit aside), the bases the
    person may read, the site's content version (ressources.counts: it moves at every
    publication, unpublication, move or deletion, in the same transaction) and the page cache's
    generation (portal.page_cache: it moves once any change that may show on a public page is
    committed), so the list is never older than the content."""

    def paginate_queryset(self, queryset, request, view=None):
        for name in ("offset", "limit"):
            raw = request.GET.get(name)
            if raw is not None and bounded_int(raw, maximum=MAX_OFFSET) is None:
                raise BadRequestError(
                    f"{name} doit être un entier positif inférieur ou égal à {MAX_OFFSET}"
                )
        ids = self._ordered_ids(queryset, request, view)
        if ids is None:
            return super().paginate_queryset(queryset, request, view)
        # Wagtail's own checks and slicing, on the list of ids; the rows read with every
        # filter of the listing again (the visibility rule above all): a few ids, by key.
        wanted = super().paginate_queryset(_CountedIds(ids), request, view)
        return rows_in_order(queryset, list(wanted))

    def _ordered_ids(self, queryset, request, view):
        if not isinstance(queryset, QuerySet) or view is None:
            return None
        if request.GET.get("order") == "random":  # a new order each time
            return None
        if "search" in request.GET:  # the engine's answer: it follows the index, not the pages
            return None
        params = sorted(
            (key, value)
            for key, value in request.GET.lists()
            if key not in ("offset", "limit", "fields", "format")
        )
        readable = list(visible_bases(request.user).order_by("pk").values_list("pk", flat=True))
        versions = (content_version(), current_generation())
        signature = repr(("api", type(view).__name__, params, readable, versions))
        return ordered_ids(queryset, signature)


class EngineSearchFilter(BaseFilterBackend):
    """`?search=` on pages, answered by the project's search engine (search.matching)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        ids = matching_page_ids(request.GET["search"], request.user)
        queryset = queryset.filter(pk__in=ids)
        if "order" not in request.GET and ids:
            rank = Case(
                *(When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)),
                output_field=IntegerField(),
            )
            queryset = queryset.order_by(rank)
        return queryset


class TitleSearchFilter(BaseFilterBackend):
    """`?search=` on images and documents: every word (cleaned, capped) in the title."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = clean_query(request.GET["search"]).replace('"', " ").split()
        if not words:
            return queryset.none()
        condition = Q()
        for word in words[:MAX_MEDIA_SEARCH_WORDS]:
            condition &= Q(title__icontains=word.lstrip("-") or word)
        return queryset.filter(condition)


class BoundedParametersMixin:
    """`offset`, `limit` and `find/?id=` parsed safely (see the module's docstring)."""

    pagination_class = BoundedPagination

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            return Response({"message": french_message(str(exc))}, status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"message": "Introuvable."}, status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)

    def find_object(self, queryset, request):
        if "id" in request.GET and bounded_int(request.GET["id"], minimum=1) is None:
            raise BadRequestError("id doit être un entier positif")
        return super().find_object(queryset, request)


def _with_search(backends, replacement):
    return [replacement if backend is SearchFilter else backend for backend in backends]


class VisiblePagesAPIViewSet(BoundedParametersMixin, PagesAPIViewSet):
    base_serializer_class = AbsolutePageSerializer
    filter_backends = _with_search(PagesAPIViewSet.filter_backends, EngineSearchFilter)

    def finalize_response(self, request, response, *args, **kwargs):
        """A search's answer follows the index, which the worker updates after the commit that
        drops the cached pages (portal.page_cache): never kept, like the search page's."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if "search" in request.GET:
            patch_cache_control(response, no_cache=True)
        return response

    def get_base_queryset(self):
        """Also what `child_of`, `descendant_of` and the `parent` field start from."""
        return api_visible_pages(super().get_base_queryset(), self.request.user)

    def get_queryset(self):
        """`?type=` with one model: its pages with the visibility rule inline, not Wagtail's
        `pk IN (every visible page)`, which the database builds whole at each request
        before it can skip to `offset`."""
        try:
            models = page_models_from_string(self.request.GET.get("type") or "")
        except (LookupError, ValueError):
            models = []
        if len(models) != 1:
            return super().get_queryset()
        try:
            pages = get_public_pages_queryset(self.request, model=models[0])
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        return api_visible_pages(pages, self.request.user)


class VisibleImagesAPIViewSet(BoundedParametersMixin, ImagesAPIViewSet):
    base_serializer_class = AbsoluteImageSerializer
    filter_backends = _with_search(ImagesAPIViewSet.filter_backends, TitleSearchFilter)

    def get_queryset(self):
        return visible_media(super().get_queryset(), self.request.user)


class VisibleDocumentsAPIViewSet(BoundedParametersMixin, DocumentsAPIViewSet):
    filter_backends = _with_search(DocumentsAPIViewSet.filter_backends, TitleSearchFilter)

    def get_queryset(self):
        return visible_media(super().get_queryset(), self.request.user)
