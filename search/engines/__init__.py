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
