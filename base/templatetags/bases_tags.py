"""Template helpers of the public site: navigation, breadcrumbs, query strings, bases."""

import re

from django import template
from django.utils.translation import gettext_lazy as _

from base.listing import querystring
from base.models import BasesIndexPage, ContributionMode
from base.page_context import breadcrumb_items

register = template.Library()

CONTRIBUTION_MODES = {
    ContributionMode.CURATED: (
        _("Éditorialisée"),
        _("Seuls les membres de la base publient"),
    ),
    ContributionMode.OPEN: (
        _("Ouverte aux contributions"),
        _("Toute personne inscrite peut améliorer les ressources"),
    ),
    ContributionMode.SUGGESTIONS: (
        _("Ouverte aux suggestions"),
        _(
            "Toute personne inscrite peut proposer des modifications, relues par l'équipe de "
            "la base"
        ),
    ),
}


def bases_index_url(request):
    """URL of the bases directory, looked up once per request.

    Ordered by id, not by the tree path (`first()`'s default): ordering by path makes SQLite walk
    the whole page tree to find the one directory, on every page of the site."""
    if request is None:
        index = BasesIndexPage.objects.live().order_by("pk").first()
        return index.url if index else None
    if not hasattr(request, "_bases_index_url"):
        index = BasesIndexPage.objects.live().order_by("pk").first()
        request._bases_index_url = index.get_url(request) if index else None
    return request._bases_index_url


@register.simple_tag(takes_context=True)
def main_nav(context):
    """Items of the main navigation, the current section marked."""
    request = context.get("request")
    path = getattr(request, "path", "")
    items = [{"label": _("Accueil"), "url": "/", "current": path == "/"}]
    index_url = bases_index_url(request)
    if index_url:
        items.append(
            {"label": _("Les bases"), "url": index_url, "current": path.startswith(index_url)}
        )
    items.append(
        {"label": _("Rechercher"), "url": "/rechercher/", "current": path == "/rechercher/"}
    )
    items.append(
        {"label": _("Label NEC"), "url": "/label-nec/", "current": path.startswith("/label-nec/")}
    )
    return items


@register.simple_tag(takes_context=True)
def bases_url(context):
    return bases_index_url(context.get("request")) or "/"


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def page_breadcrumb(context, page):
    """Breadcrumb from the home page down to `page` (nothing on the home page itself)."""
    return {"items": breadcrumb_items(context.get("request"), page)}


@register.inclusion_tag("includes/breadcrumb.html")
def breadcrumb(*labels_and_urls):
    """Breadcrumb for pages outside the tree: `{% breadcrumb "Accueil" "/" "Rechercher" %}`."""
    items = []
    pairs = list(labels_and_urls)
    while pairs:
        label = pairs.pop(0)
        url = pairs.pop(0) if pairs else None
        items.append({"label": label, "url": url})
    return {"items": items}


@register.simple_tag
def query(params, **overrides):
    """A query string (`?…`) from a dict of parameters, with some values replaced."""
    return querystring(params or {}, **overrides)


@register.filter
def contribution_label(mode):
    return CONTRIBUTION_MODES.get(mode, ("", ""))[0]


@register.filter
def contribution_help(mode):
    return CONTRIBUTION_MODES.get(mode, ("", ""))[1]


@register.filter
def siret_display(value):
    """123 456 789 00012: the SIREN, then the establishment number."""
    digits = "".join(ch for ch in str(value or "") if ch.isdigit())
    if len(digits) != 14:
        return value
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"


@register.filter
def is_email(value):
    return "@" in str(value or "") and " " not in str(value).strip()


@register.filter
def is_url(value):
    return str(value or "").startswith(("https://", "http://"))


SMALL_WORDS = {"base", "de", "des", "du", "d", "la", "le", "les", "l", "et", "à", "au", "aux"}


@register.filter
def initials(name):
    """Two letters standing for a name, for a placeholder image: « Hub du Sud » → « HS »."""
    words = [w for w in re.split(r"[\s'’—–-]+", str(name or "")) if w]
    significant = [w for w in words if w.lower() not in SMALL_WORDS] or words
    return "".join(word[0] for word in significant[:2]).upper()
