"""Duplicate warnings: similar existing resources while one is written, and the likely duplicate
pairs the moderators look at (« Doublons probables »).

Suggestions go through the configured search engine with the reader's visibility (a private
base's resource is never suggested to someone who cannot read it). The engine requires every
word, so a title is asked as it is and then by its longest words, and the candidates are ranked
by how close their title and summary are (same base first). The moderators' list groups live
resources whose titles (and summaries) are close, comparing only candidates that share rare
title terms, and is cached.
"""

from difflib import SequenceMatcher

from django.core.cache import cache

from base.models import BasePage
from ressources.models import ResourcePage

from . import engines
from .documents import BASE_PATH_LENGTH
from .forms import visible_base_ids
from .normalise import normalise, tokens, words
from .query import SearchQuery

MAX_SUGGESTIONS = 5
# A candidate is shown from this similarity of the title (0..1), or of title + summary words.
MIN_TITLE_SIMILARITY = 0.6
MIN_WORD_OVERLAP = 0.5
MIN_TITLE_LENGTH = 8
PAIRS_CACHE_KEY = "search:duplicate-pairs"
PAIRS_CACHE_SECONDS = 3600
MAX_PAIRS = 500
MAX_SHOWN = 20  # resources listed per group; the count says how many there are


def _word_set(text):
    return set(words(normalise(text or "")))


def similarity(title, summary, hit_title, hit_summary):
    """How close a candidate is: the best of the titles' closeness and the share of common
    words of title + summary."""
    ratio = SequenceMatcher(None, normalise(title), normalise(hit_title)).ratio()
    mine = _word_set(f"{title} {summary}")
    theirs = _word_set(f"{hit_title} {hit_summary}")
    overlap = len(mine & theirs) / len(mine | theirs) if mine and theirs else 0.0
    return max(ratio, overlap), ratio, overlap


def _queries(title):
    """The title, then its three and two longest words (the engine requires every word)."""
    significant = sorted(set(words(normalise(title))), key=len, reverse=True)
    yield title
    for size in (3, 2):
        if len(significant) > size:
            yield " ".join(significant[:size])


def similar_resources(user, title, summary="", base_id=None, exclude_id=None):
    """[{"id", "title", "url", "base", "same_base", "score"}] of live resources the person may
    read that look like the one being written, same base first, at most MAX_SUGGESTIONS."""
    title = " ".join((title or "").split())[:200]
    if len(title) < MIN_TITLE_LENGTH:
        return []
    visible = visible_base_ids(user)
    found = {}
    for text in _queries(title):
        results = engines.search(
            SearchQuery(text=text, tab="ressources", per_page=20, visible_base_ids=visible)
        )
        for hit in results.hits:
            if hit.id == exclude_id or hit.id in found:
                continue
            score, ratio, overlap = similarity(title, summary, hit.title, hit.summary)
            if ratio < MIN_TITLE_SIMILARITY and overlap < MIN_WORD_OVERLAP:
                continue
            base = hit.document.get("base") or {}
            found[hit.id] = {
                "id": hit.id,
                "title": hit.title,
                "url": hit.url,
                "base": base.get("title", ""),
                "same_base": base_id is not None and base.get("id") == base_id,
                "score": round(score, 2),
            }
        if len(found) >= MAX_SUGGESTIONS:
            break
    ranked = sorted(found.values(), key=lambda item: (not item["same_base"], -item["score"]))
    return ranked[:MAX_SUGGESTIONS]


def base_id_of(page):
    """The base page id of a page (the page itself for a base), or None."""
    if page is None:
        return None
    if isinstance(page.specific, BasePage):
        return page.pk
    base = BasePage.objects.filter(path=page.path[:BASE_PATH_LENGTH]).first()
    return base.pk if base else None


# The moderators' list -------------------------------------------------------------------------

# Two resources are a likely pair from this closeness of their titles, or of their titles and
# then their titles + summaries' words together (stricter than the suggestions while writing,
# which a person reads and dismisses; this list is a work queue).
PAIR_TITLE_SIMILARITY = 0.9
PAIR_CLOSE_TITLE = 0.7
PAIR_WORD_OVERLAP = 0.5
# Candidates share one of their rarest title terms: a block larger than this is a common word,
# not a sign of a duplicate, and comparing all of it would cost quadratic time.
MAX_BLOCK = 40
RAREST_TERMS = 3


