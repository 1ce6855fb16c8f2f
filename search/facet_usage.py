"""The order of the filters column: the facets people use most come first.

The search log (SearchLog.filters) says which facets the latest searches used; the declared
order of FACET_LABELS breaks ties and stands alone while the log is empty. Counted over the
latest searches only and cached for an hour: the column must not cost a scan of the log.
"""

import logging
from collections import Counter
from contextlib import nullcontext

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction

from .forms import FACET_LABELS
from .models import SearchLog

logger = logging.getLogger(__name__)

CACHE_KEY = "search:facet-usage-order"
CACHE_SECONDS = 3600
SAMPLE = 2000
# The search log keeps the open-licence switch under its own key: it counts for the licences.
ALIASES = {"licences_ouvertes": "licence"}


def facet_order():
    order = cache.get(CACHE_KEY)
    if order is None:
        order = compute_order()
        cache.set(CACHE_KEY, order, CACHE_SECONDS)
    return order


def compute_order():
    """The facets by use; the declared order when the log cannot be read (the search page
    never fails for its log)."""
    usage = Counter()
    logged = SearchLog.objects.exclude(filters={}).values_list("filters", flat=True)[:SAMPLE]
    try:
        # A savepoint only inside a transaction (a failed read must not break it); never a
        # transaction of its own: on SQLite it would take the write lock for a read.
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            logged = list(logged)
    except DatabaseError:
        logger.warning("Search log not readable for the facet order", exc_info=True)
        logged = []
    for filters in logged:
        for key in filters or {}:
            usage[ALIASES.get(key, key)] += 1
    declared = list(FACET_LABELS)
    return sorted(declared, key=lambda facet: (-usage[facet], declared.index(facet)))
