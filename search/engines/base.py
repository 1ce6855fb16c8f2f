"""The interface both engines implement (search.engines.database, .elasticsearch)."""


class EngineUnavailable(Exception):
    """The engine cannot be reached (Elasticsearch down): callers fall back or queue."""


class SearchEngine:
    name = ""

    def search(self, query):
        """search.query.SearchQuery → search.query.SearchResults (visibility applied)."""
        raise NotImplementedError

    def suggest(self, prefix, visible_base_ids, limit=8):
        """Titles completing `prefix` among visible pages: [{"title", "url", "kind"}]."""
        raise NotImplementedError

    def upsert(self, documents):
        """Index or re-index search documents (search.documents.build_document)."""
        raise NotImplementedError

    def delete(self, page_ids):
        raise NotImplementedError

    def rebuild(self, documents, total, progress=None):
        """Replace the whole index with `documents` (an iterable of `total` documents);
        `progress(done)` is called as it goes. Searches keep working meanwhile."""
        raise NotImplementedError

    def fingerprints(self):
        """page id → fingerprint of every indexed document, for `search_index check`."""
        raise NotImplementedError

    def status(self):
        """A dict of what an operator wants to know (documents, size, index name…)."""
        raise NotImplementedError
