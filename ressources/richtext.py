"""A light text markup for editing rich text in a plain <textarea> (public edit form).

Public contributors edit paragraphs without a JavaScript editor. Each rich-text block is shown
as text with a small markup, close to what people type in e-mails:

- a blank line starts a new paragraph; a single line break stays a line break;
- a line starting with « - » is an item of a bulleted list, « 1. » of a numbered list; two spaces
  before the marker per level make a sub-list;
- « ### » starts a sub-title, « #### » a smaller one; « > » a quotation;
- ``**gras**``, ``*italique*``, ``[texte du lien](https://exemple.fr)`` (http, https and mailto
  addresses only); links to pages and documents of the platform read ``[texte](page:12)`` and
  ``[texte](document:3)``;
- a backslash keeps a character as typed: ``\\*``, ``\\[``, ``\\]``, ``\\\\``, and at the start of
  a line ``\\-``, ``\\#``, ``\\>``, ``1\\.``.

`html_to_markup` turns what Wagtail stores (its rich-text « database » HTML) into that markup and
`markup_to_html` turns the markup back into the same HTML. Everything else is escaped:
whatever a person types, the result holds no HTML but the elements above, and links only to
http(s), mailto, or pages and documents by id.

Over 500 lines: a parser and its serializer that must stay exact inverses of each other (the
tests round-trip them), so they live together.
"""

import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Features of the body's paragraph block and of the callout text (see ressources.blocks).
PARAGRAPH_FEATURES = frozenset(
    ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4", "blockquote"]
)
CALLOUT_FEATURES = frozenset(["bold", "italic", "link", "ul"])
MAX_MARKUP_LENGTH = 50_000
MAX_LIST_DEPTH = 4

INLINE_ESCAPES = "\\*[]<"
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li"}
VOID_TAGS = {"br", "hr", "img", "embed", "input", "wbr", "meta", "link", "source"}
SKIPPED_TAGS = {"script", "style", "template", "iframe", "object", "noscript", "textarea"}

LIST_ITEM = re.compile(r"^( *)(?:([-+*•])|(\d{1,9})[.)])[ \t]+(\S.*)$")
HEADING = re.compile(r"^(#{3,4})[ \t]+(\S.*)$")
QUOTE = re.compile(r"^>[ \t]?(.*)$")
ESCAPED_BLOCK_START = re.compile(r"^\\([-+•#>])|^(\d{1,9})\\([.)])")
INTERNAL_TARGET = re.compile(r"^(page|document):(\d{1,12})$")
TAG_LIKE = re.compile(r"(?<!\\)</?[a-zA-Z!?]")
ASCII_SPACES = re.compile(r"[ \t\n\r\f\v]+")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# --- HTML → markup -------------------------------------------------------------------------


class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag, attrs=None):
        self.tag = tag
        self.attrs = dict(attrs or {})
        self.children = []


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the stored HTML (it comes from Wagtail, but is not trusted)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag in SKIPPED_TAGS:
                self.skipping += 1
            return
        if tag in SKIPPED_TAGS:
            self.skipping = 1
            return
        node = _Node(tag, attrs)
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        if self.skipping or tag in SKIPPED_TAGS:
            return
        self.stack[-1].children.append(_Node(tag, attrs))

    def handle_endtag(self, tag):
        if self.skipping:
            if tag in SKIPPED_TAGS:
                self.skipping -= 1
            return
        for position in range(len(self.stack) - 1, 0, -1):
            if self.stack[position].tag == tag:
                del self.stack[position:]
                return

    def handle_data(self, data):
        if not self.skipping:
            self.stack[-1].children.append(data)


def _escape_text(text):
    text = text.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\[").replace("]", "\\]")
    return re.sub(r"<(?=/?[a-zA-Z!?])", r"\\<", text)


def _markup_target(node):
    linktype = node.attrs.get("linktype")
    if linktype in ("page", "document"):
        ref = (node.attrs.get("id") or "").strip()
        return f"{linktype}:{ref}" if ref.isdigit() else None
    if linktype:
        return None
    href = (node.attrs.get("href") or "").strip()
    if _external_href(href) is None:
        return None
    href = href.replace(" ", "%20")
    if href.count("(") != href.count(")"):
        href = href.replace("(", "%28").replace(")", "%29")
    return href


def _wrap(inner, marker):
    if not inner.strip():
        return inner
    core = inner.strip()
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


EMPHASIS_FAMILIES = {"b": "b", "strong": "b", "i": "i", "em": "i"}


