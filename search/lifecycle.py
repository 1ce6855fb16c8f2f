"""How the search index follows the content: nothing lost, nothing leaked.

Every change that alters a search document (search.signals: publication, unpublication,
deletion, move of a page; a base's publication, which changes its title, visibility, organisation
and territory carried by all its pages; taxonomy, licence and organisation changes) calls
`schedule(page_ids, action)` inside the transaction of the change. `schedule` stores one
PendingIndexUpdate per configured engine — in that same transaction, so an update is stored if
and only if the change is — and asks, once per transaction, for the drain task
(search.tasks.drain_pending_updates) to run when the transaction commits.

`drain()` sends the pending updates to each engine, the database engine first and on its own, so
that the fallback index is always current. The document is built when the update is sent, from
the live page row: only the current published version of a page is ever indexed, never a draft,
and an update always sends the latest state whatever change scheduled it. A page that is no
longer searchable (unpublished, deleted, in an unpublished base) is deleted from the index. When
an engine cannot be reached (EngineUnavailable, Elasticsearch down), its rows stay in the queue
with their attempts and last error; nothing reaches the person editing, and the queue drains at
the next change (the drains that follow changes leave an unreachable engine alone for
RETRY_AFTER seconds, so that a server that does not answer at all does not hold every
publication for the client's timeout) or with `manage.py search_index update`.

Membership changes are not index changes: documents carry their base id and whether they are
public, and who may read a private base is decided at query time (SearchQuery.visible_base_ids,
computed from the person's memberships for each search). A new member finds the base's private
content at once, a removed member no longer does, and no document is rewritten.

A PendingIndexUpdate's `created_at` is refreshed whenever its page is scheduled again: it is the
version `drain` compares before deleting a row it has sent, so a change scheduled while the row
was being sent is never dropped.
"""

import logging
import time

from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Page

from base.models import BasePage
from ressources.models import CollectionItem, ResourceCollectionPage, ResourcePage

from . import engines as search_engines
from .documents import BASE_PATH_LENGTH, CHUNK, fingerprint, searchable_pages
from .documents import build_documents as documents_of
from .engines.base import EngineUnavailable
from .models import IndexAction, PendingIndexUpdate

logger = logging.getLogger(__name__)

SEARCHABLE_MODELS = (BasePage, ResourcePage, ResourceCollectionPage)
BATCH = 200
MAX_ERROR_LENGTH = 2000
# After an engine was found unreachable, the drains that follow changes wait this long (seconds)
# before trying it again; `manage.py search_index update` always tries.
RETRY_AFTER = 30
# engine name → (time.monotonic() of the failure, error), for this process
_unreachable_since = {}


# Scheduling ---------------------------------------------------------------------------------


def schedule(page_ids, action=IndexAction.UPDATE, engines=None):
    """Store an index update of `page_ids` for every configured engine, in the current
    transaction, and drain the queue once it commits. Returns the number of pages scheduled."""
    page_ids = sorted({int(pk) for pk in page_ids if pk is not None})
    if not page_ids:
        return 0
    names = [engine.name for engine in (engines or search_engines.configured_engines())]
    now = timezone.now()
    rows = [
        PendingIndexUpdate(engine=name, page_id=pk, action=action, created_at=now)
        for name in names
        for pk in page_ids
    ]
    PendingIndexUpdate.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["engine", "page_id"],
        update_fields=["action", "created_at"],
    )
    _drain_on_commit()
    return len(page_ids)


def _drain_on_commit():
    """Enqueue the drain task when the transaction commits, once per transaction: a change
    that schedules many pages (a base deleted page by page) asks for one drain."""
    if connection.in_atomic_block and any(
        isinstance(func, _DrainAtCommit) and not func.ran
        for _sids, func, *_rest in connection.run_on_commit
    ):
        return
    transaction.on_commit(_DrainAtCommit())


class _DrainAtCommit:
    """The on-commit callback; `ran` tells a later schedule() whether it must ask again (in
    tests, callbacks captured with captureOnCommitCallbacks stay in the connection's list)."""

    def __init__(self):
        self.ran = False

    def __call__(self):
        self.ran = True
        from .tasks import drain_pending_updates

        drain_pending_updates.enqueue()


# Which pages a change concerns ---------------------------------------------------------------


