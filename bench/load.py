#!/usr/bin/env python
"""Load benchmark: a read mix of anonymous pages against gunicorn, bounded in time.

    .venv/bin/python bench/load.py --database-url postgres://…/bases_communes_bench \\
        --workers 3 --concurrency 8 --duration 30

The database is one bench/search.py built (its bases, resources and search index). The script
starts gunicorn as production does (config.settings.production, deploy/gunicorn.conf.py:
preload, warm-up; DEBUG off, the database cache), on a free port of the loopback, after
`collectstatic` (kept in --static-root) and `createcachetable`; or it loads an already running
site with --url. Then:

1. cold start: the first search the fresh server answers, against the same search warm;
   memory of the master and of each worker (RSS, and PSS: shared pages counted once);
2. load: `--concurrency` threads, each with its own keep-alive connection, ask pages of the mix
   (home, a resource, a base, a search; weights in MIX) for `--duration` seconds after
   `--warm-up` seconds not counted. Printed: requests per second, p50/p95/p99 per kind and
   overall, errors (any status but 200, any exception, any timeout).

The client runs on the same machine and takes part of its processors: the figures are a floor.
`--no-preload` starts gunicorn without deploy/gunicorn.conf.py, to compare cold starts.
"""

import argparse
import http.client
import json
import math
import os
import random
import secrets
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
# Kind of page → weight in the mix (a visitor reads resources more than anything else).
MIX = {"resource": 45, "search": 25, "base": 15, "home": 15}
SEARCHES = [
    {"q": "médiation"},
    {"q": "démarches administratives"},
    {"q": '"conseiller numérique"'},
    {"q": "accompagnement -CAF"},
    {"q": "CnFS"},
    {"q": "atelier", "thematique": "aides_aux_demarches_administratives"},
    {"q": "smartphone", "type": "fiche_pratique", "ouvertes": "1"},
    {"q": "inclusion numérique", "tri": "recentes"},
    {"thematique": "acces_aux_droits", "type": "fiche_pratique"},
    {"q": "numérique", "page": "5"},
    {"q": "France Services", "onglet": "bases"},
    {"q": "parcours", "onglet": "collections"},
    {"q": "xylophagie"},
]
SAMPLE = 500
TIMEOUT = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_urls(database_url):
    """Addresses of public resources and bases, read from the search index."""
    if database_url.startswith("sqlite"):
        connection = sqlite3.connect(urlsplit(database_url).path)
        url = "json_extract(document, '$.url')"
        random_order = "random()"
    else:
        import psycopg

        connection = psycopg.connect(database_url.replace("postgres://", "postgresql://", 1))
        url = "document->>'url'"
        random_order = "random()"
    urls = {}
    for kind in ("resource", "base"):
        rows = connection.execute(
            f"SELECT {url} FROM bc_search_searchentry WHERE kind = '{kind}' AND is_public "  # noqa: S608
            f"ORDER BY {random_order} LIMIT {SAMPLE}"
        ).fetchall()
        urls[kind] = [row[0] for row in rows if row[0]]
    connection.close()
    if not urls["resource"]:
        sys.exit("Aucune ressource dans l'index : construisez la base avec bench/search.py.")
    urls["home"] = ["/"]
    urls["search"] = ["/rechercher/?" + urlencode(params) for params in SEARCHES]
    return urls


def production_environment(database_url, port, static_root, media_root):
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN"))}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "ELASTICSEARCH_URL": "",
        "EMAIL_HOST": "127.0.0.1",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
        # The anonymous page cache (portal.page_cache) starts empty at each run.
        "PAGE_CACHE_DIR": tempfile.mkdtemp(prefix="bench-load-pages-"),
        "LISTING_CACHE_DIR": tempfile.mkdtemp(prefix="bench-load-listings-"),
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_gunicorn(args, env, port):
    command = [GUNICORN, "config.wsgi"]
    if not args.no_preload:
        command += ["-c", "deploy/gunicorn.conf.py"]
    command += ["--workers", str(args.workers), "--bind", f"127.0.0.1:{port}"]
    log = open(Path(tempfile.gettempdir()) / f"bench-load-gunicorn-{port}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    started = time.monotonic()
    while time.monotonic() - started < 600:
        if process.poll() is not None:
            sys.exit(f"gunicorn s'est arrêté : voir {log.name}")
        # Ready when a worker answers (the socket listens before the workers are up).
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            connection.request("GET", "/sante/", headers={"Host": f"127.0.0.1:{port}"})
            if connection.getresponse().status == 200:
                connection.close()
                return process, time.monotonic() - started, log.name
            connection.close()
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.05)
    process.terminate()
    sys.exit("gunicorn ne répond pas.")


