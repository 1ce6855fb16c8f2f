"""Which engine answers: Elasticsearch when ELASTICSEARCH_URL is set, else the database.

The database engine's index is always kept up to date: it is also the fallback when
Elasticsearch cannot be reached (search.lifecycle, search.views)."""

from django.conf import settings


def database_engine():
    from .database import DatabaseEngine

    return DatabaseEngine()


def elasticsearch_engine():
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        return None
    from .elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine(settings.ELASTICSEARCH_URL)


def configured_engines():
    """Every engine the index must follow, the database first."""
    engines = [database_engine()]
    elasticsearch = elasticsearch_engine()
    if elasticsearch is not None:
        engines.append(elasticsearch)
    return engines


def get_engine():
    """The engine that answers searches (before any fallback)."""
    return elasticsearch_engine() or database_engine()


def reading():
    """The transaction a search reads in — none on SQLite, where every transaction takes the
    write lock (IMMEDIATE, config.settings.common.SQLITE_OPTIONS): a search would wait behind
    every writer (a batch of a rebuild, a publication) and fail after the busy timeout. Each
    SQLite read sees a committed state without one, and the engine needs no single snapshot
    across its statements (search.engines.snapshot)."""
    from contextlib import nullcontext

    from django.db import connection, transaction

    if connection.vendor == "sqlite":
        return nullcontext()
    return transaction.atomic()


def search(query):
    """Run a search on the configured engine; if Elasticsearch cannot be reached, the database
    engine answers and the results say so (`fallback`), so that the page shows a notice."""
    from .base import EngineUnavailable

    engine = get_engine()
    try:
        return engine.search(query)
    except EngineUnavailable:
        if engine.name == "database":
            raise
        results = database_engine().search(query)
        results.fallback = True
        return results


def suggest(prefix, visible_base_ids, limit=8):
    from .base import EngineUnavailable

    engine = get_engine()
    try:
        return engine.suggest(prefix, visible_base_ids, limit)
    except EngineUnavailable:
        return database_engine().suggest(prefix, visible_base_ids, limit)
