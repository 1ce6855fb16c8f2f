#!/usr/bin/env python
"""Statistics page benchmark: /statistiques/ cold (cache cleared) and warm at N resources.

    .venv/bin/python bench/stats_page.py --resources 1000 10000
    BENCH_DATABASE_URL=postgres://bases_communes:bases_communes@127.0.0.1:5432/bases_communes_bench \
        .venv/bin/python bench/stats_page.py --resources 10000

The corpus is bench/search.py's (same throwaway database rules, same seed: 50 bases of which 8
private, N resources, N/100 collections), plus a daily readings/downloads row for a third of the
resources over 60 days and an adaptation for one resource in fifty (versions need Wagtail
revisions, which the bulk corpus has not: the versions' tables count nothing). Then GET /statistiques/ (the
real view and template, DEBUG off) runs cold — the figures' cache cleared before each request —
and warm; printed: p50 / max in ms and the number of SQL queries of a cold request.
(Named stats_page.py, not statistics.py, which would hide the standard library's module.)
"""

import argparse
import importlib.util
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bench_search", HERE / "search.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)  # puts the project on sys.path

COLD_RUNS = 5
WARM_RUNS = 30
STAT_DAYS = 60


def add_activity(rng, count):
    """Readings and downloads per day and adaptations, in bulk."""
    from django.utils import timezone

    from portal.models import DailyResourceStat
    from ressources.models import ResourcePage

    ids = list(ResourcePage.objects.values_list("pk", flat=True).order_by("pk"))
    today = timezone.localdate()
    rows = [
        DailyResourceStat(
            resource_id=pk,
            day=today - timedelta(days=day),
            views=rng.randint(1, 40),
            downloads=rng.randint(0, 5),
        )
        for pk in ids[::3]
        for day in range(0, STAT_DAYS, 3)
    ]
    DailyResourceStat.objects.bulk_create(rows, batch_size=corpus.CHUNK)
    adapted = ids[1::50]
    ResourcePage.objects.filter(pk__in=adapted).update(adapted_from_id=ids[0])
    return len(rows)


def timed(client, clear):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if clear:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get("/statistiques/")
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code
    return elapsed, len(queries)


def run_size(count, args):
    from django.test import Client

    rng = random.Random(corpus.SEED + count)
    print(f"\n=== {count} ressources ===", flush=True)
    corpus.reset_database(args.database_url)
    corpus.create_corpus(rng, count)
    stat_rows = add_activity(rng, count)

    client = Client()
    cold = [timed(client, clear=True) for _i in range(args.cold_runs)]
    warm = [timed(client, clear=False)[0] for _i in range(args.warm_runs)]
    cold_ms = [elapsed for elapsed, _q in cold]
    print(
        f"Base : {corpus.database_description(args.database_url)} — {count} ressources, "
        f"{stat_rows} lignes de fréquentation"
    )
    print(
        f"à froid (cache vidé) : p50 {statistics.median(cold_ms):.0f} ms, "
        f"max {max(cold_ms):.0f} ms, {cold[0][1]} requêtes SQL"
    )
    print(f"à chaud : p50 {statistics.median(warm):.1f} ms, max {max(warm):.1f} ms", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resources", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--cold-runs", type=int, default=COLD_RUNS)
    parser.add_argument("--warm-runs", type=int, default=WARM_RUNS)
    parser.add_argument("--database-url", default=corpus.default_database_url())
    args = parser.parse_args()
    corpus.setup_django(args.database_url, "database")
    from django.test.utils import override_settings

    # No anonymous page cache: the figures' own cost, not a stored page (portal.page_cache).
    override_settings(PAGE_CACHE_ENABLED=False).enable()
    for count in args.resources:
        run_size(count, args)


if __name__ == "__main__":
    sys.exit(main())