def searchable_subtree_ids(page, include_self=True):
    """Ids of the resources, collections and bases in `page`'s subtree (any state)."""
    pages = Page.objects.filter(path__startswith=page.path, depth__gte=page.depth)
    if not include_self:
        pages = pages.exclude(pk=page.pk)
    return list(pages.filter(content_type__in=_content_type_ids()).values_list("pk", flat=True))


def live_subtree_ids(page):
    """The page and every live page under it (what a base's publication changes)."""
    ids = set(
        Page.objects.filter(path__startswith=page.path, depth__gt=page.depth)
        .live()
        .filter(content_type__in=_content_type_ids())
        .values_list("pk", flat=True)
    )
    ids.add(page.pk)
    return ids


def collections_containing(resource_ids):
    """Collections that list one of these resources: their documents carry the resource titles."""
    return set(
        CollectionItem.objects.filter(resource_id__in=resource_ids).values_list(
            "collection_id", flat=True
        )
    )


def pages_of_bases(base_ids):
    """Each base and every live page under it."""
    ids = set()
    for base in BasePage.objects.filter(pk__in=base_ids).only("pk", "path", "depth"):
        ids |= live_subtree_ids(base)
    return ids


def _content_type_ids():
    from django.contrib.contenttypes.models import ContentType

    return [ContentType.objects.get_for_model(model).pk for model in SEARCHABLE_MODELS]


# Sending ------------------------------------------------------------------------------------


def build_documents(page_ids):
    """(documents to upsert, ids to delete) for these pages, from their live rows."""
    pages = list(Page.objects.filter(pk__in=page_ids).specific())
    documents = documents_of(pages)
    indexed = {document["id"] for document in documents}
    deleted = [pk for pk in page_ids if pk not in indexed]
    return documents, deleted


def send(engine, page_ids):
    """Bring `engine` up to date for these pages (raises EngineUnavailable)."""
    documents, deleted = build_documents(page_ids)
    if documents:
        engine.upsert(documents)
    if deleted:
        engine.delete(deleted)
    return len(documents), len(deleted)


def drain(engine=None, batch=BATCH, progress=None, after_commit=False):
    """Send the pending updates, engine by engine (the database first).

    `engine` is an engine object or name (default: every configured engine); `progress(done)`
    is called after each batch with the number of updates sent so far for that engine. With
    `after_commit` (the drain task that follows each change), an engine found unreachable less
    than RETRY_AFTER seconds ago in this process is not tried again: a server that does not
    answer at all would otherwise hold every publication for the client's timeout. Returns
    {engine name: {"sent": n, "pending": n left, "error": message or ""}}."""
    report = {}
    for current in _engines(engine):
        waiting = _unreachable_since.get(current.name)
        if after_commit and waiting and time.monotonic() - waiting[0] < RETRY_AFTER:
            pending = PendingIndexUpdate.objects.filter(engine=current.name).count()
            report[current.name] = {"sent": 0, "pending": pending, "error": waiting[1]}
            continue
        report[current.name] = _drain_engine(current, batch, progress)
    return report


def _drain_engine(engine, batch, progress):
    sent, error, skipped = 0, "", set()
    while True:
        rows = list(
            PendingIndexUpdate.objects.filter(engine=engine.name)
            .exclude(pk__in=skipped)
            .order_by("pk")[:batch]
        )
        if not rows:
            break
        ids = [row.page_id for row in rows]
        try:
            send(engine, ids)
        except EngineUnavailable as exception:
            error = str(exception) or exception.__class__.__name__
            _record_failure(rows, error)
            if engine.name != "database":  # the fallback index is always tried
                _unreachable_since[engine.name] = (time.monotonic(), error)
            logger.warning("Index %s injoignable : %s", engine.name, error)
            break
        except Exception as exception:  # a bug must not block the rest of the queue forever
            error = f"{exception.__class__.__name__}: {exception}"
            _record_failure(rows, error)
            logger.exception("Échec de la mise à jour de l'index %s", engine.name)
            skipped |= {row.pk for row in rows}
            continue
        _unreachable_since.pop(engine.name, None)
        _delete_sent(rows)
        sent += len(rows)
        if progress is not None:
            progress(sent)
    pending = PendingIndexUpdate.objects.filter(engine=engine.name).count()
    return {"sent": sent, "pending": pending, "error": error}


