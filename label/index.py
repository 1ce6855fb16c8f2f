"""The label index: one Elasticsearch document per label request, for the tracking figures.

Only what the figures count is indexed (statuses, kinds, types, territory codes, dates, the
review time in days, the criteria met): no name, no title, no contact. The index serves
aggregations, never a listing, so it cannot leak an undecided request or a private resource.

The live index is reached through an alias, `<ELASTICSEARCH_INDEX>-labels`; a rebuild fills a
new concrete index `<alias>-<timestamp>`, then swaps the alias in one `update_aliases` call and
deletes the old index, so the figures never stop. Every change of a request (its row, a status
change, a verdict) re-indexes it after commit (label.index_signals); a failure is logged and
never breaks the workflow (`manage.py label_index update` catches up).

The client, its timeouts and the error handling are the search engine's
(search.engines.elasticsearch): transport errors become EngineUnavailable, and the figures
fall back to the database (label.stats).
"""

import logging
import zoneinfo
from datetime import UTC, datetime

from django.conf import settings
from elasticsearch import ApiError, TransportError, helpers
from elasticsearch.dsl import Boolean, Date, Index, Integer, Keyword, Mapping

from search.engines.elasticsearch import (
    CHUNK_SIZE,
    REBUILD_TIMEOUT,
    ElasticsearchConnection,
    safe_url,
)

from .criteria import Status, Verdict

logger = logging.getLogger(__name__)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
# A decision closes the review: labelled (then maybe expired) or refused.
DECISIONS = (Status.LABELLED, Status.REFUSED, Status.EXPIRED)
# Labels obtained (an expired label was obtained).
OBTAINED = (Status.LABELLED, Status.EXPIRED)


def label_alias():
    return f"{getattr(settings, 'ELASTICSEARCH_INDEX', '') or 'bases-communes'}-labels"


def paris_date(moment):
    return moment.astimezone(PARIS).date() if moment is not None else None


def review_days(first_submitted_at, decided_at):
    """Calendar days (Paris) from the first submission to the decision; None if either is
    missing. Whole days, so that the median is exact on both paths."""
    if first_submitted_at is None or decided_at is None:
        return None
    return (paris_date(decided_at) - paris_date(first_submitted_at)).days


def is_decided(status, decided_at):
    return status in DECISIONS and decided_at is not None


def document_of(request):
    """The indexed document of a LabelRequest (assessments prefetched or not)."""
    organisation = request.organisation
    decided = is_decided(request.status, request.decided_at)
    met = sorted(a.criterion for a in request.assessments.all() if a.verdict == Verdict.MET)
    return {
        "id": request.pk,
        "status": request.status,
        "applicant_type": request.applicant_type or "",
        "dispositif_kind": request.dispositif_kind or "",
        "region": (organisation.region_code if organisation else "") or "",
        "department": (organisation.department_code if organisation else "") or "",
        "first_submitted_at": _iso(request.first_submitted_at),
        "decided_at": _iso(request.decided_at),
        "valid_until": request.valid_until.isoformat() if request.valid_until else None,
        "decided": decided,
        "review_days": review_days(request.first_submitted_at, request.decided_at)
        if decided
        else None,
        "criteria_met": met,
    }


def _iso(moment):
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def index_definition(name):
    mapping = Mapping()
    mapping.meta("dynamic", False)
    mapping.field("id", Integer())
    for field in ("status", "applicant_type", "dispositif_kind", "region", "department"):
        mapping.field(field, Keyword())
    for field in ("first_submitted_at", "decided_at", "valid_until"):
        mapping.field(field, Date())
    mapping.field("decided", Boolean())
    mapping.field("review_days", Integer())
    # One keyword per criterion met: a `term` filter per criterion counts the passes.
    mapping.field("criteria_met", Keyword())
    index = Index(name)
    index.settings(number_of_shards=1, auto_expand_replicas="0-1")
    index.mapping(mapping)
    return index


def index_body():
    """The body of indices.create: {"settings": …, "mappings": …}."""
    return index_definition("unused").to_dict()


def requests_queryset():
    from .models import LabelRequest

    return (
        LabelRequest.objects.select_related("organisation")
        .prefetch_related("assessments")
        .order_by("pk")
    )


