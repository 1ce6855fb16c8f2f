"""The embedded search engine: SQLite FTS5 or PostgreSQL tsvector, plus in-memory bitsets.

Text. Both databases index the *output* of search.normalise (elisions dropped, case and
accents folded, stop words dropped, plural -s/-x then Snowball French stemming), and queries are
built from the same normalisation, so that a query finds the same documents on SQLite and on
PostgreSQL. This is why PostgreSQL does not use its `french` configuration nor `unaccent`: the
French pipeline runs in Python, once, identically for both databases and for the queries (the
`french` dictionary would stem a second time, and differently from Snowball's `snowballstemmer`
release). PostgreSQL even skips its text parser (the `simple` configuration would still split
and lowercase according to the database's locale): the tsvectors and tsqueries are written as
literals of the Python tokens, with their positions and weights, so the lexemes are exactly the
tokens SQLite FTS5 stores.

- SQLite: FTS5 table `bc_search_fts(title, summary, other)`, rowid = page id; ranking with
  `bm25(bc_search_fts, 10.0, 4.0, 1.0)` (title > summary > the rest); `bc_search_fts_short`
  (title, summary) answers « which pages hold this word in their title » from short posting
  lists; `bc_search_suggest` holds the folded words of titles, with prefix indexes.
- PostgreSQL: `bc_search_text(page_id, title, summary, other, words)`, one tsvector per weighted
  text (weights A, B, C) with a GIN index each; ranking with the sum over the three fields of
  `ts_rank_cd('{0, 0.1, 0.4, 1.0}', field, any word of the query, 1)` (ranking the
  concatenation `title || summary || other` costs five times as much).

Query syntax (search.query.parse): every word is required (its stem, or any member of its
synonym group: a multi-word member is a phrase); "a phrase" is a phrase of stems (its synonym
runs expanded too); -excluded words or phrases exclude. A word or phrase matches within one
field; different words may match in different fields. User text never reaches FTS5 or tsquery
syntax: only tokens of letters and digits, each quoted.

Facets, filters, counts and sorting: in memory. Counting facets with SQL (one GROUP BY over
the SearchFacet rows of the matched entries) takes about 1 s on SQLite at 100,000 resources
(1.25 million facet rows), and ranking every match of a common word with bm25() 100 to 300 ms:
far beyond the budget of a search request (100 ms). So each process keeps a `Snapshot` of the
index as bitsets (a Python int per facet value, kind, base and visibility; bit i = page id i):
a facet count is one AND and one popcount (about 10 µs at 100,000 documents); the pages a word
or phrase matches come from FTS5/GIN once and are kept (LRU of KEY_CACHE_SIZE, patched, not
dropped, when pages change). Sorting uses lists of (key, id) kept sorted. Relevance: up to
RANK_LIMIT text matches the database ranks them (bm25 / ts_rank_cd); beyond, ranking them all
costs more than the budget, and the engine ranks by tiers computed on the bitsets — for each
required word 1, + 10 if it is in the title, + 4 if it is in the summary (a bit-sliced sum) —
then most recent first: title > summary > the rest still holds.

Consistency. The database is the truth; the snapshot follows it. Every index write bumps
`bc_search_state` (generation + random token, a row lock that serialises writers, so commits
come in generation order) and records the pages it changed in `bc_search_change`. Before each
search, the process reads the state (one tiny query): if it changed, it reloads the changed
pages (or everything after a rebuild, after a rollback of history, or when too much changed).
Hits are read from SearchEntry with the visibility condition in SQL as well, so that even a
stale snapshot could never show a page the person may not see.

Tabs and facets: each tab counts and applies only the facets its documents carry — resources:
all of them; bases: organisation kind, region, department; collections: the same and base — so
the filters of resource-only facets (taxonomy, licence, language, label) apply to the resources
tab and its count only, and the bases and collections tabs list no resource-only facet.
"""

import bisect
import heapq
import logging
import re
import secrets
import threading
import time
import unicodedata
from collections import Counter, OrderedDict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as day_start
from itertools import repeat

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..documents import FACETS, FACETS_OF_KIND, facet_values, fingerprint
from ..facets import code_labels, stored_labels
from ..models import Kind, SearchEntry, SearchFacet
from ..normalise import fold, tokens, words
from ..query import MAX_QUERY_LENGTH, FacetValue, Hit, SearchResults, parse
from .base import SearchEngine

logger = logging.getLogger(__name__)

KINDS = (Kind.RESOURCE.value, Kind.BASE.value, Kind.COLLECTION.value)
FACET_SIZE = 100
FACET_SIZES = {"department": 120}

