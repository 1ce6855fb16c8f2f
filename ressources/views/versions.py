"""The public history of a resource: its « Journal des versions », each version as it was,
comparisons between two versions, restorations and an Atom feed of the versions.

Reached through the routes of `ResourcePage` (ressources/models.py), hence through
`BaseContentMixin.serve`, which has already answered 404 to whoever may not read the
resource's base; every view checks again, so that it stays safe whatever calls it.
"""

import re

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from base.page_context import breadcrumb_items
from base.visibility import ensure_can_view

from .. import contribution
from ..diff import compare_pages

JOURNAL_TEMPLATE = "ressources/versions/journal.html"
COMPARE_TEMPLATE = "ressources/versions/compare.html"
RESOURCE_TEMPLATE = "ressources/resource_page.html"

# « 1.0 », « 12.3 »: anything else in a comparison parameter is refused before any query.
VERSION_NUMBER = re.compile(r"([0-9]{1,6})\.([0-9]{1,6})")


def _ensure_visible(request, page):
    ensure_can_view(page, request)
    if not page.live or not page.base.live:
        raise Http404


def _versions(page):
    """The journal's rows, oldest first (the order of the sector's own version tables)."""
    versions = list(page.versions.select_related("revision").order_by("major", "minor"))
    by_pk = {version.pk: version for version in versions}
    for version in versions:
        version.restored = by_pk.get(version.restored_from_id)
    return versions


def _find(versions, number):
    match = VERSION_NUMBER.fullmatch(number or "")
    if match is None:
        return None
    major, minor = int(match.group(1)), int(match.group(2))
    return next((v for v in versions if (v.major, v.minor) == (major, minor)), None)


def _journal_url(request, page):
    return page.get_url(request) + page.reverse_subpage("journal")


def _historical_page(page, version):
    """The resource as `version` published it, at the resource's current address."""
    obj = version.as_page()
    # The address and the publication state belong to the resource, not to the revision: an
    # old slug would give dead links to the journal and to the current version.
    obj.slug, obj.url_path = page.slug, page.url_path
    obj.live = page.live
    obj.last_published_at = version.published_at
    return obj


# The journal ---------------------------------------------------------------------------------


def journal(request, page):
    _ensure_visible(request, page)
    versions = _versions(page)
    current = versions[-1] if versions else None
    for version in versions:
        version.current = current is not None and version.pk == current.pk
        # Restoring the current version, or the one it already restores, would change nothing.
        version.restorable = not version.current and current.restored_from_id != version.pk
    previous = versions[-2] if len(versions) > 1 else None
    context = {
        "page": page,
        "versions": versions,
        "current_version": current,
        "can_restore": contribution.can_restore(request.user, page),
        "compare_from": previous,
        "compare_to": current,
        "breadcrumb": breadcrumb_items(request, page, {"label": _("Journal des versions")}),
    }
    return TemplateResponse(request, JOURNAL_TEMPLATE, context)


# One version ---------------------------------------------------------------------------------


def version_detail(request, page, number):
    _ensure_visible(request, page)
    version = _find(_versions(page), number)
    if version is None:
        raise Http404
    obj = _historical_page(page, version)
    return obj.render(
        request,
        template=RESOURCE_TEMPLATE,
        context_overrides={
            "shown_version": version,
        },
    )


# Comparison ----------------------------------------------------------------------------------


