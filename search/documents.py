"""The search document of a page: one dict that every engine indexes.

Only live pages of live bases are searchable, and only their current published version (the
page row, never an older revision). `is_public` and `base_id` carry visibility: a private base's
pages (and a private collection) are found only by the base's members and platform admins.
"""

import hashlib
import json

from wagtail import hooks
from wagtail.models import Page

from base.models import BASE_DEPTH, BasePage, Visibility
from ressources.diff import body_text, rich_text_to_text
from ressources.models import ResourceCollectionPage, ResourcePage
from ressources.reviews import summary as review_summary

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


def fingerprint(document):
    return hashlib.sha1(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()


def searchable_pages():
    """Every page that belongs in the index, specific, in tree order: live bases, and the live
    resources and collections of live bases."""
    base_paths = set(BasePage.objects.live().values_list("path", flat=True))
    for model in (BasePage, ResourcePage, ResourceCollectionPage):
        for page in model.objects.live().order_by("path").iterator(chunk_size=500):
            if page.path[:BASE_PATH_LENGTH] in base_paths:
                yield page


def base_page_of(page):
    if isinstance(page, BasePage):
        return page
    return BasePage.objects.filter(path=page.path[:BASE_PATH_LENGTH]).first()


def is_searchable(page):
    page = page.specific
    if not isinstance(page, (BasePage, ResourcePage, ResourceCollectionPage)) or not page.live:
        return False
    base = base_page_of(page)
    return base is not None and base.live


def label_status(resource):
    """The label facet of a resource: LABELLED, EXPIRED or NONE (search.facets), as told by the
    app that decides labels through the "search_label_status" hook (label/wagtail_hooks.py);
    NONE when no app registers one."""
    for hook in hooks.get_hooks("search_label_status"):
        status = hook(resource)
        if status:
            return status
    return facets.NONE


def _term(term):
    return {"slug": term.slug, "label": term.label, "category": term.category}


def _date(value):
    return value.isoformat() if value else None


def _organisation(organisation):
    if organisation is None:
        return None
    return {
        "name": organisation.name,
        "kind": organisation.kind,
        "kind_label": str(organisation.get_kind_display()),
    }


def build_document(page):
    """The search document of a searchable page (see is_searchable)."""
    page = page.specific
    base = base_page_of(page)
    document = {
        "id": page.pk,
        "url": page.url,
        "title": page.title,
        "base": {"id": base.pk, "title": base.title, "slug": base.slug},
        "is_public": base.is_public,
        "first_published_at": _date(page.first_published_at),
        "last_published_at": _date(page.last_published_at),
        "region": base.region_code or None,
        "department": base.department_code or None,
        "organisation": _organisation(base.organisation),
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
        document.update(_resource_fields(page, base))
    elif isinstance(page, ResourceCollectionPage):
        document["kind"] = Kind.COLLECTION
        document["summary"] = page.description
        document["is_public"] = document["is_public"] and page.visibility == Visibility.PUBLIC
        document["body"] = "\n".join(_collection_titles(page, base))
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


def _collection_titles(collection, base):
    """Titles of the resources a collection lists, only those every reader of the collection
    may see: a live resource of a public base, or of the collection's own base."""
    public_paths = set(
        BasePage.objects.live()
        .filter(visibility=Visibility.PUBLIC, awaiting_moderation=False)
        .values_list("path", flat=True)
    )
    for item in collection.items.select_related("resource"):
        resource = item.resource
        if resource is None or not resource.live:
            continue
        own_base = resource.path[:BASE_PATH_LENGTH]
        if own_base == base.path or own_base in public_paths:
            yield resource.title


def _resource_fields(page, base):
    licence = page.licence
    files = []
    for block in page.body:
        if block.block_type == "document" and block.value.get("document"):
            file = block.value["document"]
            files.append(block.value.get("title") or file.title)
            files.append(file.filename)
    return {
        "kind": Kind.RESOURCE,
        "summary": page.summary,
        "body": body_text(page),
        "tags": sorted(tag.name for tag in page.tags.all()),
        "tag_slugs": sorted(tag.slug for tag in page.tags.all()),
        "credits": [credit.name for credit in page.credits.all()],
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
        "label": label_status(page),
        "original_publication_date": _date(page.original_publication_date),
        # A resource's own territory, when it has one, is more precise than its base's.
        **_territory(page, base),
        "producer": page.producer.name if page.producer else None,
        **_review_figures(page, base),
        **{field: [_term(term) for term in getattr(page, field).all()] for field in TAXONOMY},
    }


def _review_figures(page, base):
    """The « les mieux notées » sort key: the average avis once there are enough to mean
    something (ressources.reviews.MIN_SHOWN), else None; re-indexed when an avis changes."""
    figures = review_summary(page) if base.reviews_enabled else None
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