class LabelIndex(ElasticsearchConnection):
    """The label index on the Elasticsearch server of ELASTICSEARCH_URL. A missing index or a
    failing server is « unavailable » (the figures fall back to the database); a bad request
    is a bug and propagates."""

    def __init__(self, url=None, alias=None, client=None):
        super().__init__(url=url, client=client)
        self.alias = alias or label_alias()

    def unavailable_on_errors(self, api_errors=False):
        return super().unavailable_on_errors(api_errors=api_errors)

    # Reading ----------------------------------------------------------------------------------

    def search(self, body):
        with self.unavailable_on_errors():
            response = self.client.search(index=self.alias, body=body)
        return response.body if hasattr(response, "body") else response

    # Writing ----------------------------------------------------------------------------------

    def new_index_name(self):
        return f"{self.alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"

    def ensure_index(self, client):
        if client.indices.exists(index=self.alias):
            return
        try:
            client.indices.create(
                index=self.new_index_name(), aliases={self.alias: {}}, **index_body()
            )
        except ApiError as error:
            if "resource_already_exists_exception" not in str(error):
                raise

    def upsert(self, requests):
        actions = [
            {"_op_type": "index", "_index": self.alias, "_id": str(r.pk), "_source": document_of(r)}
            for r in requests
        ]
        if not actions:
            return
        with self.unavailable_on_errors():
            client = self.writer()
            self.ensure_index(client)
            helpers.bulk(client, actions, chunk_size=CHUNK_SIZE, max_retries=0)

    def delete(self, pks):
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": str(pk)} for pk in pks]
        if not actions:
            return
        with self.unavailable_on_errors():
            client = self.writer()
            if not client.indices.exists(index=self.alias):
                return
            helpers.bulk(client, actions, max_retries=0, ignore_status=404)

    def rebuild(self, requests, progress=None):
        """Fill a new index, then swap the alias to it and delete the old one."""
        client = self.writer(REBUILD_TIMEOUT)
        new_index = self.new_index_name()
        with self.unavailable_on_errors():
            client.indices.create(index=new_index, **index_body())
        try:
            with self.unavailable_on_errors():
                actions = (
                    {
                        "_op_type": "index",
                        "_index": new_index,
                        "_id": str(r.pk),
                        "_source": document_of(r),
                    }
                    for r in requests
                )
                results = helpers.streaming_bulk(
                    client, actions, chunk_size=CHUNK_SIZE, max_retries=0
                )
                for done, _result in enumerate(results, start=1):
                    if progress is not None:
                        progress(done)
                client.indices.refresh(index=new_index)
                old = self.concrete_indices(client)
                actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
                actions.append({"add": {"index": new_index, "alias": self.alias}})
                client.indices.update_aliases(actions=actions)
        except BaseException:
            try:
                client.indices.delete(index=new_index, ignore_unavailable=True)
            except (ApiError, TransportError):
                logger.exception(
                    "Index %s non supprimé après l'échec de la reconstruction", new_index
                )
            raise
        if old:
            with self.unavailable_on_errors():
                client.indices.delete(index=",".join(old), ignore_unavailable=True)
        return new_index

    def concrete_indices(self, client=None):
        client = client or self.client
        try:
            response = client.indices.get_alias(name=self.alias)
        except ApiError as error:
            if getattr(error, "status_code", None) == 404:
                return []
            raise
        return sorted(response.body if hasattr(response, "body") else response)

    def indexed_ids(self):
        """Ids of the indexed documents (to drop those of deleted requests)."""
        with self.unavailable_on_errors():
            client = self.writer(REBUILD_TIMEOUT)
            if not client.indices.exists(index=self.alias):
                return set()
            return {
                int(hit["_id"])
                for hit in helpers.scan(
                    client, index=self.alias, query={"query": {"match_all": {}}, "_source": False}
                )
            }

    def status(self):
        with self.unavailable_on_errors():
            indices = self.concrete_indices()
            documents = self.client.count(index=self.alias)["count"] if indices else None
        return {
            "url": safe_url(self.url),
            "alias": self.alias,
            "index": ", ".join(indices) or None,
            "documents": documents,
        }


def label_index():
    """The label index if Elasticsearch is configured, else None."""
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        return None
    return LabelIndex()


def index_requests(pks):
    """Re-index these requests (deleting those gone); never raises: the workflow goes on."""
    index = label_index()
    if index is None:
        return False
    try:
        requests = list(requests_queryset().filter(pk__in=pks))
        index.upsert(requests)
        index.delete(set(pks) - {r.pk for r in requests})
    except Exception:
        logger.exception("Index des labels : mise à jour impossible pour %s", sorted(pks))
        return False
    return True
