"""The search document of a page: one dict that every engine indexes.

Only live pages of live bases are searchable, and only their current published version (the
page row, never an older revision). `is_public` and `base_id` carry visibility: a private base's
pages (and a private collection) are found only by the base's members and platform admins.
"""

import hashlib
import json

from wagtail import hooks
from wagtail.models import Page, Site

from base.models import BASE_DEPTH, BasePage, Visibility
from organisations.models import Organisation
from ressources.diff import body_text, rich_text_to_text
from ressources.models import (
    CollectionItem,
    Licence,
    ResourceCollectionPage,
    ResourceCredit,
    ResourcePage,
    ResourceTag,
    Term,
)
from ressources.reviews import figures_of, shaped

from . import facets
from .models import Kind

# Facets a document carries, and the URL parameter of each on the search page.
FACETS = {
    "themes": "thematique",
    "resource_types": "type",
    "beneficiaries": "beneficiaire",
    "professional_sectors": "secteur",
    "licence": "licence",
    "base": "base",
    "organisation_kind": "organisation",
    "region": "region",
    "department": "departement",
    "language": "langue",
    "tags": "mot-cle",
    "label": "label",
}
# The facets the documents of each kind carry; a tab applies and counts only those, so that a
# theme chosen on the resources tab does not empty the bases tab.
FACETS_OF_KIND = {
    "resource": tuple(FACETS),
    "base": ("organisation_kind", "region", "department"),
    "collection": ("base", "organisation_kind", "region", "department"),
}
TAXONOMY = ("themes", "resource_types", "beneficiaries", "professional_sectors")
BASE_PATH_LENGTH = BASE_DEPTH * Page.steplen
# Pages read (and documents built) per query.
CHUNK = 500


def serialise(document):
    """The document as JSON, keys sorted: what the database engine stores and fingerprints."""
    return json.dumps(document, sort_keys=True, default=str)


def fingerprint(document, serialised=None):
    """Tells `search_index check` whether an indexed document is stale."""
    return hashlib.sha1((serialised or serialise(document)).encode()).hexdigest()


def searchable_pages():
    """Every page that belongs in the index, specific, in tree order: live bases, and the live
    resources and collections of live bases."""
    base_paths = set(BasePage.objects.live().values_list("path", flat=True))
    for model in (BasePage, ResourcePage, ResourceCollectionPage):
        # Pages after pages by path (keyset), each chunk a query of its own: no cursor stays
        # open while a rebuild writes between chunks (on SQLite, a read left open across a
        # write transaction on the same connection can be refused its write lock).
        last = ""
        while True:
            chunk = list(model.objects.live().filter(path__gt=last).order_by("path")[:CHUNK])
            for page in chunk:
                if page.path[:BASE_PATH_LENGTH] in base_paths:
                    yield page
            if len(chunk) < CHUNK:
                break
            last = chunk[-1].path


def base_page_of(page):
    if isinstance(page, BasePage):
        return page
    return BasePage.objects.filter(path=page.path[:BASE_PATH_LENGTH]).first()


def is_searchable(page, batch=None):
    page = page.specific
    if not isinstance(page, (BasePage, ResourcePage, ResourceCollectionPage)) or not page.live:
        return False
    base = batch.base_of(page) if batch is not None else base_page_of(page)
    return base is not None and base.live


