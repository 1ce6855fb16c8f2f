"""/statistiques/: the commons in figures, for everyone, and the same figures for a base's admins.

Counting. A resource's readings and its files' downloads are counted per day (`DailyResourceStat`):
no cookie, no address, no session, nothing that says who; requests from robots (crawlers, link
previews, command-line tools, headless browsers) are left out by their User-Agent, and so are
prefetches. A reading counts when the page is served to someone allowed to read it; a download
when Wagtail serves the document (its `document_served` signal), for every resource that uses it,
and when a resource's PDF, Markdown or a pack that holds it is downloaded (`reuse`'s
`resource_downloaded` signal; those routes are not readings).

What the public figures cover: public, live bases and their live resources only (a private
base's resources, collections, readings or searches are never in them). A base's admins see the
figures of their base, private or not. Searches without results come from the anonymous search
log (search.models.SearchLog): what people look for and do not find.

Every table is a list of rows that the page draws as a chart next to the same table, and that
`/statistiques/<table>.csv` gives as a file. Figures are cached for `CACHE_SECONDS`.
"""

import csv
import re
from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import CharField, Count, F, Q, Sum
from django.db.models.functions import Cast, TruncMonth
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.models import ReferenceIndex, Revision

from base.models import BaseMembership, BasePage, Visibility
from label.criteria import Status as LabelStatus
from label.models import LabelRequest
from organisations.territories import region_name
from ressources.listing import visible_collections, visible_resources
from ressources.models import (
    ResourceCollectionPage,
    ResourcePage,
    ResourceVersion,
    Term,
    Vocabulary,
)
from reuse.signals import resource_downloaded
from search.models import SearchLog

from .models import DailyResourceStat

CACHE_SECONDS = 15 * 60
# Kept long after they are stale: a visitor is served stale figures while they are recomputed.
KEEP_SECONDS = 7 * 24 * 3600
REFRESH_LOCK_SECONDS = 10 * 60
MONTHS = 12
TOP = 10
BOTS = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl|wget|python-|httpx|"
    r"go-http|java/|headless|lighthouse|monitor|uptime|scanner",
    re.IGNORECASE,
)


# Counting ---------------------------------------------------------------------------------------


def is_robot(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    purpose = request.META.get("HTTP_SEC_PURPOSE", "") or request.META.get("HTTP_PURPOSE", "")
    return not agent or bool(BOTS.search(agent)) or "prefetch" in purpose.lower()


def count(resource_ids, field):
    """Add one to `field` (views or downloads) of each resource today."""
    today = timezone.localdate()
    for resource_id in resource_ids:
        updated = DailyResourceStat.objects.filter(resource_id=resource_id, day=today).update(
            **{field: F(field) + 1}
        )
        if not updated:
            try:
                with transaction.atomic():
                    DailyResourceStat.objects.create(
                        resource_id=resource_id, day=today, **{field: 1}
                    )
            except IntegrityError:  # created meanwhile by another request
                DailyResourceStat.objects.filter(resource_id=resource_id, day=today).update(
                    **{field: F(field) + 1}
                )


def _is_reading(request):
    return request.method == "GET" and not is_robot(request) and not request.GET.get("page")


def count_view(page, request, view=None):
    """From the `before_serve_page` hook: a reading of a live resource by someone who may
    read it (a share-link visitor or a robot is not counted)."""
    if not _is_reading(request):
        return
    if getattr(view, "__name__", "").startswith("download_"):  # counted as downloads
        return
    if not isinstance(page, ResourcePage) or not page.live:
        return
    base = page.base
    if base is None or not base.live or not base.user_can_view(request.user):
        return
    count([page.pk], "views")


def count_cached_view(resource_id, request):
    """A reading served from the page cache (portal.page_cache): the page was stored for an
    anonymous visitor, and any change to the resource or its base has dropped it since, so it
    is live and readable by anyone."""
    if _is_reading(request):
        count([resource_id], "views")


@receiver(document_served)
def count_download(sender, instance, request, **kwargs):
    if is_robot(request):
        return
    Document = get_document_model()
    pages = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Document),
        to_object_id=str(instance.pk),
        content_type=ContentType.objects.get_for_model(ResourcePage),
    ).values_list("object_id", flat=True)
    ids = set(ResourcePage.objects.live().filter(pk__in=list(pages)).values_list("pk", flat=True))
    count(sorted(ids), "downloads")


@receiver(resource_downloaded)
def count_resource_download(sender, request, resource_ids, **kwargs):
    if not is_robot(request):
        count(sorted(set(resource_ids)), "downloads")


