"""The search page (/rechercher/) and the suggestions of the header search.

Both ask `search.engines`, which answers with visibility applied: the view only says who asks
(`visible_base_ids`). All the state of the page is in its address (search.forms); every search
is logged without personal data (SearchLog: normalised query, tab, filters, total, duration,
engine).
"""

import logging
import math
import time
from contextlib import contextmanager

from django.db import DatabaseError, connection, transaction
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from base.listing import page_window
from base.page_context import request_user

from .. import engines
from ..documents import FACETS
from ..engines.base import EngineUnavailable
from ..facet_usage import facet_order
from ..forms import (
    FACET_LABELS,
    OPEN_LICENCES,
    SORT_LABELS,
    TAB_LABELS,
    clean_query,
    parse_request,
    visible_base_ids,
)
from ..models import SearchLog
from ..query import TABS, parse
from ..warmup import is_warm_up

logger = logging.getLogger(__name__)

MIN_SUGGEST_LENGTH = 2
# On SQLite, how long the search log waits for the write lock before it is skipped (ms).
LOG_LOCK_WAIT_MS = 500
MAX_SUGGESTIONS = 8
# Facets whose values are grouped under a heading (the themes, by category).
GROUPED_FACETS = ("themes",)
# A facet shows this many values, then « Voir plus » (the selected values always show).
SHOWN_OPTIONS = 6
KIND_LABELS = {
    "resource": gettext_lazy("Ressource"),
    "base": gettext_lazy("Base"),
    "collection": gettext_lazy("Collection"),
}


def _count(number):
    """12 345 with a narrow no-break space, the French way."""
    return f"{number:,}".replace(",", "\u202f")


def status_text(search, total, filtered):
    """« 123 ressources trouvées pour « … » », what the live region announces."""
    count = _count(total)
    if search.tab == "bases":
        found = ngettext("%(count)s base trouvée", "%(count)s bases trouvées", total)
        none = _("Aucune base trouvée")
    elif search.tab == "collections":
        found = ngettext("%(count)s collection trouvée", "%(count)s collections trouvées", total)
        none = _("Aucune collection trouvée")
    else:
        found = ngettext("%(count)s ressource trouvée", "%(count)s ressources trouvées", total)
        none = _("Aucune ressource trouvée")
    text = found % {"count": count} if total else none
    if search.text:
        text += " " + _("pour « %(query)s »") % {"query": search.text}
    if filtered:
        text += " " + _("avec les filtres choisis")
    return text + "."


@contextmanager
def _short_lock_wait():
    """On SQLite, wait at most LOG_LOCK_WAIT_MS for the write lock (not the 20 s a
    publication may wait): a search log row is not worth a slow page."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    usual = int(float(connection.settings_dict.get("OPTIONS", {}).get("timeout", 5)) * 1000)
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {LOG_LOCK_WAIT_MS}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {usual}")


def _run(query):
    """The engine's answer, asked again for the last page when the page asked for is past it."""
    with engines.reading():
        results = engines.search(query)
        last = max(math.ceil(results.total / query.per_page), 1)
        if query.page > last:
            query.page = last
            results = engines.search(query)
    return results


def _datetime(value):
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        return None
    return timezone.localtime(parsed) if timezone.is_aware(parsed) else parsed


def _card(hit):
    """What a result card shows, from the hit's search document."""
    document = hit.document or {}
    base = document.get("base") or {}
    licence = document.get("licence") or None
    organisation = document.get("organisation") or {}
    published = _datetime(document.get("first_published_at"))
    updated = _datetime(document.get("last_published_at"))
    if published and updated and updated.date() <= published.date():
        updated = None
    return {
        "title": hit.title,
        "url": hit.url,
        "kind": hit.kind,
        "kind_label": KIND_LABELS.get(hit.kind, ""),
        # The engine escapes the text and adds only <mark>: safe HTML.
        "excerpt": mark_safe(hit.excerpt) if hit.excerpt else "",
        "summary": hit.summary,
        "base_title": base.get("title") if hit.kind != "base" else "",
        "organisation": organisation.get("name") if hit.kind == "base" else "",
        "types": [term["label"] for term in document.get("resource_types") or []],
        "themes": [term["label"] for term in (document.get("themes") or [])[:3]],
        "licence": licence,
        "published": published,
        "updated": updated,
    }


def _facet_label(results, facet, value, search):
    for facet_value in (results.facets.get(facet) or []) if results else []:
        if facet_value.value == value and facet_value.label:
            return facet_value.label
    return search.labels.get((facet, value), value)