class Batch:
    """What the documents of a batch of pages read beyond the pages' own rows — their bases and
    organisations, taxonomy, tags, credits, licences, producers, avis figures, label requests,
    collection items, the site's root paths — fetched in a fixed number of queries for the
    whole batch. Building a document page by page costs several queries each (the base, its
    organisation, the avis…): a full rebuild spent most of its time there.

    `pages` are specific pages; `build_document(page, batch)` reads only from here."""

    def __init__(self, pages):
        self.pages = pages
        paths = {page.path[:BASE_PATH_LENGTH] for page in pages}
        self.bases = {
            base.path: base
            for base in BasePage.objects.filter(path__in=paths).select_related("organisation")
        }
        self.site_root_paths = Site.get_site_root_paths() if pages else []
        # get_kind_display() translates every choice at each call: once per batch here.
        self.organisation_kinds = {
            value: str(label) for value, label in Organisation._meta.get_field("kind").flatchoices
        }
        resources = [page for page in pages if isinstance(page, ResourcePage)]
        self._load_resources(resources)
        collections = [page for page in pages if isinstance(page, ResourceCollectionPage)]
        self._load_collections(collections)

    def base_of(self, page):
        """The page's base (a base: its copy here, with its organisation), or None."""
        if isinstance(page, BasePage):
            return self.bases.get(page.path, page)
        return self.bases.get(page.path[:BASE_PATH_LENGTH])

    def url_of(self, page):
        """page.url without a look-up per page (Wagtail caches the root paths on the object)."""
        page._wagtail_cached_site_root_paths = self.site_root_paths
        return page.url

    def _load_resources(self, resources):
        self.terms, self.tags, self.credits, self.reviews = {}, {}, {}, {}
        self.licences, self.producers, self.labels = {}, {}, {}
        if not resources:
            return
        ids = [page.pk for page in resources]
        self.licences = Licence.objects.in_bulk({page.licence_id for page in resources} - {None})
        self.producers = Organisation.objects.in_bulk(
            {page.producer_id for page in resources} - {None}
        )
        # The taxonomy is small: every term once, in its own order (what `.all()` returns).
        terms = {term.pk: (rank, term) for rank, term in enumerate(Term.objects.all())}
        for field in TAXONOMY:
            through = getattr(ResourcePage, field).through
            found = {}
            for resource_id, term_id in through.objects.filter(resourcepage_id__in=ids).values_list(
                "resourcepage_id", "term_id"
            ):
                found.setdefault(resource_id, []).append(terms[term_id])
            self.terms[field] = {
                pk: [term for _rank, term in sorted(items, key=lambda item: item[0])]
                for pk, items in found.items()
            }
        for pk, name, slug in ResourceTag.objects.filter(content_object_id__in=ids).values_list(
            "content_object_id", "tag__name", "tag__slug"
        ):
            self.tags.setdefault(pk, []).append((name, slug))
        for pk, name in (
            ResourceCredit.objects.filter(resource_id__in=ids)
            .order_by("sort_order", "pk")
            .values_list("resource_id", "name")
        ):
            self.credits.setdefault(pk, []).append(name)
        reviewed = [
            page.pk for page in resources if getattr(self.base_of(page), "reviews_enabled", False)
        ]
        self.reviews = figures_of(reviewed) if reviewed else {}
        self.labels = label_statuses(resources)

    def _load_collections(self, collections):
        self.items, self.public_paths = {}, set()
        if not collections:
            return
        self.public_paths = set(
            BasePage.objects.live()
            .filter(visibility=Visibility.PUBLIC, awaiting_moderation=False)
            .values_list("path", flat=True)
        )
        for collection_id, title, live, path in (
            CollectionItem.objects.filter(collection_id__in=[page.pk for page in collections])
            .order_by("sort_order", "pk")
            .values_list("collection_id", "resource__title", "resource__live", "resource__path")
        ):
            self.items.setdefault(collection_id, []).append((title, live, path))


def build_documents(pages):
    """The documents of the searchable ones among `pages` (specific pages), in a fixed number
    of queries (Batch)."""
    batch = Batch(pages)
    return [build_document(page, batch) for page in pages if is_searchable(page, batch)]


def label_statuses(resources):
    """{resource id: label facet} — LABELLED or EXPIRED (search.facets) — of a batch of
    resources, as told by the app that decides labels through the "search_label_statuses" hook
    (label/wagtail_hooks.py); a resource absent from every answer is NONE (also when no app
    registers the hook)."""
    statuses = {}
    for hook in hooks.get_hooks("search_label_statuses"):
        for pk, status in (hook(resources) or {}).items():
            if status:
                statuses.setdefault(pk, status)
    return statuses


def _term(term):
    return {"slug": term.slug, "label": term.label, "category": term.category}


def _date(value):
    return value.isoformat() if value else None


def _organisation(organisation, batch):
    if organisation is None:
        return None
    return {
        "name": organisation.name,
        "kind": organisation.kind,
        "kind_label": batch.organisation_kinds.get(organisation.kind, organisation.kind),
    }


