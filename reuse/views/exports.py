"""Exports of a base, a collection and a search result, as CSV or JSON.

Each export lists what its page lists to the same person, through the same rule: a base's and a
collection's exports are sub-pages reached through the page's `serve` (a private base answers
404 to outsiders, a share link opens what it opens) and read `visible_resources` as the page
does, with the « Ressources » tab's filters and sort; the search export asks the engine of
/rechercher/ with the same filters and visibility. At most `MAX_ROWS` rows (the open-data dump
has everything public).

CSV: UTF-8 with a BOM, `;` separator, French headers (what a French spreadsheet opens as is).
"""

import io
import json

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from base.page_context import request_user
from base.sharing import grants_for
from ressources.listing import ResourceFilterForm, visible_resources
from ressources.models import ResourcePage
from search import reading
from search.forms import parse_request, visible_base_ids

from ..records import COLUMNS, absolute_urls, csv_row, csv_writer, records

MAX_ROWS = 1000
FORMATS = ("csv", "json")


def export_response(request, fmt, pages, total, *, title, source, filename):
    """The rows of `pages` (at most MAX_ROWS of `total`) as a CSV or JSON download."""
    if fmt not in FORMATS:
        raise Http404
    rows = list(records(pages[:MAX_ROWS], absolute_urls(request)))
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv_writer(buffer, ";")
        writer.writerow([column.title for column in COLUMNS])
        writer.writerows(csv_row(row) for row in rows)
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = content_disposition_header(True, f"{filename}.csv")
    else:
        data = {
            "export": title,
            "source": request.build_absolute_uri(source),
            "date": timezone.now().replace(microsecond=0).isoformat(),
            "total": total,
            "nombre": len(rows),
            "tronque": total > len(rows),
            "ressources": rows,
        }
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = content_disposition_header(False, f"{filename}.json")
    # What a person may read differs from one person to the next.
    response["Cache-Control"] = "private, no-store"
    return response


def base_export(request, page, fmt):
    """The « Ressources » tab of a base (its filters and sort in the query string)."""
    user = request_user(request)
    grants = None if page.is_public else grants_for(request)
    resources = visible_resources(user, ResourcePage.objects.child_of(page), grants)
    form = ResourceFilterForm.from_query(request.GET, resources=resources)
    resources = form.apply(resources)
    return export_response(
        request,
        fmt,
        resources,
        resources.count(),
        title=_("Ressources de la base « %(title)s »") % {"title": page.title},
        source=page.url,
        filename=f"ressources-{page.slug}",
    )


def collection_export(request, page, fmt):
    """The resources of a collection, in its order, those the reader may open only."""
    user = request_user(request)
    ids = [item.resource_id for item in page.items.all()]
    visible = visible_resources(user, grants=grants_for(request)).filter(pk__in=ids)
    by_id = {resource.pk: resource for resource in visible}
    resources = [by_id[pk] for pk in dict.fromkeys(ids) if pk in by_id]
    return export_response(
        request,
        fmt,
        resources,
        len(resources),
        title=_("Ressources de la collection « %(title)s »") % {"title": page.title},
        source=page.url,
        filename=f"collection-{page.slug}",
    )


@require_safe
def search_export(request, fmt):
    """The resources /rechercher/ finds for the same address, best first (MAX_ROWS at most)."""
    if fmt not in FORMATS:
        raise Http404
    user = request_user(request)
    search = parse_request(request.GET, visible_base_ids(user))
    query = search.query
    query.tab, query.page, query.per_page = "ressources", 1, MAX_ROWS
    try:
        results = reading.read(query)
    except reading.SearchUnavailable as unavailable:
        return unavailable.response
    ids = [hit.id for hit in results.hits]
    by_id = {resource.pk: resource for resource in visible_resources(user).filter(pk__in=ids)}
    resources = [by_id[pk] for pk in ids if pk in by_id]
    if search.text:
        title = _("Recherche « %(text)s »") % {"text": search.text}
        filename = "recherche-" + (slugify(search.text)[:40].strip("-") or "ressources")
    else:
        title, filename = _("Recherche"), "recherche"
    return export_response(
        request,
        fmt,
        resources,
        results.tab_counts.get("resource", len(resources)),
        title=title,
        source=search.url(tab="ressources"),
        filename=filename,
    )
