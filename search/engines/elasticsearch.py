"""The Elasticsearch 8 engine (elasticsearch-dsl 8.18, client `elasticsearch` 8.x): the
connection, the index lifecycle, searches and writes. The request and response bodies it sends
and reads are built in search/engines/elasticsearch_bodies.py, which the offline tests check.

Index lifecycle: the live index is reached through an alias (settings.ELASTICSEARCH_INDEX); a
rebuild fills a new concrete index `<alias>-<timestamp>`, then swaps the alias atomically and
deletes the old index, so searches never stop. While it runs, the new index also carries the
alias `<alias>-rebuilding`, to which updates are written as well, so none is lost in the swap.

Any transport error (server down, timeout) raises EngineUnavailable: searches then fall back to
the database engine, index updates stay queued (search.lifecycle).
"""

import logging
from contextlib import contextmanager
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from ..normalise import fold
from .base import EngineUnavailable, SearchEngine
from .elasticsearch_bodies import (
    index_body,
    parse_response,
    parse_suggestions,
    search_body,
    source_of,
    suggest_body,
)

logger = logging.getLogger(__name__)

# Seconds: a search waits little (the database answers instead); writes a bit more; a rebuild's
# bulk requests carry 500 documents each.
SEARCH_TIMEOUT = 3
WRITE_TIMEOUT = 10
REBUILD_TIMEOUT = 120
CHUNK_SIZE = 500

_clients = {}


def client_for(url):
    """One client (connection pool) per URL for the process: short timeouts, no retries."""
    if url not in _clients:
        _clients[url] = Elasticsearch(
            url,
            request_timeout=SEARCH_TIMEOUT,
            max_retries=0,
            retry_on_timeout=False,
        )
    return _clients[url]


