"""Readable differences between two states of a resource (versions, proposals, conflicts).

Pure functions, no database writes. A *snapshot* is the comparable text of a page state; a
*diff* of two snapshots is a list of sections, each a list of segments (equal, insert, delete).

    from ressources.diff import compare_pages
    sections = compare_pages(old_page, new_page)   # any two ResourcePage states, saved or not

    {% include "ressources/versions/diff.html" with sections=sections %}

The include shows the changed sections (insertions in `<ins>`, deletions in `<del>`, each with a
visually hidden « Ajout : » / « Suppression : » prefix) and names the unchanged ones. It needs
static/css/versions.css: `{% block extra_head %}<link rel="stylesheet" href="{% static
'css/versions.css' %}">{% endblock %}`. Optional include parameters: `heading="h4"` (level of
the section titles, h3 by default), `hide_unchanged=True` (do not name the unchanged sections),
`hide_legend=True`.

Text sections (title, summary, body) are compared word by word, list sections (taxonomy, tags,
credits) item by item; the licence (a string in the snapshot) is replaced as a whole.
"""

import difflib
import html
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"

TEXT = "text"  # compared word by word
LIST = "list"  # compared item by item
VALUE = "value"  # a single value, replaced as a whole (shown like a list of one item)

# key, label, kind — the order in which sections are shown.
SECTIONS = [
    ("title", _("Titre"), TEXT),
    ("summary", _("Résumé"), TEXT),
    ("themes", _("Thématiques"), LIST),
    ("resource_types", _("Types de ressource"), LIST),
    ("beneficiaries", _("Bénéficiaires"), LIST),
    ("professional_sectors", _("Secteurs professionnels"), LIST),
    ("tags", _("Mots-clés"), LIST),
    ("licence", _("Licence"), VALUE),
    ("credits", _("Crédits"), LIST),
    ("body", _("Contenu"), TEXT),
]
LABELS = {key: label for key, label, _kind in SECTIONS}
KINDS = {key: kind for key, _label, kind in SECTIONS}


@dataclass
class Segment:
    kind: str  # EQUAL, INSERT or DELETE
    text: str

    @property
    def is_insert(self):
        return self.kind == INSERT

    @property
    def is_delete(self):
        return self.kind == DELETE


@dataclass
class SectionDiff:
    key: str
    label: str
    kind: str  # TEXT (segments are runs of words) or LIST (one segment per item)
    changed: bool
    segments: list[Segment] = field(default_factory=list)

    @property
    def is_list(self):
        return self.kind == LIST


# Snapshots ---------------------------------------------------------------------------------

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|div)\s*>|<br\s*/?>", re.IGNORECASE)


def rich_text_to_text(source):
    """Plain text of a rich text (Wagtail's stored HTML), one line per paragraph or item."""
    source = getattr(source, "source", source) or ""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", str(source))))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _lines(*parts):
    return [part.strip() for part in parts if part and str(part).strip()]


def block_text(block):
    """The readable text of one body block, as a list of lines."""
    value, kind = block.value, block.block_type
    if kind == "heading":
        return _lines(value.get("text"))
    if kind == "paragraph":
        return _lines(rich_text_to_text(value))
    if kind == "callout":
        return _lines(value.get("title"), rich_text_to_text(value.get("text")))
    if kind == "link":
        return _lines(f"{_('Lien')} : {value.get('title') or value.get('url') or ''}") + _lines(
            value.get("description")
        )
    if kind == "document":
        document = value.get("document")
        title = value.get("title") or (document.title if document else "")
        return _lines(f"{_('Fichier')} : {title}") + _lines(value.get("description"))
    if kind == "video":
        return _lines(f"{_('Vidéo')} : {value.get('title') or ''}") + _lines(
            value.get("transcript")
        )
    if kind == "image":
        image = value.get("image")
        alt = value.get("alt_text") or (image.title if image else "")
        lines = _lines(f"{_('Image')} : {alt}")
        if value.get("caption"):
            lines += _lines(f"{_('Légende')} : {value.get('caption')}")
        return lines
    return _lines(str(value))


