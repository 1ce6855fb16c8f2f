"""What the SQL backends index and search for: tokens, compiled queries, excerpts.

Both databases index the *output* of search.normalise (elisions dropped, case and accents
folded, stop words dropped, plural -s/-x then Snowball French stemming), and queries are built
from the same normalisation, so that a query finds the same documents on SQLite and on
PostgreSQL. This module is that shared half; each vendor writes the tokens and the compiled
query in its own syntax (search.engines.sqlite, search.engines.postgres).

Query syntax (search.query.parse): every word is required (its stem, or any member of its
synonym group: a multi-word member is a phrase); "a phrase" is a phrase of stems (its synonym
runs expanded too); -excluded words or phrases exclude. A word or phrase matches within one
field; different words may match in different fields. User text never reaches FTS5 or tsquery
syntax: only tokens of letters and digits, each quoted.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..normalise import fold, tokens, words
from ..query import MAX_QUERY_LENGTH, parse

# Tokens longer than this are not indexed (PostgreSQL refuses lexemes over 2 KB), and a field
# keeps its first MAX_TOKENS tokens (a tsvector holds at most 1 MB): the same on both databases.
MAX_TOKEN_LENGTH = 60
MAX_TOKENS = 50_000
# A query keeps its first MAX_GROUPS required words/phrases; a word or phrase expands to at
# most MAX_ALTERNATIVES synonym variants.
MAX_GROUPS = 12
MAX_ALTERNATIVES = 16
EXCERPT_CHARS = 220
EXCERPT_LEAD = 60


# Text -------------------------------------------------------------------------------------------


def index_tokens(text):
    """The tokens of a text as both databases index them (search.normalise.tokens)."""
    return [token for token in tokens(text or "") if len(token) <= MAX_TOKEN_LENGTH][:MAX_TOKENS]


def title_words(title):
    """The folded words of a title, stop words kept, for suggestions."""
    return [word for word in words(title or "") if len(word) <= MAX_TOKEN_LENGTH]


def title_sort(title):
    return fold(title or "").strip()[:255]


# Queries ----------------------------------------------------------------------------------------


@dataclass
class CompiledQuery:
    """A parsed query as token tuples: `groups` are all required, each matched by any of its
    alternatives (a word, its synonyms, a phrase); `excluded` groups must not match."""

    groups: list[list[tuple]] = field(default_factory=list)
    excluded: list[list[tuple]] = field(default_factory=list)

    @property
    def has_text(self):
        return bool(self.groups)

    @property
    def stems(self):
        """The tokens to highlight."""
        return {token for group in self.groups for key in group for token in key}


def _alternatives(sequence, table):
    """Token tuples equivalent to `sequence`: each run of tokens that is a synonym (longest
    first) replaced by each member of its group."""
    results = [()]
    start = 0
    while start < len(sequence):
        for end in range(len(sequence), start, -1):
            members = table.get(" ".join(sequence[start:end]))
            if members:
                options = [tuple(member.split()) for member in members]
                break
        else:
            end, options = start + 1, [(sequence[start],)]
        results = [done + option for done in results for option in options][:MAX_ALTERNATIVES]
        start = end
    return list(dict.fromkeys(result for result in results if result))


_expansions = {}


def synonym_table():
    """search.synonyms.expansions(), computed again only when the synonyms file or the
    admin's Synonym rows change (one small query per search)."""
    from ..models import Synonym
    from ..synonyms import SYNONYMS_FILE, expansions

    try:
        mtime = SYNONYMS_FILE.stat().st_mtime
    except OSError:
        mtime = None
    key = (mtime, tuple(Synonym.objects.order_by("pk").values_list("pk", "terms")))
    if key not in _expansions:
        _expansions.clear()
        _expansions[key] = expansions()
    return _expansions[key]