def _merge_adjacent(children):
    """« <b>a</b><b>b</b> » reads « **ab** »: « **a****b** » would not read back."""
    merged = []
    for child in children:
        family = None if isinstance(child, str) else EMPHASIS_FAMILIES.get(child.tag)
        previous = merged[-1] if merged else None
        if (
            family
            and previous is not None
            and not isinstance(previous, str)
            and EMPHASIS_FAMILIES.get(previous.tag) == family
        ):
            combined = _Node(previous.tag)
            combined.children = previous.children + child.children
            merged[-1] = combined
        else:
            merged.append(child)
    return merged


def _inline_markup(children, in_link=False):
    parts = []
    for child in _merge_adjacent(children):
        if isinstance(child, str):
            parts.append(_escape_text(ASCII_SPACES.sub(" ", child)))
        elif child.tag == "br":
            parts.append("\n")
        elif child.tag in VOID_TAGS:
            continue
        elif child.tag in ("b", "strong"):
            parts.append(_wrap(_inline_markup(child.children, in_link), "**"))
        elif child.tag in ("i", "em"):
            parts.append(_wrap(_inline_markup(child.children, in_link), "*"))
        elif child.tag == "a" and not in_link:
            inner = _inline_markup(child.children, in_link=True)
            target = _markup_target(child)
            if target is None or not inner.strip():
                parts.append(inner)
            else:
                core = inner.strip()
                lead = inner[: len(inner) - len(inner.lstrip())]
                trail = inner[len(inner.rstrip()) :]
                parts.append(f"{lead}[{core}]({target}){trail}")
        elif child.tag in BLOCK_TAGS:
            # A block inside an inline context (malformed HTML): keep its text on its own line.
            parts.append("\n" + _inline_markup(child.children, in_link) + "\n")
        else:
            parts.append(_inline_markup(child.children, in_link))
    return "".join(parts)


