"""Readers of the two export formats, each turned into one neutral shape the importer reads.

The formats are JSON documents written from the platforms' own data models (field names as their
APIs spell them, camelCase); the README (« Import depuis La Base et Les Bases ») documents them:

- `"format": "labase-v1"`: La Base (SocieteNumerique/La-Base-backend, Django): `tagCategories`
  with their `tags` (the V1 taxonomy is data), `users`, and `bases` as its
  `/api/bases/<id>/full/` gives them (resources with their `tags`, `licenseText`,
  `externalProducers` and content `sections`; collections with their resource ids).
- `"format": "lesbases-v2"`: Les Bases (inclusion-numerique/la-base, Prisma): `users`, and `bases`
  with their `members`, `resources` (enum arrays `themes`, `resourceTypes`, `beneficiaries`,
  `professionalSectors`, and the retired `supportTypes` / `targetAudiences` of older exports;
  `contents` blocks; `contributors`) and `collections` (`resources` with their `order`).

Everything below the readers works on plain dicts:
  base: key, slug, legacy_key, title, description, is_public, email, website, department,
        created, updated, owner, members [(user key, is_admin)], pending_members, resources,
        collections
  resource: key, slug, legacy_key, title, summary, state (« public » | « private » | « draft »),
        created, published, updated, creator, contributors, credits [(kind, name)],
        terms [(vocabulary hint, raw value)], tags, licence {raw, spdx, contact}, cover, blocks
  block: {"type": heading|text|link|file|image|resource, …}
  collection: key, slug, legacy_key, title, description, is_public, created, updated, creator,
        resources [resource keys, in order]
  base also: logo, cover (file specs or None), follows [{user, created}], sections (La Base's
        « rubriques »: key, title, description, kind « resources » | « collections », position,
        resources, collections)
  resource also: reviews [{author, usefulness 1–4, comment, created, updated}]
  source also: profile_follows [{user, person, created}] (Les Bases)
"""

import json
from datetime import datetime
from pathlib import Path

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import is_naive, make_aware

from .models import Platform

FORMATS = {"labase-v1": Platform.LA_BASE, "lesbases-v2": Platform.LES_BASES}


class ExportError(ValueError):
    """The file is not an export this command reads (message in French, for the operator)."""


