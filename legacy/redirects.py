"""The old addresses of La Base and Les Bases, answered with a permanent redirect (301).

What the two platforms really served (their front-ends, read in their repositories):
- La Base (V1, Nuxt): `/base/<id>` with `?tab=` or `?view=` (`presentation`, `resources`,
  `collections`) and `?collection=<id>` for an open collection; `/ressource/<id>` and
  `/ressource/<id>/edition`.
- Les Bases (V2, Next.js): `/bases/<slug>` and its tabs (`/ressources`, `/collections`,
  `/membres`, `/accueil`), `/ressources/<slug>` and its sub-pages (`/avis`, `/editer`…),
  `/collections/<slug>`. Les Bases kept La Base's ids (`legacyId`), so an import from Les Bases
  also answers La Base's addresses.

The redirect is looked up in `ImportedItem` (legacy.models) only when the site answered 404
(legacy.middleware): a live page of this site always wins, including its own `/bases/<slug>/`.
Nor does an address where a page of this site stands (a private base answering 404 to a
visitor) ever redirect elsewhere.
"""

import re

from wagtail.models import Page, Site

from .models import ImportedItem, ItemKind, Platform

V1_BASE = re.compile(r"^/base/(?P<id>\d{1,12})/?$")
V1_RESOURCE = re.compile(r"^/ressource/(?P<id>\d{1,12})(?:/[\w-]*)?/?$")
V2_BASE = re.compile(r"^/bases/(?P<slug>[\w-]{1,255})(?:/(?P<tab>[\w-]+))?/?$")
V2_RESOURCE = re.compile(r"^/ressources?/(?P<slug>[\w-]{1,255})(?:/[\w-]+)*/?$")
V2_COLLECTION = re.compile(r"^/collections/(?P<slug>[\w-]{1,255})(?:/[\w-]+)?/?$")

# Their tabs → ours (`?onglet=` of a base page, or a sub-page).
V1_TABS = {"collections": "collections", "presentation": "a-propos", "resources": "ressources"}
V2_TABS = {"collections": "collections", "ressources": "ressources", "accueil": "a-propos"}


def _page(platform, kind, source_id=None, slug=None):
    rows = ImportedItem.objects.filter(platform=platform, kind=kind, page__isnull=False)
    rows = rows.filter(source_id=source_id) if source_id else rows.filter(source_slug=slug)
    row = rows.select_related("page").first()
    return row.page if row is not None and row.page.live else None


def _with_tab(url, tab):
    return f"{url}?onglet={tab}" if tab else url


def target(path, query):
    """The address here of an old address (path and query dict), or None."""
    match = V1_BASE.match(path)
    if match:
        collection = query.get("collection", "")
        if collection.isdigit():
            page = _page(Platform.LA_BASE, ItemKind.COLLECTION, source_id=collection)
            if page is not None:
                return page.url
        page = _page(Platform.LA_BASE, ItemKind.BASE, source_id=match["id"])
        tab = V1_TABS.get(query.get("view") or query.get("tab") or "")
        return _with_tab(page.url, tab) if page is not None else None
    match = V1_RESOURCE.match(path)
    if match:
        page = _page(Platform.LA_BASE, ItemKind.RESOURCE, source_id=match["id"])
        return page.url if page is not None else None
    match = V2_BASE.match(path)
    if match:
        page = _page(Platform.LES_BASES, ItemKind.BASE, slug=match["slug"])
        if page is None:
            return None
        if match["tab"] == "membres":
            return page.url + "membres/"
        return _with_tab(page.url, V2_TABS.get(match["tab"] or ""))
    for pattern, kind in ((V2_RESOURCE, ItemKind.RESOURCE), (V2_COLLECTION, ItemKind.COLLECTION)):
        match = pattern.match(path)
        if match:
            page = _page(Platform.LES_BASES, kind, slug=match["slug"])
            return page.url if page is not None else None
    return None


def page_stands_at(request, path):
    """Whether a page of this site has this address (live or not, visible or not)."""
    site = Site.find_for_request(request)
    if site is None:
        return False
    url_path = site.root_page.url_path + path.strip("/") + "/"
    return Page.objects.filter(url_path=url_path.replace("//", "/")).exists()
