"""The tables the database engine writes and the helpers of its batched statements.

Shared by the engine (search.engines.database), its snapshot (search.engines.snapshot) and both
vendors (search.engines.sqlite, search.engines.postgres), so that none imports another's.
"""

from wagtail.models import Page

from ..models import SearchEntry, SearchFacet

ENTRY = SearchEntry._meta.db_table
FACET = SearchFacet._meta.db_table
PAGE = Page._meta.db_table
# The columns the engine writes, `document` (JSON) before the last two.
ENTRY_COLUMNS = (
    "page_id",
    "kind",
    "base_id",
    "is_public",
    "title",
    "title_sort",
    "first_published_at",
    "last_published_at",
    "rating",
    "review_count",
    "document",
    "fingerprint",
    "indexed_at",
)
BATCH_SIZE = 500
# Candidates a suggestion reads from the text tables before visibility is applied.
SUGGEST_CANDIDATES = 2000


def chunks(items, size=BATCH_SIZE):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def chunks_of(iterable, size=BATCH_SIZE):
    """Lists of `size` items of any iterable (a generator of documents)."""
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def placeholders(count):
    return ", ".join(["%s"] * count)
