"""SQLite in development never answers « database is locked » to one person's browser.

A browser sends several writing requests at once (the admin's autosave, its editing-session
ping, the publication itself…). Each runs in a transaction that reads, then writes. These
tests run such transactions from threads, at the same moment, against a file database with the
options of config/settings/common.py (SQLITE_OPTIONS), and against the same database without
"IMMEDIATE" transactions, to show that the failure is real and what prevents it.
"""

import threading
import time

import pytest
from django.db import OperationalError, connections, transaction

from config.settings.common import SQLITE_OPTIONS

WRITERS = 4


def database(alias, path, options):
    """Declare a file SQLite database under `alias` (each thread gets its own connection)."""
    declared = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": options}
    connections.settings[alias] = connections.configure_settings(
        {"default": connections.settings["default"], alias: declared}
    )[alias]


def concurrent_read_then_write(alias):
    """WRITERS transactions start together, each reads then writes: the errors they met."""
    with connections[alias].cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS revision (id INTEGER PRIMARY KEY, n INTEGER)")
    connections[alias].close()
    barrier = threading.Barrier(WRITERS)
    errors = []

    def write(number):
        try:
            barrier.wait(timeout=10)
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM revision")
                cursor.fetchone()
                time.sleep(0.3)  # the request does its work between reading and writing
                cursor.execute("INSERT INTO revision (n) VALUES (%s)", [number])
        except OperationalError as error:
            errors.append(str(error))
        finally:
            connections[alias].close()

    threads = [threading.Thread(target=write, args=(number,)) for number in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM revision")
        saved = cursor.fetchone()[0]
    connections[alias].close()
    return errors, saved


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    aliases = []

    def declare(options):
        alias = f"sqlite_concurrency_{len(aliases)}"
        database(alias, tmp_path / f"{alias}.sqlite3", options)
        aliases.append(alias)
        return alias

    with django_db_blocker.unblock():
        yield declare
    for alias in aliases:
        connections[alias].close()
        del connections[alias]  # this thread's connection object, bound to the old file
        del connections.settings[alias]


def test_the_settings_options_serialise_writers_without_error(file_database):
    alias = file_database(SQLITE_OPTIONS)
    with connections[alias].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    errors, saved = concurrent_read_then_write(alias)
    assert errors == []
    assert saved == WRITERS


def test_without_immediate_transactions_the_database_is_locked(file_database):
    """The control: WAL and a busy timeout alone do not prevent the error."""
    options = {key: value for key, value in SQLITE_OPTIONS.items() if key != "transaction_mode"}
    alias = file_database(options)
    errors, saved = concurrent_read_then_write(alias)
    assert errors
    assert all("database is locked" in error for error in errors), errors
    assert saved < WRITERS