def forget_failures():
    """Try every engine at the next drain (tests; an operator's `search_index update`)."""
    _unreachable_since.clear()


def _record_failure(rows, error):
    PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in rows]).update(
        attempts=F("attempts") + 1, last_error=error[:MAX_ERROR_LENGTH]
    )


def _delete_sent(rows):
    """Delete the rows sent, unless their page was scheduled again meanwhile."""
    condition = Q(pk__in=[])
    for row in rows:
        condition |= Q(pk=row.pk, created_at=row.created_at)
    PendingIndexUpdate.objects.filter(condition).delete()


def _engines(engine=None):
    configured = search_engines.configured_engines()
    if engine is None:
        return configured
    if isinstance(engine, str):
        return [current for current in configured if current.name == engine]
    return [engine]


# Whole-index operations (manage.py search_index) ----------------------------------------------


def live_base_paths():
    return set(BasePage.objects.live().values_list("path", flat=True))


def count_searchable():
    """How many pages searchable_pages() yields."""
    paths = live_base_paths()
    total = len(paths)
    for model in (ResourcePage, ResourceCollectionPage):
        total += (
            model.objects.live()
            .annotate(base_path=Substr("path", 1, BASE_PATH_LENGTH))
            .filter(base_path__in=paths)
            .count()
        )
    return total


def iter_documents(chunk=CHUNK):
    """The document of every searchable page (search.documents.searchable_pages), built
    `chunk` pages at a time (search.documents.Batch: a fixed number of queries per chunk)."""
    batch = []
    for page in searchable_pages():
        batch.append(page)
        if len(batch) >= chunk:
            yield from documents_of(batch)
            batch = []
    if batch:
        yield from documents_of(batch)


def rebuild(engine, progress=None, total=None):
    """Replace `engine`'s index with every searchable page, then forget the updates that were
    pending before the rebuild started (the rebuild includes them) and send those scheduled
    while it ran. Re-running is always safe. Returns (documents, seconds)."""
    started_at = timezone.now()
    started = time.monotonic()
    if total is None:
        total = count_searchable()
    engine.rebuild(iter_documents(), total, progress)
    PendingIndexUpdate.objects.filter(engine=engine.name, created_at__lt=started_at).delete()
    # The database engine swaps a new index in (search.engines.shadow): the pages the live
    # index received meanwhile (a publication during the rebuild) may be older in the new one.
    changed = getattr(engine, "changed_while_rebuilding", set())
    if changed is None:
        repair(engine, compare(engine))
    elif changed:
        for chunk in range(0, len(changed), BATCH):
            send(engine, sorted(changed)[chunk : chunk + BATCH])
    drain(engine)
    return total, time.monotonic() - started


def compare(engine):
    """What `engine` holds against what it should: {"missing", "stale", "extra"} → page ids,
    plus "documents": page id → fresh document (for repairs and titles)."""
    indexed = engine.fingerprints()
    documents = {document["id"]: document for document in iter_documents()}
    missing = [pk for pk in documents if pk not in indexed]
    stale = [
        pk
        for pk, document in documents.items()
        if pk in indexed and indexed[pk] != fingerprint(document)
    ]
    extra = [pk for pk in indexed if pk not in documents]
    return {"missing": missing, "stale": stale, "extra": sorted(extra), "documents": documents}


def repair(engine, difference, batch=BATCH):
    """Upsert the missing and stale documents, delete the extra ones."""
    documents = difference["documents"]
    to_upsert = [documents[pk] for pk in difference["missing"] + difference["stale"]]
    for start in range(0, len(to_upsert), batch):
        engine.upsert(to_upsert[start : start + batch])
    if difference["extra"]:
        engine.delete(difference["extra"])
    return len(to_upsert), len(difference["extra"])


def queue_status(engine_name):
    """Size of an engine's pending queue, its oldest row's date, and its last error."""
    rows = PendingIndexUpdate.objects.filter(engine=engine_name)
    oldest = rows.order_by("created_at").first()
    failing = rows.filter(attempts__gt=0).order_by("-attempts").first()
    return {
        "pending": rows.count(),
        "oldest": oldest.created_at if oldest else None,
        "attempts": failing.attempts if failing else 0,
        "last_error": failing.last_error if failing else "",
    }
