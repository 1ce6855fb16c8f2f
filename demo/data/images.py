"""Demo images drawn locally with Pillow: logos, covers, charts, a flyer, drawings.

Everything is computed from the demo data (no network, no stock picture): flat colours of the
State design system (DSFR) palette, simple geometric shapes, and the figures the source documents
give. Each function returns PNG bytes; `render(spec)` draws what a spec of `content.py` describes.
"""

import math
import random
import unicodedata
import zlib
from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# (main, light, dark) colours of the DSFR illustrative palette.
PALETTE = {
    "bleu-france": ("#000091", "#ececfe", "#000091"),
    "rouge-marianne": ("#e1000f", "#fee9e9", "#a4000b"),
    "menthe": ("#009081", "#dffdf7", "#006a5f"),
    "archipel": ("#009099", "#e5fbfd", "#006a70"),
    "ecume": ("#465f9d", "#e9edfe", "#2f4077"),
    "cumulus": ("#417dc4", "#e6eefe", "#3558a2"),
    "glycine": ("#a558a0", "#fee7fc", "#6e445a"),
    "macaron": ("#e18b76", "#fee9e6", "#8d533e"),
    "tuile": ("#ce614a", "#fee9e6", "#a94645"),
    "terre-battue": ("#e4794a", "#feece2", "#755348"),
    "tournesol": ("#c8aa39", "#feecc2", "#716043"),
    "emeraude": ("#00a95f", "#e3fdeb", "#297254"),
    "bourgeon": ("#68a532", "#e6feda", "#447049"),
    "opera": ("#bd987a", "#fbf2ec", "#745b47"),
}
INK = "#161616"
GREY = "#666666"
WHITE = "#ffffff"

FONT_DIRS = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
]
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


@cache
def _font_path(bold):
    for folder in FONT_DIRS:
        path = Path(folder) / FONT_FILES[bold]
        if path.exists():
            return str(path)
    return None


@cache
def font(size, bold=False):
    path = _font_path(bold)
    if path:
        return ImageFont.truetype(path, size)
    # Pillow's bundled font has no accented letters: text() folds them when it is used.
    return ImageFont.load_default(size=size)


def clean(text):
    """The text as the font can draw it (accents folded when no DejaVu font is installed)."""
    if _font_path(False):
        return text
    text = text.replace("«\u00a0", '"').replace("\u00a0»", '"').replace("’", "'")
    folded = unicodedata.normalize("NFKD", text)
    return (
        "".join(c for c in folded if not unicodedata.combining(c))
        .encode("ascii", "ignore")
        .decode()
    )


def colours(name):
    main, light, dark = PALETTE.get(name, PALETTE["bleu-france"])
    return main, light, dark