def _clean_lines(text):
    # ASCII whitespace only: French text keeps its non-breaking spaces (« : », « ; »).
    lines = [ASCII_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    return [line for line in lines if line]


def _escape_block_start(line):
    if re.match(r"^[-+•#>]", line):
        return "\\" + line
    match = re.match(r"^(\d{1,9})([.)])", line)
    if match:
        return f"{match.group(1)}\\{match.group(2)}{line[match.end() :]}"
    return line


def _paragraph_markup(children):
    return "\n".join(_escape_block_start(line) for line in _clean_lines(_inline_markup(children)))


def _list_markup(node, depth, lines):
    number = 0
    for item in node.children:
        if isinstance(item, str):
            if item.strip():
                number += 1
                lines.append(_list_line(node.tag, depth, number, [item]))
            continue
        if item.tag in ("ul", "ol"):
            _list_markup(item, min(depth + 1, MAX_LIST_DEPTH), lines)
            continue
        content = item.children if item.tag == "li" else [item]
        inline = [
            child for child in content if isinstance(child, str) or child.tag not in ("ul", "ol")
        ]
        text = " ".join(_clean_lines(_inline_markup(inline)))
        if text:
            number += 1
            lines.append(_list_line(node.tag, depth, number, text))
        for child in content:
            if not isinstance(child, str) and child.tag in ("ul", "ol"):
                _list_markup(child, min(depth + 1, MAX_LIST_DEPTH), lines)


def _list_line(tag, depth, number, text):
    if not isinstance(text, str):
        text = " ".join(_clean_lines(_inline_markup(text)))
    marker = f"{number}." if tag == "ol" else "-"
    return f"{'  ' * depth}{marker} {text}"


def html_to_markup(html):
    """The markup of a stored rich-text value (see the module docstring)."""
    builder = _TreeBuilder()
    builder.feed(str(html or ""))
    builder.close()
    blocks = []
    pending = []

    def flush():
        if pending:
            text = _paragraph_markup(pending)
            if text:
                blocks.append(text)
            pending.clear()

    for node in builder.root.children:
        if isinstance(node, str) or node.tag not in BLOCK_TAGS:
            pending.append(node)
            continue
        flush()
        if node.tag in ("h3", "h4"):
            text = " ".join(_clean_lines(_inline_markup(node.children)))
            if text:
                blocks.append(f"{'#' * int(node.tag[1])} {text}")
        elif node.tag == "blockquote":
            lines = _clean_lines(_inline_markup(node.children))
            if lines:
                blocks.append("\n".join(f"> {line}" for line in lines))
        elif node.tag in ("ul", "ol"):
            lines = []
            _list_markup(node, 0, lines)
            if lines:
                blocks.append("\n".join(lines))
        elif node.tag == "li":
            text = " ".join(_clean_lines(_inline_markup(node.children)))
            if text:
                blocks.append(f"- {text}")
        else:
            text = _paragraph_markup(node.children)
            if text:
                blocks.append(text)
    flush()
    return "\n\n".join(blocks)


# --- markup → HTML -------------------------------------------------------------------------


def _external_href(target):
    """The href of an external link, or None when the address is not an accepted one."""
    if not target or any(char.isspace() or ord(char) < 32 for char in target):
        return None
    if target.lower().startswith("www."):
        target = "https://" + target
    try:
        parts = urlsplit(target)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.netloc and not parts.netloc.startswith("@"):
        return target
    if scheme == "mailto" and len(target) > len("mailto:") and "@" in target:
        return target
    return None


def _link_open_tag(target, features):
    match = INTERNAL_TARGET.match(target)
    if match:
        kind, ref = match.groups()
        feature = "link" if kind == "page" else "document-link"
        if feature not in features:
            return None
        return f'<a linktype="{kind}" id="{int(ref)}">'
    if "link" not in features:
        return None
    href = _external_href(target.replace(" ", "%20"))
    if href is None:
        return None
    return f'<a href="{escape(href, quote=True)}">'


def _find_closing(text, start, opening, closing, escapes):
    """Index of the `closing` char that balances the `opening` one at `start`, or -1."""
    depth = 0
    position = start
    while position < len(text):
        char = text[position]
        if escapes and char == "\\" and position + 1 < len(text):
            position += 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return position
        position += 1
    return -1


class _Delimiter:
    """A run of « * »: its length, what is left of it, and the tags it became."""

    __slots__ = ("length", "count", "can_open", "can_close", "opens", "closes")

    def __init__(self, length, can_open, can_close):
        self.length = self.count = length
        self.can_open = can_open
        self.can_close = can_close
        self.opens = []
        self.closes = []

    def may_match(self, opener):
        # CommonMark's « rule of 3 », which tells « **a*b*** » from « *a**b* ».
        if self.can_open or opener.can_close:
            total = self.length + opener.length
            return total % 3 != 0 or (self.length % 3 == 0 and opener.length % 3 == 0)
        return True

    def __str__(self):
        return "".join(self.closes) + "*" * self.count + "".join(self.opens)


def _text_html(text):
    return escape(text, quote=False).replace("\n", "<br/>")


def _match_emphasis(closer, openers, features):
    while closer.count:
        position = len(openers) - 1
        while position >= 0 and not closer.may_match(openers[position]):
            position -= 1
        if position < 0:
            return
        opener = openers[position]
        # Delimiters between a matched pair can no longer open anything.
        del openers[position + 1 :]
        used = 2 if opener.count >= 2 and closer.count >= 2 else 1
        tag = "b" if used == 2 else "i"
        if (tag == "b" and "bold" not in features) or (tag == "i" and "italic" not in features):
            return
        opener.opens.insert(0, f"<{tag}>")
        closer.closes.append(f"</{tag}>")
        opener.count -= used
        closer.count -= used
        if opener.count == 0:
            openers.pop()


def _inline_html(text, features, in_link=False):
    """Inline markup to HTML; « * » runs are resolved as CommonMark does (simplified)."""
    nodes = []
    buffer = []
    openers = []  # delimiters that may still open, nearest last

    def flush():
        if buffer:
            nodes.append(_text_html("".join(buffer)))
            buffer.clear()

    position = 0
    length = len(text)
    while position < length:
        char = text[position]
        if char == "\\" and position + 1 < length and text[position + 1] in INLINE_ESCAPES:
            buffer.append(text[position + 1])
            position += 2
            continue
        if char == "[" and not in_link:
            close = _find_closing(text, position, "[", "]", escapes=True)
            if close > position + 1 and close + 1 < length and text[close + 1] == "(":
                end = _find_closing(text, close + 1, "(", ")", escapes=False)
                if end != -1:
                    label = text[position + 1 : close]
                    open_tag = _link_open_tag(text[close + 2 : end].strip(), features)
                    if open_tag is not None and label.strip():
                        flush()
                        nodes.append(open_tag + _inline_html(label, features, True) + "</a>")
                        position = end + 1
                        continue
            buffer.append(char)
            position += 1
            continue
        if char == "*":
            end = position
            while end < length and text[end] == "*":
                end += 1
            before = text[position - 1] if position > 0 else " "
            after = text[end] if end < length else " "
            delimiter = _Delimiter(end - position, not after.isspace(), not before.isspace())
            flush()
            if delimiter.can_close:
                _match_emphasis(delimiter, openers, features)
            if delimiter.count and delimiter.can_open:
                openers.append(delimiter)
            nodes.append(delimiter)
            position = end
            continue
        buffer.append(char)
        position += 1
    flush()
    return "".join(str(node) for node in nodes)


def _classify(line, features):
    """(kind, depth, payload) of one markup line."""
    escaped = ESCAPED_BLOCK_START.match(line)
    if escaped:
        if escaped.group(1):
            return "text", 0, escaped.group(1) + line[escaped.end() :]
        return "text", 0, escaped.group(2) + escaped.group(3) + line[escaped.end() :]
    match = LIST_ITEM.match(line)
    if match and features & {"ul", "ol"}:
        indent, bullet, _number, content = match.groups()
        kind = "ul" if bullet or "ol" not in features else "ol"
        if kind == "ul" and "ul" not in features:
            kind = "ol"
        return kind, len(indent) // 2, content
    stripped = line.strip(" ")
    match = HEADING.match(stripped)
    if match:
        level = "h3" if len(match.group(1)) == 3 else "h4"
        if level in features:
            return level, 0, match.group(2)
        return "text", 0, match.group(2)
    match = QUOTE.match(stripped)
    if match and "blockquote" in features:
        return "quote", 0, match.group(1)
    return "text", 0, stripped


def _list_html(items, features):
    out = []
    stack = []
    for kind, depth, content in items:
        depth = min(depth, len(stack), MAX_LIST_DEPTH)
        while len(stack) > depth + 1:
            out.append(f"</li></{stack.pop()}>")
        if len(stack) == depth + 1:
            if stack[-1] == kind:
                out.append("</li>")
            else:
                out.append(f"</li></{stack.pop()}>")
                out.append(f"<{kind}>")
                stack.append(kind)
        else:
            out.append(f"<{kind}>")
            stack.append(kind)
        out.append(f"<li>{_inline_html(content, features)}")
    while stack:
        out.append(f"</li></{stack.pop()}>")
    return "".join(out)


def normalise_markup(text):
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = CONTROL_CHARS.sub("", text)
    return "\n".join(line.rstrip(" ") for line in text.split("\n")).strip("\n")


def markup_to_html(text, features=PARAGRAPH_FEATURES):
    """Rich-text HTML, as Wagtail stores it, from the markup (see the module docstring)."""
    features = frozenset(features)
    lines = normalise_markup(text)[:MAX_MARKUP_LENGTH].split("\n")
    out = []
    group_kind, group = None, []

    def flush():
        nonlocal group_kind
        if not group:
            return
        if group_kind in ("ul", "ol"):
            out.append(_list_html(group, features))
        elif group_kind == "quote":
            content = "\n".join(payload for _kind, _depth, payload in group)
            out.append(f"<blockquote>{_inline_html(content, features)}</blockquote>")
        else:
            content = "\n".join(payload for _kind, _depth, payload in group)
            out.append(f"<p>{_inline_html(content, features)}</p>")
        group.clear()
        group_kind = None

    for line in lines:
        if not line.strip():
            flush()
            continue
        kind, depth, payload = _classify(line, features)
        if kind in ("h3", "h4"):
            flush()
            out.append(f"<{kind}>{_inline_html(payload, features)}</{kind}>")
            continue
        family = "list" if kind in ("ul", "ol") else kind
        current = "list" if group_kind in ("ul", "ol") else group_kind
        if group and family != current:
            flush()
        group_kind = kind if family != "list" else (group_kind or kind)
        group.append((kind, depth, payload))
    flush()
    return "".join(out)


def contains_tags(text):
    """Whether the markup holds something that looks like an HTML tag (not allowed in it)."""
    return bool(TAG_LIKE.search(str(text or "")))


def internal_references(html):
    """{("page", 12), ("document", 3)…}: the platform objects a rich-text value links to."""
    return {
        (kind, int(ref))
        for kind, ref in re.findall(r'<a\s+linktype="(page|document)"\s+id="(\d+)"', html or "")
    }


def html_text(html):
    """The plain text of a rich-text value (for comparisons and short displays)."""
    builder = _TreeBuilder()
    builder.feed(str(html or ""))
    builder.close()
    parts = []

    def walk(node):
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            else:
                if child.tag in BLOCK_TAGS or child.tag == "br":
                    parts.append(" ")
                walk(child)

    walk(builder.root)
    return " ".join("".join(parts).split())
