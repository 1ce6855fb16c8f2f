#!/usr/bin/env python
"""Page benchmark: every public page at N resources, p50/p95 and SQL queries per page.

    .venv/bin/python bench/pages.py --resources 1000 10000 100000
    BENCH_DATABASE_URL=postgres://bases_communes:bases_communes@127.0.0.1:5432/bases_communes_bench \
        .venv/bin/python bench/pages.py --resources 10000

The corpus is bench/search.py's (same throwaway database rules, same seed: 50 bases of which 8
private, N resources spread over them — the biggest base gets ~15 % —, N/100 collections),
indexed the same way. Then each page (home, directory, the biggest base's tabs on its first
page and in the middle of its resources, a resource, a collection, a journal, feeds, search,
read API lists at offset 0 and N/2, statistics) is requested once to warm up and `--runs`
times through django.test.Client (DEBUG off, the real views and templates), as an anonymous
visitor except the base's statistics (its figures are for the base's managers: the bench's
platform admin). Printed: p50 and p95 of the whole request in ms; the same for the CPU time of
the bench's process (`time.process_time()`: with SQLite, which runs inside the process, that
is the request's whole work without the time spent waiting for a core, a fairer figure on a
shared machine; with PostgreSQL the server's part is missing from it); and the number of SQL
queries of one request (counted on a separate request so that counting costs nothing timed).

No anonymous page cache takes part: the bench measures what a page costs when it is built,
which is what the first visitor after a publication pays (PAGE_CACHE_ENABLED = False,
portal.page_cache). A long listing's ids kept in order (base.listing.ordered_ids) are read
once per content version: the rows « liste à refaire » measure a far page with them dropped
before each request, the others with them kept.

`--reuse` keeps the database of the previous run when it already holds N resources (the
corpus and its index take minutes at 100,000): handy while working on a page.
"""

import argparse
import importlib.util
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bench_search", HERE / "search.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)  # puts the project on sys.path

RUNS = 20
FRESH = "liste à refaire"


def build(count, args):
    """bench/search.py's corpus and its index, unless `--reuse` finds it already there."""
    from search import engines, lifecycle

    if args.reuse:
        try:
            from ressources.models import ResourcePage

            if ResourcePage.objects.count() == count:
                from django.core.management import call_command

                call_command("migrate", verbosity=0)  # the tree may have new migrations
                after_corpus()
                print("corpus réutilisé", flush=True)
                return
        except Exception:  # no such table: build it
            pass
    rng = random.Random(corpus.SEED + count)
    started = time.monotonic()
    corpus.reset_database(args.database_url)
    corpus.create_corpus(rng, count)
    after_corpus()
    created = time.monotonic() - started
    if args.skip_search:
        print(f"création {created:.0f} s (sans index de recherche)", flush=True)
        return
    total = lifecycle.count_searchable()
    bar = corpus.Progress(total, "indexation")
    started = time.monotonic()
    engines.get_engine().rebuild(lifecycle.iter_documents(), total, bar)
    bar.finish(total)
    print(f"création {created:.0f} s, indexation {time.monotonic() - started:.0f} s", flush=True)


def after_corpus():
    """What the site maintains itself but a bulk insert skips (the denormalised counts)."""
    try:
        from ressources.counts import refresh_all_counts
    except ImportError:  # an older tree, without stored counts
        return
    refresh_all_counts()