def _blocks(entries):
    """(exact, close): groups of resources with the same set of title terms (duplicates by
    definition), and candidate groups sharing a pair of their rarest title terms (document
    frequency over all titles), small enough to compare pairwise."""
    frequency = {}
    for entry in entries:
        for term in entry["terms"]:
            frequency[term] = frequency.get(term, 0) + 1
    exact, close = {}, {}
    for index, entry in enumerate(entries):
        exact.setdefault(entry["terms"], []).append(index)
        rare = sorted(entry["terms"], key=lambda term: (frequency[term], term))[:RAREST_TERMS]
        for i in range(len(rare)):
            for j in range(i + 1, len(rare)):
                close.setdefault((rare[i], rare[j]), []).append(index)
    return (
        [members for members in exact.values() if len(members) > 1],
        [members for members in close.values() if 1 < len(members) <= MAX_BLOCK],
    )


def _is_pair(one, other):
    """(score) when two resources look like the same one, else None."""
    shared = len(one["terms"] & other["terms"])
    if shared * 2 < min(len(one["terms"]), len(other["terms"])):
        return None  # cheap test first: fewer than half of the shorter title's terms in common
    score, ratio, overlap = similarity(
        one["title"], one["summary"], other["title"], other["summary"]
    )
    if ratio >= PAIR_TITLE_SIMILARITY or (
        ratio >= PAIR_CLOSE_TITLE and overlap >= PAIR_WORD_OVERLAP
    ):
        return score
    return None


def likely_pairs(refresh=False):
    """Groups of live resources that look like the same one (≥ 2 each): the same title once
    normalised, or close titles with summaries saying much the same. Largest and closest
    first: [{"title", "score", "resources": [{"id", "title", "base"}…]}]. One query and a pass
    over blocks of candidates (never all pairs), cached for an hour."""
    groups = None if refresh else cache.get(PAIRS_CACHE_KEY)
    if groups is not None:
        return groups
    bases = dict(BasePage.objects.values_list("path", "title"))
    entries = []
    rows = ResourcePage.objects.live().values_list("pk", "title", "summary", "path").order_by("pk")
    for pk, title, summary, path in rows.iterator(chunk_size=5000):
        terms = frozenset(tokens(title))
        if len(" ".join(terms)) < MIN_TITLE_LENGTH:
            continue
        entries.append(
            {
                "id": pk,
                "title": title,
                "summary": summary[:600],
                "terms": terms,
                "base": bases.get(path[:BASE_PATH_LENGTH], ""),
            }
        )
    groups = cluster(entries)[:MAX_PAIRS]
    cache.set(PAIRS_CACHE_KEY, groups, PAIRS_CACHE_SECONDS)
    return groups


def cluster(entries):
    """The groups of likely duplicates among `entries` ({"id", "title", "summary", "terms",
    "base"}), largest and closest first. Union-find over the exact and candidate blocks."""
    parent = list(range(len(entries)))

    def root(index):
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    best = {}

    def join(first, second, score):
        low, high = sorted((root(first), root(second)))
        if low != high:
            parent[high] = low
            best[low] = max(score, best.pop(high, 0), best.get(low, 0))

    exact, close = _blocks(entries)
    for members in exact:
        for other in members[1:]:
            join(members[0], other, 1.0)
    for members in close:
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                if root(first) != root(second):
                    score = _is_pair(entries[first], entries[second])
                    if score is not None:
                        join(first, second, score)
    clusters = {}
    for index in range(len(entries)):
        clusters.setdefault(root(index), []).append(index)
    groups = [
        {
            "title": entries[members[0]]["title"],
            "score": round(best.get(key, 1.0), 2),
            "count": len(members),
            "resources": [
                {field: entries[i][field] for field in ("id", "title", "base")}
                for i in members[:MAX_SHOWN]
            ],
        }
        for key, members in clusters.items()
        if len(members) > 1
    ]
    groups.sort(key=lambda group: (-group["count"], -group["score"], group["title"]))
    return groups
