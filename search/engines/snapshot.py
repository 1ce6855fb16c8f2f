"""The index of one database as bitsets, kept by each process: facet counts in microseconds.

Counting facets with SQL (one GROUP BY over the SearchFacet rows of the matched entries) takes
about 1 s on SQLite at 100,000 resources (1.25 million facet rows), and ranking every match of a
common word with bm25() 100 to 300 ms: far beyond the budget of a search request (100 ms). So
each process keeps a `Snapshot` of the index as bitsets (a Python int per facet value, kind, base
and visibility; bit i = page id i): a facet count is one AND and one popcount (about 10 µs at
100,000 documents); the pages a word or phrase matches come from FTS5/GIN once and are kept (LRU
of KEY_CACHE_SIZE, patched, not dropped, when pages change). Sorting uses lists of (key, id) kept
sorted (`Order`).

Consistency. The database is the truth; the snapshot follows it. Every index write bumps
`bc_search_state` (generation + random token, a row lock that serialises writers, so commits
come in generation order) and records the pages it changed in `bc_search_change`
(search.engines.database). Before each search, the process reads the state (one tiny query): if
it changed, it reloads the changed pages (or everything after a rebuild, after a rollback of
history, or when too much changed). Hits are read from SearchEntry with the visibility condition
in SQL as well, so that even a stale snapshot could never show a page the person may not see.
"""

import bisect
import logging
import re
import threading
import time
from collections import OrderedDict, deque
from itertools import repeat

from django.db import connection

from ..facets import stored_labels
from ..models import Kind, SearchEntry
from .sql import ENTRY, FACET, chunks, placeholders
from .text import index_tokens

logger = logging.getLogger(__name__)

# Cached (word or phrase → ids per field) entries per process.
KEY_CACHE_SIZE = 512
# More changed pages than this since the last search: the process reloads everything.
PATCH_LIMIT = 2000
SPARSE_SORT = 2000

_ONE = re.compile("1")

# Bitsets: a Python int, bit i set for page id i. ------------------------------------------------


def bits_of(ids):
    ids = ids if isinstance(ids, list) else list(ids)
    if not ids:
        return 0
    digits = bytearray(b"0") * (max(ids) + 1)
    deque(map(digits.__setitem__, ids, repeat(49)), maxlen=0)  # ord("1")
    digits.reverse()
    return int(digits, 2)


def bits_of_text(text):
    """The bitset of ids given as « 1,5,42 » (group_concat / string_agg)."""
    return bits_of(list(map(int, text.split(",")))) if text else 0


def ids_of(bits):
    """The ids of a bitset, ascending."""
    if not bits:
        return []
    return [match.start() for match in _ONE.finditer(bin(bits)[:1:-1])]


def union(bitsets):
    result = 0
    for bits in bitsets:
        result |= bits
    return result


# The in-memory snapshot -------------------------------------------------------------------------

INFINITY = float("inf")


class Order:
    """Page ids in the order of a sort: a sorted list of (key…, id), kept sorted as pages
    change. The keys derive from the snapshot's `attributes` (first_ts, last_ts, title_sort,
    rating, review_count)."""

    def __init__(self, key, attributes):
        self.key = key
        self.attributes = attributes
        self.items = []

    def item(self, pk):
        return self.key(self.attributes[pk]) + (pk,)

    def fill(self):
        key = self.key
        self.items = sorted(key(values) + (pk,) for pk, values in self.attributes.items())

    def remove(self, pk):
        """Before the page's attributes change."""
        if pk in self.attributes:
            item = self.item(pk)
            index = bisect.bisect_left(self.items, item)
            if index < len(self.items) and self.items[index] == item:
                del self.items[index]

    def add(self, pk):
        bisect.insort(self.items, self.item(pk))

    def first(self, bits, count):
        """The first `count` ids of a bitset in this order."""
        if count <= 0 or not bits:
            return []
        size = bits.bit_count()
        if size <= SPARSE_SORT or size <= count:
            ids = ids_of(bits)
            ids.sort(key=self.item)
            return ids[:count]
        digits = bin(bits)[:1:-1]
        length = len(digits)
        found = []
        for item in self.items:
            pk = item[-1]
            if pk < length and digits[pk] == "1":
                found.append(pk)
                if len(found) == count:
                    break
        return found


def _newest(values):
    return (-values[0] if values[0] is not None else INFINITY,)


def _updated(values):
    return (-values[1] if values[1] is not None else INFINITY,)


def _title(values):
    return (values[2] or "",)


def _best_rated(values):
    """Highest average avis first, then the most avis; unrated pages after, newest first."""
    rating = values[3]
    if rating is None:
        return (INFINITY, 0) + _newest(values)
    return (-rating, -(values[4] or 0)) + _newest(values)