# Tokens longer than this are not indexed (PostgreSQL refuses lexemes over 2 KB), and a field
# keeps its first MAX_TOKENS tokens (a tsvector holds at most 1 MB): the same on both databases.
MAX_TOKEN_LENGTH = 60
MAX_TOKENS = 50_000
MAX_POSITION = 16383  # PostgreSQL's last position
# A query keeps its first MAX_GROUPS required words/phrases; a word or phrase expands to at
# most MAX_ALTERNATIVES synonym variants.
MAX_GROUPS = 12
MAX_ALTERNATIVES = 16
# Up to RANK_LIMIT text matches, the database ranks them (bm25 / ts_rank_cd); beyond, tiers.
RANK_LIMIT = {"sqlite": 5_000, "postgresql": 2_000}
# Tier weights of a required word: 1 (anywhere) + 10 if in the title + 4 if in the summary
# (bm25(bc_search_fts, 10.0, 4.0, 1.0) weighs the fields the same way).
TIER_WEIGHTS = (1, 10, 4)
PG_RANK_WEIGHTS = "{0, 0.1, 0.4, 1.0}"  # D, C, B, A
# Cached (word or phrase → ids per field) entries per process.
KEY_CACHE_SIZE = 512
# More changed pages than this since the last search: the process reloads everything.
PATCH_LIMIT = 2000
# Generations of changes kept in bc_search_change.
JOURNAL_KEEP = 5000
BATCH_SIZE = 500
SUGGEST_CANDIDATES = 2000
EXCERPT_CHARS = 220
EXCERPT_LEAD = 60
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


# Text -------------------------------------------------------------------------------------------


def index_tokens(text):
    """The tokens of a text as both databases index them (search.normalise.tokens)."""
    return [token for token in tokens(text or "") if len(token) <= MAX_TOKEN_LENGTH][:MAX_TOKENS]


def title_words(title):
    """The folded words of a title, stop words kept, for suggestions."""
    return [word for word in words(title or "") if len(word) <= MAX_TOKEN_LENGTH]


def title_sort(title):
    return fold(title or "").strip()[:255]


