"""The SQLite half of the database engine: FTS5 tables, bm25 ranking, prefix suggestions.

FTS5 table `bc_search_fts(title, summary, other)`, rowid = page id; ranking with
`bm25(bc_search_fts, 10.0, 4.0, 1.0)` (title > summary > the rest); `bc_search_fts_short`
(title, summary) answers « which pages hold this word in their title » from short posting lists;
`bc_search_suggest` holds the folded words of titles, with prefix indexes. The tables are created
by search/migrations/0002_fulltext.py. Every token is written quoted: user text never reaches
FTS5 syntax.
"""

from .sql import SUGGEST_CANDIDATES, chunks, placeholders


def _fts_phrase(key):
    return '"' + " ".join(token.replace('"', '""') for token in key) + '"'


def fts(compiled):
    """The FTS5 expression of the required part of a compiled query (for bm25)."""
    return " AND ".join(
        "(" + " OR ".join(_fts_phrase(key) for key in group) + ")" for group in compiled.groups
    )


class SQLiteIndex:
    vendor = "sqlite"
    description = "SQLite FTS5"
    group_concat = "group_concat({})"
    epoch = "(julianday({}) - 2440587.5) * 86400.0"

    tables = ("bc_search_fts", "bc_search_fts_short", "bc_search_suggest")

    def delete_text(self, cursor, ids):
        for chunk in chunks(ids):
            marks = placeholders(len(chunk))
            for table in self.tables:
                cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", chunk)

    def delete_all_text(self, cursor):
        for table in self.tables:
            cursor.execute(f"DELETE FROM {table}")

    def write_rows(self, cursor, table, columns, rows):
        """Insert plain rows (SQLite runs in this process: executemany is its fast path)."""
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders(len(columns))})",
            rows,
        )

    def insert_text(self, cursor, rows, suffix=""):
        """rows: (page id, title tokens, summary tokens, other tokens, title words); `suffix`
        names the tables a rebuild fills (search.engines.shadow)."""
        cursor.executemany(
            f"INSERT INTO bc_search_fts{suffix} (rowid, title, summary, other) "
            "VALUES (%s, %s, %s, %s)",
            [(pk, " ".join(t), " ".join(s), " ".join(o)) for pk, t, s, o, _w in rows],
        )
        cursor.executemany(
            f"INSERT INTO bc_search_fts_short{suffix} (rowid, title, summary) VALUES (%s, %s, %s)",
            [(pk, " ".join(t), " ".join(s)) for pk, t, s, _o, _w in rows],
        )
        cursor.executemany(
            f"INSERT INTO bc_search_suggest{suffix} (rowid, words) VALUES (%s, %s)",
            [(pk, " ".join(w)) for pk, _t, _s, _o, w in rows],
        )

    def optimise(self, cursor, suffix=""):
        for table in self.tables:
            cursor.execute(f"INSERT INTO {table}{suffix} ({table}{suffix}) VALUES ('optimize')")

    def text_ids(self, cursor):
        """(ids in every full-text table, ids in any of them), for `search_index check`."""
        found = []
        for table in self.tables:
            cursor.execute(f"SELECT rowid FROM {table}")
            found.append({row[0] for row in cursor.fetchall()})
        return set.intersection(*found), set.union(*found)

    def key_ids(self, cursor, key):
        """The ids of the pages holding `key` (a token or a phrase) in any field, « 1,5,9 »."""
        cursor.execute(
            "SELECT group_concat(rowid) FROM bc_search_fts WHERE bc_search_fts MATCH %s",
            [_fts_phrase(key)],
        )
        return cursor.fetchone()[0]

    def key_all_ids(self, cursor, key, anywhere=True):
        """(ids holding `key` anywhere — unless not asked for —, in their title, in their
        summary); the last two from the short table, much faster than column filters."""
        found = [self.key_ids(cursor, key) if anywhere else None]
        for column in ("title", "summary"):
            cursor.execute(
                "SELECT group_concat(rowid) FROM bc_search_fts_short "
                "WHERE bc_search_fts_short MATCH %s",
                [f"{{{column}}} : {_fts_phrase(key)}"],
            )
            found.append(cursor.fetchone()[0])
        return found

    def rank(self, cursor, compiled, ids):
        cursor.execute(
            "SELECT rowid, bm25(bc_search_fts, 10.0, 4.0, 1.0) FROM bc_search_fts "
            "WHERE bc_search_fts MATCH %s",
            [fts(compiled)],
        )
        return {pk: -score for pk, score in cursor.fetchall()}

    def suggest_ids(self, cursor, full, last):
        expression = " ".join(
            [*(_fts_phrase((word,)) for word in full), _fts_phrase((last,)) + "*"]
        )
        cursor.execute(
            "SELECT rowid FROM bc_search_suggest WHERE bc_search_suggest MATCH %s "
            "ORDER BY rowid DESC LIMIT %s",
            [expression, SUGGEST_CANDIDATES],
        )
        return [row[0] for row in cursor.fetchall()]
