"""Demo files built locally: text PDFs, CSV tables and plain text.

The PDFs are real text documents (Helvetica, one of the fonts every PDF reader has), with a
title and a language, so their text can be selected, searched and read aloud — written by a
small PDF writer rather than drawn as pictures of text.
"""

import csv
from functools import cache
from io import StringIO
from pathlib import Path

from PIL import ImageFont

# A4 in points.
PAGE_WIDTH, PAGE_HEIGHT = 595, 842
MARGIN = 56
FONTS = {False: "F1", True: "F2"}
# Liberation Sans has Helvetica's metrics: where it is installed, lines are measured exactly;
# elsewhere a wide average keeps them inside the margins.
METRIC_FONTS = {
    False: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    True: "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
}


@cache
def _metric_font(bold):
    path = Path(METRIC_FONTS[bold])
    return ImageFont.truetype(str(path), 1000) if path.exists() else None


def text_width(text, size, bold=False):
    metric = _metric_font(bold)
    if metric is None:
        return len(text) * size * (0.62 if bold else 0.56)
    return metric.getlength(text) * size / 1000


def wrap(text, size, width, bold=False):
    lines, line = [], ""
    for word in str(text).split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def pdf_string(text):
    """A PDF literal string in WinAnsiEncoding (the standard fonts' encoding: it has French)."""
    data = str(text).replace("\u202f", " ").replace("\u00a0", " ").encode("cp1252", "replace")
    out = []
    for byte in data:
        char = chr(byte)
        if char in "\\()":
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


class _Pages:
    """Lays text out top to bottom, starting a new page when the current one is full."""

    def __init__(self, title, subtitle, footer):
        self.title, self.footer = title, footer
        self.pages = []
        self.new_page()
        self.y -= 10
        for line in wrap(title, 20, PAGE_WIDTH - 2 * MARGIN, bold=True)[:3]:
            self.text(MARGIN, line, 20, bold=True)
            self.y -= 26
        for line in wrap(subtitle, 12, PAGE_WIDTH - 2 * MARGIN)[:2]:
            self.text(MARGIN, line, 12)
            self.y -= 16
        self.ops.append(f"1.5 w {MARGIN} {self.y} m {PAGE_WIDTH - MARGIN} {self.y} l S")
        self.y -= 28

    def new_page(self):
        self.ops = ["0 0 0.57 rg 0 832 595 10 re f 0 g"]
        self.pages.append(self.ops)
        self.y = PAGE_HEIGHT - 60
        label = f"{self.footer} — page {len(self.pages)}" if self.footer else str(len(self.pages))
        self.ops.append(f"0.5 w {MARGIN} 52 m {PAGE_WIDTH - MARGIN} 52 l S")
        self.ops.append(f"BT /F1 8 Tf {MARGIN} 40 Td {pdf_string(label)} Tj ET")

    def room(self, needed):
        if self.y - needed < 70:
            self.new_page()

    def text(self, x, line, size, bold=False):
        self.ops.append(
            f"BT /{FONTS[bold]} {size} Tf {x:.1f} {self.y:.1f} Td {pdf_string(line)} Tj ET"
        )

    def heading(self, text):
        lines = wrap(text, 14, PAGE_WIDTH - 2 * MARGIN, bold=True)
        self.room(len(lines) * 18 + 30)
        self.y -= 10
        for line in lines:
            self.text(MARGIN, line, 14, bold=True)
            self.y -= 18
        self.y -= 4

    def paragraph(self, text, bullet=False):
        indent = 14 if bullet else 0
        for index, line in enumerate(wrap(text, 10.5, PAGE_WIDTH - 2 * MARGIN - indent)):
            self.room(15)
            if bullet and index == 0:
                self.text(MARGIN, "\u2022", 10.5)
            self.text(MARGIN + indent, line, 10.5)
            self.y -= 14
        self.y -= 6

    def table(self, header, rows, widths):
        usable = PAGE_WIDTH - 2 * MARGIN
        columns = [usable * w / sum(widths) for w in widths]
        for cells, bold in [(header, True)] + [(row, False) for row in rows]:
            wrapped = [
                wrap(c, 9, col - 8, bold) or [""] for c, col in zip(cells, columns, strict=True)
            ]
            height = max(len(cell) for cell in wrapped) * 12 + 8
            self.room(height)
            top, x = self.y, MARGIN
            for cell, col in zip(wrapped, columns, strict=True):
                fill = "0.91 0.93 1 rg " if bold else ""
                op = "B" if bold else "S"
                self.ops.append(
                    f"{fill}0.5 w {x:.1f} {top - height:.1f} {col:.1f} {height} re {op} 0 g"
                )
                self.y = top - 13
                for line in cell:
                    self.text(x + 4, line, 9, bold)
                    self.y -= 12
                x += col
            self.y = top - height
        self.y -= 12

    def pdf(self):
        objects = [
            "<< /Type /Catalog /Pages 2 0 R /Lang (fr-FR) "
            "/ViewerPreferences << /DisplayDocTitle true >> >>",
            None,  # the page tree, once the pages are numbered
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            f"<< /Title {pdf_string(self.title)} /Producer (Bases communes) >>",
        ]
        kids = []
        for ops in self.pages:
            stream = "\n".join(ops).encode("latin-1")
            objects.append(
                f"<< /Length {len(stream)} >>\nstream\n" + stream.decode("latin-1") + "\nendstream"
            )
            objects.append(
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {len(objects)} 0 R >>"
            )
            kids.append(f"{len(objects)} 0 R")
        objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
        out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n".encode()
        out += f"startxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)


def pdf(title, sections, subtitle="", footer=""):
    """A PDF from `sections`: a list of (heading, items); an item is a paragraph string, a
    ("-", text) bullet or a ("table", header, rows, widths) table."""
    pages = _Pages(title, subtitle, footer)
    for heading, items in sections:
        if heading:
            pages.heading(heading)
        for item in items:
            if isinstance(item, str):
                pages.paragraph(item)
            elif item[0] == "-":
                pages.paragraph(item[1], bullet=True)
            elif item[0] == "table":
                pages.table(*item[1:])
    return pages.pdf()


def csv_bytes(header, rows):
    out = StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def render(spec):
    """Build the file a content spec describes; returns (file name, bytes)."""
    kind = spec["kind"]
    if kind == "pdf":
        data = pdf(
            spec["title"],
            spec["sections"],
            spec.get("subtitle", ""),
            spec.get("footer", ""),
        )
    elif kind == "csv":
        data = csv_bytes(spec["header"], spec["rows"])
    elif kind == "txt":
        data = spec["text"].encode("utf-8")
    else:
        raise ValueError(f"Unknown document kind: {kind}")
    return f"{spec['key']}.{kind}", data