def read_export(path):
    """The neutral shape of an export file: {"platform", "folder", "users", "bases"}."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ExportError(f"Fichier introuvable : {path}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(f"{path} n'est pas un fichier JSON lisible : {error}") from error
    if not isinstance(data, dict) or data.get("format") not in FORMATS:
        raise ExportError(
            f'{path} : format inconnu. Attendu « "format": "labase-v1" » ou '
            '« "format": "lesbases-v2" » (voir le README).'
        )
    platform = FORMATS[data["format"]]
    reader = read_v1 if platform == Platform.LA_BASE else read_v2
    source = reader(data)
    source["platform"] = platform
    source["folder"] = path.parent
    return source


def moment(value):
    """An aware datetime from an ISO date or date-time (None when absent or unreadable)."""
    if not value:
        return None
    if isinstance(value, datetime):
        parsed = value
    else:
        parsed = parse_datetime(str(value))
        if parsed is None:
            day = parse_date(str(value)[:10])
            parsed = datetime(day.year, day.month, day.day) if day else None
    if parsed is not None and is_naive(parsed):
        parsed = make_aware(parsed)
    return parsed


def _key(value):
    return "" if value is None else str(value)


def _ids(values):
    """Ids from a list of ids or of objects with an `id` (the V1 API gives both shapes)."""
    return [_key(value.get("id") if isinstance(value, dict) else value) for value in values or []]


# La Base (V1) ---------------------------------------------------------------------------------

V1_LICENCE_TYPES = {
    "main_00free": "free",
    "main_01proprietary": "proprietary",
    "main_02other": "other",
}


def read_v1(data):
    categories = {}
    tags = {}
    for category in data.get("tagCategories") or []:
        categories[_key(category["id"])] = category
        for tag in category.get("tags") or []:
            tags[_key(tag["id"])] = {**tag, "category": category}
    users = {
        _key(user["id"]): {
            "email": user.get("email") or "",
            "first_name": user.get("firstName") or "",
            "last_name": user.get("lastName") or "",
            "slug": "",
        }
        for user in data.get("users") or []
    }
    criteria = {
        _key(criterion.get("slug")): criterion.get("name") or ""
        for criterion in data.get("criteria") or []
    }
    # Evaluations come inside their resource, or in one list naming their resource.
    evaluations = {}
    for row in data.get("evaluations") or []:
        evaluations.setdefault(_key(row.get("resource")), []).append(row)
    bookmarks = {}
    for row in data.get("baseBookmarks") or []:
        bookmarks.setdefault(_key(row.get("base")), []).append(row)
    bases = []
    for base in data.get("bases") or []:
        owner = _ids([base["owner"]])[0] if base.get("owner") else ""
        members = [(owner, True)] if owner else []
        members += [(key, True) for key in _ids(base.get("admins"))]
        members += [(key, False) for key in _ids(base.get("contributors"))]
        bases.append(
            {
                "key": _key(base["id"]),
                "slug": "",
                "legacy_key": "",
                "title": base.get("title") or "",
                "description": base.get("description") or "",
                "is_public": base.get("state", "private") == "public",
                "email": base.get("contact") or "",
                "website": base.get("website") or "",
                "department": "",
                "created": moment(base.get("created")),
                "updated": moment(base.get("modified")),
                "owner": owner,
                "members": members,
                "pending_members": [],
                "resources": [
                    _v1_resource(item, tags, criteria, evaluations)
                    for item in base.get("resources") or []
                ],
                "collections": [_v1_collection(item) for item in base.get("collections") or []],
                "logo": _v1_image(base.get("profileImage") or base.get("profile_image")),
                "cover": _v1_image(base.get("coverImage") or base.get("cover_image")),
                "follows": [
                    {"user": _ids([row["user"]])[0], "created": moment(row.get("created"))}
                    for row in [
                        *(base.get("bookmarks") or []),
                        *bookmarks.get(_key(base["id"]), []),
                    ]
                    if row.get("user")
                ],
                "sections": [
                    _v1_section(item)
                    for item in sorted(
                        base.get("sections") or [], key=lambda s: s.get("position") or 0
                    )
                ],
            }
        )
    return {"users": users, "bases": bases, "profile_follows": []}


def _v1_image(image):
    """A base's `profileImage` / `coverImage` (a ResizableImage): the file spec of its image,
    as for a resource's files; `image` is its address over there (what --telecharger fetches)."""
    if not image:
        return None
    if isinstance(image, str):
        image = {"image": image}
    if isinstance(image.get("image"), dict):
        return _v1_image(image["image"])
    link = image.get("link") or image.get("image") or ""
    if not (image.get("path") or image.get("base64") or link):
        return None
    return {
        "name": image.get("name") or link.rstrip("/").rsplit("/", 1)[-1] or "image",
        "path": image.get("path") or "",
        "base64": image.get("base64") or "",
        "link": link,
        "alt": image.get("alt") or "",
    }


def _v1_section(item):
    return {
        "key": _key(item["id"]),
        "title": item.get("title") or "",
        "description": item.get("description") or "",
        "kind": item.get("type") or "resources",
        "position": item.get("position") or 0,
        "resources": _ids(item.get("resources")),
        "collections": _ids(item.get("collections")),
    }


V1_RECOMMENDATION = "recommendation"


def v1_usefulness(grades, recommendation):
    """La Base's evaluations of one person as one usefulness (1–4): « Oui » to « Recommandez-
    vous ? » is « Utile », « Non » « Pas utile »; without it, the mean of the 0–4 grades:
    below 1 « Pas utile », below 2 « Peu utile », below 3 « Utile », then « Très utile »."""
    if recommendation is not None:
        return 3 if recommendation else 1
    mean = sum(grades) / len(grades)
    return min(4, int(mean) + 1)