def blend(colour, other, ratio):
    """`colour` moved `ratio` of the way towards `other` (both "#rrggbb")."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * ratio):02x}" for x, y in zip(a, b, strict=True))


def seeded(*parts):
    return random.Random(zlib.crc32("|".join(str(p) for p in parts).encode()))


def wrap(draw, text, fnt, width):
    """Split `text` into lines that fit `width` pixels."""
    lines = []
    for paragraph in clean(text).split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if draw.textlength(candidate, font=fnt) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def draw_lines(draw, xy, lines, fnt, fill, spacing=1.25):
    x, y = xy
    step = int(fnt.size * spacing)
    for line in lines:
        draw.text((x, y), line, font=fnt, fill=fill)
        y += step
    return y


def png(image):
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _shapes(image, rng, box, tones, count=4):
    """A few flat circles, quarter discs, squares and rings, clipped to `box`."""
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    layer = Image.new("RGB", (width, height), image.getpixel((x0, y0)))
    draw = ImageDraw.Draw(layer)
    unit = min(width, height)
    for index in range(count):
        size = int(unit * rng.uniform(0.45, 0.95))
        x = rng.randint(-size // 4, max(width - size * 3 // 4, 1))
        y = rng.randint(-size // 4, max(height - size * 3 // 4, 1))
        colour = tones[index % len(tones)]
        shape = rng.choice(["circle", "square", "quarter", "ring"])
        if shape == "circle":
            draw.ellipse((x, y, x + size, y + size), fill=colour)
        elif shape == "square":
            draw.rectangle((x, y, x + size, y + size), fill=colour)
        elif shape == "quarter":
            draw.pieslice((x, y, x + 2 * size, y + 2 * size), 180, 270, fill=colour)
        else:
            draw.ellipse((x, y, x + size, y + size), outline=colour, width=max(8, size // 9))
    image.paste(layer, (x0, y0))


def logo(initials, colour, seed=""):
    """A square logo: initials on a flat background with one geometric accent."""
    main, light, dark = colours(colour)
    size = 400
    image = Image.new("RGB", (size, size), main)
    draw = ImageDraw.Draw(image)
    rng = seeded("logo", seed or initials)
    accent = blend(main, WHITE, 0.28)
    variant = rng.randint(0, 2)
    if variant == 0:
        draw.pieslice((size // 2, size // 2, size * 3 // 2, size * 3 // 2), 180, 270, fill=accent)
    elif variant == 1:
        draw.ellipse((-size // 3, -size // 3, size // 2, size // 2), fill=accent)
    else:
        draw.rectangle((0, size * 3 // 4, size, size), fill=accent)
    text = clean(initials)
    fnt = font(150 if len(text) <= 2 else 120 if len(text) <= 3 else 92, bold=True)
    width = draw.textlength(text, font=fnt)
    draw.text(((size - width) / 2, size / 2), text, font=fnt, fill=WHITE, anchor="lm")
    return png(image)


def cover(title, colour, seed="", size=(1200, 400)):
    """A banner of flat shapes and no text: cards crop covers, and the title is on the page."""
    main, light, dark = colours(colour)
    width, height = size
    image = Image.new("RGB", size, light)
    rng = seeded("cover", seed or title)
    _shapes(image, rng, (0, 0, width // 2, height), [WHITE, main], count=3)
    _shapes(image, rng, (width // 2, 0, width, height), [main, WHITE, dark, main])
    return png(image)


def bar_chart(title, rows, colour, source="", unit=" %", size=(1200, 760)):
    """Horizontal bars, one per (label, value) row, values as percentages."""
    main, light, dark = colours(colour)
    width, height = size
    image = Image.new("RGB", size, WHITE)
    draw = ImageDraw.Draw(image)
    title_font, label_font, value_font = font(36, bold=True), font(24), font(24, bold=True)
    y = draw_lines(draw, (50, 36), wrap(draw, title, title_font, width - 100), title_font, INK)
    top, bottom = y + 24, height - 70
    step = (bottom - top) / max(len(rows), 1)
    label_width, bar_x = 430, 500
    bar_max = width - bar_x - 110
    for index, (label, value) in enumerate(rows):
        row_y = top + index * step
        bar_h = step * 0.56
        lines = wrap(draw, label, label_font, label_width)[:2]
        text_y = row_y + bar_h / 2 - len(lines) * label_font.size * 0.62
        draw_lines(draw, (50, text_y), lines, label_font, INK, spacing=1.15)
        draw.rectangle((bar_x, row_y, bar_x + bar_max, row_y + bar_h), fill=light)
        draw.rectangle((bar_x, row_y, bar_x + bar_max * value / 100, row_y + bar_h), fill=main)
        draw.text(
            (bar_x + bar_max * value / 100 + 12, row_y + bar_h / 2),
            clean(f"{value:g}{unit}".replace(".", ",")),
            font=value_font,
            fill=dark,
            anchor="lm",
        )
    if source:
        draw.text((50, height - 44), clean(source), font=font(20), fill=GREY)
    return png(image)


def key_figures(title, figures, colour, source="", size=(1200, 520)):
    """Big numbers side by side with their legend, like the sector's slide decks."""
    main, light, dark = colours(colour)
    width, height = size
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    title_font = font(38, bold=True)
    y = draw_lines(draw, (50, 40), wrap(draw, title, title_font, width - 100), title_font, dark)
    columns = len(figures)
    gap = 30
    card_w = (width - 100 - gap * (columns - 1)) / columns
    card_top, card_bottom = y + 30, height - 80
    for index, (value, legend) in enumerate(figures):
        x = 50 + index * (card_w + gap)
        draw.rectangle((x, card_top, x + card_w, card_bottom), fill=WHITE)
        draw.rectangle((x, card_top, x + card_w, card_top + 10), fill=main)
        value_font = font(72 if len(value) <= 5 else 54, bold=True)
        draw.text((x + 28, card_top + 40), clean(value), font=value_font, fill=main)
        legend_font = font(24)
        lines = wrap(draw, legend, legend_font, card_w - 56)[:6]
        draw_lines(draw, (x + 28, card_top + 70 + value_font.size), lines, legend_font, INK)
    if source:
        draw.text((50, height - 50), clean(source), font=font(20), fill=GREY)
    return png(image)


