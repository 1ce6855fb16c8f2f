"""The embedded search engine: SQLite FTS5 or PostgreSQL tsvector, plus in-memory bitsets.

This module is what both databases share: searching (text matches, filters, facet counts, tabs,
sorting, relevance), suggestions, and writing the index (entries, facets, the change journal).
The rest of the engine lives beside it, one seam each:

- search.engines.text — the tokens both databases index and the compiled query (synonyms
  expanded), the same on SQLite and PostgreSQL, and the highlighted excerpt;
- search.engines.sqlite — FTS5 tables, bm25 ranking, prefix suggestions;
- search.engines.postgres — tsvector literals, GIN indexes, ts_rank_cd ranking;
- search.engines.snapshot — the index as bitsets in each process (facet counts, sorting, the
  cached words), following the database through its generations;
- search.engines.sql — the tables and the batched-statement helpers they all use;
- search.engines.shadow — a rebuild written beside the live index, then swapped in.

(Over 500 lines: the engine is one class behind search.engines.base's interface, reading and
writing; what has a seam of its own already lives in the modules above.)

Relevance. Up to RANK_LIMIT text matches the database ranks them (bm25 / ts_rank_cd); beyond,
ranking them all costs more than the budget of a search request, and the engine ranks by tiers
computed on the bitsets — for each required word 1, + 10 if it is in the title, + 4 if it is in
the summary (a bit-sliced sum) — then most recent first: title > summary > the rest still holds.

Tabs and facets: each tab counts and applies only the facets its documents carry — resources:
all of them; bases: organisation kind, region, department; collections: the same and base — so
the filters of resource-only facets (taxonomy, licence, language, label) apply to the resources
tab and its count only, and the bases and collections tabs list no resource-only facet.
"""

import heapq
import secrets
import time
from datetime import date, datetime, timedelta
from datetime import time as day_start

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ..documents import FACETS, FACETS_OF_KIND, facet_values, fingerprint, serialise
from ..facets import code_labels, facet_labels
from ..models import Kind, SearchEntry
from ..query import FacetValue, Hit, SearchResults
from .base import SearchEngine
from .postgres import PostgreSQLIndex
from .shadow import SUFFIX, build_pending_indexes, shadow_of
from .snapshot import ids_of, snapshot_of, union
from .sql import BATCH_SIZE, ENTRY, ENTRY_COLUMNS, FACET, PAGE, chunks, chunks_of, placeholders
from .sqlite import SQLiteIndex
from .text import compile_query, excerpt, index_tokens, title_sort, title_words

KINDS = (Kind.RESOURCE.value, Kind.BASE.value, Kind.COLLECTION.value)
FACET_SIZE = 100
FACET_SIZES = {"department": 120}
# Up to RANK_LIMIT text matches, the database ranks them (bm25 / ts_rank_cd); beyond, tiers.
RANK_LIMIT = {"sqlite": 5_000, "postgresql": 2_000}
# Tier weights of a required word: 1 (anywhere) + 10 if in the title + 4 if in the summary
# (bm25(bc_search_fts, 10.0, 4.0, 1.0) weighs the fields the same way).
TIER_WEIGHTS = (1, 10, 4)
# Generations of changes kept in bc_search_change.
JOURNAL_KEEP = 5000


def vendor_index():
    vendor = connection.vendor
    if vendor == "sqlite":
        return SQLiteIndex()
    if vendor == "postgresql":
        return PostgreSQLIndex()
    raise RuntimeError(f"The database search engine supports SQLite and PostgreSQL, not {vendor}")


# The engine -------------------------------------------------------------------------------------