class Snapshot:
    """The index of one database as bitsets, for one process (see the module docstring)."""

    def __init__(self, index):
        self.index = index
        self.lock = threading.RLock()
        self.generation = None
        self.token = None
        self.max_id = None
        self.reset()

    def reset(self):
        self.alive = 0
        self.kinds = {}
        self.public = 0
        self.by_base = {}  # base page id → its pages (the base included)
        self.facets = {}  # facet → value → pages
        self.bases = {}  # base page id → (title, is_public)
        self.attributes = {}  # page id → (first_ts, last_ts, title_sort, rating, review_count)
        self.orders = {
            "recentes": Order(_newest, self.attributes),
            "mises-a-jour": Order(_updated, self.attributes),
            "titre": Order(_title, self.attributes),
            "mieux-notees": Order(_best_rated, self.attributes),
        }
        # Word or phrase (token tuple) → [pages holding it anywhere, in the title, in the
        # summary]; the last two are loaded when tier ranking needs them (None until then).
        self.keys = OrderedDict()
        self.dates = OrderedDict()
        self.labels = None

    # Following the database -------------------------------------------------------------------

    def refresh(self, cursor):
        cursor.execute(
            f"SELECT generation, token, (SELECT max(page_id) FROM {ENTRY}) "
            "FROM bc_search_state WHERE id = 1"
        )
        generation, token, max_id = cursor.fetchone() or (0, "", None)
        if (generation, token, max_id) == (self.generation, self.token, self.max_id):
            return
        if self.generation is not None and generation > self.generation:
            cursor.execute(
                "SELECT generation, token, page_id FROM bc_search_change "
                "WHERE generation >= %s AND generation <= %s",
                [self.generation, generation],
            )
            changes = cursor.fetchall()
            known = {change[1] for change in changes if change[0] == self.generation}
            later = [change for change in changes if change[0] > self.generation]
            changed = {change[2] for change in later}
            continuous = {change[0] for change in later} == set(
                range(self.generation + 1, generation + 1)
            )
            patchable = known == {self.token} and continuous and None not in changed
            if patchable and len(changed) <= PATCH_LIMIT:
                self.patch(cursor, changed)
                cursor.execute(f"SELECT max(page_id) FROM {ENTRY}")
                if cursor.fetchone()[0] == max_id:
                    self.generation, self.token, self.max_id = generation, token, max_id
                    return
        self.load(cursor)
        self.generation, self.token, self.max_id = generation, token, max_id

    def _entry_rows(self, cursor, where="", params=()):
        """(id, kind, base id, is public, title_sort, first_ts, last_ts, rating, review_count) of
        entries, read from
        the covering index bc_search_entry_snapshot (not the documents)."""
        epoch = self.index.epoch
        cursor.execute(
            f"SELECT page_id, kind, base_id, is_public, title_sort, "
            f"{epoch.format('first_published_at')}, {epoch.format('last_published_at')}, "
            f"rating, review_count FROM {ENTRY} {where}",
            params,
        )
        return cursor.fetchall()

    def _add_entries(self, cursor, rows, where="", params=()):
        kinds, bases, public = {}, {}, []
        attributes = self.attributes
        for pk, kind, base_id, is_public, sort_title, first, last, rating, reviews in rows:
            kinds.setdefault(kind, []).append(pk)
            bases.setdefault(base_id, []).append(pk)
            if is_public:
                public.append(pk)
            attributes[pk] = (first, last, sort_title, rating, reviews)
        for kind, ids in kinds.items():
            self.kinds[kind] = self.kinds.get(kind, 0) | bits_of(ids)
        for base_id, ids in bases.items():
            self.by_base[base_id] = self.by_base.get(base_id, 0) | bits_of(ids)
        self.public |= bits_of(public)
        self.alive |= bits_of([row[0] for row in rows])
        where = f"{where} AND kind = %s" if where else "WHERE kind = %s"
        cursor.execute(
            f"SELECT page_id, title, is_public FROM {ENTRY} {where}", [*params, Kind.BASE.value]
        )
        for pk, title, is_public in cursor.fetchall():
            self.bases[pk] = (title, bool(is_public))

    def load(self, cursor):
        """Everything, from the database."""
        started = time.perf_counter()
        self.reset()
        rows = self._entry_rows(cursor)
        self._add_entries(cursor, rows)
        for order in self.orders.values():
            order.fill()
        concat = self.index.group_concat.format("entry_id")
        cursor.execute(f"SELECT facet, value, {concat} FROM {FACET} GROUP BY facet, value")
        for facet, value, ids in cursor.fetchall():
            self.facets.setdefault(facet, {})[value] = bits_of_text(ids)
        logger.info(
            "Search snapshot loaded: %s documents in %.0f ms",
            len(rows),
            (time.perf_counter() - started) * 1000,
        )

    def patch(self, cursor, changed):
        """Reload the pages of `changed` (upserted or deleted) from the database."""
        changed = sorted(pk for pk in changed if pk is not None)
        if not changed:
            return
        mask = bits_of(changed)
        keep = ~mask
        self.alive &= keep
        self.public &= keep
        self.kinds = {kind: bits & keep for kind, bits in self.kinds.items()}
        self.by_base = {base: bits & keep for base, bits in self.by_base.items() if bits & keep}
        for values in self.facets.values():
            for value in list(values):
                if values[value] & mask:
                    values[value] &= keep
                    if not values[value]:
                        del values[value]
        for columns in self.keys.values():
            for number, bits in enumerate(columns):
                if bits is not None:
                    columns[number] = bits & keep
        self.dates.clear()
        self.labels = None
        for pk in changed:
            for order in self.orders.values():
                order.remove(pk)
            self.attributes.pop(pk, None)
            self.bases.pop(pk, None)

        found = []
        for chunk in chunks(changed):
            where, params = f"WHERE page_id IN ({placeholders(len(chunk))})", chunk
            rows = self._entry_rows(cursor, where, params)
            self._add_entries(cursor, rows, where, params)
            found += [row[0] for row in rows]
        if not found:
            return
        for pk in found:
            for order in self.orders.values():
                order.add(pk)
        added = {}
        for chunk in chunks(found):
            cursor.execute(
                f"SELECT facet, value, entry_id FROM {FACET} "
                f"WHERE entry_id IN ({placeholders(len(chunk))})",
                chunk,
            )
            for facet, value, pk in cursor.fetchall():
                added.setdefault((facet, value), []).append(pk)
        for (facet, value), ids in added.items():
            values = self.facets.setdefault(facet, {})
            values[value] = values.get(value, 0) | bits_of(ids)
        if self.keys:
            self._patch_keys(found)

    def _patch_keys(self, found):
        """Add the changed pages to the cached words and phrases they hold (their texts
        normalised again, as they were indexed)."""
        fields = {}
        for pk, document in SearchEntry.objects.filter(pk__in=found).values_list("pk", "document"):
            title, summary, other = (
                index_tokens(document.get(name))
                for name in ("text_title", "text_summary", "text_other")
            )
            # A phrase never spans two fields: an empty token between them.
            fields[pk] = (title + [""] + summary + [""] + other, title, summary)
        for key, columns in self.keys.items():
            for number, bits in enumerate(columns):
                if bits is None:
                    continue
                ids = [pk for pk, texts in fields.items() if _holds(texts[number], key)]
                if ids:
                    columns[number] = bits | bits_of(ids)

    # Reading ------------------------------------------------------------------------------------

    def anywhere(self, cursor, key):
        """The pages holding `key` (a token tuple: a word or a phrase) in any field."""
        columns = self.keys.get(key)
        if columns is None:
            columns = [bits_of_text(self.index.key_ids(cursor, key)), None, None]
            self.keys[key] = columns
            while len(self.keys) > KEY_CACHE_SIZE:
                self.keys.popitem(last=False)
        else:
            self.keys.move_to_end(key)
        return columns[0]

    def in_fields(self, cursor, key):
        """(pages holding `key` anywhere, in their title, in their summary)."""
        columns = self.keys.get(key)
        if columns is None or columns[1] is None:
            known = None if columns is None else columns[0]
            anywhere, title, summary = self.index.key_all_ids(cursor, key, anywhere=known is None)
            columns = [
                known if known is not None and anywhere is None else bits_of_text(anywhere),
                bits_of_text(title),
                bits_of_text(summary),
            ]
            self.keys[key] = columns
            while len(self.keys) > KEY_CACHE_SIZE:
                self.keys.popitem(last=False)
        self.keys.move_to_end(key)
        return tuple(columns)

    def group_anywhere(self, cursor, group):
        return union(self.anywhere(cursor, key) for key in group)

    def group_fields(self, cursor, group):
        fields = [self.in_fields(cursor, key) for key in group]
        return tuple(union(field[number] for field in fields) for number in range(3))

    def visible(self, visible_base_ids):
        if visible_base_ids is None:
            return self.alive
        return self.alive & union(
            [self.public, *(self.by_base.get(pk, 0) for pk in visible_base_ids)]
        )

    def published_between(self, start, end):
        """Pages first published in [start, end) (timestamps, None: unbounded)."""
        key = (start, end)
        if key not in self.dates:
            items = self.orders["recentes"].items
            low = 0 if end is None else bisect.bisect_right(items, (-end, INFINITY))
            high = (
                bisect.bisect_left(items, (INFINITY,))
                if start is None
                else bisect.bisect_right(items, (-start, INFINITY))
            )
            self.dates[key] = bits_of([item[-1] for item in items[low:high]])
            while len(self.dates) > 16:
                self.dates.popitem(last=False)
        return self.dates[key]

    def facet_labels(self):
        """Labels of every term and licence, loaded once per snapshot."""
        if self.labels is None:
            self.labels = stored_labels()
        return self.labels


def _holds(tokens_, key):
    if len(key) == 1:
        return key[0] in tokens_
    size = len(key)
    return any(
        tuple(tokens_[start : start + size]) == key
        for start in range(len(tokens_) - size + 1)
        if tokens_[start] == key[0]
    )


_snapshots = {}
_snapshots_lock = threading.Lock()


def snapshot_of(index):
    key = (connection.vendor, connection.settings_dict.get("NAME"), connection.alias)
    with _snapshots_lock:
        if key not in _snapshots:
            _snapshots[key] = Snapshot(index)
        return _snapshots[key]