def compare(request, page):
    _ensure_visible(request, page)
    versions = _versions(page)
    current = versions[-1] if versions else None
    errors = []
    old = new = None
    raw_from, raw_to = request.GET.get("de"), request.GET.get("a")

    if raw_from is None and raw_to is None:
        # Default: what the last publication changed.
        if len(versions) > 1:
            old, new = versions[-2], versions[-1]
        elif versions:
            errors.append(_("Cette ressource n'a qu'une version : il n'y a rien à comparer."))
        else:
            errors.append(_("Cette ressource n'a pas encore de version publiée."))
    else:
        old, new = _find(versions, raw_from), _find(versions, raw_to)
        for raw, found, side in ((raw_from, old, _("de")), (raw_to, new, _("à"))):
            if found is not None:
                continue
            if not raw or VERSION_NUMBER.fullmatch(raw) is None:
                errors.append(
                    _("Choisissez la version « %(side)s » dans la liste.") % {"side": side}
                )
            else:
                errors.append(
                    _("La version %(number)s n'existe pas pour cette ressource.") % {"number": raw}
                )
        if errors:
            old = new = None

    sections, same, announced = None, False, []
    if old is not None and new is not None:
        if old.pk == new.pk:
            same = True
        else:
            sections = compare_pages(_historical_page(page, old), _historical_page(page, new))
            # The journal's lines of the versions published after `old`, up to `new`.
            low, high = sorted([(old.major, old.minor), (new.major, new.minor)])
            announced = [v for v in versions if low < (v.major, v.minor) <= high]

    context = {
        "page": page,
        "versions": versions,
        "current_version": current,
        "old": old,
        "new": new,
        "same": same,
        "sections": sections,
        "announced": announced,
        "errors": errors,
        # The form keeps the reader's choice when it is valid, proposes the last change otherwise.
        "compare_from": old or (versions[-2] if len(versions) > 1 else current),
        "compare_to": new or current,
        "breadcrumb": breadcrumb_items(
            request,
            page,
            {"label": _("Journal des versions"), "url": _journal_url(request, page)},
            {"label": _("Comparer deux versions")},
        ),
    }
    return TemplateResponse(request, COMPARE_TEMPLATE, context)


# Restoration ---------------------------------------------------------------------------------


def restore(request, page, number):
    _ensure_visible(request, page)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    journal_url = _journal_url(request, page)
    if not request.user.is_authenticated:
        return redirect_to_login(journal_url)
    if not contribution.can_restore(request.user, page):
        raise PermissionDenied
    versions = _versions(page)
    version = _find(versions, number)
    if version is None:
        raise Http404
    current = versions[-1]
    if version.pk == current.pk:
        messages.error(
            request,
            _("La version %(number)s est déjà la version actuelle : rien à restaurer.")
            % {"number": version.number},
        )
        return redirect(journal_url)
    if current.restored_from_id == version.pk:
        messages.error(
            request,
            _(
                "La version actuelle (%(current)s) est déjà une restauration de la version "
                "%(number)s : rien à restaurer."
            )
            % {"current": current.number, "number": version.number},
        )
        return redirect(journal_url)
    try:
        new_version = contribution.restore(page, version, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("La version %(number)s ne peut pas être restaurée : %(reason)s")
            % {"number": version.number, "reason": " ".join(error.messages)},
        )
        return redirect(journal_url)
    messages.success(
        request,
        _("La version %(old)s est restaurée : elle est publiée comme version %(new)s.")
        % {"old": version.number, "new": new_version.number},
    )
    return redirect(journal_url)


# Atom feed -----------------------------------------------------------------------------------


class VersionFeed(Atom1Feed):
    """Atom with the change lines as each entry's content (Django's Atom1Feed has no content)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "text"})


def feed(request, page):
    _ensure_visible(request, page)
    journal_url = request.build_absolute_uri(_journal_url(request, page))
    versions = list(reversed(_versions(page)))
    atom = VersionFeed(
        title=_("Journal des versions — %(title)s") % {"title": page.title},
        link=journal_url,
        description=page.summary,
        language="fr",
        feed_url=request.build_absolute_uri(),
        feed_guid=journal_url,
    )
    for version in versions:
        title = version.revision.content.get("title") or page.title
        url = request.build_absolute_uri(
            page.get_url(request) + page.reverse_subpage("version", args=[version.url_number])
        )
        lines = version.change_lines
        atom.add_item(
            title=_("Version %(number)s — %(title)s") % {"number": version.number, "title": title},
            link=url,
            unique_id=url,
            description=format_html(
                "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines))
            ),
            content="\n".join(f"– {line}" for line in lines),
            author_name=version.responsible,
            pubdate=version.published_at,
            updateddate=version.published_at,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    atom.write(response, "utf-8")
    return response
