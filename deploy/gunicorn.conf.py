"""gunicorn's settings for the site (systemd unit, compose.yaml, bench/load.py):

    gunicorn config.wsgi -c deploy/gunicorn.conf.py

- `preload_app`: the master loads the application once and warms it up (search.warmup: the
  search snapshot, the templates, the word cache) before it forks the workers, which start warm
  and share those pages of memory until they write to them.
- Each worker checks the snapshot again before it accepts a request (`post_fork`): one small
  query when nothing changed since the master's warm-up.
- Memory per worker stays bounded: a worker is replaced after MAX_REQUESTS requests (± jitter)
  by a fresh fork of the warm master, so growth (caches, fragmentation) never accumulates.

GUNICORN_WORKERS (default: 2 per core, plus 1) and GUNICORN_BIND (default 127.0.0.1:8000)
come from the environment; command-line options still override these values.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
preload_app = True
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
timeout = 60
graceful_timeout = 30


def when_ready(server):
    """In the master, after the application is loaded and before the first fork."""
    from search.warmup import warm_up

    server.log.info("Search warmed up in the master in %.1f s", warm_up())


def post_fork(server, worker):
    """In each new worker, before it accepts requests: follow the index from the master's
    snapshot (the master's database connections are not inherited: its warm-up closed them).
    The worker keeps the connection it warmed up with (for DATABASE_CONN_MAX_AGE): its first
    request then finds a PostgreSQL session whose catalogs and plans are already loaded, where
    a new one made that request cost three times a warm one."""
    from search.warmup import warm_up

    warm_up(close=False)
