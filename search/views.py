"""A simple search page over resources, bases and collections (Wagtail's database backend).

Everything goes through the visibility helpers of base.listing, so private bases and collections
never show up. A later issue replaces this with faceted French full-text search.
"""

import logging
import re
import unicodedata

from django.db import DatabaseError
from django.template.response import TemplateResponse

from base.listing import (
    attach_bases,
    base_cards,
    collection_cards,
    count_visible_items,
    paginate,
    resource_cards,
    visible_bases,
    visible_collections,
    visible_resources,
)
from base.models import BasePage
from base.page_context import request_user
from ressources.models import ResourceCollectionPage, ResourcePage

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
OTHER_RESULTS = 6


def clean_query(raw):
    """The search text: control and invisible characters removed, spaces collapsed, 200 max."""
    if not isinstance(raw, str):
        return ""
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """The words of the query, for the search engine: punctuation and upper-case AND, OR, NOT,
    NEAR would be read as operators by the full-text engine."""
    return " ".join(re.sub(r"[^\w]+|_", " ", query).lower().split())


def _search(queryset, terms):
    return queryset.search(terms, operator="and")


def search(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    context = {
        "query": query,
        "truncated": isinstance(raw, str) and len(" ".join(raw.split())) > MAX_QUERY_LENGTH,
        "page_params": {"q": query},
        "search_page": None,
        "resources": [],
        "resource_count": 0,
        "bases": [],
        "base_count": 0,
        "collections": [],
        "collection_count": 0,
        "total_count": 0,
        "search_failed": False,
    }
    terms = search_terms(query)
    if terms:
        user = request_user(request)
        try:
            resources = _search(
                resource_cards(
                    ResourcePage.objects.live().filter(pk__in=visible_resources(user).values("pk"))
                ),
                terms,
            )
            search_page = paginate(resources, request.GET.get("page"))
            bases = _search(
                base_cards(BasePage.objects.live().filter(pk__in=visible_bases(user).values("pk"))),
                terms,
            )
            collections = _search(
                collection_cards(
                    ResourceCollectionPage.objects.live().filter(
                        pk__in=visible_collections(user).values("pk")
                    )
                ),
                terms,
            )
            context.update(
                search_page=search_page,
                resources=attach_bases(search_page.object_list),
                resource_count=search_page.paginator.count,
                bases=list(bases[:OTHER_RESULTS]),
                base_count=bases.count(),
                collections=count_visible_items(attach_bases(collections[:OTHER_RESULTS]), user),
                collection_count=collections.count(),
            )
        except DatabaseError:
            # A query the search engine cannot parse must not break the page.
            logger.warning("Search failed for %r", terms, exc_info=True)
            context["search_failed"] = True
    if query:
        context["total_count"] = (
            context["resource_count"] + context["base_count"] + context["collection_count"]
        )
    return TemplateResponse(request, "search/search.html", context)
