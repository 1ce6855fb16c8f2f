"""What a public contributor may change in a resource, as plain data.

The public edit form, a change proposal and a merge after a conflict all carry the same payload:
title, summary, body blocks (Wagtail's raw stream data), the four taxonomy vocabularies and tags.
Everything else (licence, credits, images, territory) stays with the base's editors.
"""

from .models import Term
from .rules import TAXONOMY_LIMITS

TAXONOMY_FIELDS = tuple(TAXONOMY_LIMITS)


def edit_data(page):
    """The editable part of a page state, JSON-serialisable (stored in ChangeProposal.content)."""
    data = {
        "title": page.title,
        "summary": page.summary,
        "body": [dict(block) for block in page.body.raw_data],
        "tags": sorted(tag.name for tag in page.tags.all()),
    }
    for field in TAXONOMY_FIELDS:
        data[field] = sorted(term.pk for term in getattr(page, field).all())
    return data


def apply_edit(page, data):
    """Set an edit payload on an in-memory page state (nothing is saved)."""
    page.title = data["title"]
    page.draft_title = data["title"]
    page.summary = data["summary"]
    page.body = data["body"]
    for field in TAXONOMY_FIELDS:
        setattr(page, field, list(Term.objects.filter(pk__in=data.get(field, []))))
    page.tags.set(data.get("tags", []))
    return page


def changed_fields(before, after):
    """Names of the payload keys that differ between two payloads."""
    return [key for key in after if before.get(key) != after.get(key)]