def build_document(page, batch=None):
    """The search document of a searchable page (see is_searchable); `batch` holds what it
    reads (a Batch of this page alone when not given)."""
    page = page.specific
    if batch is None:
        batch = Batch([page])
    base = batch.base_of(page)
    document = {
        "id": page.pk,
        "url": batch.url_of(page),
        "title": page.title,
        "base": {"id": base.pk, "title": base.title, "slug": base.slug},
        "is_public": base.is_public,
        "first_published_at": _date(page.first_published_at),
        "last_published_at": _date(page.last_published_at),
        "region": base.region_code or None,
        "department": base.department_code or None,
        "organisation": _organisation(base.organisation, batch),
        "themes": [],
        "resource_types": [],
        "beneficiaries": [],
        "professional_sectors": [],
        "tags": [],
        "tag_slugs": [],
        "credits": [],
        "files": [],
        "licence": None,
        "language": None,
        "label": None,
        "original_publication_date": None,
        "summary": "",
        "body": "",
        "rating": None,
        "review_count": 0,
    }
    if isinstance(page, ResourcePage):
        document.update(_resource_fields(page, base, batch))
    elif isinstance(page, ResourceCollectionPage):
        document["kind"] = Kind.COLLECTION
        document["summary"] = page.description
        document["is_public"] = document["is_public"] and page.visibility == Visibility.PUBLIC
        document["body"] = "\n".join(_collection_titles(page, base, batch))
    else:
        document["kind"] = Kind.BASE
        document["summary"] = " ".join(
            part for part in (page.dedicated_to, rich_text_to_text(page.description)) if part
        )
    # The texts each engine weighs: title (A) > summary (B) > everything else (C).
    document["text_title"] = document["title"]
    document["text_summary"] = document["summary"]
    document["text_other"] = "\n".join(_other_texts(document))
    return document


def _territory(page, base):
    if page.region_code:
        return {"region": page.region_code, "department": page.department_code or None}
    return {"region": base.region_code or None, "department": base.department_code or None}


def _collection_titles(collection, base, batch):
    """Titles of the resources a collection lists, only those every reader of the collection
    may see: a live resource of a public base, or of the collection's own base."""
    for title, live, path in batch.items.get(collection.pk, ()):
        if not live:
            continue
        own_base = path[:BASE_PATH_LENGTH]
        if own_base == base.path or own_base in batch.public_paths:
            yield title


def _resource_fields(page, base, batch):
    licence = batch.licences.get(page.licence_id)
    producer = batch.producers.get(page.producer_id)
    files = []
    for block in page.body:
        if block.block_type == "document" and block.value.get("document"):
            file = block.value["document"]
            files.append(block.value.get("title") or file.title)
            files.append(file.filename)
    tags = batch.tags.get(page.pk, ())
    return {
        "kind": Kind.RESOURCE,
        "summary": page.summary,
        "body": body_text(page),
        "tags": sorted(name for name, _slug in tags),
        "tag_slugs": sorted(slug for _name, slug in tags),
        "credits": list(batch.credits.get(page.pk, ())),
        "files": files,
        "licence": {
            "spdx": licence.spdx_id,
            "name": licence.short_name or licence.name,
            "is_open": licence.is_open,
        }
        if licence
        else None,
        "language": page.language,
        # Re-indexed by label.workflow when a decision or an expiry changes it.
        "label": batch.labels.get(page.pk, facets.NONE),
        "original_publication_date": _date(page.original_publication_date),
        # A resource's own territory, when it has one, is more precise than its base's.
        **_territory(page, base),
        "producer": producer.name if producer else None,
        **_review_figures(page, base, batch),
        **{
            field: [_term(term) for term in batch.terms[field].get(page.pk, ())]
            for field in TAXONOMY
        },
    }


def _review_figures(page, base, batch):
    """The « les mieux notées » sort key: the average avis once there are enough to mean
    something (ressources.reviews.MIN_SHOWN), else None; re-indexed when an avis changes."""
    figures = shaped(batch.reviews.get(page.pk, {})) if base.reviews_enabled else None
    if figures is None:
        return {"rating": None, "review_count": 0}
    return {"rating": figures["average"], "review_count": figures["count"]}


def _other_texts(document):
    yield document["body"]
    yield " ".join(document["tags"])
    for field in TAXONOMY:
        yield " ".join(term["label"] for term in document[field])
    yield " ".join(document["credits"])
    yield " ".join(document["files"])
    if document.get("producer"):
        yield document["producer"]
    if document["organisation"]:
        yield document["organisation"]["name"]
    yield document["base"]["title"]


def facet_values(document):
    """(facet, value) pairs of a document, what the facet counts count."""
    for field in TAXONOMY:
        for term in document[field]:
            yield field, term["slug"]
    if document["licence"]:
        yield "licence", document["licence"]["spdx"]
        if document["licence"]["is_open"]:
            yield "licence", "ouverte"
    yield "base", str(document["base"]["id"])
    if document["organisation"]:
        yield "organisation_kind", document["organisation"]["kind"]
    if document["region"]:
        yield "region", document["region"]
    if document["department"]:
        yield "department", document["department"]
    if document["language"]:
        yield "language", document["language"]
    for slug in document.get("tag_slugs", ()):
        yield "tags", slug
    if document["label"]:
        yield "label", document["label"]