def _v1_reviews(rows, criteria):
    """One review per person from La Base's evaluations (one row per criterion)."""
    by_user = {}
    for row in rows:
        if row.get("user") is None or row.get("evaluation") is None:
            continue
        by_user.setdefault(_ids([row["user"]])[0], []).append(row)
    reviews = []
    for user, evaluations in by_user.items():
        # The recommendation first, then the criteria in the order La Base shows them.
        evaluations.sort(key=lambda row: _key(row.get("criterion")) != V1_RECOMMENDATION)
        recommendation, grades, comments = None, [], []
        for row in evaluations:
            criterion = _key(row.get("criterion"))
            if criterion == V1_RECOMMENDATION:
                recommendation = bool(row["evaluation"])
            else:
                grades.append(max(0, min(4, int(row["evaluation"]))))
            comment = (row.get("comment") or "").strip()
            if comment:
                name = criteria.get(criterion) or (
                    "Recommandation" if criterion == V1_RECOMMENDATION else criterion
                )
                comments.append(f"{name} : {comment}" if name else comment)
        if recommendation is None and not grades:
            continue
        created = [moment(row.get("created")) for row in evaluations]
        updated = [moment(row.get("modified") or row.get("created")) for row in evaluations]
        reviews.append(
            {
                "author": user,
                "usefulness": v1_usefulness(grades, recommendation),
                "comment": "\n\n".join(comments),
                "created": min((d for d in created if d), default=None),
                "updated": max((d for d in updated if d), default=None),
            }
        )
    return reviews


def _v1_resource(item, tags, criteria=None, evaluations=None):
    terms, keywords, licence = [], [], {"raw": "", "spdx": None, "contact": ""}
    licence_type = ""
    for tag_id in _ids(item.get("tags")):
        tag = tags.get(tag_id)
        if tag is None:
            continue
        slug = tag["category"].get("slug") or ""
        if slug == "license_01license":
            licence_type = V1_LICENCE_TYPES.get(tag.get("slug"), "")
        elif slug == "license_02free":
            licence["raw"] = tag["name"]
        elif slug.startswith("license_"):
            continue  # price and « account required »: nothing to carry over
        elif tag.get("isFree"):
            keywords.append(tag["name"])
        else:
            terms.append((tag["category"], tag["name"]))
    text = item.get("licenseText") or {}
    if licence_type == "proprietary":
        licence["raw"] = licence["raw"] or "Propriétaire"
        licence["spdx"] = "LicenseRef-tous-droits-reserves"
        licence["contact"] = text.get("link") or ""
    elif licence_type == "other":
        licence["raw"] = text.get("name") or licence["raw"] or "Autre licence"
        licence["contact"] = text.get("link") or ""
    credits = [
        ("organisation", producer["name"])
        for producer in item.get("externalProducers") or []
        if producer.get("name")
    ]
    sections = item.get("contents") or item.get("sections") or []
    if isinstance(sections, dict):
        sections = sections.get("sections") or []
    blocks = []
    for section in sorted(sections, key=lambda s: s.get("order") or 0):
        if section.get("title"):
            blocks.append({"type": "heading", "text": section["title"]})
        for content in sorted(section.get("contents") or [], key=lambda c: c.get("order") or 0):
            blocks.extend(_v1_block(content))
    state = item.get("state") or "draft"
    return {
        "key": _key(item["id"]),
        "slug": "",
        "legacy_key": "",
        "title": item.get("title") or "",
        "summary": item.get("description") or "",
        "state": state if state in ("public", "private") else "draft",
        "created": moment(item.get("created")),
        "published": moment(item.get("created")),
        "updated": moment(item.get("modified")),
        "creator": _ids([item["creator"]])[0] if item.get("creator") else "",
        "contributors": _ids(item.get("contributors")),
        "credits": credits,
        "terms": terms,
        "tags": keywords,
        "licence": licence,
        "cover": None,
        "blocks": blocks,
        "original_date_text": item.get("resourceCreatedOn") or "",
        "reviews": _v1_reviews(
            [*(item.get("evaluations") or []), *(evaluations or {}).get(_key(item["id"]), [])],
            criteria or {},
        ),
    }