# Figures ----------------------------------------------------------------------------------------


class Scope:
    """What a set of figures covers: the public commons, or one base (its admins' view)."""

    def __init__(self, base=None):
        self.base = base

    @property
    def key(self):
        return f"stats:{self.base.pk if self.base else 'public'}"

    def bases(self):
        if self.base is not None:
            return BasePage.objects.filter(pk=self.base.pk)
        return BasePage.objects.live().filter(visibility=Visibility.PUBLIC)

    def resources(self):
        """A base's live resources, or what an anonymous visitor may read (the site's rule)."""
        if self.base is not None:
            return ResourcePage.objects.live().child_of(self.base)
        return visible_resources(AnonymousUser())

    def collections(self):
        if self.base is not None:
            return ResourceCollectionPage.objects.live().child_of(self.base)
        return visible_collections(AnonymousUser())


def _months(now):
    first = (now.replace(day=1) - timedelta(days=31 * (MONTHS - 1))).replace(day=1)
    keys = []
    year, month = first.year, first.month
    for _i in range(MONTHS):
        keys.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return first, keys


def _monthly(queryset, date_field, keys, first, value=None):
    rows = (
        queryset.filter(
            **{f"{date_field}__date__gte" if date_field != "day" else "day__gte": first}
        )
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(total=Sum(value) if value else Count("pk"))
    )
    found = {row["month"].strftime("%Y-%m"): row["total"] or 0 for row in rows}
    return [found.get(key, 0) for key in keys]


def _monthly_usage(stats, keys, first):
    """Readings and downloads per month: summed per day in the database (no date function per
    row: at most a year of days come back), then per month here."""
    rows = (
        stats.filter(day__gte=first)
        .order_by()
        .values("day")
        .annotate(views=Sum("views"), downloads=Sum("downloads"))
    )
    totals = {key: {"views": 0, "downloads": 0} for key in keys}
    for row in rows:
        month = totals.get(row["day"].strftime("%Y-%m"))
        if month is not None:
            month["views"] += row["views"] or 0
            month["downloads"] += row["downloads"] or 0
    return {name: [totals[key][name] for key in keys] for name in ("views", "downloads")}


