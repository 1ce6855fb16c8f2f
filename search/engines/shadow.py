"""A rebuild of the database engine's index beside the live one, swapped in at the end.

While a rebuild runs, the site keeps answering from the live tables: the new index is written
into shadow tables (the same columns, named with SUFFIX), one short transaction per batch, so
that other writes (the search log, a publication and its index update) pass between batches —
on SQLite a writer holds the whole database's write lock, and one transaction for the whole
rebuild made them wait until « database is locked ». Then, in one short transaction, the live
tables are dropped and the shadow tables take their names: what the Elasticsearch engine does
with its alias. Indexes and constraints keep their names (migrations name them): PostgreSQL
builds them on the shadow tables under temporary names and renames them in the swap; SQLite,
which cannot rename an index, builds them in the swap transaction (readers, in WAL mode, keep
reading the old tables until it commits).

The shadow tables carry no foreign key to the pages (neither do the live ones, see
search.migrations.0004): a page deleted during a rebuild must not make its deletion fail.
"""

import re

from .sql import ENTRY, FACET
from .sqlite import SQLiteIndex

SUFFIX = "_rebuild"
# SQLite: the statements of the indexes still to build after a swap, and the suffix of the
# tables a swap replaced, dropped after it.
PENDING_INDEXES = "bc_search_pending_index"
REPLACED = "_replaced"


def shadow_of(index):
    return (SQLiteShadow if index.vendor == "sqlite" else PostgreSQLShadow)(index)


def _renamed(sql, names):
    """`sql` with each table name of `names` (whole words, quoted or not) replaced."""
    pattern = re.compile(r'(?<![\w"])("?)(' + "|".join(map(re.escape, names)) + r')\1(?![\w"])')
    return pattern.sub(lambda match: f"{match[1]}{names[match[2]]}{match[1]}", sql)


class Shadow:
    def __init__(self, index):
        self.index = index
        # The entries before their facets (the facets' foreign key), then the full text.
        self.tables = [ENTRY, FACET, *index.tables]
        self.names = {table: table + SUFFIX for table in self.tables}

    def drop(self, cursor):
        for table in reversed(self.tables):
            cursor.execute(f"DROP TABLE IF EXISTS {table}{SUFFIX}")

    def after_swap(self):
        pass


def build_pending_indexes():
    """Build, one per transaction, the SQLite indexes a swap left to build (SQLiteShadow.swap);
    nothing when none is left (or on PostgreSQL)."""
    from django.db import connection, transaction

    if connection.vendor != "sqlite":
        return
    # The replaced tables first (their indexes hold the names), each dropped on its own.
    for table in reversed([ENTRY, FACET, *SQLiteIndex.tables]):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {table}{REPLACED}")
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [PENDING_INDEXES]
            )
            if cursor.fetchone() is None:
                return
            cursor.execute(f"SELECT rowid, statement FROM {PENDING_INDEXES} ORDER BY rowid LIMIT 1")
            row = cursor.fetchone()
            if row is None:
                cursor.execute(f"DROP TABLE {PENDING_INDEXES}")
                return
            cursor.execute(
                re.sub(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX IF NOT EXISTS ", row[1])
            )
            cursor.execute(f"DELETE FROM {PENDING_INDEXES} WHERE rowid = %s", [row[0]])


class SQLiteShadow(Shadow):
    def create(self, cursor):
        """Empty shadow tables, from the live tables' own definitions (sqlite_master)."""
        self.drop(cursor)
        self.indexes = []
        for table in self.tables:
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [table]
            )
            cursor.execute(_renamed(cursor.fetchone()[0], self.names))
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                "AND sql IS NOT NULL",
                [table],
            )
            self.indexes += [row[0] for row in cursor.fetchall()]

    def finish(self, cursor):
        self.index.optimise(cursor, SUFFIX)

    def swap(self, cursor):
        # The old tables are renamed away, not dropped: dropping them, then building the new
        # indexes, in the swap held SQLite's write lock ~15 s at 100,000 resources, close to
        # the 20 s a publication waits. build_pending_indexes drops them and builds the
        # indexes afterwards, one per transaction. (SQLite rewrites the facets' references to
        # the renamed entries tables.)
        for table in reversed(self.tables):
            cursor.execute(f"ALTER TABLE {table} RENAME TO {table}{REPLACED}")
        for table in self.tables:
            cursor.execute(f"ALTER TABLE {table}{SUFFIX} RENAME TO {table}")
        # The statements wait in a table until built: a process stopped meanwhile leaves them
        # to the next rebuild.
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {PENDING_INDEXES} (statement text NOT NULL)")
        cursor.executemany(
            f"INSERT INTO {PENDING_INDEXES} (statement) VALUES (%s)",
            [(statement,) for statement in self.indexes],
        )

    def after_swap(self):
        build_pending_indexes()