def _pg_lexeme(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(tokens_, weight=""):
    """A tsvector as PostgreSQL reads it, lexemes exactly as given: « 'outil':1A,4A 'numer':2A »."""
    positions = {}
    for position, token in enumerate(tokens_, 1):
        positions.setdefault(token, []).append(min(position, MAX_POSITION))
    return " ".join(
        _pg_lexeme(token) + ":" + ",".join(f"{pos}{weight}" for pos in dict.fromkeys(places))
        for token, places in positions.items()
    )


def _fts_phrase(key):
    return '"' + " ".join(token.replace('"', '""') for token in key) + '"'


def _pg_phrase(key):
    return "(" + " <-> ".join(_pg_lexeme(token) for token in key) + ")"


# Queries ----------------------------------------------------------------------------------------


@dataclass
class CompiledQuery:
    """A parsed query as token tuples: `groups` are all required, each matched by any of its
    alternatives (a word, its synonyms, a phrase); `excluded` groups must not match."""

    groups: list[list[tuple]] = field(default_factory=list)
    excluded: list[list[tuple]] = field(default_factory=list)

    @property
    def has_text(self):
        return bool(self.groups)

    @property
    def stems(self):
        """The tokens to highlight."""
        return {token for group in self.groups for key in group for token in key}

    def fts(self):
        """The FTS5 expression of the required part (for bm25)."""
        return " AND ".join(
            "(" + " OR ".join(_fts_phrase(key) for key in group) + ")" for group in self.groups
        )

    def tsquery(self):
        """The tsquery of the required part."""
        return " & ".join(
            "(" + " | ".join(_pg_phrase(key) for key in group) + ")" for group in self.groups
        )

    def tsquery_any(self):
        """Any word or phrase of the required part: what ts_rank_cd weighs in each field."""
        keys = dict.fromkeys(key for group in self.groups for key in group)
        return " | ".join(_pg_phrase(key) for key in keys)


def _alternatives(sequence, table):
    """Token tuples equivalent to `sequence`: each run of tokens that is a synonym (longest
    first) replaced by each member of its group."""
    results = [()]
    start = 0
    while start < len(sequence):
        for end in range(len(sequence), start, -1):
            members = table.get(" ".join(sequence[start:end]))
            if members:
                options = [tuple(member.split()) for member in members]
                break
        else:
            end, options = start + 1, [(sequence[start],)]
        results = [done + option for done in results for option in options][:MAX_ALTERNATIVES]
        start = end
    return list(dict.fromkeys(result for result in results if result))


_expansions = {}


def synonym_table():
    """search.synonyms.expansions(), computed again only when the synonyms file or the
    admin's Synonym rows change (one small query per search)."""
    from ..models import Synonym
    from ..synonyms import SYNONYMS_FILE, expansions

    try:
        mtime = SYNONYMS_FILE.stat().st_mtime
    except OSError:
        mtime = None
    key = (mtime, tuple(Synonym.objects.order_by("pk").values_list("pk", "terms")))
    if key not in _expansions:
        _expansions.clear()
        _expansions[key] = expansions()
    return _expansions[key]


def compile_query(text, table=None):
    """search.query.parse(text) as token tuples, synonyms expanded (search.synonyms)."""
    if table is None:
        table = synonym_table()
    parsed = parse((text or "")[:MAX_QUERY_LENGTH])
    compiled = CompiledQuery()
    # Required words: a run of words that is a synonym (« conseiller numérique ») is one group.
    word_tokens = [tuple(index_tokens(word)) for word in parsed.words]
    word_tokens = [item for item in word_tokens if item]
    start = 0
    while start < len(word_tokens):
        group, end = None, start + 1
        for stop in range(len(word_tokens), start + 1, -1):
            run = tuple(token for item in word_tokens[start:stop] for token in item)
            members = table.get(" ".join(run))
            if members:
                group = [tuple(member.split()) for member in members]
                end = stop
                break
        if group is None:
            group = _alternatives(word_tokens[start], table)
        compiled.groups.append(group)
        start = end
    for phrase in parsed.phrases:
        sequence = index_tokens(phrase)
        if sequence:
            compiled.groups.append(_alternatives(sequence, table))
    for item in parsed.excluded:
        sequence = index_tokens(item)
        if sequence:
            compiled.excluded.append(_alternatives(sequence, table))
    compiled.groups = [group for group in compiled.groups if group][:MAX_GROUPS]
    compiled.excluded = [group for group in compiled.excluded if group][:MAX_GROUPS]
    return compiled


# Excerpts ---------------------------------------------------------------------------------------


def _fold_table():
    """One character → one character: accented Latin letters to their base letter, so that
    offsets in the folded text are offsets in the original."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[:1]
        if base and base != char and base.isascii() and base.isalpha():
            table[code] = base
    table.update({ord("œ"): "o", ord("Œ"): "O", ord("æ"): "a", ord("Æ"): "A"})
    return table


FOLD_TABLE = _fold_table()


def excerpt(document, stems):
    """Safe HTML: a window of the summary and body around the query's words, escaped, the words
    in <mark>; without a match, the summary (or the beginning of the body)."""
    summary = " ".join((document.get("summary") or "").split())
    body = " ".join((document.get("body") or "").split())
    text = f"{summary} {body}".strip()
    if not text:
        return ""
    marks = []
    if stems:
        prefixes = sorted({stem[:4] for stem in stems}, key=len, reverse=True)
        pattern = re.compile(
            r"(?<![^\W_])(?:" + "|".join(map(re.escape, prefixes)) + r")[^\W_]*", re.IGNORECASE
        )
        for match in pattern.finditer(text.translate(FOLD_TABLE)):
            found = index_tokens(text[match.start() : match.end()])
            if found and found[0] in stems:
                marks.append((match.start(), match.end(), found[0]))
    if not marks:
        if summary:
            return str(escape(summary))
        cut = body[:EXCERPT_CHARS].rsplit(" ", 1)[0] if len(body) > EXCERPT_CHARS else body
        return str(escape(cut)) + (" …" if len(cut) < len(body) else "")
    # The window of EXCERPT_CHARS characters holding the most different words, then the most.
    best, best_score = 0, (-1, -1)
    inside = Counter()
    last = 0
    for first, (start, _end, _stem) in enumerate(marks):
        while last < len(marks) and marks[last][1] <= start + EXCERPT_CHARS:
            inside[marks[last][2]] += 1
            last += 1
        score = (len(inside), last - first)
        if score > best_score:
            best, best_score = first, score
        inside[marks[first][2]] -= 1
        if not inside[marks[first][2]]:
            del inside[marks[first][2]]
    start = max(0, marks[best][0] - EXCERPT_LEAD)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < marks[best][0] else marks[best][0]
    end = min(len(text), start + EXCERPT_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > marks[best][1] else max(end, marks[best][1])
    parts = ["… "] if start else []
    position = start
    for mark_start, mark_end, _stem in marks:
        if mark_start < start or mark_end > end:
            continue
        parts.append(str(escape(text[position:mark_start])))
        parts.append("<mark>" + str(escape(text[mark_start:mark_end])) + "</mark>")
        position = mark_end
    parts.append(str(escape(text[position:end])))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts))


# Database access, per vendor --------------------------------------------------------------------

ENTRY = SearchEntry._meta.db_table
FACET = SearchFacet._meta.db_table
COLUMNS = ("title", "summary", "other")


def _chunks(items, size=BATCH_SIZE):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _placeholders(count):
    return ", ".join(["%s"] * count)


class SQLiteIndex:
    vendor = "sqlite"
    description = "SQLite FTS5"
    group_concat = "group_concat({})"
    epoch = "(julianday({}) - 2440587.5) * 86400.0"

    tables = ("bc_search_fts", "bc_search_fts_short", "bc_search_suggest")

    def delete_text(self, cursor, ids):
        for chunk in _chunks(ids):
            marks = _placeholders(len(chunk))
            for table in self.tables:
                cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", chunk)

    def delete_all_text(self, cursor):
        for table in self.tables:
            cursor.execute(f"DELETE FROM {table}")

    def insert_text(self, cursor, rows):
        """rows: (page id, title tokens, summary tokens, other tokens, title words)."""
        cursor.executemany(
            "INSERT INTO bc_search_fts (rowid, title, summary, other) VALUES (%s, %s, %s, %s)",
            [(pk, " ".join(t), " ".join(s), " ".join(o)) for pk, t, s, o, _w in rows],
        )
        cursor.executemany(
            "INSERT INTO bc_search_fts_short (rowid, title, summary) VALUES (%s, %s, %s)",
            [(pk, " ".join(t), " ".join(s)) for pk, t, s, _o, _w in rows],
        )
        cursor.executemany(
            "INSERT INTO bc_search_suggest (rowid, words) VALUES (%s, %s)",
            [(pk, " ".join(w)) for pk, _t, _s, _o, w in rows],
        )

    def optimise(self, cursor):
        for table in self.tables:
            cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")

    def text_ids(self, cursor):
        """(ids in every full-text table, ids in any of them), for `search_index check`."""
        found = []
        for table in self.tables:
            cursor.execute(f"SELECT rowid FROM {table}")
            found.append({row[0] for row in cursor.fetchall()})
        return set.intersection(*found), set.union(*found)

    def key_ids(self, cursor, key):
        """The ids of the pages holding `key` (a token or a phrase) in any field, « 1,5,9 »."""
        cursor.execute(
            "SELECT group_concat(rowid) FROM bc_search_fts WHERE bc_search_fts MATCH %s",
            [_fts_phrase(key)],
        )
        return cursor.fetchone()[0]

    def key_all_ids(self, cursor, key, anywhere=True):
        """(ids holding `key` anywhere — unless not asked for —, in their title, in their
        summary); the last two from the short table, much faster than column filters."""
        found = [self.key_ids(cursor, key) if anywhere else None]
        for column in ("title", "summary"):
            cursor.execute(
                "SELECT group_concat(rowid) FROM bc_search_fts_short "
                "WHERE bc_search_fts_short MATCH %s",
                [f"{{{column}}} : {_fts_phrase(key)}"],
            )
            found.append(cursor.fetchone()[0])
        return found

    def rank(self, cursor, compiled, ids):
        cursor.execute(
            "SELECT rowid, bm25(bc_search_fts, 10.0, 4.0, 1.0) FROM bc_search_fts "
            "WHERE bc_search_fts MATCH %s",
            [compiled.fts()],
        )
        return {pk: -score for pk, score in cursor.fetchall()}

    def suggest_ids(self, cursor, full, last):
        expression = " ".join(
            [*(_fts_phrase((word,)) for word in full), _fts_phrase((last,)) + "*"]
        )
        cursor.execute(
            "SELECT rowid FROM bc_search_suggest WHERE bc_search_suggest MATCH %s "
            "ORDER BY rowid DESC LIMIT %s",
            [expression, SUGGEST_CANDIDATES],
        )
        return [row[0] for row in cursor.fetchall()]


class PostgreSQLIndex:
    vendor = "postgresql"
    description = "PostgreSQL tsvector"
    group_concat = "string_agg(({})::text, ',')"
    epoch = "EXTRACT(EPOCH FROM {})::float8"

    def delete_text(self, cursor, ids):
        for chunk in _chunks(ids):
            cursor.execute(
                f"DELETE FROM bc_search_text WHERE page_id IN ({_placeholders(len(chunk))})", chunk
            )

    def delete_all_text(self, cursor):
        cursor.execute("DELETE FROM bc_search_text")

    def text_ids(self, cursor):
        cursor.execute("SELECT page_id FROM bc_search_text")
        ids = {row[0] for row in cursor.fetchall()}
        return ids, ids

    def insert_text(self, cursor, rows):
        cursor.executemany(
            "INSERT INTO bc_search_text (page_id, title, summary, other, words) "
            "VALUES (%s, %s::tsvector, %s::tsvector, %s::tsvector, %s::tsvector)",
            [
                (
                    pk,
                    tsvector_literal(t, "A"),
                    tsvector_literal(s, "B"),
                    tsvector_literal(o, "C"),
                    tsvector_literal(w),
                )
                for pk, t, s, o, w in rows
            ],
        )

    def optimise(self, cursor):
        pass

    def key_ids(self, cursor, key):
        cursor.execute(
            "SELECT string_agg(page_id::text, ',') FROM bc_search_text WHERE "
            + " OR ".join(f"{column} @@ %s::tsquery" for column in COLUMNS),
            [_pg_phrase(key)] * len(COLUMNS),
        )
        return cursor.fetchone()[0]

    def key_all_ids(self, cursor, key, anywhere=True):
        """(anywhere — unless not asked for —, in the title, in the summary)."""
        query = _pg_phrase(key)
        fields = [
            f"(SELECT string_agg(page_id::text, ',') FROM bc_search_text WHERE {column} @@ %s::tsquery)"
            for column in ("title", "summary")
        ]
        if anywhere:
            fields.insert(
                0,
                "(SELECT string_agg(page_id::text, ',') FROM bc_search_text WHERE "
                + " OR ".join(f"{column} @@ %s::tsquery" for column in COLUMNS)
                + ")",
            )
        cursor.execute(
            "SELECT " + ", ".join(fields),
            [query] * (len(COLUMNS) * anywhere + 2),
        )
        found = list(cursor.fetchone())
        return found if anywhere else [None, *found]

    def rank(self, cursor, compiled, ids):
        """The sum over the fields of ts_rank_cd (weights A, B, C; rank / (1 + log(length))):
        ranking `title || summary || other` would cost five times as much (the concatenation).
        The pages all hold every required word already: the rank weighs where and how often
        they hold any of them."""
        cursor.execute(
            "SELECT page_id, "
            + " + ".join(
                f"ts_rank_cd('{PG_RANK_WEIGHTS}'::float4[], {column}, query.q, 1)"
                for column in COLUMNS
            )
            + " FROM bc_search_text, (SELECT %s::tsquery AS q) AS query "
            "WHERE page_id = ANY(%s)",
            [compiled.tsquery_any(), list(ids)],
        )
        return dict(cursor.fetchall())

    def suggest_ids(self, cursor, full, last):
        query = " & ".join([*(_pg_lexeme(word) for word in full), _pg_lexeme(last) + ":*"])
        cursor.execute(
            "SELECT page_id FROM bc_search_text WHERE words @@ %s::tsquery "
            "ORDER BY page_id DESC LIMIT %s",
            [query, SUGGEST_CANDIDATES],
        )
        return [row[0] for row in cursor.fetchall()]


def vendor_index():
    vendor = connection.vendor
    if vendor == "sqlite":
        return SQLiteIndex()
    if vendor == "postgresql":
        return PostgreSQLIndex()
    raise RuntimeError(f"The database search engine supports SQLite and PostgreSQL, not {vendor}")


# The in-memory snapshot -------------------------------------------------------------------------

INFINITY = float("inf")


class Order:
    """Page ids in the order of a sort: a sorted list of (key…, id), kept sorted as pages
    change. The keys derive from the snapshot's `attributes` (first_ts, last_ts, title_sort)."""

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
        self.attributes = {}  # page id → (first_ts, last_ts, title_sort)
        self.orders = {
            "recentes": Order(_newest, self.attributes),
            "mises-a-jour": Order(_updated, self.attributes),
            "titre": Order(_title, self.attributes),
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
        """(id, kind, base id, is public, title_sort, first_ts, last_ts) of entries, read from
        the covering index bc_search_entry_snapshot (not the documents)."""
        epoch = self.index.epoch
        cursor.execute(
            f"SELECT page_id, kind, base_id, is_public, title_sort, "
            f"{epoch.format('first_published_at')}, {epoch.format('last_published_at')} "
            f"FROM {ENTRY} {where}",
            params,
        )
        return cursor.fetchall()

    def _add_entries(self, cursor, rows, where="", params=()):
        kinds, bases, public = {}, {}, []
        attributes = self.attributes
        for pk, kind, base_id, is_public, sort_title, first, last in rows:
            kinds.setdefault(kind, []).append(pk)
            bases.setdefault(base_id, []).append(pk)
            if is_public:
                public.append(pk)
            attributes[pk] = (first, last, sort_title)
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
        for chunk in _chunks(changed):
            where, params = f"WHERE page_id IN ({_placeholders(len(chunk))})", chunk
            rows = self._entry_rows(cursor, where, params)
            self._add_entries(cursor, rows, where, params)
            found += [row[0] for row in rows]
        if not found:
            return
        for pk in found:
            for order in self.orders.values():
                order.add(pk)
        added = {}
        for chunk in _chunks(found):
            cursor.execute(
                f"SELECT facet, value, entry_id FROM {FACET} "
                f"WHERE entry_id IN ({_placeholders(len(chunk))})",
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


# The engine -------------------------------------------------------------------------------------


def _timestamp(day, *, after=False):
    """The first instant of `day` (or of the day after) in the site's time zone."""
    if after:
        day = day + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, day_start.min)).timestamp()


def _aware(value):
    if not value:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else value
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


class DatabaseEngine(SearchEngine):
    name = "database"

    @property
    def index(self):
        return vendor_index()

    # Searching ----------------------------------------------------------------------------------

    def search(self, query):
        started = time.perf_counter()
        compiled = compile_query(query.text)
        kind = query.kind
        filters = {
            facet: [str(value) for value in values]
            for facet, values in (query.filters or {}).items()
            if facet in FACETS and values
        }
        index = self.index
        with connection.cursor() as cursor:
            snapshot = snapshot_of(index)
            with snapshot.lock:
                snapshot.refresh(cursor)
                matched, text_bits = self._matched(cursor, snapshot, query, compiled)
                selections = {
                    facet: union(snapshot.facets.get(facet, {}).get(value, 0) for value in values)
                    for facet, values in filters.items()
                }

                def restricted(bits, of_kind, leave_out=None):
                    for facet, selection in selections.items():
                        if facet != leave_out and facet in FACETS_OF_KIND[of_kind]:
                            bits &= selection
                    return bits

                tab_counts = {
                    name: restricted(matched & snapshot.kinds.get(name, 0), name).bit_count()
                    for name in KINDS
                }
                in_tab = matched & snapshot.kinds.get(kind, 0)
                hits_bits = restricted(in_tab, kind)
                facets = self._facets(snapshot, in_tab, kind, filters, restricted, query)
                page = max(int(query.page), 1)
                per_page = max(int(query.per_page), 1)
                wanted = page * per_page
                scores = {}
                if (page - 1) * per_page >= hits_bits.bit_count():
                    ordered = []  # past the last page
                elif compiled.has_text and query.sort not in snapshot.orders:
                    ordered, scores = self._by_relevance(
                        cursor, snapshot, compiled, hits_bits, text_bits, wanted
                    )
                else:
                    order = query.sort if query.sort in snapshot.orders else "recentes"
                    ordered = snapshot.orders[order].first(hits_bits, wanted)
            ids = ordered[(page - 1) * per_page : wanted]
        hits = self._hits(ids, scores, compiled, query.visible_base_ids)
        return SearchResults(
            hits=hits,
            total=hits_bits.bit_count(),
            tab_counts=tab_counts,
            facets=facets,
            engine=self.name,
            took_ms=(time.perf_counter() - started) * 1000,
        )

    def _matched(self, cursor, snapshot, query, compiled):
        """(visible pages matching the text and dates, pages matching the required text)."""
        matched = snapshot.visible(query.visible_base_ids)
        if query.published_from or query.published_to:
            matched &= snapshot.published_between(
                _timestamp(query.published_from) if query.published_from else None,
                _timestamp(query.published_to, after=True) if query.published_to else None,
            )
        text_bits = None
        for group in compiled.groups:
            bits = snapshot.group_anywhere(cursor, group)
            text_bits = bits if text_bits is None else text_bits & bits
            if not text_bits:
                break
        if text_bits is not None:
            matched &= text_bits
        for group in compiled.excluded:
            if matched:
                matched &= ~snapshot.group_anywhere(cursor, group)
        return matched, text_bits

    def _facets(self, snapshot, in_tab, kind, filters, restricted, query):
        labels = snapshot.facet_labels()
        facets = {}
        shared = None
        for facet in FACETS_OF_KIND[kind]:
            selected = filters.get(facet, [])
            if selected:
                base = restricted(in_tab, kind, leave_out=facet)
            else:
                if shared is None:
                    shared = restricted(in_tab, kind)
                base = shared
            counts = []
            if base:
                for value, bits in snapshot.facets.get(facet, {}).items():
                    count = (base & bits).bit_count()
                    if count:
                        counts.append((value, count))
            counts.sort(key=lambda item: (-item[1], item[0]))
            counts = counts[: FACET_SIZES.get(facet, FACET_SIZE)]
            listed = {value for value, _count in counts}
            counts += [(value, 0) for value in dict.fromkeys(selected) if value not in listed]
            values = []
            for value, count in counts:
                label, group = labels.get(facet, {}).get(value, ("", ""))
                if facet == "base":
                    label = self._base_label(snapshot, value, query.visible_base_ids)
                elif not label:
                    label = code_labels(facet, [value]).get(value, "")
                values.append(
                    FacetValue(
                        value=value,
                        label=label or value,
                        count=count,
                        selected=value in selected,
                        group=group,
                    )
                )
            facets[facet] = values
        return facets

    @staticmethod
    def _base_label(snapshot, value, visible_base_ids):
        pk = int(value) if value.isdigit() else None
        title, is_public = snapshot.bases.get(pk, ("", False))
        if is_public or visible_base_ids is None or pk in visible_base_ids:
            return title
        return ""

    def _by_relevance(self, cursor, snapshot, compiled, hits_bits, text_bits, wanted):
        """(the first `wanted` ids by relevance, {id: score})."""
        recent = snapshot.orders["recentes"]
        limit = RANK_LIMIT[self.index.vendor]
        count = hits_bits.bit_count()
        if not count:
            return [], {}
        measured = count if self.index.vendor == "postgresql" else text_bits.bit_count()
        if measured <= limit:
            ids = ids_of(hits_bits)
            ranks = self.index.rank(cursor, compiled, ids)
            item = recent.item
            best = heapq.nsmallest(wanted, ((-ranks.get(pk, 0.0), item(pk)) for pk in ids))
            return [key[-1] for _rank, key in best], {key[-1]: -rank for rank, key in best}
        # Tiers: a bit-sliced sum of the field weights of each required group.
        planes = []
        for group in compiled.groups:
            for weight, bits in zip(
                TIER_WEIGHTS, snapshot.group_fields(cursor, group), strict=True
            ):
                for plane in range(weight.bit_length()):
                    if weight >> plane & 1:
                        _add(planes, plane, bits & hits_bits)
        ordered, scores = [], {}
        remaining = hits_bits
        while remaining and len(ordered) < wanted:
            level, tier = 0, remaining
            for plane in range(len(planes) - 1, -1, -1):
                narrower = tier & planes[plane]
                if narrower:
                    tier = narrower
                    level |= 1 << plane
            chosen = recent.first(tier, wanted - len(ordered))
            ordered += chosen
            scores.update(dict.fromkeys(chosen, float(level)))
            remaining &= ~tier
        return ordered, scores

    def _hits(self, ids, scores, compiled, visible_base_ids):
        if not ids:
            return []
        entries = SearchEntry.objects.filter(pk__in=ids)
        if visible_base_ids is not None:
            entries = entries.filter(Q(is_public=True) | Q(base_id__in=list(visible_base_ids)))
        documents = dict(entries.values_list("pk", "document"))
        stems = compiled.stems
        hits = []
        for pk in ids:
            document = documents.get(pk)
            if document is None:
                continue
            hits.append(
                Hit(
                    id=pk,
                    kind=document.get("kind", ""),
                    url=document.get("url", ""),
                    title=document.get("title", ""),
                    summary=document.get("summary", ""),
                    excerpt=excerpt(document, stems),
                    document=document,
                    score=scores.get(pk, 0.0),
                )
            )
        return hits

    def suggest(self, prefix, visible_base_ids, limit=8):
        folded = title_words(prefix)
        if not folded or limit <= 0:
            return []
        *full, last = folded
        index = self.index
        with connection.cursor() as cursor:
            snapshot = snapshot_of(index)
            with snapshot.lock:
                snapshot.refresh(cursor)
                visible = snapshot.visible(visible_base_ids)
                candidates = index.suggest_ids(cursor, full, last)
                digits = {name: bin(visible & snapshot.kinds.get(name, 0))[:1:-1] for name in KINDS}
                by_kind = {name: [] for name in KINDS}
                for pk in candidates:
                    for name in KINDS:
                        if pk < len(digits[name]) and digits[name][pk] == "1":
                            by_kind[name].append(pk)
                            break
                    if len(by_kind[Kind.RESOURCE]) >= limit:
                        break
        chosen = [pk for name in KINDS for pk in by_kind[name]][:limit]
        if not chosen:
            return []
        entries = SearchEntry.objects.filter(pk__in=chosen)
        if visible_base_ids is not None:
            entries = entries.filter(Q(is_public=True) | Q(base_id__in=list(visible_base_ids)))
        found = {
            pk: {"title": title, "url": url or "", "kind": kind}
            for pk, title, kind, url in entries.values_list("pk", "title", "kind", "document__url")
        }
        return [found[pk] for pk in chosen if pk in found]

    # Writing ------------------------------------------------------------------------------------

    def _bump(self, cursor):
        """A new generation of the index (locks the state row until the transaction ends)."""
        token = secrets.token_hex(16)
        cursor.execute(
            "UPDATE bc_search_state SET generation = generation + 1, token = %s WHERE id = 1",
            [token],
        )
        if cursor.rowcount == 0:
            cursor.execute(
                "INSERT INTO bc_search_state (id, generation, token) VALUES (1, 1, %s)", [token]
            )
        cursor.execute("SELECT generation FROM bc_search_state WHERE id = 1")
        generation = cursor.fetchone()[0]
        cursor.execute(
            "DELETE FROM bc_search_change WHERE generation < %s", [generation - JOURNAL_KEEP]
        )
        return generation, token

    def _journal(self, cursor, generation, token, ids):
        cursor.executemany(
            "INSERT INTO bc_search_change (generation, token, page_id) VALUES (%s, %s, %s)",
            [(generation, token, pk) for pk in ids],
        )

    def _delete_rows(self, cursor, index, ids):
        for chunk in _chunks(ids):
            marks = _placeholders(len(chunk))
            cursor.execute(f"DELETE FROM {FACET} WHERE entry_id IN ({marks})", chunk)
            cursor.execute(f"DELETE FROM {ENTRY} WHERE page_id IN ({marks})", chunk)
        index.delete_text(cursor, ids)

    def _insert(self, cursor, index, documents):
        entries, facets, texts = [], [], []
        for document in documents:
            pk = int(document["id"])
            base = document.get("base") or {}
            entries.append(
                SearchEntry(
                    page_id=pk,
                    kind=document["kind"],
                    base_id=int(base.get("id") or 0),
                    is_public=bool(document.get("is_public")),
                    title=(document.get("title") or "")[:255],
                    title_sort=title_sort(document.get("title")),
                    first_published_at=_aware(document.get("first_published_at")),
                    last_published_at=_aware(document.get("last_published_at")),
                    document=document,
                    fingerprint=fingerprint(document),
                )
            )
            facets += [
                SearchFacet(entry_id=pk, facet=facet, value=str(value)[:150])
                for facet, value in dict.fromkeys(facet_values(document))
            ]
            texts.append(
                (
                    pk,
                    index_tokens(document.get("text_title")),
                    index_tokens(document.get("text_summary")),
                    index_tokens(document.get("text_other")),
                    title_words(document.get("title")),
                )
            )
        SearchEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
        SearchFacet.objects.bulk_create(facets, batch_size=BATCH_SIZE)
        index.insert_text(cursor, texts)

    def upsert(self, documents):
        documents = list({int(document["id"]): document for document in documents}.values())
        if not documents:
            return
        index = self.index
        ids = [int(document["id"]) for document in documents]
        with transaction.atomic(), connection.cursor() as cursor:
            generation, token = self._bump(cursor)
            self._delete_rows(cursor, index, ids)
            self._insert(cursor, index, documents)
            self._journal(cursor, generation, token, ids)

    def delete(self, page_ids):
        ids = sorted({int(pk) for pk in page_ids})
        if not ids:
            return
        index = self.index
        with transaction.atomic(), connection.cursor() as cursor:
            generation, token = self._bump(cursor)
            self._delete_rows(cursor, index, ids)
            self._journal(cursor, generation, token, ids)

    def rebuild(self, documents, total, progress=None):
        """Delete everything and insert `documents`, in one transaction: until it commits,
        searches see the previous index (on SQLite, in WAL mode; otherwise they wait)."""
        index = self.index
        done = 0
        with transaction.atomic(), connection.cursor() as cursor:
            generation, token = self._bump(cursor)
            cursor.execute(f"DELETE FROM {FACET}")
            cursor.execute(f"DELETE FROM {ENTRY}")
            index.delete_all_text(cursor)
            self._journal(cursor, generation, token, [None])
            batch = {}
            for document in documents:
                batch[int(document["id"])] = document
                if len(batch) >= BATCH_SIZE:
                    self._insert(cursor, index, batch.values())
                    done += len(batch)
                    batch = {}
                    if progress:
                        progress(done)
            if batch:
                self._insert(cursor, index, batch.values())
                done += len(batch)
                if progress:
                    progress(done)
            index.optimise(cursor)
        return done

    # Checking -----------------------------------------------------------------------------------

    def fingerprints(self):
        """A page counts as indexed only if its entry and its full-text rows are all there:
        the full-text tables are not models (dumpdata leaves them out), and a restore that
        lost them must show as missing pages rather than as an index « à jour ». Full-text
        rows without an entry show as stale (or extra), so that a repair rewrites them."""
        entries = dict(SearchEntry.objects.values_list("page_id", "fingerprint"))
        with connection.cursor() as cursor:
            complete, anywhere = self.index.text_ids(cursor)
        indexed = {pk: value for pk, value in entries.items() if pk in complete}
        indexed.update(dict.fromkeys(anywhere - entries.keys(), ""))
        return indexed

    def status(self):
        counts = dict.fromkeys(KINDS, 0)
        for kind, count in SearchEntry.objects.values_list("kind").annotate(Count("pk")):
            counts[kind] = count
        with connection.cursor() as cursor:
            cursor.execute("SELECT generation FROM bc_search_state WHERE id = 1")
            row = cursor.fetchone()
        return {
            "backend": self.index.description,
            "documents": sum(counts.values()),
            "resources": counts[Kind.RESOURCE],
            "bases": counts[Kind.BASE],
            "collections": counts[Kind.COLLECTION],
            "generation": row[0] if row else 0,
        }


def _add(planes, plane, bits):
    """Add `bits` × 2**plane to the bit-sliced numbers `planes` (ripple carry)."""
    carry = bits
    while carry:
        while len(planes) <= plane:
            planes.append(0)
        current = planes[plane]
        planes[plane] = current ^ carry
        carry = current & carry
        plane += 1