def pages(count, skip_search=False):
    """(label, URL, as the platform admin?) — the pages measured, found in the corpus."""
    from base.models import BasePage
    from ressources.models import ResourceCollectionPage, ResourcePage

    public = BasePage.objects.live().filter(visibility="public")
    sizes = {base.pk: ResourcePage.objects.child_of(base).count() for base in public.only("path")}
    biggest = BasePage.objects.get(pk=max(sizes, key=sizes.get))
    size = sizes[biggest.pk]
    middle = max(math.ceil(size / 12 / 2), 1)
    resource = ResourcePage.objects.child_of(biggest).order_by("path")[size // 2]
    collection = (
        ResourceCollectionPage.objects.child_of(biggest).filter(visibility="public").first()
    )
    api = "/api/v2/pages/?type=ressources.ResourcePage"
    rows = [
        ("accueil", "/", False),
        ("annuaire des bases", "/bases/", False),
        (f"base ({size} ressources), page 1", biggest.url, False),
        (f"même base, page {middle}", f"{biggest.url}?page={middle}", False),
        (f"même base, page {middle}, liste à refaire", f"{biggest.url}?page={middle}", False),
        ("même base, filtre + tri", f"{biggest.url}?type=fiche_pratique&tri=titre", False),
        ("même base, onglet collections", f"{biggest.url}?onglet=collections", False),
        ("ressource", resource.url, False),
        ("journal des versions", f"{resource.url}journal-des-versions/", False),
        ("flux Atom d'une base", f"{biggest.url}atom/", False),
        ("recherche", "/rechercher/?q=m%C3%A9diation", False),
        ("flux Atom d'une recherche", "/rechercher/atom/?q=m%C3%A9diation", False),
        ("API, ressources", api, False),
        (f"API, offset {count // 2}", f"{api}&offset={count // 2}", False),
        (f"API, offset {count // 2}, liste à refaire", f"{api}&offset={count // 2}", False),
        ("statistiques", "/statistiques/", False),
        ("statistiques d'une base", f"{biggest.url}statistiques/", True),
    ]
    if collection is not None:
        rows.insert(7, ("collection", collection.url, False))
    if skip_search:
        rows = [row for row in rows if "recherche" not in row[0]]
    return rows


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def measure(count, runs, skip_search=False):
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    # « liste à refaire »: the listing's ids kept in order (base.listing.ordered_ids) are
    # dropped before each request, as a publication in the base (or anywhere, for the API)
    # does: what its first visitor pays.
    listings = caches[settings.LISTING_CACHE_ALIAS]
    anonymous, admin = Client(), Client()
    admin.force_login(User.objects.get(username="bench-admin"))
    rows = []
    for label, url, as_admin in pages(count, skip_search):
        client = admin if as_admin else anonymous
        response = client.get(url)  # warm-up
        if response.status_code != 200:
            raise SystemExit(f"{url} : HTTP {response.status_code}")
        times, cpu = [], []
        for _ in range(runs):
            if label.endswith(FRESH):
                listings.clear()
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        rows.append(
            {
                "label": label,
                "url": url,
                "p50": statistics.median(times),
                "p95": percentile(times, 0.95),
                "cpu_p50": statistics.median(cpu),
                "cpu_p95": percentile(cpu, 0.95),
                "queries": len(queries),
            }
        )
        row = rows[-1]
        print(
            f"{label:38} {row['p50']:>8.1f} {row['p95']:>8.1f} {row['cpu_p50']:>8.1f} "
            f"{row['cpu_p95']:>8.1f} {len(queries):>8}",
            flush=True,
        )
    return rows


def run_size(count, args):
    print(f"\n=== {count} ressources ===", flush=True)
    build(count, args)
    print(
        f"Base : {corpus.database_description(args.database_url)} — {os.cpu_count()} "
        f"processeur(s), {args.runs} mesures par page"
    )
    header = (
        f"{'page':38} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'cpu p95':>8} {'requêtes':>8}"
    )
    print(header)
    print("-" * len(header), flush=True)
    rows = measure(count, args.runs, args.skip_search)
    worst = max(rows, key=lambda row: row["p95"])
    print(f"p95 le plus lent : {worst['p95']:.1f} ms ({worst['label']})", flush=True)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resources", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--reuse", action="store_true", help="garder le corpus s'il est là")
    parser.add_argument(
        "--skip-search",
        action="store_true",
        help="sans index de recherche ni pages de recherche (bench/search.py les mesure)",
    )
    parser.add_argument("--database-url", default=corpus.default_database_url())
    args = parser.parse_args()
    if args.reuse and len(args.resources) > 1:
        parser.error("--reuse : une seule taille à la fois (une seule base jetable)")
    corpus.setup_django(args.database_url, "database")
    from django.test.utils import override_settings

    # No anonymous page cache: what a page costs to build (see the docstring).
    override_settings(PAGE_CACHE_ENABLED=False).enable()
    for count in args.resources:
        run_size(count, args)


if __name__ == "__main__":
    sys.exit(main())