def compile_query(text, table=None):
    """search.query.parse(text) as token tuples, synonyms expanded (search.synonyms)."""
    if table is None:
        table = synonym_table()
    parsed = parse((text or "")[:MAX_QUERY_LENGTH])
    compiled = CompiledQuery()
    # Required words: a run of words that is a synonym (« conseiller numérique ») is one group.
    word_tokens = [tuple(index_tokens(word)) for word in parsed.words]
    word_tokens = [item for item in word_tokens if item]
    start = 0
    while start < len(word_tokens):
        group, end = None, start + 1
        for stop in range(len(word_tokens), start + 1, -1):
            run = tuple(token for item in word_tokens[start:stop] for token in item)
            members = table.get(" ".join(run))
            if members:
                group = [tuple(member.split()) for member in members]
                end = stop
                break
        if group is None:
            group = _alternatives(word_tokens[start], table)
        compiled.groups.append(group)
        start = end
    for phrase in parsed.phrases:
        sequence = index_tokens(phrase)
        if sequence:
            compiled.groups.append(_alternatives(sequence, table))
    for item in parsed.excluded:
        sequence = index_tokens(item)
        if sequence:
            compiled.excluded.append(_alternatives(sequence, table))
    compiled.groups = [group for group in compiled.groups if group][:MAX_GROUPS]
    compiled.excluded = [group for group in compiled.excluded if group][:MAX_GROUPS]
    return compiled


# Excerpts ---------------------------------------------------------------------------------------


def _fold_table():
    """One character → one character: accented Latin letters to their base letter, so that
    offsets in the folded text are offsets in the original."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[:1]
        if base and base != char and base.isascii() and base.isalpha():
            table[code] = base
    table.update({ord("œ"): "o", ord("Œ"): "O", ord("æ"): "a", ord("Æ"): "A"})
    return table


FOLD_TABLE = _fold_table()


def excerpt(document, stems):
    """Safe HTML: a window of the summary and body around the query's words, escaped, the words
    in <mark>; without a match, the summary (or the beginning of the body)."""
    summary = " ".join((document.get("summary") or "").split())
    body = " ".join((document.get("body") or "").split())
    text = f"{summary} {body}".strip()
    if not text:
        return ""
    marks = []
    if stems:
        prefixes = sorted({stem[:4] for stem in stems}, key=len, reverse=True)
        pattern = re.compile(
            r"(?<![^\W_])(?:" + "|".join(map(re.escape, prefixes)) + r")[^\W_]*", re.IGNORECASE
        )
        for match in pattern.finditer(text.translate(FOLD_TABLE)):
            found = index_tokens(text[match.start() : match.end()])
            if found and found[0] in stems:
                marks.append((match.start(), match.end(), found[0]))
    if not marks:
        if summary:
            return str(escape(summary))
        cut = body[:EXCERPT_CHARS].rsplit(" ", 1)[0] if len(body) > EXCERPT_CHARS else body
        return str(escape(cut)) + (" …" if len(cut) < len(body) else "")
    # The window of EXCERPT_CHARS characters holding the most different words, then the most.
    best, best_score = 0, (-1, -1)
    inside = Counter()
    last = 0
    for first, (start, _end, _stem) in enumerate(marks):
        while last < len(marks) and marks[last][1] <= start + EXCERPT_CHARS:
            inside[marks[last][2]] += 1
            last += 1
        score = (len(inside), last - first)
        if score > best_score:
            best, best_score = first, score
        inside[marks[first][2]] -= 1
        if not inside[marks[first][2]]:
            del inside[marks[first][2]]
    start = max(0, marks[best][0] - EXCERPT_LEAD)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < marks[best][0] else marks[best][0]
    end = min(len(text), start + EXCERPT_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > marks[best][1] else max(end, marks[best][1])
    parts = ["… "] if start else []
    position = start
    for mark_start, mark_end, _stem in marks:
        if mark_start < start or mark_end > end:
            continue
        parts.append(str(escape(text[position:mark_start])))
        parts.append("<mark>" + str(escape(text[mark_start:mark_end])) + "</mark>")
        position = mark_end
    parts.append(str(escape(text[position:end])))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts))