def _v1_block(content):
    kind = content.get("type")
    title = content.get("title") or ""
    note = content.get("annotation") or ""
    if kind == "text":
        return [{"type": "text", "html": content.get("text") or "", "title": title}]
    if kind == "link" and content.get("link"):
        return [
            {
                "type": "link",
                "url": content["link"],
                "title": title or content.get("targetTitle") or content["link"],
                "description": note or content.get("targetDescription") or "",
            }
        ]
    if kind == "file" and content.get("file"):
        file = content["file"]
        image = str(file.get("mimeType") or "").startswith("image/")
        return [
            {
                "type": "image" if image else "file",
                "file": file,
                "title": title,
                "description": note,
                "alt": content.get("imageAlt") or "",
            }
        ]
    if kind == "linkedResource" and content.get("linkedResource"):
        return [
            {"type": "resource", "resource": _ids([content["linkedResource"]])[0], "title": title}
        ]
    return [{"type": "unknown", "kind": str(kind)}]


def _v1_collection(item):
    return {
        "key": _key(item["id"]),
        "slug": "",
        "legacy_key": "",
        "title": item.get("name") or "",
        "description": item.get("description") or "",
        "is_public": True,
        "created": moment(item.get("created")),
        "updated": moment(item.get("modified")),
        "creator": "",
        "resources": _ids(item.get("resources")),
    }


# Les Bases (V2) -------------------------------------------------------------------------------

V2_VOCABULARIES = {
    "themes": "theme",
    "resourceTypes": "resource_type",
    "supportTypes": "resource_type",  # retired in June 2025
    "beneficiaries": "beneficiary",
    "professionalSectors": "professional_sector",
    "targetAudiences": "audience",  # retired in July 2025: split into the two above
}


def read_v2(data):
    users = {
        _key(user["id"]): {
            "email": user.get("email") or "",
            "first_name": user.get("firstName") or "",
            "last_name": user.get("lastName") or "",
            "name": user.get("name") or "",
            "slug": user.get("slug") or "",
        }
        for user in data.get("users") or []
    }
    follows = {}
    for row in data.get("baseFollows") or []:
        follows.setdefault(_key(row.get("baseId")), []).append(row)
    bases = []
    for base in data.get("bases") or []:
        if base.get("deleted"):
            continue
        members = base.get("members") or []
        logo, cover = base.get("image"), base.get("coverImage")
        bases.append(
            {
                "key": _key(base["id"]),
                "slug": base.get("slug") or "",
                "legacy_key": _key(base.get("legacyId")),
                "title": base.get("title") or "",
                "description": base.get("description") or "",
                "is_public": bool(base.get("isPublic")),
                "email": base.get("email") if base.get("email") != "contact@contact.fr" else "",
                "website": base.get("website") or "",
                "department": base.get("department") or "",
                "created": moment(base.get("created")),
                "updated": moment(base.get("updated")),
                "owner": _key(base.get("createdById")),
                "members": [
                    (_key(m["memberId"]), bool(m.get("isAdmin")))
                    for m in members
                    if m.get("accepted")
                ],
                "pending_members": [_key(m["memberId"]) for m in members if not m.get("accepted")],
                "resources": [
                    _v2_resource(item)
                    for item in base.get("resources") or []
                    if not item.get("deleted")
                ],
                "collections": [
                    _v2_collection(item)
                    for item in base.get("collections") or []
                    if not item.get("deleted") and not item.get("isFavorites")
                ],
                "logo": _v2_image(logo) if logo else None,
                "cover": _v2_image(cover) if cover else None,
                "follows": [
                    {"user": _key(row["followerId"]), "created": moment(row.get("followed"))}
                    for row in [
                        *(base.get("followedBy") or []),
                        *follows.get(_key(base["id"]), []),
                    ]
                    if row.get("followerId")
                ],
                "sections": [],
            }
        )
    profile_follows = [
        {
            "key": _key(row.get("id")) or f"{row['followerId']}:{row['profileId']}",
            "user": _key(row["followerId"]),
            "person": _key(row["profileId"]),
            "created": moment(row.get("followed")),
        }
        for row in data.get("profileFollows") or []
        if row.get("followerId") and row.get("profileId")
    ]
    return {"users": users, "bases": bases, "profile_follows": profile_follows}


