"""Charts of the tracking pages, drawn on the server as inline SVG.

No JavaScript: each chart is an `<svg role="img">` whose `<title>` and `<desc>` say what it
shows and what it says, and the page puts the same figures in a table next to it (screen readers
and people who prefer numbers read the table; the SVG is a picture of it). Colours are the
DSFR's tokens (bleu France, the « succès » green for decisions), so the dark theme applies;
text takes the colour of the page's text.
"""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

# DSFR colour tokens (they follow the light and dark themes), with their light values for the
# Wagtail admin, which does not load the DSFR; text takes the colour of the page's text.
# Presentation attributes, not `style`: the Content-Security-Policy of the public pages forbids
# inline styles. The classes give the DSFR tokens (dark theme) in static/css/bases.css.
BLUE_FRANCE = mark_safe('class="bc-chart__blue" fill="#000091"')
GREEN = mark_safe('class="bc-chart__green" fill="#18753c"')
GREY = "currentColor"
GRID = mark_safe('class="bc-chart__grid" stroke="#dddddd"')
SERIES_COLOURS = [BLUE_FRANCE, GREEN]

WIDTH = 640
BAR_HEIGHT = 22
BAR_GAP = 10
LABEL_WIDTH = 230
VALUE_WIDTH = 70


def _frame(chart_id, title, description, width, height, body):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="bc-chart" role="img" '
        'viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" '
        'aria-labelledby="{}-title {}-desc" focusable="false">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        width,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        body,
    )


def _truncate(text, length=34):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def bar_chart(chart_id, title, description, rows, *, maximum=None, unit=""):
    """Horizontal bars: `rows` is [(label, value)]; `maximum` the value of a full bar (the
    largest value by default; 100 for percentages)."""
    rows = [(label, value or 0) for label, value in rows]
    top = maximum or max((value for _label, value in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = []
    for position, (label, value) in enumerate(rows):
        y = position * (BAR_HEIGHT + BAR_GAP)
        length = round(span * min(value / top, 1), 1)
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="13" fill="{}">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" {}></rect>'
                '<text x="{}" y="{}" font-size="13" fill="{}">{}{}</text>',
                LABEL_WIDTH - 8,
                y + 16,
                GREY,
                _truncate(label),
                LABEL_WIDTH,
                y,
                length,
                BAR_HEIGHT,
                BLUE_FRANCE,
                LABEL_WIDTH + length + 6,
                y + 16,
                GREY,
                _number(value),
                unit,
            )
        )
    height = max(len(rows) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT)
    return _frame(chart_id, title, description, WIDTH, height, mark_safe("".join(parts)))


def column_chart(chart_id, title, description, labels, series):
    """Grouped vertical columns per month: `labels` ["2026-01", …], `series` [(name, [values])]
    (two series at most, in the DSFR colours), with a legend."""
    height, top_margin, bottom_margin, left = 220, 28, 36, 36
    plot_height = height - top_margin - bottom_margin
    count = max(len(labels), 1)
    slot = (WIDTH - left) / count
    column = max(min(slot / (len(series) + 1), 28), 2)
    highest = max((max(values, default=0) for _name, values in series), default=0)
    ticks = axis_ticks(highest)
    top = ticks[-1]
    parts = []
    # A scale one can read: 0, then round steps up to just above the highest column, each
    # with its grid line (a single tick at the top said nothing of the columns between).
    for tick in ticks:
        y = round(top_margin + plot_height - plot_height * tick / top, 1)
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" {}></line>'
                '<text x="{}" y="{}" font-size="12" text-anchor="end" fill="{}"'
                ' class="bc-chart__tick">{}</text>',
                left,
                y,
                WIDTH,
                y,
                GRID,
                left - 6,
                round(y + 4, 1),
                GREY,
                tick,
            )
        )
    for index, (name, _values) in enumerate(series):
        x = left + index * 180
        parts.append(
            format_html(
                '<rect x="{}" y="4" width="12" height="12" {}></rect>'
                '<text x="{}" y="15" font-size="12" fill="{}">{}</text>',
                x,
                SERIES_COLOURS[index % 2],
                x + 16,
                GREY,
                name,
            )
        )
    every = max(1, round(count / 12))
    for position, label in enumerate(labels):
        x0 = left + position * slot
        for index, (_name, values) in enumerate(series):
            value = values[position] if position < len(values) else 0
            bar = round(plot_height * value / top, 1)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" {}></rect>',
                    round(x0 + column * (index + 0.5), 1),
                    round(top_margin + plot_height - bar, 1),
                    round(column, 1),
                    bar,
                    SERIES_COLOURS[index % 2],
                )
            )
        if position % every == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{}">{}</text>',
                    round(x0 + slot / 2, 1),
                    height - 14,
                    GREY,
                    month_short(label),
                )
            )
    return _frame(chart_id, title, description, WIDTH, height, mark_safe("".join(parts)))


def axis_ticks(highest, most=5):
    """Round steps from 0 to at least `highest`: 1, 2, 5, 10, 20, 50… apart, `most` at most
    after 0 (0–1 when there is nothing to count)."""
    highest = max(int(highest or 0), 1)
    step = 1
    while True:
        for factor in (1, 2, 5):
            candidate = step * factor
            if -(-highest // candidate) <= most:
                count = -(-highest // candidate)
                return [candidate * index for index in range(count + 1)]
        step *= 10


MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def month_name(key):
    """ "2026-03" → « mars 2026 »."""
    try:
        year, month = key.split("-")
        return f"{MONTHS[int(month) - 1]} {year}"
    except (ValueError, IndexError):
        return escape(key)


def month_short(key):
    """ "2026-03" → « 03/26 »."""
    return f"{key[5:7]}/{key[2:4]}" if len(key) == 7 else key


def _number(value):
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return f"{value:,}".replace(",", "\u202f")