def body_text(page):
    """The text of all the blocks of a resource body, a blank line between blocks."""
    blocks = ["\n".join(block_text(block)) for block in page.body]
    return "\n\n".join(text for text in blocks if text)


def page_snapshot(page):
    """The comparable content of a page state: {key: text or list of texts}, in SECTIONS order.

    Works on saved pages, on `revision.as_object()` and on unsaved in-memory states."""
    snapshot = {
        "title": page.title or "",
        "summary": page.summary or "",
    }
    for key in ("themes", "resource_types", "beneficiaries", "professional_sectors"):
        snapshot[key] = sorted(term.label for term in getattr(page, key).all())
    snapshot["tags"] = sorted(tag.name for tag in page.tags.all())
    snapshot["licence"] = page.licence.name if page.licence_id and page.licence else ""
    snapshot["credits"] = [
        f"{credit.name} ({credit.get_role_display()})" for credit in page.credits.all()
    ]
    snapshot["body"] = body_text(page)
    return snapshot


# Diffs -------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\S+\s*|\s+")


def _append(segments, kind, text):
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1].text += text
        return
    if segments and not segments[-1].text[-1:].isspace():
        segments[-1].text += " "  # « mot<del>mot</del> » would read as one word
    segments.append(Segment(kind, text))


def diff_text(old, new):
    """Word-level segments turning `old` into `new` (whitespace and line breaks kept)."""
    old_tokens, new_tokens = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    matcher = difflib.SequenceMatcher(
        None, [t.strip() for t in old_tokens], [t.strip() for t in new_tokens], autojunk=False
    )
    segments = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(segments, EQUAL, "".join(new_tokens[j1:j2]))
            continue
        if op in ("delete", "replace"):
            _append(segments, DELETE, "".join(old_tokens[i1:i2]))
        if op in ("insert", "replace"):
            _append(segments, INSERT, "".join(new_tokens[j1:j2]))
    return segments


def diff_list(old, new):
    """Item-level segments (one per item) turning the list `old` into `new`."""
    old, new = list(old or []), list(new or [])
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    segments = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments += [Segment(EQUAL, item) for item in new[j1:j2]]
            continue
        if op in ("delete", "replace"):
            segments += [Segment(DELETE, item) for item in old[i1:i2]]
        if op in ("insert", "replace"):
            segments += [Segment(INSERT, item) for item in new[j1:j2]]
    return segments


class SectionDiffs(list):
    """The list of SectionDiff that diff_snapshots returns, with a few summaries for templates."""

    @property
    def changed(self):
        return [section for section in self if section.changed]

    @property
    def has_changes(self):
        return any(section.changed for section in self)

    @property
    def unchanged_labels(self):
        return [section.label for section in self if not section.changed]


def _normalise(value, kind):
    if kind == LIST:
        return list(value or [])
    return value or ""


def diff_snapshots(old, new):
    """Compare two snapshots (see page_snapshot): a SectionDiff per section, in order."""
    sections = SectionDiffs()
    keys = [key for key, _label, _kind in SECTIONS if key in old or key in new]
    keys += [key for key in {**old, **new} if key not in LABELS]
    for key in keys:
        a, b = old.get(key), new.get(key)
        kind = KINDS.get(key) or (LIST if isinstance(a or b, (list, tuple)) else TEXT)
        if kind == VALUE:
            kind, a, b = LIST, [a] if a else [], [b] if b else []
        segments = diff_list(a, b) if kind == LIST else diff_text(a, b)
        sections.append(
            SectionDiff(
                key=key,
                label=str(LABELS.get(key, key)),
                kind=kind,
                changed=_normalise(a, kind) != _normalise(b, kind),
                segments=segments,
            )
        )
    return sections


def compare_pages(old_page, new_page):
    """The differences between two states of a resource, ready for diff.html."""
    return diff_snapshots(page_snapshot(old_page), page_snapshot(new_page))


def has_changes(sections):
    return any(section.changed for section in sections)


def changed_labels(sections):
    return [section.label for section in sections if section.changed]