def _v2_resource(item):
    terms = [
        (vocabulary, value)
        for field, vocabulary in V2_VOCABULARIES.items()
        for value in item.get(field) or []
    ]
    if item.get("published") is None:
        state = "draft"
    else:
        state = "public" if item.get("isPublic") else "private"
    blocks = []
    for content in sorted(item.get("contents") or [], key=lambda c: c.get("order") or 0):
        blocks.extend(_v2_block(content))
    image = item.get("image")
    return {
        "key": _key(item["id"]),
        "slug": item.get("slug") or "",
        "legacy_key": _key(item.get("legacyId")),
        "title": item.get("title") or "",
        "summary": item.get("description") or "",
        "state": state,
        "created": moment(item.get("created")),
        "published": moment(item.get("published")),
        "updated": moment(item.get("lastPublished") or item.get("updated")),
        "creator": _key(item.get("createdById")),
        "contributors": [_key(c["contributorId"]) for c in item.get("contributors") or []],
        "credits": [],
        "terms": terms,
        "tags": [],
        "licence": {"raw": item.get("licence") or "ETALAB_2_0", "spdx": None, "contact": ""},
        "cover": _v2_image(image) if image else None,
        "blocks": blocks,
        "original_date_text": "",
        "reviews": [
            {
                "author": _key(row["sentById"]),
                # « Non / Moyen / Oui / Beaucoup » there, « Pas utile … Très utile » here.
                "usefulness": row.get("rating"),
                "comment": (row.get("comment") or "").strip(),
                "created": moment(row.get("created")),
                "updated": moment(row.get("updated") or row.get("created")),
            }
            for row in item.get("resourceFeedback") or []
            if not row.get("deleted") and row.get("sentById")
        ],
    }


def _v2_image(image):
    upload = image.get("upload") or {}
    return {**upload, "alt": image.get("altText") or ""}


def _v2_block(content):
    kind = str(content.get("type") or "").replace("_", "").lower()
    title = content.get("title") or ""
    if kind == "sectiontitle":
        return [{"type": "heading", "text": title}] if title else []
    if kind == "text":
        return [{"type": "text", "html": content.get("text") or "", "title": title}]
    if kind == "link" and content.get("url"):
        return [
            {
                "type": "link",
                "url": content["url"],
                "title": title or content.get("linkTitle") or content["url"],
                "description": content.get("caption") or content.get("linkDescription") or "",
            }
        ]
    if kind == "image" and content.get("image"):
        image = _v2_image(content["image"])
        return [
            {
                "type": "image",
                "file": image,
                "title": title,
                "description": content.get("caption") or "",
                "alt": content.get("imageAltText") or image["alt"],
            }
        ]
    if kind == "file" and content.get("file"):
        return [
            {
                "type": "file",
                "file": content["file"],
                "title": title,
                "description": content.get("caption") or "",
                "alt": "",
            }
        ]
    return [{"type": "unknown", "kind": str(content.get("type"))}]


def _v2_collection(item):
    entries = sorted(
        item.get("resources") or [],
        key=lambda entry: (
            entry.get("order") is None,
            entry.get("order") or 0,
            entry.get("added") or "",
        ),
    )
    return {
        "key": _key(item["id"]),
        "slug": item.get("slug") or "",
        "legacy_key": _key(item.get("legacyId")),
        "title": item.get("title") or "",
        "description": item.get("description") or "",
        "is_public": bool(item.get("isPublic")),
        "created": moment(item.get("created")),
        "updated": moment(item.get("updated")),
        "creator": _key(item.get("createdById")),
        "resources": [_key(entry["resourceId"]) for entry in entries],
    }
