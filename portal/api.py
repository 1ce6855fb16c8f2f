"""Read-only API (Wagtail API v2) at /api/v2/: pages, images, documents.

Every endpoint starts from what the person may read (base.visibility, base.media), so that a
private base's pages, images and documents are absent for outsiders from listings, details
(404), `?search=`, `?child_of=`/`?descendant_of=` and `?html_path=` alike. Share links play
no part here: the API answers for the account (session) or for an anonymous visitor.

Parameters are untrusted: `?search=` on pages goes through the project's search engine (the
same French normalisation, caps and visibility as /rechercher/, never Wagtail's backend, whose
query syntax a lone `"` breaks); on images and documents it is a plain, capped title match;
`offset` and `limit` beyond what a database column holds are a 400, not an overflow.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.sql.where import WhereNode
from rest_framework.filters import BaseFilterBackend
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from base.input_guard import bounded_int
from base.listing import visible_bases
from base.media import visible_media
from ressources.counts import content_version
from ressources.listing import api_visible_pages
from search.forms import clean_query
from search.matching import matching_page_ids

# An offset beyond this finds nothing anyway; refusing it keeps it out of the SQL.
MAX_OFFSET = 1_000_000
# Words of an image or document search (each one must be in the title).
MAX_MEDIA_SEARCH_WORDS = 10


class BoundedPagination(WagtailPagination):
    # How long `meta.total_count` of a listing is kept (besides the content version in its key).
    COUNT_CACHE_SECONDS = 10 * 60

    def _paginate_with_cached_count(self, queryset, request, view):
        """Wagtail's pagination, with the listing's total count cached: counting every visible
        page at each request is what made the API's lists grow with the data. The key holds
        the query (offset and limit aside), the bases the person may read and the site's
        content version (ressources.counts: it moves at every publication, unpublication, move
        or deletion), so a count is never older than the content."""
        if not isinstance(queryset, QuerySet) or view is None:
            return super().paginate_queryset(queryset, request, view)
        params = sorted(
            (key, value)
            for key, value in request.GET.lists()
            if key not in ("offset", "limit", "fields", "format")
        )
        readable = list(visible_bases(request.user).order_by("pk").values_list("pk", flat=True))
        signature = repr((type(view).__name__, params, readable, content_version()))
        key = "api-count:" + hashlib.sha256(signature.encode()).hexdigest()[:40]
        total = cache.get(key)
        if total is None:
            total = queryset.count()
            cache.set(key, total, self.COUNT_CACHE_SECONDS)
        counted = queryset.all()
        counted.count = lambda: total  # Wagtail's pagination asks the queryset for its count
        return super().paginate_queryset(counted, request, view)

    def paginate_queryset(self, queryset, request, view=None):
        for name in ("offset", "limit"):
            raw = request.GET.get(name)
            if raw is not None and bounded_int(raw, maximum=MAX_OFFSET) is None:
                raise BadRequestError(
                    f"{name} doit être un entier positif inférieur ou égal à {MAX_OFFSET}"
                )
        page = self._paginate_with_cached_count(queryset, request, view)
        if not isinstance(page, QuerySet) or not page.query.low_mark:
            return page
        # Far into the list, skip the rows on their ids alone, then read the few rows wanted:
        # an OFFSET on the whole rows reads (and drops) every skipped page's body.
        ids = list(page.values_list("pk", flat=True))
        # The ids passed every filter already: read them by primary key alone (the same
        # queryset, `specific()` and all, without its WHERE clause, which the database would
        # otherwise evaluate over every page again).
        by_id = queryset.order_by()
        by_id.query.where = WhereNode()
        rows = {row.pk: row for row in by_id.filter(pk__in=ids)}
        return [rows[pk] for pk in ids if pk in rows]


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

    def find_object(self, queryset, request):
        if "id" in request.GET and bounded_int(request.GET["id"], minimum=1) is None:
            raise BadRequestError("id doit être un entier positif")
        return super().find_object(queryset, request)


def _with_search(backends, replacement):
    return [replacement if backend is SearchFilter else backend for backend in backends]


class VisiblePagesAPIViewSet(BoundedParametersMixin, PagesAPIViewSet):
    filter_backends = _with_search(PagesAPIViewSet.filter_backends, EngineSearchFilter)

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
    filter_backends = _with_search(ImagesAPIViewSet.filter_backends, TitleSearchFilter)

    def get_queryset(self):
        return visible_media(super().get_queryset(), self.request.user)


class VisibleDocumentsAPIViewSet(BoundedParametersMixin, DocumentsAPIViewSet):
    filter_backends = _with_search(DocumentsAPIViewSet.filter_backends, TitleSearchFilter)

    def get_queryset(self):
        return visible_media(super().get_queryset(), self.request.user)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", VisiblePagesAPIViewSet)
api_router.register_endpoint("images", VisibleImagesAPIViewSet)
api_router.register_endpoint("documents", VisibleDocumentsAPIViewSet)
