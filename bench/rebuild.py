#!/usr/bin/env python
"""Full rebuild of the search index of a bench database already built: documents per second.

    BENCH_DATABASE_URL=postgres://bases_communes:bases_communes@127.0.0.1:5432/bc_pages_bench100k \
        .venv/bin/python bench/rebuild.py
    .venv/bin/python bench/rebuild.py --database-url sqlite:////tmp/bc_perfpages_bench100k.sqlite3

The corpus is the one bench/search.py or bench/pages.py left in that database (their 100,000
resources take half an hour to create on this machine; the rebuild alone about two minutes).
The rebuild is the site's own (`manage.py search_index rebuild` runs the same): documents
built in batches, written into shadow tables, swapped. Printed: documents, seconds by the wall
clock, documents/s by the wall clock and by this process's CPU time (with PostgreSQL, the
server's own work is outside the latter), and `--runs` times over.
"""

import argparse
import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bench_search", HERE / "search.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)  # puts the project on sys.path


def rebuild_once():
    from search import engines, lifecycle

    total = lifecycle.count_searchable()
    bar = corpus.Progress(total, "indexation")
    started, started_cpu = time.monotonic(), time.process_time()
    engines.get_engine().rebuild(lifecycle.iter_documents(), total, bar)
    bar.finish(total)
    return total, time.monotonic() - started, time.process_time() - started_cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=corpus.default_database_url())
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    corpus.setup_django(args.database_url, "database")
    from ressources.models import ResourcePage

    count = ResourcePage.objects.count()
    if not count:
        sys.exit("Aucune ressource : construisez d'abord le corpus (bench/pages.py ou search.py).")
    print(f"Base : {corpus.database_description(args.database_url)} — {count} ressources")
    for run in range(1, args.runs + 1):
        total, seconds, cpu = rebuild_once()
        print(
            f"reconstruction {run} : {total} documents en {seconds:.1f} s — "
            f"{total / seconds:.0f} documents/s (horloge), {total / cpu:.0f} documents/s (CPU du "
            "processus)",
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
