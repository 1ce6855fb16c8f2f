"""The full-text structures of the database engine (search.engines.database), per vendor.

SQLite: FTS5 tables keyed by rowid = page id: `bc_search_fts` (title, summary, other: the
weighted texts, already normalised by search.normalise), `bc_search_fts_short` (title and
summary alone: short posting lists, to tell quickly which pages hold a word in their title or
summary) and `bc_search_suggest` (the folded words of titles, with prefix indexes, for
suggestions as you type).

PostgreSQL: `bc_search_text` (page_id, one tsvector per weighted text and one of title words),
with a GIN index on each.

Both: covering indexes on SearchEntry and SearchFacet, from which a process loads its
in-memory snapshot of the index without reading the documents; `bc_search_state` (one row: a generation number and a random token, changed by every
index write, which serialises writers) and `bc_search_change` (the pages each generation
changed), from which each process keeps its in-memory facet bitsets up to date.

None of these tables has a foreign key to the Django-managed tables: Django's flush truncates
its own tables only, and rows of a page that no longer has a SearchEntry are ignored.
"""

from django.db import migrations

COMMON = [
    "CREATE TABLE bc_search_state (id integer PRIMARY KEY, generation bigint NOT NULL, "
    "token varchar(32) NOT NULL)",
    "INSERT INTO bc_search_state (id, generation, token) VALUES (1, 0, '')",
    "CREATE TABLE bc_search_change (generation bigint NOT NULL, token varchar(32) NOT NULL, "
    "page_id integer NULL)",
    "CREATE INDEX bc_search_change_generation ON bc_search_change (generation)",
    "CREATE INDEX bc_search_facet_covering ON bc_search_searchfacet (facet, value, entry_id)",
    "CREATE INDEX bc_search_entry_snapshot ON bc_search_searchentry (kind, is_public, base_id, "
    "first_published_at, last_published_at, title_sort, page_id)",
]

SQLITE = [
    "CREATE VIRTUAL TABLE bc_search_fts USING fts5(title, summary, other, tokenize='unicode61')",
    "CREATE VIRTUAL TABLE bc_search_fts_short USING fts5(title, summary, tokenize='unicode61')",
    "CREATE VIRTUAL TABLE bc_search_suggest USING fts5(words, tokenize='unicode61', "
    "prefix='1 2 3')",
]

POSTGRESQL = [
    "CREATE TABLE bc_search_text (page_id integer PRIMARY KEY, title tsvector NOT NULL, "
    "summary tsvector NOT NULL, other tsvector NOT NULL, words tsvector NOT NULL)",
    "CREATE INDEX bc_search_text_title ON bc_search_text USING gin (title)",
    "CREATE INDEX bc_search_text_summary ON bc_search_text USING gin (summary)",
    "CREATE INDEX bc_search_text_other ON bc_search_text USING gin (other)",
    "CREATE INDEX bc_search_text_words ON bc_search_text USING gin (words)",
]

DROP = {
    "sqlite": [
        "DROP TABLE IF EXISTS bc_search_fts",
        "DROP TABLE IF EXISTS bc_search_fts_short",
        "DROP TABLE IF EXISTS bc_search_suggest",
    ],
    "postgresql": ["DROP TABLE IF EXISTS bc_search_text"],
}
DROP_COMMON = [
    "DROP INDEX IF EXISTS bc_search_facet_covering",
    "DROP INDEX IF EXISTS bc_search_entry_snapshot",
    "DROP TABLE IF EXISTS bc_search_change",
    "DROP TABLE IF EXISTS bc_search_state",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise RuntimeError(
            f"The database search engine supports SQLite and PostgreSQL, not {vendor}"
        )
    for statement in COMMON + (SQLITE if vendor == "sqlite" else POSTGRESQL):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in DROP.get(schema_editor.connection.vendor, []) + DROP_COMMON:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("bc_search", "0001_search_index")]

    operations = [migrations.RunPython(create, drop)]
