"""Template helpers of resource pages: file details, embeds."""

import re

from django import template
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def file_details(document):
    """« PDF – 1,2 Mo »: what a download link must say about its file."""
    if document is None:
        return ""
    parts = []
    extension = (document.file_extension or "").upper()
    if extension:
        parts.append(extension)
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    if size:
        parts.append(french_size(size))
    return " – ".join(str(part) for part in parts)


def french_size(size):
    """« 1,2 Mo », « 850 Ko », « 312 octets » (multiples of 1 024, as file managers count)."""
    if size < 1024:
        return _("%(count)d octets") % {"count": size} if size > 1 else _("1 octet")
    for unit in ("Ko", "Mo", "Go"):
        size /= 1024
        if size < 1024 or unit == "Go":
            decimals = 0 if size >= 100 else 1
            return f"{number_format(round(size, decimals), decimals)} {unit}"
    return ""


@register.filter
def titled_iframe(html, title):
    """Give the embedded player a title (assistive technologies announce frames by it)."""
    if not html:
        return ""
    label = escape(_("Vidéo : %(title)s") % {"title": title})
    html = re.sub(r"<iframe(?![^>]*\stitle=)", f'<iframe title="{label}"', str(html), count=1)
    return mark_safe(html)  # noqa: S308 -- the embed HTML comes from Wagtail's oEmbed finder


@register.filter
def host(url):
    """The host name of a URL, for « lien externe (service-public.fr) »."""
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", str(url or ""), re.IGNORECASE)
    if not match:
        return ""
    name = match.group(1).lower()
    return name[4:] if name.startswith("www.") else name


@register.filter
def text_node(value):
    """Escape for an HTML text node only (&, <, >), so a line to copy reads verbatim in source."""
    text = str(value or "")
    return mark_safe(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))  # noqa: S308