class PostgreSQLShadow(Shadow):
    def create(self, cursor):
        """Empty shadow tables LIKE the live ones (columns, defaults, identity, checks); their
        keys and indexes are built once they are filled (finish)."""
        self.drop(cursor)
        self.constraints, self.indexes, self.sequences = [], [], []
        for table in self.tables:
            cursor.execute(
                f"CREATE TABLE {table}{SUFFIX} (LIKE {table} INCLUDING DEFAULTS "
                "INCLUDING IDENTITY INCLUDING CONSTRAINTS INCLUDING STORAGE)"
            )
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f', 'x') ORDER BY conname",
                [table],
            )
            constraints = cursor.fetchall()
            self.constraints += [(table, name, definition) for name, definition in constraints]
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND tablename = %s ORDER BY indexname",
                [table],
            )
            backing = {name for name, _definition in constraints}
            self.indexes += [
                (table, name, definition)
                for name, definition in cursor.fetchall()
                if name not in backing
            ]
            cursor.execute(
                "SELECT attname, pg_get_serial_sequence(%s, attname) FROM pg_attribute "
                "WHERE attrelid = %s::regclass AND attidentity != ''",
                [table, table],
            )
            self.sequences += [(table, column, name) for column, name in cursor.fetchall()]

    @staticmethod
    def temporary(number):
        return f"bc_search{SUFFIX}_{number}"

    def finish(self, cursor):
        for number, (table, _name, definition) in enumerate(self.constraints):
            cursor.execute(
                f"ALTER TABLE {table}{SUFFIX} ADD CONSTRAINT {self.temporary(number)} "
                + _renamed(definition, self.names)
            )
        for number, (_table, _name, definition) in enumerate(self.indexes, len(self.constraints)):
            head, tail = re.match(r"(CREATE (?:UNIQUE )?INDEX )\S+( ON .*)", definition).groups()
            cursor.execute(head + self.temporary(number) + _renamed(tail, self.names))
        for table in self.tables:
            cursor.execute(f"ANALYZE {table}{SUFFIX}")

    def swap(self, cursor):
        # Deferred foreign-key checks still pending on the live tables (a caller's enclosing
        # transaction wrote to them) forbid dropping them: run the checks now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"DROP TABLE {', '.join(self.tables)}")
        for table in self.tables:
            cursor.execute(f"ALTER TABLE {table}{SUFFIX} RENAME TO {table}")
        for number, (table, name, _definition) in enumerate(self.constraints):
            cursor.execute(
                f'ALTER TABLE {table} RENAME CONSTRAINT {self.temporary(number)} TO "{name}"'
            )
        for number, (_table, name, _definition) in enumerate(self.indexes, len(self.constraints)):
            cursor.execute(f'ALTER INDEX {self.temporary(number)} RENAME TO "{name}"')
        for table, column, name in self.sequences:
            if not name:
                continue
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
            current = cursor.fetchone()[0]
            if current and current != name:
                cursor.execute(f"ALTER SEQUENCE {current} RENAME TO {name.split('.')[-1]}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
