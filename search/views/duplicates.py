"""The duplicate warnings' endpoint (for the admin page editor and the site's editor) and the
moderators' « Doublons probables » admin view."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from ressources.models import ResourcePage

from .. import duplicates

MODERATE = "ressources.moderate_report"


def _page(request, name):
    """The page of a parameter; it only orders what the person may read anyway (same base
    first) or leaves a resource out of its own suggestions, so no permission is needed."""
    try:
        pk = int(request.GET.get(name) or 0)
    except ValueError:
        return None
    return Page.objects.filter(pk=pk).first() if pk > 0 else None


@require_GET
@login_required
def similar(request):
    """Resources like the one being written (`titre`, `resume`; `page`: the resource being
    edited, left out; `parent`: where it is created, for « same base first »). HTML fragment,
    or JSON with ?format=json. Only what the person may read is suggested."""
    page = _page(request, "page")
    if page is not None and not isinstance(page.specific, ResourcePage):
        page = None
    parent = page or _page(request, "parent")
    items = duplicates.similar_resources(
        request.user,
        request.GET.get("titre", ""),
        request.GET.get("resume", "")[:1000],
        base_id=duplicates.base_id_of(parent),
        exclude_id=page.pk if page else None,
    )
    for item in items:
        item["propose_url"] = item["url"] + "proposer/" if item["url"] else ""
    if request.GET.get("format") == "json":
        return JsonResponse({"results": items})
    return render(request, "search/duplicates_fragment.html", {"items": items})


def is_moderator(user):
    return user.is_active and (user.is_superuser or user.has_perm(MODERATE))


def likely_duplicates(request):
    """« Doublons probables »: live resources with the same normalised title, for moderators."""
    if not is_moderator(request.user):
        raise PermissionDenied
    groups = duplicates.likely_pairs(refresh=request.GET.get("actualiser") == "1")
    pages = {
        page.pk: page
        for page in Page.objects.filter(
            pk__in=[item["id"] for group in groups for item in group["resources"]]
        )
    }
    for group in groups:
        for item in group["resources"]:
            page = pages.get(item["id"])
            item["url"] = page.url if page else ""
    return render(
        request,
        "search/likely_duplicates.html",
        {"groups": groups, "page_title": _("Doublons probables")},
    )
