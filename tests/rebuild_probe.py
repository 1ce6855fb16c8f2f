"""A search and a publication while the search index is rebuilt, on a real database file or
server: `python -m tests.rebuild_probe` (DATABASE_URL, config.settings.test), run by
tests/test_search_rebuild.py in a fresh process on a fresh database.

The rebuild runs in a thread and stops in the middle of a batch — inside its transaction, so
that on SQLite it holds the write lock, the worst moment — until the probe has searched and
started a publication; then it goes on and swaps. Printed: one JSON dict of what a person saw.
"""

import json
import threading
import time

WORD = "pangolin"
RESOURCES = 9


def titles(client, query):
    from bs4 import BeautifulSoup

    started = time.monotonic()
    response = client.get("/rechercher/", {"q": query})
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        "status": response.status_code,
        "seconds": round(time.monotonic() - started, 2),
        "titles": sorted(a.get_text(" ", strip=True) for a in page.select("h3 a")),
    }


def probe():
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from search import engines, lifecycle
    from search.engines import database
    from search.models import SearchLog
    from tests.factories import BasePageFactory, ResourcePageFactory

    call_command("migrate", verbosity=0)
    base = BasePageFactory(title="Base des pangolins")
    resources = [
        ResourcePageFactory(parent=base, title=f"Fiche {WORD} {number}")
        for number in range(RESOURCES)
    ]
    database.BATCH_SIZE = 3  # several batches
    paused, resume = threading.Event(), threading.Event()
    insert = database.DatabaseEngine._insert

    def pausing_insert(self, cursor, index, documents, suffix=""):
        insert(self, cursor, index, documents, suffix)
        if suffix and not paused.is_set():
            paused.set()
            resume.wait(120)

    database.DatabaseEngine._insert = pausing_insert
    outcome = {}

    def rebuild():
        try:
            lifecycle.rebuild(engines.database_engine())
            outcome["rebuild"] = "ok"
        except Exception as error:  # noqa: BLE001 — reported to the test
            outcome["rebuild"] = repr(error)
        finally:
            paused.set()
            connections.close_all()

    def publish():
        started = time.monotonic()
        try:
            ResourcePageFactory(parent=base, title=f"Nouvelle fiche {WORD}")
            edited = resources[0].get_latest_revision_as_object()
            edited.title = f"Fiche {WORD} modifiée"
            edited.save_revision().publish()
            outcome["publication"] = "ok"
        except Exception as error:  # noqa: BLE001
            outcome["publication"] = repr(error)
        finally:
            outcome["publication_seconds"] = round(time.monotonic() - started, 2)
            connections.close_all()

    client = Client()
    logged_before = SearchLog.objects.count()
    rebuilding = threading.Thread(target=rebuild)
    rebuilding.start()
    paused.wait(120)
    outcome["during"] = titles(client, WORD)
    publishing = threading.Thread(target=publish)
    publishing.start()
    time.sleep(1)
    resume.set()
    publishing.join(120)
    rebuilding.join(300)
    database.DatabaseEngine._insert = insert
    outcome["after"] = titles(client, WORD)
    outcome["logged"] = SearchLog.objects.count() - logged_before
    return outcome


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(probe()))