def poster(title, subtitle, bullets, colour, footer="", size=(900, 1270)):
    """A one-page flyer: a coloured header, a checklist, a footer."""
    main, light, dark = colours(colour)
    width, height = size
    image = Image.new("RGB", size, WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 330), fill=main)
    rng = seeded("poster", title)
    _shapes(image, rng, (width * 3 // 4, 0, width, 330), [dark, light], count=3)
    title_font = font(64, bold=True)
    y = draw_lines(draw, (60, 70), wrap(draw, title, title_font, width * 2 // 3), title_font, WHITE)
    lines = wrap(draw, subtitle, font(28), width * 3 // 4 - 90)[:3]
    draw_lines(draw, (60, y + 10), lines, font(28), WHITE)
    y = 390
    item_font, bold_font = font(28), font(30, bold=True)
    for bullet in bullets:
        heading, text = bullet if isinstance(bullet, tuple) else (bullet, "")
        draw.ellipse((60, y + 6, 88, y + 34), fill=main)
        draw.line((67, y + 20, 73, y + 27, 82, y + 13), fill=WHITE, width=4)
        y = draw_lines(draw, (110, y), wrap(draw, heading, bold_font, width - 180), bold_font, INK)
        if text:
            y = draw_lines(
                draw, (110, y + 2), wrap(draw, text, item_font, width - 180), item_font, GREY
            )
        y += 24
    draw.rectangle((0, height - 120, width, height), fill=light)
    if footer:
        lines = wrap(draw, footer, font(22), width - 120)[:3]
        draw_lines(draw, (60, height - 100), lines, font(22), dark)
    return png(image)


def furniture(name, variant, colour, size=(1000, 700)):
    """A flat technical drawing of a piece of furniture (front view, with a floor line)."""
    main, light, dark = colours(colour)
    width, height = size
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    floor = height - 120
    draw.line((40, floor, width - 40, floor), fill=GREY, width=4)
    if variant == "comptoir":
        draw.rectangle((220, floor - 330, 780, floor - 300), fill=dark)
        draw.rectangle((250, floor - 300, 750, floor), fill=main)
        draw.rectangle((560, floor - 470, 720, floor - 340), fill=INK)
        draw.rectangle((575, floor - 455, 705, floor - 355), fill="#8fb5e8")
        draw.rectangle((620, floor - 340, 660, floor - 330), fill=INK)
        draw.rectangle((300, floor - 200, 500, floor - 40), outline=light, width=6)
    elif variant == "ilot":
        draw.rectangle((130, floor - 260, 870, floor - 230), fill=dark)
        for x in (170, 800):
            draw.rectangle((x, floor - 230, x + 30, floor), fill=dark)
        for x in (220, 420, 620):
            draw.rectangle((x, floor - 300, x + 150, floor - 262), fill=INK)
            draw.rectangle((x + 8, floor - 296, x + 142, floor - 266), fill="#8fb5e8")
        for x in (200, 440, 680):
            draw.ellipse((x, floor - 160, x + 120, floor - 120), fill=main)
            draw.rectangle((x + 52, floor - 125, x + 68, floor), fill=main)
    else:
        draw.rectangle((400, floor - 520, 600, floor), fill=main)
        draw.rectangle((420, floor - 500, 580, floor - 330), fill=INK)
        draw.rectangle((432, floor - 488, 568, floor - 342), fill="#8fb5e8")
        draw.rectangle((430, floor - 300, 570, floor - 280), fill=dark)
        draw.pieslice((330, floor - 620, 670, floor - 440), 180, 360, fill=dark)
    draw.text((50, 40), clean(name), font=font(40, bold=True), fill=dark)
    draw.text((50, height - 80), clean("Illustration de démonstration"), font=font(22), fill=GREY)
    return png(image)


def rings(centre, around, colour, size=(1200, 800)):
    """A diagram: one concept in the middle, the neighbouring ones around it."""
    main, light, dark = colours(colour)
    width, height = size
    image = Image.new("RGB", size, WHITE)
    draw = ImageDraw.Draw(image)
    cx, cy = width // 2, height // 2
    radius = 280
    label_font = font(24, bold=True)
    for index, label in enumerate(around):
        angle = 2 * math.pi * index / len(around) - math.pi / 2
        x, y = cx + radius * 1.45 * math.cos(angle), cy + radius * math.sin(angle)
        draw.line((cx, cy, x, y), fill=light, width=6)
        box_w, box_h = 300, 96
        draw.rounded_rectangle(
            (x - box_w / 2, y - box_h / 2, x + box_w / 2, y + box_h / 2), 18, fill=light
        )
        lines = wrap(draw, label, label_font, box_w - 30)[:3]
        top = y - len(lines) * label_font.size * 0.62
        for n, line in enumerate(lines):
            draw.text(
                (x, top + n * label_font.size * 1.2), line, font=label_font, fill=dark, anchor="mt"
            )
    draw.ellipse((cx - 150, cy - 150, cx + 150, cy + 150), fill=main)
    centre_font = font(30, bold=True)
    lines = wrap(draw, centre, centre_font, 240)
    top = cy - len(lines) * centre_font.size * 0.62
    for n, line in enumerate(lines):
        draw.text(
            (cx, top + n * centre_font.size * 1.2), line, font=centre_font, fill=WHITE, anchor="mt"
        )
    return png(image)


def render(spec):
    """Draw the image a content spec describes; returns (file name, PNG bytes)."""
    kind = spec["kind"]
    colour = spec.get("colour", "bleu-france")
    if kind == "logo":
        data = logo(spec["initials"], colour, spec["key"])
    elif kind == "cover":
        data = cover(spec["title"], colour, spec.get("seed", ""))
    elif kind == "bar_chart":
        data = bar_chart(spec["title"], spec["rows"], colour, spec.get("source", ""))
    elif kind == "key_figures":
        data = key_figures(spec["title"], spec["figures"], colour, spec.get("source", ""))
    elif kind == "poster":
        data = poster(
            spec["title"], spec.get("subtitle", ""), spec["bullets"], colour, spec.get("footer", "")
        )
    elif kind == "furniture":
        data = furniture(spec["title"], spec["variant"], colour)
    elif kind == "rings":
        data = rings(spec["centre"], spec["around"], colour)
    else:
        raise ValueError(f"Unknown image kind: {kind}")
    return f"{spec['key']}.png", data
