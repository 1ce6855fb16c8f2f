"""The tables the database engine writes and the helpers of its batched statements.

Shared by the engine (search.engines.database), its snapshot (search.engines.snapshot) and both
vendors (search.engines.sqlite, search.engines.postgres), so that none imports another's.
"""

from ..models import SearchEntry, SearchFacet

ENTRY = SearchEntry._meta.db_table
FACET = SearchFacet._meta.db_table
BATCH_SIZE = 500
# Candidates a suggestion reads from the text tables before visibility is applied.
SUGGEST_CANDIDATES = 2000


def chunks(items, size=BATCH_SIZE):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def placeholders(count):
    return ", ".join(["%s"] * count)
