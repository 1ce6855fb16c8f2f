"""The PostgreSQL half of the database engine: tsvectors written as literals, ts_rank_cd.

`bc_search_text(page_id, title, summary, other, words)`, one tsvector per weighted text
(weights A, B, C) with a GIN index each; ranking with the sum over the three fields of
`ts_rank_cd('{0, 0.1, 0.4, 1.0}', field, any word of the query, 1)` (ranking the concatenation
`title || summary || other` costs five times as much).

PostgreSQL does not use its `french` configuration nor `unaccent`: the French pipeline runs in
Python, once, identically for both databases and for the queries (search.engines.text; the
`french` dictionary would stem a second time, and differently from Snowball's `snowballstemmer`
release). It even skips its text parser (the `simple` configuration would still split and
lowercase according to the database's locale): the tsvectors and tsqueries are written as
literals of the Python tokens, with their positions and weights, so the lexemes are exactly the
tokens SQLite FTS5 stores.
"""

from .sql import SUGGEST_CANDIDATES, chunks, placeholders

MAX_POSITION = 16383  # PostgreSQL's last position
PG_RANK_WEIGHTS = "{0, 0.1, 0.4, 1.0}"  # D, C, B, A
COLUMNS = ("title", "summary", "other")


def _pg_lexeme(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(tokens_, weight=""):
    """A tsvector as PostgreSQL reads it, lexemes exactly as given: « 'outil':1A,4A 'numer':2A »."""
    positions = {}
    for position, token in enumerate(tokens_, 1):
        positions.setdefault(token, []).append(min(position, MAX_POSITION))
    return " ".join(
        _pg_lexeme(token) + ":" + ",".join(f"{pos}{weight}" for pos in dict.fromkeys(places))
        for token, places in positions.items()
    )


def _pg_phrase(key):
    return "(" + " <-> ".join(_pg_lexeme(token) for token in key) + ")"


def tsquery(compiled):
    """The tsquery of the required part of a compiled query."""
    return " & ".join(
        "(" + " | ".join(_pg_phrase(key) for key in group) + ")" for group in compiled.groups
    )


def tsquery_any(compiled):
    """Any word or phrase of the required part: what ts_rank_cd weighs in each field."""
    keys = dict.fromkeys(key for group in compiled.groups for key in group)
    return " | ".join(_pg_phrase(key) for key in keys)


class PostgreSQLIndex:
    vendor = "postgresql"
    description = "PostgreSQL tsvector"
    group_concat = "string_agg(({})::text, ',')"
    epoch = "EXTRACT(EPOCH FROM {})::float8"

    def delete_text(self, cursor, ids):
        for chunk in chunks(ids):
            cursor.execute(
                f"DELETE FROM bc_search_text WHERE page_id IN ({placeholders(len(chunk))})", chunk
            )

    def delete_all_text(self, cursor):
        cursor.execute("DELETE FROM bc_search_text")

    def text_ids(self, cursor):
        """(ids in the full-text table, the same), for `search_index check`."""
        cursor.execute("SELECT page_id FROM bc_search_text")
        ids = {row[0] for row in cursor.fetchall()}
        return ids, ids

    tables = ("bc_search_text",)

    def write_rows(self, cursor, table, columns, rows):
        """Insert plain rows with COPY: one stream instead of a statement per row (the
        server parses each column's text: JSON, tsvector literals)."""
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def insert_text(self, cursor, rows, suffix=""):
        self.write_rows(
            cursor,
            f"bc_search_text{suffix}",
            ("page_id", "title", "summary", "other", "words"),
            [
                (
                    pk,
                    tsvector_literal(t, "A"),
                    tsvector_literal(s, "B"),
                    tsvector_literal(o, "C"),
                    tsvector_literal(w),
                )
                for pk, t, s, o, w in rows
            ],
        )

    def optimise(self, cursor, suffix=""):
        pass

    def key_ids(self, cursor, key):
        cursor.execute(
            "SELECT string_agg(page_id::text, ',') FROM bc_search_text WHERE "
            + " OR ".join(f"{column} @@ %s::tsquery" for column in COLUMNS),
            [_pg_phrase(key)] * len(COLUMNS),
        )
        return cursor.fetchone()[0]

    def key_all_ids(self, cursor, key, anywhere=True):
        """(anywhere — unless not asked for —, in the title, in the summary)."""
        query = _pg_phrase(key)
        fields = [
            f"(SELECT string_agg(page_id::text, ',') FROM bc_search_text WHERE {column} @@ %s::tsquery)"
            for column in ("title", "summary")
        ]
        if anywhere:
            fields.insert(
                0,
                "(SELECT string_agg(page_id::text, ',') FROM bc_search_text WHERE "
                + " OR ".join(f"{column} @@ %s::tsquery" for column in COLUMNS)
                + ")",
            )
        cursor.execute(
            "SELECT " + ", ".join(fields),
            [query] * (len(COLUMNS) * anywhere + 2),
        )
        found = list(cursor.fetchone())
        return found if anywhere else [None, *found]

    def rank(self, cursor, compiled, ids):
        """The sum over the fields of ts_rank_cd (weights A, B, C; rank / (1 + log(length))):
        ranking `title || summary || other` would cost five times as much (the concatenation).
        The pages all hold every required word already: the rank weighs where and how often
        they hold any of them."""
        cursor.execute(
            "SELECT page_id, "
            + " + ".join(
                f"ts_rank_cd('{PG_RANK_WEIGHTS}'::float4[], {column}, query.q, 1)"
                for column in COLUMNS
            )
            + " FROM bc_search_text, (SELECT %s::tsquery AS q) AS query "
            "WHERE page_id = ANY(%s)",
            [tsquery_any(compiled), list(ids)],
        )
        return dict(cursor.fetchall())

    def suggest_ids(self, cursor, full, last):
        query = " & ".join([*(_pg_lexeme(word) for word in full), _pg_lexeme(last) + ":*"])
        cursor.execute(
            "SELECT page_id FROM bc_search_text WHERE words @@ %s::tsquery "
            "ORDER BY page_id DESC LIMIT %s",
            [query, SUGGEST_CANDIDATES],
        )
        return [row[0] for row in cursor.fetchall()]