def _facets(results, search):
    """The filters column: one fieldset per facet that has values (or a selected value), and
    the hidden fields that keep, when the form is sent again, the selected values of facets
    the current tab does not apply (the themes on the bases tab…)."""
    facets, hidden = [], []
    for facet in facet_order():
        legend = FACET_LABELS[facet]
        param = FACETS[facet]
        chosen = search.selected.get(facet, [])
        if not _applies(results, facet):
            hidden += [(param, value) for value in chosen]
            if facet == "licence" and search.open_only:
                hidden.append(("ouvertes", "1"))
            continue
        values = [
            facet_value
            for facet_value in (results.facets.get(facet) or [] if results else [])
            if not (facet == "licence" and facet_value.value == OPEN_LICENCES)
        ]
        listed = {facet_value.value for facet_value in values}
        options = [
            {
                "value": facet_value.value,
                "label": facet_value.label or facet_value.value,
                "count": facet_value.count,
                "count_text": _count(facet_value.count),
                "checked": facet_value.value in chosen,
                "group": facet_value.group or "",
            }
            for facet_value in values
        ]
        # A selected value that no longer matches anything stays, checked, to be unchecked.
        options += [
            {
                "value": value,
                "label": search.labels.get((facet, value), value),
                "count": 0,
                "count_text": "0",
                "checked": True,
                "group": "",
            }
            for value in chosen
            if value not in listed
        ]
        if not options and not (facet == "licence" and search.open_only):
            continue
        for number, option in enumerate(options):
            option["id"] = f"filtre-{param}-{number}"
        groups = []
        if facet in GROUPED_FACETS and any(option["group"] for option in options):
            by_group = {}
            for option in options:
                by_group.setdefault(option["group"] or _("Autres"), []).append(option)
            groups = list(by_group.items())
        # « Voir plus »: the first values (by count, as the engine sorts them) and every
        # selected one stay in view; the others wait behind the button.
        shown = [
            option
            for number, option in enumerate(options)
            if number < SHOWN_OPTIONS or option["checked"]
        ]
        more = [option for option in options if option not in shown]
        selected_count = sum(1 for option in options if option["checked"])
        if facet == "licence" and search.open_only:
            selected_count += 1
        facets.append(
            {
                "facet": facet,
                "param": param,
                "legend": legend,
                "options": options,
                "shown": shown,
                "more": more,
                "groups": groups,
                "long": len(options) > 8,
                "selected_count": selected_count,
            }
        )
    return facets, hidden


def _open_licence_count(results):
    for facet_value in (results.facets.get("licence") or []) if results else []:
        if facet_value.value == OPEN_LICENCES:
            return facet_value.count
    return 0


def _applies(results, facet):
    """Whether the current tab applies a facet's filter: engines answer with the facets of the
    tab's kind only (the bases and collections tabs have no themes, licences…)."""
    return results is None or facet in results.facets


def _selected_filters(results, search):
    """The filters in use, each with the address of the same search without it."""
    selected = []
    for facet, values in search.selected.items():
        for value in values:
            label = _facet_label(results, facet, value, search)
            selected.append(
                {
                    "text": f"{FACET_LABELS[facet]} : {label}",
                    "url": search.url(without=(facet, value)),
                    "applies": _applies(results, facet),
                }
            )
    if search.open_only:
        selected.append(
            {
                "text": _("Licences ouvertes uniquement"),
                "url": search.url(drop=("ouvertes",)),
                "applies": _applies(results, "licence"),
            }
        )
    if search.query.published_from:
        day = date_format(search.query.published_from, "j F Y")
        selected.append(
            {
                "text": _("Publiée à partir du %(day)s") % {"day": day},
                "url": search.url(drop=("du",)),
                "applies": True,
            }
        )
    if search.query.published_to:
        day = date_format(search.query.published_to, "j F Y")
        selected.append(
            {
                "text": _("Publiée jusqu'au %(day)s") % {"day": day},
                "url": search.url(drop=("au",)),
                "applies": True,
            }
        )
    return selected


def _query_text(words, phrases):
    return " ".join([*words, *(f'"{phrase}"' for phrase in phrases)])


def _relax(results, search, tabs):
    """What to try when nothing is found: fewer words, no exclusions, other tabs."""
    parsed = parse(search.text)
    suggestions = {"excluded": None, "phrases": None, "fewer_words": None, "tabs": []}
    if parsed.excluded:
        suggestions["excluded"] = {
            "words": " ".join(f"-{word}" for word in parsed.excluded),
            "url": search.url(text=_query_text(parsed.words, parsed.phrases)),
        }
    if parsed.phrases:
        words = [*parsed.words, *parsed.phrases]
        suggestions["phrases"] = {
            "url": search.url(text=" ".join([*words, *(f"-{word}" for word in parsed.excluded)])),
        }
    if len(parsed.words) > 1:
        suggestions["fewer_words"] = [
            {"word": word, "url": search.url(text=word)} for word in parsed.words[:5]
        ]
    suggestions["tabs"] = [tab for tab in tabs if not tab["current"] and tab["count"]]
    return suggestions


def _pagination(search, results):
    last = max(math.ceil(results.total / search.query.per_page), 1)
    number = min(search.query.page, last)
    if last <= 1:
        return None
    return {
        "number": number,
        "last": last,
        "first_url": search.url(page=1) if number > 1 else None,
        "previous_url": search.url(page=number - 1) if number > 1 else None,
        "next_url": search.url(page=number + 1) if number < last else None,
        "last_url": search.url(page=last) if number < last else None,
        "window": [
            None
            if page is None
            else {"number": page, "url": search.url(page=page), "current": page == number}
            for page in page_window(number, last)
        ],
    }