def safe_url(url):
    """The URL without its credentials, for messages."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        parts = parts._replace(netloc=host)
    return urlunsplit(parts)


class ElasticsearchConnection:
    """What every user of the operator's Elasticsearch shares (the search engine, the label
    index): the process's client for the URL, longer timeouts for writes, and the errors that
    mean « unavailable » (the caller falls back or retries later) rather than a bug."""

    def __init__(self, url=None, client=None):
        self.url = url or settings.ELASTICSEARCH_URL
        self._client = client

    @property
    def client(self):
        if self._client is None:
            self._client = client_for(self.url)
        return self._client

    def writer(self, timeout=WRITE_TIMEOUT):
        return self.client.options(request_timeout=timeout)

    @contextmanager
    def unavailable_on_errors(self, api_errors=True):
        """Transport errors (and, with `api_errors`, any API error; without, a missing index,
        an overloaded or failing server) → EngineUnavailable. Other API errors (a bad request:
        a bug) propagate."""
        try:
            yield
        except TransportError as error:
            raise EngineUnavailable(f"Elasticsearch ({safe_url(self.url)}) : {error}") from error
        except helpers.BulkIndexError as error:
            # Documents refused because the server is overloaded or failing: try again later.
            statuses = {
                details.get("status", 0)
                for item in error.errors
                for details in item.values()
                if isinstance(details, dict)
            }
            if any(status == 429 or status >= 500 for status in statuses):
                raise EngineUnavailable(
                    f"Elasticsearch ({safe_url(self.url)}) : {error}"
                ) from error
            raise
        except ApiError as error:
            status = getattr(error, "status_code", None) or getattr(error.meta, "status", 0)
            if api_errors or status in (404, 429) or status >= 500 or status == 200:
                raise EngineUnavailable(
                    f"Elasticsearch ({safe_url(self.url)}) : {error}"
                ) from error
            raise


class ElasticsearchEngine(ElasticsearchConnection, SearchEngine):
    name = "elasticsearch"

    def __init__(self, url=None, index=None, client=None):
        super().__init__(url=url, client=client)
        self.alias = index or getattr(settings, "ELASTICSEARCH_INDEX", "") or "bases-communes"
        self.rebuilding_alias = f"{self.alias}-rebuilding"

    # Searching --------------------------------------------------------------------------------

    def search(self, query):
        body = search_body(query)
        with self.unavailable_on_errors():
            response = self.client.search(index=self.alias, body=body)
        return parse_response(response.body if hasattr(response, "body") else response, query)

    def suggest(self, prefix, visible_base_ids, limit=8):
        prefix = " ".join((prefix or "").split())[:100]
        if not fold(prefix).strip():
            return []
        body = suggest_body(prefix, visible_base_ids, limit)
        with self.unavailable_on_errors():
            response = self.client.search(index=self.alias, body=body)
        return parse_suggestions(response.body if hasattr(response, "body") else response)

    # Writing ----------------------------------------------------------------------------------

    def new_index_name(self):
        return f"{self.alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"

    def ensure_index(self):
        """Create a first index behind the alias if there is none (before a first upsert)."""
        client = self.writer()
        if client.indices.exists_alias(name=self.alias):
            return
        if client.indices.exists(index=self.alias):
            return  # a concrete index of that name (made by hand): write to it
        try:
            client.indices.create(
                index=f"{self.alias}-initial",
                aliases={self.alias: {}},
                **index_body(),
            )
        except ApiError as error:
            # Another process created it meanwhile.
            if "resource_already_exists_exception" not in str(error):
                raise

    def write_targets(self):
        """The alias, and the index being rebuilt if a rebuild is running."""
        return [self.alias, *self.indices_of(self.rebuilding_alias, self.writer())]

    def upsert(self, documents):
        documents = list(documents)
        if not documents:
            return
        with self.unavailable_on_errors(api_errors=False):
            self.ensure_index()
            targets = self.write_targets()
            actions = [
                {
                    "_op_type": "index",
                    "_index": target,
                    "_id": str(document["id"]),
                    "_source": source_of(document),
                }
                for document in documents
                for target in targets
            ]
            helpers.bulk(self.writer(), actions, chunk_size=CHUNK_SIZE, max_retries=0)

    def delete(self, page_ids):
        page_ids = list(page_ids)
        if not page_ids:
            return
        with self.unavailable_on_errors(api_errors=False):
            if not self.writer().indices.exists(index=self.alias):  # the alias (or an index)
                return
            targets = self.write_targets()
            actions = [
                {"_op_type": "delete", "_index": target, "_id": str(pk)}
                for pk in page_ids
                for target in targets
            ]
            helpers.bulk(
                self.writer(), actions, chunk_size=CHUNK_SIZE, max_retries=0, ignore_status=404
            )

    def rebuild(self, documents, total, progress=None):
        """Fill a new index, then swap the alias to it in one step and delete the old one."""
        client = self.writer(REBUILD_TIMEOUT)
        new_index = self.new_index_name()
        body = index_body()
        body["settings"]["refresh_interval"] = "-1"  # no refresh while filling
        with self.unavailable_on_errors(api_errors=False):
            client.indices.create(index=new_index, aliases={self.rebuilding_alias: {}}, **body)
        try:
            with self.unavailable_on_errors(api_errors=False):
                actions = (
                    {
                        "_op_type": "index",
                        "_index": new_index,
                        "_id": str(document["id"]),
                        "_source": source_of(document),
                    }
                    for document in documents
                )
                results = helpers.streaming_bulk(
                    client, actions, chunk_size=CHUNK_SIZE, max_retries=0
                )
                for done, _result in enumerate(results, start=1):
                    if progress is not None:
                        progress(done)
                client.indices.put_settings(
                    index=new_index, settings={"index": {"refresh_interval": None}}
                )
                client.indices.refresh(index=new_index)
                old_indices = self.concrete_indices(client)
                actions = [{"remove": {"index": old, "alias": self.alias}} for old in old_indices]
                if not old_indices and client.indices.exists(index=self.alias):
                    # A concrete index has the alias's name: replace it in the same step.
                    actions.append({"remove_index": {"index": self.alias}})
                actions += [
                    {"add": {"index": new_index, "alias": self.alias}},
                    {"remove": {"index": new_index, "alias": self.rebuilding_alias}},
                ]
                client.indices.update_aliases(actions=actions)
        except BaseException:
            self.drop_index(client, new_index)
            raise
        if old_indices:
            with self.unavailable_on_errors(api_errors=False):
                client.indices.delete(index=",".join(old_indices), ignore_unavailable=True)

    def drop_index(self, client, name):
        try:
            client.indices.delete(index=name, ignore_unavailable=True)
        except (ApiError, TransportError):
            logger.exception("Index %s non supprimé après l'échec de la reconstruction", name)

    def concrete_indices(self, client=None):
        """The concrete indices behind the alias ([] if there is no such alias)."""
        return self.indices_of(self.alias, client)

    def indices_of(self, alias, client=None):
        client = client or self.client
        try:
            response = client.indices.get_alias(name=alias)
        except ApiError as error:
            if getattr(error, "status_code", None) == 404:
                return []
            raise
        return sorted(response.body if hasattr(response, "body") else response)

    # Checking ---------------------------------------------------------------------------------

    def fingerprints(self):
        with self.unavailable_on_errors(api_errors=False):
            client = self.writer(REBUILD_TIMEOUT)
            if not client.indices.exists(index=self.alias):  # the alias (or an index)
                return {}
            return {
                int(hit["_id"]): hit.get("_source", {}).get("fingerprint")
                for hit in helpers.scan(
                    client,
                    index=self.alias,
                    query={"query": {"match_all": {}}, "_source": ["fingerprint"]},
                    size=1000,
                    request_timeout=REBUILD_TIMEOUT,
                )
            }

    def status(self):
        with self.unavailable_on_errors():
            client = self.client
            info = client.info()
            indices = self.concrete_indices(client)
            status = {
                "url": safe_url(self.url),
                "reachable": True,
                "version": info["version"]["number"],
                "alias": self.alias,
                "index": ", ".join(indices) or None,
                "documents": None,
                "size_bytes": None,
                "rebuilding": ", ".join(self.indices_of(self.rebuilding_alias, client)) or None,
            }
            if indices:
                status["documents"] = client.count(index=self.alias)["count"]
                stats = client.indices.stats(index=self.alias, metric="store")
                status["size_bytes"] = stats["_all"]["primaries"]["store"]["size_in_bytes"]
        return status