def memory(process):
    """(pid, role, RSS MB, PSS MB) of gunicorn's master and its workers."""
    pids = [process.pid]
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    if children.exists():
        pids += [int(pid) for pid in children.read_text().split()]
    found = []
    for pid in pids:
        values = {}
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                key, _, rest = line.partition(":")
                if key in ("Rss", "Pss"):
                    values[key] = int(rest.split()[0]) / 1024
        except OSError:
            continue
        role = "maître" if pid == process.pid else "worker"
        found.append((pid, role, values.get("Rss", 0), values.get("Pss", 0)))
    return found


class Target:
    def __init__(self, base_url):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.local = threading.local()

    def get(self, path):
        """(status, seconds); status 0 on an exception."""
        connection = getattr(self.local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            self.local.connection = connection
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Host": f"{self.host}:{self.port}"})
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                self.local.connection = None
        except (OSError, http.client.HTTPException):
            connection.close()
            self.local.connection = None
            status = 0
        return status, time.perf_counter() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)] if ordered else float("nan")


def cold_start(target, urls):
    """The first search of the fresh server, then the same search warm (median of 10)."""
    path = urls["search"][0]
    first_status, first = target.get(path)
    warm = [target.get(path)[1] for _ in range(10)]
    return first_status, first * 1000, statistics.median(warm) * 1000


def load(target, urls, concurrency, warm_up, duration, seed):
    kinds, weights = zip(*MIX.items(), strict=True)
    results = []  # (kind, status, seconds, counted)
    lock = threading.Lock()
    start = time.monotonic()
    counted_from, stop_at = start + warm_up, start + warm_up + duration

    def visitor(number):
        rng = random.Random(seed + number)
        mine = []
        while True:
            now = time.monotonic()
            if now >= stop_at:
                break
            kind = rng.choices(kinds, weights)[0]
            status, seconds = target.get(rng.choice(urls[kind]))
            mine.append((kind, status, seconds, now >= counted_from))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + warm_up + TIMEOUT + 10)
    return [row for row in results if row[3]]


def report(rows, duration):
    print(f"{'page':12} {'requêtes':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'erreurs':>8}")
    summary = {}
    for kind in [*MIX, "total"]:
        mine = [row for row in rows if kind in (row[0], "total")]
        times = [row[2] * 1000 for row in mine]
        errors = sum(1 for row in mine if row[1] != 200)
        summary[kind] = {
            "requests": len(mine),
            "p50": percentile(times, 0.5),
            "p95": percentile(times, 0.95),
            "p99": percentile(times, 0.99),
            "errors": errors,
        }
        print(
            f"{kind:12} {len(mine):>9} {summary[kind]['p50']:>8.1f} {summary[kind]['p95']:>8.1f} "
            f"{summary[kind]['p99']:>8.1f} {errors:>8}"
        )
    statuses = {}
    for row in rows:
        statuses[row[1]] = statuses.get(row[1], 0) + 1
    rate = len(rows) / duration
    print(f"Débit : {rate:.1f} requêtes/s sur {duration} s ; statuts : {statuses}")
    summary["rate"] = rate
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument("--url", help="Un site déjà lancé (pas de gunicorn démarré ici).")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--warm-up", type=int, default=5)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--no-preload", action="store_true")
    parser.add_argument(
        "--static-root", default=str(Path(tempfile.gettempdir()) / "bases_communes_load_static")
    )
    parser.add_argument("--json", help="Écrit aussi les chiffres dans ce fichier.")
    args = parser.parse_args()
    if not args.database_url:
        sys.exit("--database-url (ou BENCH_DATABASE_URL) : la base construite par bench/search.py.")
    urls = page_urls(args.database_url)
    process = None
    figures = {
        "workers": args.workers,
        "concurrency": args.concurrency,
        "preload": not args.no_preload,
    }
    try:
        if args.url:
            target = Target(args.url)
        else:
            port = free_port()
            static_root = Path(args.static_root)
            media_root = Path(tempfile.mkdtemp(prefix="bench-load-media-"))
            env = production_environment(args.database_url, port, static_root, media_root)
            if not (static_root / "staticfiles.json").exists():
                manage(env, "collectstatic", "--noinput", "-v0")
            manage(env, "createcachetable")
            process, seconds, log = start_gunicorn(args, env, port)
            print(f"gunicorn ({args.workers} workers) prêt en {seconds:.1f} s — journal : {log}")
            target = Target(f"http://127.0.0.1:{port}")
            status, first, warm = cold_start(target, urls)
            print(
                f"Démarrage à froid : première recherche {first:.0f} ms (HTTP {status}), "
                f"la même à chaud {warm:.0f} ms (×{first / warm:.1f})"
            )
            figures["cold"] = {"first_ms": first, "warm_ms": warm, "ready_s": seconds}
        rows = load(target, urls, args.concurrency, args.warm_up, args.duration, args.seed)
        figures["load"] = report(rows, args.duration)
        if process is not None:
            figures["memory"] = memory(process)
            for pid, role, rss, pss in figures["memory"]:
                print(f"Mémoire {role} {pid} : RSS {rss:.0f} Mo, PSS {pss:.0f} Mo")
    finally:
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(30)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