def _log(search, results, duration_ms):
    """Record the search for the statistics — never at the cost of the page: a log that
    cannot be written (the database busy or failing) is skipped and said in the server log."""
    try:
        with _short_lock_wait(), transaction.atomic():
            SearchLog.objects.create(
                query=parse(search.text).normalised(),
                tab=search.tab,
                filters=search.log_filters(),
                results=results.total,
                duration_ms=round(duration_ms, 2),
                engine=results.engine,
                fallback=results.fallback,
            )
    except DatabaseError:
        logger.warning("Search log not written for %r", search.text, exc_info=True)


@require_safe
def search(request):
    user = request_user(request)
    search = parse_request(request.GET, visible_base_ids(user))
    results, failed = None, False
    started = time.perf_counter()
    try:
        results = _run(search.query)
    except (DatabaseError, EngineUnavailable):
        # The page must answer even when the engine cannot: say so, show no results.
        logger.warning("Search failed for %r", search.text, exc_info=True)
        failed = True
    duration_ms = (time.perf_counter() - started) * 1000
    if results is not None and not is_warm_up(request):
        _log(search, results, duration_ms)

    tab_counts = results.tab_counts if results else {}
    tabs = [
        {
            "key": key,
            "label": label,
            "count": tab_counts.get(TABS[key], 0),
            "count_text": _count(tab_counts.get(TABS[key], 0)),
            "url": search.url(tab=key),
            "current": key == search.tab,
        }
        for key, label in TAB_LABELS.items()
    ]
    total = results.total if results else 0
    selected_filters = _selected_filters(results, search)
    filtered = any(item["applies"] for item in selected_filters)
    facets, hidden_filters = _facets(results, search)
    context = {
        "search": search,
        "query": search.text,
        "truncated": search.truncated,
        "form": search.form,
        "results": results,
        "search_failed": failed,
        "fallback": bool(results and results.fallback),
        "total": total,
        # Every tab together: what the visitor may find for this search.
        "total_count": sum(tab_counts.values()),
        "tabs": tabs,
        "current_tab": next(tab for tab in tabs if tab["current"]),
        "status": status_text(search, total, filtered) if results else "",
        "facets": facets,
        "hidden_filters": hidden_filters,
        "open_licence_count": _count(_open_licence_count(results)),
        "selected_filters": selected_filters,
        "some_filters_do_not_apply": not all(item["applies"] for item in selected_filters),
        "clear_url": search.url(drop=("filters",)),
        "sorts": [
            {"value": value, "label": label, "selected": value == search.query.sort}
            for value, label in SORT_LABELS.items()
        ],
        "cards": [_card(hit) for hit in results.hits] if results else [],
        "pagination": _pagination(search, results) if results else None,
        "relax": _relax(results, search, tabs) if results and not total else None,
        "first_rank": (search.query.page - 1) * search.query.per_page + 1,
    }
    context["filter_count"] = len(selected_filters)
    # A date field shows the date it applies (ISO, as <input type=date> wants), else what came.
    context["date_values"] = {
        name: (applied.isoformat() if applied else str(search.form.data.get(name) or "")[:10])
        for name, applied in (
            ("du", search.query.published_from),
            ("au", search.query.published_to),
        )
    }
    context["title_text"] = search_title(search.text, len(selected_filters), search.query.page)
    return TemplateResponse(request, "search/search.html", context)


def search_title(text, filter_count, page):
    """« Recherche « atelier », 2 filtres, page 2 »: each search page has its own title, so
    that the history, the tabs of the browser and a screen reader tell them apart."""
    title = _("Recherche « %(text)s »") % {"text": text} if text else _("Rechercher")
    if filter_count:
        title += ngettext(", %(count)s filtre", ", %(count)s filtres", filter_count) % {
            "count": filter_count
        }
    if page and page > 1:
        title += _(", page %(page)s") % {"page": page}
    return title


@require_safe
@cache_control(private=True, max_age=60)
def suggest(request):
    """Titles completing what is typed in the header search: {"suggestions": [{title, url,
    kind}]}, at most 8, visibility applied; never an error (an empty list instead)."""
    text = clean_query(request.GET.get("q", ""))
    suggestions = []
    if len(text) >= MIN_SUGGEST_LENGTH:
        try:
            with engines.reading():
                found = engines.suggest(
                    text, visible_base_ids(request_user(request)), MAX_SUGGESTIONS
                )
            suggestions = [
                {"title": item["title"], "url": item["url"], "kind": item["kind"]}
                for item in list(found)[:MAX_SUGGESTIONS]
            ]
        except Exception:  # noqa: BLE001 — suggestions are a convenience, never an error page
            logger.warning("Suggestions failed for %r", text, exc_info=True)
            suggestions = []
    return JsonResponse({"suggestions": suggestions})
