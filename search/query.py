"""What a search asks and what it gets back, the same for every engine.

Query syntax: words are all required; « "expression exacte" » must appear as such; `-mot`
excludes. Synonyms of the sector (search.synonyms) widen a word or an expression to its group.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from .normalise import normalise

MAX_QUERY_LENGTH = 200
PER_PAGE = 20
TABS = {"ressources": "resource", "bases": "base", "collections": "collection"}
SORTS = ("pertinence", "recentes", "mises-a-jour", "titre", "mieux-notees")

_PART_RE = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')


@dataclass
class ParsedQuery:
    """The query split by role; each item is the user's text (engines normalise it)."""

    words: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.words or self.phrases)

    def normalised(self):
        """A stable text of the query for the search log (folded, stemmed, no personal data)."""
        parts = [normalise(word) for word in self.words]
        parts += [f'"{normalise(phrase)}"' for phrase in self.phrases]
        parts += [f"-{normalise(word)}" for word in self.excluded]
        return " ".join(part for part in parts if part.strip('"-'))[:MAX_QUERY_LENGTH]


def parse(text):
    """Split a query: words, "exact phrases" and -excluded words (or -"phrases")."""
    parsed = ParsedQuery()
    for minus_phrase, phrase, minus_word, word in _PART_RE.findall(text or ""):
        if phrase or minus_phrase:
            if not normalise(phrase):
                continue
            (parsed.excluded if minus_phrase else parsed.phrases).append(phrase.strip())
        elif word:
            if minus_word and normalise(word):
                parsed.excluded.append(word)
            elif normalise(word):  # a stop word alone (« le », « de ») asks for nothing
                parsed.words.append(word)
    return parsed


@dataclass
class SearchQuery:
    """One search: the text, the tab, the selected facet values, sort and page, and who asks.

    `visible_base_ids` is the set of private bases the person may read; None means every base
    (platform admins). Public content is always visible."""

    text: str = ""
    tab: str = "ressources"
    filters: dict[str, list[str]] = field(default_factory=dict)
    published_from: date | None = None
    published_to: date | None = None
    sort: str = "pertinence"
    page: int = 1
    per_page: int = PER_PAGE
    visible_base_ids: frozenset | None = frozenset()

    @property
    def parsed(self):
        return parse(self.text)

    @property
    def kind(self):
        return TABS.get(self.tab, "resource")


@dataclass
class Hit:
    id: int
    kind: str
    url: str
    title: str
    summary: str
    excerpt: str  # safe HTML: the matched words are in <mark>
    document: dict
    score: float = 0.0


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    group: str = ""


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    tab_counts: dict[str, int]  # "resource"/"base"/"collection" → count
    facets: dict[str, list[FacetValue]]  # facet (search.documents.FACETS key) → values
    engine: str
    took_ms: float
    fallback: bool = False  # True when Elasticsearch was unreachable and the database answered