def _timestamp(day, *, after=False):
    """The first instant of `day` (or of the day after) in the site's time zone; None (no
    bound) for the last day a date can hold, whose next day does not exist."""
    if after:
        if day >= date.max:
            return None
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
            if facet == "tags":
                # Free tags are too many to load with the snapshot: only the listed ones.
                labels = {**labels, "tags": facet_labels("tags", [value for value, _c in counts])}
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
        for chunk in chunks(ids):
            marks = placeholders(len(chunk))
            cursor.execute(f"DELETE FROM {FACET} WHERE entry_id IN ({marks})", chunk)
            cursor.execute(f"DELETE FROM {ENTRY} WHERE page_id IN ({marks})", chunk)
        index.delete_text(cursor, ids)

    def _insert(self, cursor, index, documents, suffix=""):
        """Write the rows of `documents` (entries, facets, full text) with plain batched
        statements (model instances cost more than the rest of the write); `suffix` names the
        shadow tables of a rebuild (search.engines.shadow). Documents of pages deleted
        meanwhile are left out: the index has no foreign key to the pages."""
        documents = list(documents)
        existing = set()
        for chunk in chunks([int(document["id"]) for document in documents]):
            cursor.execute(f"SELECT id FROM {PAGE} WHERE id IN ({placeholders(len(chunk))})", chunk)
            existing.update(row[0] for row in cursor.fetchall())
        adapt = connection.ops.adapt_datetimefield_value
        now = adapt(timezone.now())
        entries, facets, texts = [], [], []
        for document in documents:
            pk = int(document["id"])
            if pk not in existing:
                continue
            base = document.get("base") or {}
            text = serialise(document)
            entries.append(
                (
                    pk,
                    document["kind"],
                    int(base.get("id") or 0),
                    bool(document.get("is_public")),
                    (document.get("title") or "")[:255],
                    title_sort(document.get("title")),
                    adapt(_aware(document.get("first_published_at"))),
                    adapt(_aware(document.get("last_published_at"))),
                    document.get("rating"),
                    document.get("review_count") or 0,
                    text,
                    fingerprint(document, text),
                    now,
                )
            )
            facets += [
                (pk, facet, str(value)[:150])
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
        if not entries:
            return
        index.write_rows(cursor, f"{ENTRY}{suffix}", ENTRY_COLUMNS, entries)
        index.write_rows(cursor, f"{FACET}{suffix}", ("entry_id", "facet", "value"), facets)
        index.insert_text(cursor, texts, suffix)

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
        """Write `documents` into shadow tables, one short transaction per batch, then swap
        them for the live tables in one step (search.engines.shadow): searches, the search log
        and publications go on meanwhile. The pages whose index changed during the rebuild
        (a publication) are left in `changed_while_rebuilding` (None: too many to tell) for
        the caller to send again (search.lifecycle.rebuild). Returns the documents written."""
        index = self.index
        shadow = shadow_of(index)
        self.changed_while_rebuilding = set()
        with connection.cursor() as cursor:
            cursor.execute("SELECT generation FROM bc_search_state WHERE id = 1")
            row = cursor.fetchone()
            started = row[0] if row else 0
        done = 0
        build_pending_indexes()  # left by a rebuild stopped after its swap
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                shadow.create(cursor)
            for batch in chunks_of(documents, BATCH_SIZE):
                with transaction.atomic(), connection.cursor() as cursor:
                    self._insert(cursor, index, batch, SUFFIX)
                done += len(batch)
                if progress:
                    progress(done)
            with transaction.atomic(), connection.cursor() as cursor:
                shadow.finish(cursor)
            with transaction.atomic(), connection.cursor() as cursor:
                generation, token = self._bump(cursor)
                self.changed_while_rebuilding = self._changed_since(cursor, started, generation)
                shadow.swap(cursor)
                self._journal(cursor, generation, token, [None])
        except BaseException:
            with transaction.atomic(), connection.cursor() as cursor:
                shadow.drop(cursor)
            raise
        shadow.after_swap()
        return done

    @staticmethod
    def _changed_since(cursor, started, generation):
        """Pages the index wrote between two generations (None when the journal no longer
        tells: pruned, or another rebuild)."""
        cursor.execute(
            "SELECT generation, page_id FROM bc_search_change "
            "WHERE generation > %s AND generation < %s",
            [started, generation],
        )
        rows = cursor.fetchall()
        if {row[0] for row in rows} != set(range(started + 1, generation)):
            return None
        changed = {row[1] for row in rows}
        return None if None in changed else changed

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
