"""Duplicate warnings: similar existing resources while one is written, and the likely duplicate
pairs the moderators look at (« Doublons probables »).

Suggestions go through the configured search engine with the reader's visibility (a private
base's resource is never suggested to someone who cannot read it). The engine requires every
word, so a title is asked as it is and then by its longest words, and the candidates are ranked
by how close their title and summary are (same base first). The moderators' list groups live
resources by normalised title, computed in one pass and cached.
"""

from difflib import SequenceMatcher

from django.core.cache import cache

from base.models import BasePage
from ressources.models import ResourcePage

from . import engines
from .documents import BASE_PATH_LENGTH
from .forms import visible_base_ids
from .normalise import normalise, words
from .query import SearchQuery

MAX_SUGGESTIONS = 5
# A candidate is shown from this similarity of the title (0..1), or of title + summary words.
MIN_TITLE_SIMILARITY = 0.6
MIN_WORD_OVERLAP = 0.5
MIN_TITLE_LENGTH = 8
PAIRS_CACHE_KEY = "search:duplicate-pairs"
PAIRS_CACHE_SECONDS = 3600
MAX_PAIRS = 500


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


def likely_pairs(refresh=False):
    """Groups of live resources with the same normalised title (≥ 2 each), largest first:
    [{"title", "resources": [{"id", "title", "base"}…]}]. One query, cached for an hour."""
    groups = None if refresh else cache.get(PAIRS_CACHE_KEY)
    if groups is not None:
        return groups
    bases = dict(BasePage.objects.values_list("path", "title"))
    by_title = {}
    rows = ResourcePage.objects.live().values_list("pk", "title", "path").order_by("pk")
    for pk, title, path in rows.iterator(chunk_size=5000):
        key = " ".join(words(normalise(title)))
        if len(key) < MIN_TITLE_LENGTH:
            continue
        base = bases.get(path[:BASE_PATH_LENGTH], "")
        by_title.setdefault(key, []).append({"id": pk, "title": title, "base": base})
    groups = [
        {"title": items[0]["title"], "resources": items}
        for items in by_title.values()
        if len(items) > 1
    ]
    groups.sort(key=lambda group: (-len(group["resources"]), group["title"]))
    groups = groups[:MAX_PAIRS]
    cache.set(PAIRS_CACHE_KEY, groups, PAIRS_CACHE_SECONDS)
    return groups
