"""Warm a process up before it serves: the first search must not pay for the index.

A fresh process has no search snapshot (search.engines.snapshot): its first search loads the
whole index as bitsets (about 1 to 3 s at 100,000 resources) and compiles the search page's
templates. `warm_up()` does that work ahead — gunicorn calls it in its master after loading the
application (`preload_app`, deploy/gunicorn.conf.py), so the workers forked from it share the
loaded snapshot, and again in each worker before it accepts requests (one small query when
nothing changed since the master's warm-up; the changes otherwise). It asks the search page
through Django's own request handling, with a header that carries a per-process secret so the
warm-up search is not written to the search log (it is nobody's search).
"""

import logging
import secrets
import time

logger = logging.getLogger(__name__)

WARM_UP_HEADER = "HTTP_X_BASES_COMMUNES_WARM_UP"
WARM_UP_TOKEN = secrets.token_hex(16)
# Searched at warm-up: common words of the sector, whose pages the word cache then holds.
WARM_UP_QUERIES = ("numérique", "atelier")
# And the words of the WARM_WORDS_OF most frequent of the latest RECENT_SEARCHES searches.
RECENT_SEARCHES = 2000
WARM_WORDS_OF = 50


def is_warm_up(request):
    return secrets.compare_digest(request.META.get(WARM_UP_HEADER, ""), WARM_UP_TOKEN)


def _warm_words():
    """Put the words of the latest frequent searches (search log) in the snapshot's word
    cache: a first search for them then reads no full-text index."""
    from collections import Counter

    from django.db import connection

    from .engines.database import vendor_index
    from .engines.snapshot import snapshot_of
    from .engines.text import compile_query
    from .models import SearchLog

    recent = SearchLog.objects.exclude(query="").values_list("query", flat=True)[:RECENT_SEARCHES]
    frequent = [query for query, _count in Counter(recent).most_common(WARM_WORDS_OF)]
    snapshot = snapshot_of(vendor_index())
    with connection.cursor() as cursor, snapshot.lock:
        snapshot.refresh(cursor)
        for query in frequent:
            compiled = compile_query(query)
            # Where each word is (the filter) and in which fields (the relevance order): both
            # are read for a required word, only the first for an excluded one.
            for group in compiled.groups:
                snapshot.group_fields(cursor, group)
            for group in compiled.excluded:
                snapshot.group_anywhere(cursor, group)


def warm_up(close=True):
    """Load the search snapshot and answer a few searches in this process; returns the
    seconds it took. Never raises: a process that cannot warm up still serves (cold). Closes
    the database connections (`close`): gunicorn's master forks right after."""
    from django.conf import settings
    from django.db import connections
    from django.test import Client

    started = time.monotonic()
    try:
        host = next(
            (host for host in settings.ALLOWED_HOSTS if host not in ("*",) and host[0] != "."),
            "localhost",
        )
        client = Client(HTTP_HOST=host, **{WARM_UP_HEADER: WARM_UP_TOKEN})
        secure = settings.SECURE_SSL_REDIRECT
        for query in WARM_UP_QUERIES:
            response = client.get("/rechercher/", {"q": query}, secure=secure)
            if response.status_code != 200:
                logger.warning("Warm-up search answered %s", response.status_code)
        _warm_words()
    except Exception:  # noqa: BLE001 — warming up is an optimisation, never a reason to stop
        logger.warning("Search warm-up failed", exc_info=True)
    finally:
        if close:
            connections.close_all()
    seconds = time.monotonic() - started
    logger.info("Search warmed up in %.1f s", seconds)
    return seconds
