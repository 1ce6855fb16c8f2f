"""Demo files built locally: PDF pages drawn with Pillow, CSV tables and plain text.

The PDFs are pictures of text (Pillow writes raster PDFs): good enough to show downloads in a
demo, not a model of an accessible document.
"""

import csv
from io import BytesIO, StringIO

from PIL import Image, ImageDraw

from .images import INK, WHITE, colours, draw_lines, font, wrap

# A4 at 100 dpi.
PAGE_SIZE = (827, 1169)
MARGIN = 70


class _Pages:
    """Lays text out top to bottom, starting a new page when the current one is full."""

    def __init__(self, title, subtitle, colour, footer):
        self.title, self.subtitle, self.footer = title, subtitle, footer
        self.main, self.light, self.dark = colours(colour)
        self.pages = []
        self.new_page(first=True)

    def new_page(self, first=False):
        image = Image.new("RGB", PAGE_SIZE, WHITE)
        self.pages.append(image)
        self.draw = ImageDraw.Draw(image)
        width, height = PAGE_SIZE
        self.draw.rectangle((0, 0, width, 14), fill=INK)
        if first:
            title_font = font(32, bold=True)
            lines = wrap(self.draw, self.title, title_font, width - 2 * MARGIN)[:3]
            y = draw_lines(self.draw, (MARGIN, 70), lines, title_font, INK)
            if self.subtitle:
                lines = wrap(self.draw, self.subtitle, font(18), width - 2 * MARGIN)[:2]
                y = draw_lines(self.draw, (MARGIN, y + 6), lines, font(18), INK)
            self.draw.line((MARGIN, y + 20, width - MARGIN, y + 20), fill=INK, width=3)
            self.y = y + 50
        else:
            self.y = 60
        self.draw.line((MARGIN, height - 70, width - MARGIN, height - 70), fill=INK, width=1)
        footer = f"{self.footer} — page {len(self.pages)}" if self.footer else f"{len(self.pages)}"
        self.draw.text((MARGIN, height - 55), footer, font=font(13), fill=INK)

    def room(self, needed):
        if self.y + needed > PAGE_SIZE[1] - 100:
            self.new_page()

    def heading(self, text):
        heading_font = font(22, bold=True)
        lines = wrap(self.draw, text, heading_font, PAGE_SIZE[0] - 2 * MARGIN)
        self.room(len(lines) * 28 + 40)
        self.y += 14
        self.y = draw_lines(self.draw, (MARGIN, self.y), lines, heading_font, INK) + 6

    def paragraph(self, text, indent=0, bullet=False):
        body_font = font(16)
        width = PAGE_SIZE[0] - 2 * MARGIN - indent - (22 if bullet else 0)
        lines = wrap(self.draw, text, body_font, width)
        for index, line in enumerate(lines):
            self.room(24)
            x = MARGIN + indent
            if bullet and index == 0:
                self.draw.ellipse((x + 4, self.y + 7, x + 12, self.y + 15), fill=INK)
            self.draw.text((x + (22 if bullet else 0), self.y), line, font=body_font, fill=INK)
            self.y += 22
        self.y += 8

    def table(self, header, rows, widths):
        cell_font, head_font = font(14), font(14, bold=True)
        usable = PAGE_SIZE[0] - 2 * MARGIN
        columns = [usable * w / sum(widths) for w in widths]

        def row_lines(cells, fnt):
            return [
                wrap(self.draw, str(cell), fnt, col - 12)
                for cell, col in zip(cells, columns, strict=True)
            ]

        for cells, fnt, fill in [(header, head_font, self.light)] + [
            (r, cell_font, None) for r in rows
        ]:
            lines = row_lines(cells, fnt)
            height = max(len(cell) for cell in lines) * 19 + 12
            self.room(height)
            x = MARGIN
            for cell, col in zip(lines, columns, strict=True):
                self.draw.rectangle((x, self.y, x + col, self.y + height), fill=fill, outline=INK)
                draw_lines(self.draw, (x + 6, self.y + 6), cell, fnt, INK, spacing=1.3)
                x += col
            self.y += height
        self.y += 14

    def pdf(self):
        # Bilevel pages: Pillow compresses them with CCITT G4, about 20 kB a page (colour pages
        # would be JPEG-encoded, ten times heavier and blurry).
        pages = [
            page.convert("L").point(lambda v: 255 if v > 200 else 0, mode="1")
            for page in self.pages
        ]
        out = BytesIO()
        pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=100)
        return out.getvalue()


def pdf(title, sections, colour="bleu-france", subtitle="", footer=""):
    """A PDF from `sections`: a list of (heading, items); an item is a paragraph string, a
    ("-", text) bullet or a ("table", header, rows, widths) table."""
    pages = _Pages(title, subtitle, colour, footer)
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
            spec.get("colour", "bleu-france"),
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
