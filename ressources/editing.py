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


# Three-way merge (conflicts, proposals accepted after the resource changed) ------------------------------------------------------------------------


def merge_states(base, theirs, yours):
    """Three-way merge of edit payloads: your changes applied over the current version.

    Returns (state, conflicts): where only you changed something, your value; where only the
    other person did, theirs; where both did, yours, and the field (or block id) is listed in
    `conflicts` so that the form can point at it."""
    state, conflicts = {}, set()
    for field in ("title", "summary"):
        if yours[field] == base[field]:
            state[field] = theirs[field]
        else:
            state[field] = yours[field]
            if theirs[field] not in (base[field], yours[field]):
                conflicts.add(field)
    for field in (*TAXONOMY_FIELDS, "tags"):
        base_set, your_set = set(base.get(field, [])), set(yours.get(field, []))
        merged = (set(theirs.get(field, [])) | (your_set - base_set)) - (base_set - your_set)
        state[field] = sorted(merged)
    state["body"], body_conflicts = merge_bodies(base["body"], theirs["body"], yours["body"])
    conflicts |= body_conflicts
    return state, conflicts


def merge_bodies(base, theirs, yours):
    base_by_id = {block["id"]: block for block in base}
    their_by_id = {block["id"]: block for block in theirs}
    your_ids = {block["id"] for block in yours}
    merged, conflicts = [], set()
    for block in yours:
        block_id = block["id"]
        original = base_by_id.get(block_id)
        if original is None:
            merged.append(block)  # you added it
        elif block == original:
            if block_id in their_by_id:
                merged.append(their_by_id[block_id])  # theirs, changed or not
            # else: they deleted a block you did not touch
        else:
            merged.append(block)
            if their_by_id.get(block_id) != original:
                conflicts.add(block_id)  # changed or deleted by them, changed by you
    # Blocks the other person added, after the block that precedes them in their version.
    for position, block in enumerate(theirs):
        if block["id"] in base_by_id or block["id"] in your_ids:
            continue
        anchor = None
        for previous in reversed(theirs[:position]):
            if any(item["id"] == previous["id"] for item in merged):
                anchor = previous["id"]
                break
        index = 0
        if anchor is not None:
            index = next(i for i, item in enumerate(merged) if item["id"] == anchor) + 1
        merged.insert(index, block)
    return merged, conflicts
