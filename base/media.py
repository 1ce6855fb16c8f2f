"""Uploaded files of a private base are for its readers only: images, renditions, documents.

Images and documents live in Wagtail collections; each base has its own (`media_collection`).
A file under the collection of a private base (or one of its sub-collections) is readable by
the base's members, platform admins, people who hold Wagtail media permissions on it, and
visitors whose share link opens the base or a resource that uses the file (Wagtail's reference
index says which). Everyone else gets a 404, like for the base's pages.

- Every file under MEDIA_URL goes through `serve` (wagtail.utils.sendfile): Django decides,
  then streams the file in development and tests, or hands it to nginx with X-Accel-Redirect
  in production (`SENDFILE_BACKEND = "base.sendfile_nginx"`, see README), so a guessed
  `/media/original_images/…` or rendition address of a private image answers 404.
- Documents go through Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), which
  runs the `before_serve_document` hook of base/wagtail_hooks.py; it applies `can_view`.
- Listings (the API's images and documents) use `visible_media`.

Files outside the images' and documents' folders belong to no collection and are public.
"""

import os
import posixpath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex
from wagtail.permissions import policy_registry
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

from .models import BasePage
from .visibility import hidden_bases

PREFIXES = {
    "original_images/": "image",
    "images/": "rendition",
    "documents/": "document",
}


def collection_base(collection_id):
    """The base whose media collection holds this collection (itself or an ancestor)."""
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return None
    ancestors = collection.get_ancestors(inclusive=True).values("pk")
    return BasePage.objects.filter(media_collection__in=ancestors).first()


def hidden_collection_ids(user):
    """Collections (with their sub-collections) of the private bases the user may not read."""
    roots = Collection.objects.filter(pk__in=hidden_bases(user).values("media_collection_id"))
    ids = set()
    for root in roots:
        ids.update(root.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


def visible_media(queryset, user):
    """Images or documents the user may see in a listing (share links play no part here)."""
    return queryset.exclude(collection_id__in=hidden_collection_ids(user))


def _has_media_permission(user, obj):
    """Wagtail media permissions on the file's collection (members hold them, see
    base.permissions; so may others the platform grants them to)."""
    if not user.is_authenticated:
        return False
    permission_policy = policy_registry.get_by_type(type(obj))
    return permission_policy.user_has_any_permission_for_instance(user, ["change", "choose"], obj)


def can_view(request, obj, base=False):
    """May this request read this image or document (see the module docstring)?

    `base`: the result of `collection_base(obj.collection_id)` when the caller has it."""
    if base is False:
        base = collection_base(obj.collection_id)
    user = request.user
    if base is None or base.user_can_view(user) or _has_media_permission(user, obj):
        return True
    from .sharing import grants_for

    grants = grants_for(request)
    if base.pk in grants.base_ids:
        return True
    if grants.page_ids:
        return (
            ReferenceIndex.get_references_to(obj)
            .filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(pk) for pk in grants.page_ids],
            )
            .exists()
        )
    return False


def owner_of(path):
    """The image or document a file under MEDIA_ROOT belongs to, or None; raises Http404 for a
    file of a known kind that no row claims (nothing to decide its visibility from)."""
    kind = next((kind for prefix, kind in PREFIXES.items() if path.startswith(prefix)), None)
    if kind is None:
        return None
    if kind == "image":
        obj = get_image_model().objects.filter(file=path).first()
    elif kind == "rendition":
        rendition = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(file=path)
            .select_related("image")
            .first()
        )
        obj = rendition.image if rendition else None
    else:
        obj = get_document_model().objects.filter(file=path).first()
    if obj is None:
        raise Http404
    return obj


def _cache_control(response, base):
    """Files of a private base must not sit in a shared cache."""
    restricted = base is not None and not base.is_public
    # Public files for an hour only: a base made private stops being served from caches soon.
    response["Cache-Control"] = "private, max-age=3600" if restricted else "public, max-age=3600"


@require_safe
def serve_document(request, document_id, document_filename):
    """Wagtail's document view (its `before_serve_document` hooks decide who may read), with
    the cache policy of the document's base."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.status_code == 200:
        document = get_document_model().objects.get(pk=document_id)
        _cache_control(response, collection_base(document.collection_id))
    return response


@require_safe
def serve(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or path in ("", "."):
        raise Http404
    obj = owner_of(path)
    base = collection_base(obj.collection_id) if obj is not None else None
    if obj is not None and not can_view(request, obj, base):
        raise Http404
    try:
        full_path = safe_join(str(settings.MEDIA_ROOT), path)
    except ValueError as error:  # outside MEDIA_ROOT
        raise Http404 from error
    if not os.path.isfile(full_path):
        raise Http404
    options = {}
    if not getattr(settings, "SENDFILE_BACKEND", None):
        options["backend"] = sendfile_streaming_backend.sendfile
    response = sendfile(request, full_path, **options)
    _cache_control(response, base)
    response["X-Content-Type-Options"] = "nosniff"
    if obj is not None and path.startswith("documents/"):
        response["Content-Security-Policy"] = "default-src 'none'"
    return response
