"""Downloads of a resource (PDF, Markdown) and of a collection's or a kit's pack.

These are page routes (`telecharger/…`) registered through base.extensions: the page's `serve`
has already answered 404 to whoever may not read it, and reuse.downloads only puts in a pack
what this person may read. The files come from the downloads cache, never from a public URL.
"""

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Page

from base.visibility import base_of
from ressources import personal_collections
from ressources.models import PersonalCollection

from .. import downloads
from ..signals import resource_downloaded


def _send(request, page, download, personal=False):
    """The file as an attachment; `personal`: its content depends on who asks (a pack)."""
    response = FileResponse(
        download.path.open("rb"),
        as_attachment=True,
        filename=download.filename,
        content_type=download.content_type,
    )
    base = base_of(page) if isinstance(page, Page) else None
    restricted = (
        base is None
        or not base.is_public
        or getattr(page, "visibility", "public") != "public"
        or getattr(request, "share_link_view", False)
    )
    # A pack depends on who asks (what they may read): never in a shared cache.
    shared = not restricted and not personal
    response["Cache-Control"] = "public, max-age=3600" if shared else "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    if request.method == "GET":  # a HEAD fetches nothing
        resource_downloaded.send(
            sender=downloads.Download, request=request, resource_ids=download.resource_ids
        )
    return response


def _published(page):
    if not page.live:
        raise Http404
    return page


@require_safe
def resource_pdf(request, page):
    return _send(request, page, downloads.resource_pdf(_published(page)))


@require_safe
def resource_markdown(request, page):
    return _send(request, page, downloads.resource_markdown(_published(page)))


def _pack(request, page, source, plan=None):
    """`page`: the page the pack comes from, or a person's collection."""
    try:
        download = downloads.pack(source, request, plan)
    except downloads.PackNotReady as pending:
        response = TemplateResponse(
            request,
            "reuse/pack_pending.html",
            {
                "title": source.title,
                "retry_url": request.path,
                "back_url": page.url if hasattr(page, "url") else page.get_absolute_url(),
                "ready": pending.ready,
                "total": pending.total,
            },
            status=503,
        )
        response["Retry-After"] = "30"
        return response
    return _send(request, page, download, personal=True)


@require_safe
def resource_pack(request, page):
    """A kit (« Boîte à outils ») only: the kit and the resources it links to."""
    if not downloads.is_kit(page):
        raise Http404
    return _pack(request, page, downloads.page_source(_published(page)))


@require_safe
def collection_pack(request, page):
    source = downloads.page_source(_published(page))
    plan = downloads.plan_pack(source, request)
    if not plan[0]:  # nothing this person may read
        raise Http404
    return _pack(request, page, source, plan)


@require_safe
def personal_collection_pack(request, collection_id, slug):
    """A person's collection: public ones for everyone, private ones for their owner (404)."""
    collection = PersonalCollection.objects.filter(pk=collection_id).first()
    if collection is None or not personal_collections.can_view(collection, request.user):
        raise Http404
    source = downloads.personal_source(collection)
    plan = downloads.plan_pack(source, request)
    if not plan[0]:
        raise Http404
    return _pack(request, collection, source, plan)
