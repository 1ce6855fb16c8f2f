"""The pages a free text matches, for callers other than the search page (the read API).

Same engine, same French normalisation, same syntax, same 200-character cap and same
visibility as /rechercher/: a query the search page survives, these callers survive too, and
no private page can be found here that the search page would hide.
"""

from . import engines
from .forms import clean_query, visible_base_ids
from .query import TABS, SearchQuery, parse

# Pages of each kind (resources, bases, collections) a text search may return, best first.
MAX_MATCHES_PER_KIND = 100


def matching_page_ids(raw_text, user, limit=MAX_MATCHES_PER_KIND):
    """Ids of the pages matching `raw_text` that `user` may read, best first, up to `limit`
    of each kind; none for a text that asks for nothing (empty, stop words, a lone quote)."""
    text = clean_query(raw_text)
    if parse(text).is_empty:
        return []
    base_ids = visible_base_ids(user)
    ids, counts = [], None
    for tab, kind in TABS.items():
        if counts is not None and not counts.get(kind):
            continue
        results = engines.search(
            SearchQuery(
                text=text, tab=tab, sort="pertinence", per_page=limit, visible_base_ids=base_ids
            )
        )
        counts = counts or results.tab_counts
        ids += [hit.id for hit in results.hits]
    return ids