def compute(scope, now=None):
    now = now or timezone.now()
    resources = scope.resources()
    resource_ids = resources.values("pk")
    versions = ResourceVersion.objects.filter(resource_id__in=resource_ids)
    stats = DailyResourceStat.objects.filter(resource_id__in=resource_ids)
    resource_type = ContentType.objects.get_for_model(ResourcePage)
    # A subquery, not a list of ids (SQLite's variable limit, and one round trip).
    authors = set(
        Revision.objects.filter(
            content_type=resource_type,
            object_id__in=resources.annotate(key=Cast("pk", CharField())).values("key"),
            user__isnull=False,
        )
        .values_list("user_id", flat=True)
        .distinct()
    )
    members = set(
        BaseMembership.objects.filter(base__in=scope.bases()).values_list("user_id", flat=True)
    )
    labelled = LabelRequest.objects.filter(
        status=LabelStatus.LABELLED, resource_id__in=resource_ids
    ).values("resource_id")
    usage = stats.aggregate(views=Sum("views"), downloads=Sum("downloads"))
    totals = [
        ("bases", _("Bases"), scope.bases().count()),
        ("resources", _("Ressources"), resources.count()),
        ("collections", _("Collections"), scope.collections().count()),
        ("contributors", _("Contributeurs"), len(authors | members)),
        ("versions", _("Versions publiées"), versions.count()),
        ("adaptations", _("Adaptations"), resources.filter(adapted_from__isnull=False).count()),
        ("labelled", _("Dispositifs labellisés NEC"), labelled.distinct().count()),
        ("views", _("Consultations"), usage["views"] or 0),
        ("downloads", _("Téléchargements"), usage["downloads"] or 0),
    ]
    first, keys = _months(timezone.localtime(now).date())
    monthly = {
        "keys": keys,
        "resources": _monthly(resources, "first_published_at", keys, first),
        "versions": _monthly(versions, "published_at", keys, first),
        **_monthly_usage(stats, keys, first),
    }
    since = timezone.localdate() - timedelta(days=365)
    consulted = (
        stats.filter(day__gte=since)
        .values("resource_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "resource_id")[:TOP]
    )
    consulted = list(consulted)
    top = resources.filter(pk__in=[row["resource_id"] for row in consulted])
    titles, urls = {}, {}
    for page in top:
        titles[page.pk], urls[page.pk] = page.title, page.url
    most_consulted = [
        (titles.get(row["resource_id"], ""), row["total"], urls.get(row["resource_id"], ""))
        for row in consulted
        if row["total"]
    ]
    reused = (
        resources.annotate(
            total=Count("adaptations", filter=Q(adaptations__live=True), distinct=True)
        )
        .filter(total__gt=0)
        .order_by("-total", "title")[:TOP]
    )
    improved = (
        resources.annotate(total=Count("versions"))
        .filter(total__gt=1)
        .order_by("-total", "title")[:TOP]
    )
    by_region = {}
    for code, total in resources.values_list("region_code").annotate(total=Count("pk")):
        label = region_name(code) if code else _("National ou non précisé")
        by_region[label] = by_region.get(label, 0) + total
    themes = (
        Term.objects.filter(vocabulary=Vocabulary.THEME, themed_resources__in=resource_ids)
        .annotate(total=Count("themed_resources"))
        .order_by("-total", "label")[:15]
    )
    figures = {
        "totals": totals,
        "monthly": monthly,
        "most_consulted": most_consulted,
        "most_reused": [(r.title, r.total, r.url) for r in reused],
        "most_improved": [(r.title, r.total - 1, r.url) for r in improved],
        "by_region": sorted(by_region.items(), key=lambda item: (-item[1], item[0])),
        "by_theme": [(t.label, t.total) for t in themes],
        "computed_at": now,
    }
    if scope.base is None:
        recent = timezone.now() - timedelta(days=90)
        figures["no_results"] = list(
            SearchLog.objects.filter(created_at__gte=recent, results=0)
            .exclude(query="")
            .values_list("query")
            .annotate(total=Count("pk"))
            .order_by("-total", "query")[:20]
        )
    return figures


def figures_for(scope):
    """The scope's figures from the shared cache, never older than `CACHE_SECONDS` for long:
    stale figures are served while a background task recomputes them (one at a time), so only
    the very first visitor of a fresh cache waits for a computation (seconds at 100,000
    resources)."""
    figures = cache.get(scope.key)
    if figures is None:
        figures = compute(scope)
        cache.set(scope.key, figures, KEEP_SECONDS)
        return figures
    stale = timezone.now() - figures["computed_at"] > timedelta(seconds=CACHE_SECONDS)
    if stale and cache.add(f"{scope.key}:refreshing", True, REFRESH_LOCK_SECONDS):
        refresh_figures.enqueue(scope.base.pk if scope.base else None)
    return figures


@task()
def refresh_figures(base_id=None):
    """Recompute a scope's figures into the cache (enqueued by `figures_for` when stale)."""
    base = BasePage.objects.filter(pk=base_id).first() if base_id else None
    scope = Scope(base)
    try:
        if base_id is None or base is not None:
            cache.set(scope.key, compute(scope), KEEP_SECONDS)
    finally:
        cache.delete(f"{scope.key}:refreshing")


# Tables as CSV ----------------------------------------------------------------------------------

TABLES = {
    "totaux": (
        ("Indicateur", "Valeur"),
        lambda f: [(label, value) for _k, label, value in f["totals"]],
    ),
    "par-mois": (
        ("Mois", "Nouvelles ressources", "Versions", "Consultations", "Téléchargements"),
        lambda f: list(
            zip(
                f["monthly"]["keys"],
                f["monthly"]["resources"],
                f["monthly"]["versions"],
                f["monthly"]["views"],
                f["monthly"]["downloads"],
                strict=True,
            )
        ),
    ),
    "plus-consultees": (("Ressource", "Consultations", "Adresse"), lambda f: f["most_consulted"]),
    "plus-reutilisees": (("Ressource", "Adaptations", "Adresse"), lambda f: f["most_reused"]),
    "plus-ameliorees": (
        ("Ressource", "Nouvelles versions", "Adresse"),
        lambda f: f["most_improved"],
    ),
    "par-region": (("Région", "Ressources"), lambda f: f["by_region"]),
    "par-thematique": (("Thématique", "Ressources"), lambda f: f["by_theme"]),
    "recherches-sans-resultat": (
        ("Recherche", "Nombre de fois"),
        lambda f: f.get("no_results", []),
    ),
}


def csv_response(figures, table, filename):
    header, rows = TABLES[table]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{table}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    for row in rows(figures):
        writer.writerow([_defused(cell) for cell in row])
    return response


def _defused(value):
    """A cell that a spreadsheet would run as a formula is written as text."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
