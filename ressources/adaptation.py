"""« Adapter dans ma base »: a draft copy of one version of a resource, in a base of one's own.

The copy is Wagtail's own page copy (`CopyPageAction`, no revisions copied, not live) of the
state that version published (`ResourceVersion.as_page()`), so every field, block, tag,
taxonomy term and credit comes along without a hand-written list. On top of it:

- « adaptée de » names the original and `adapted_from_version` the exact version adapted; the
  adaptation's first publication opens its journal with « Adaptée de « … » (version 1.1) »
  (ressources.versioning), and its publication tells the original's followers
  (`adaptation_published`, received by the veille);
- the original's credits keep their roles, and the person adapting is credited « Adaptation »;
- the images and documents the version shows are copied into the target base's media folder,
  so the adaptation never depends on another base's files (nor on its privacy);
- the licence is the original's: a share-alike licence must stay (ressources.rules refuses
  another at publication), a no-derivatives or « tous droits réservés » one refuses the
  adaptation with the reason and the permission contact;
- the audit log records `ressources.adapt` on the new page.
"""

import os
import re

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from wagtail.actions.copy_page import CopyPageAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log

from base import caps

from . import authoring, rules
from .credits import credit_author
from .models import CreditRole, ResourcePage
from .uploads import UploadedFiles

ADAPT = "ressources.adapt"

DOCUMENT_LINK = re.compile(r'(<a\b[^>]*\blinktype="document"[^>]*\bid=")(\d+)(")')


class AdaptationRefused(Exception):
    """The licence of the version does not allow an adaptation (the message says why)."""


def refusal(resource):
    """Why `resource` (or the state of one of its versions) may not be adapted, or None."""
    return rules.adaptation_refusal(resource)


def permission_contact(resource):
    """Whom to ask when the licence does not allow adapting: the resource's own contact, else
    its base's address."""
    return resource.permission_contact or resource.base.contact_email


def target_bases(user):
    """The bases the person may publish in: theirs, and the bases open to everyone."""
    bases = list(authoring.member_bases(user)) + list(authoring.open_bases(user))
    return [base for base in bases if authoring.can_add_resource(user, base)]


# Files --------------------------------------------------------------------------------------------


def _in_folder(item, base):
    folder = base.media_collection
    return item.collection_id == folder.pk or item.collection.path.startswith(folder.path)


class _MediaCopier:
    """Copies the images and documents a page state shows into `base`'s media folder, once
    each; `files.discard()` removes them if the adaptation fails."""

    def __init__(self, base, user):
        self.base, self.user = base, user
        self.files = UploadedFiles(base, user)
        self.copies = {}

    def copy(self, model, pk):
        if pk is None or self.base.media_collection_id is None:
            return pk
        key = (model, int(pk))
        if key not in self.copies:
            item = model.objects.filter(pk=pk).select_related("collection").first()
            if item is None or _in_folder(item, self.base):
                self.copies[key] = pk
            else:
                self.copies[key] = self._clone(item).pk
        return self.copies[key]

    def _clone(self, item):
        """A new image or document of the base with the same file (streamed, not read whole)."""
        focal_point = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")
        with item.file.open("rb") as handle:
            clone = type(item)(
                title=item.title,
                file=File(handle, name=os.path.basename(item.file.name)),
                collection=self.base.media_collection,
                uploaded_by_user=self.user,
            )
            if hasattr(clone, "_set_image_file_metadata"):
                clone.description = getattr(item, "description", "")
                for name in focal_point:
                    setattr(clone, name, getattr(item, name))
                clone._set_image_file_metadata()
            else:
                clone._set_document_file_metadata()
            clone.save()
        self.files.created.append(clone)
        return clone

    def rich_text(self, html):
        documents = get_document_model()
        return DOCUMENT_LINK.sub(lambda m: f"{m[1]}{self.copy(documents, m[2])}{m[3]}", html or "")

    def page(self, page):
        """Point `page` (an in-memory state) at copies of its files."""
        images, documents = get_image_model(), get_document_model()
        if page.cover_image_id:
            page.cover_image_id = self.copy(images, page.cover_image_id)
            page.cover_image = images.objects.get(pk=page.cover_image_id)
        body = []
        for block in page.body.raw_data:
            block = dict(block)
            value = block.get("value")
            if block["type"] == "image" and isinstance(value, dict):
                block["value"] = {**value, "image": self.copy(images, value.get("image"))}
            elif block["type"] == "document" and isinstance(value, dict):
                block["value"] = {**value, "document": self.copy(documents, value.get("document"))}
            elif block["type"] == "paragraph" and isinstance(value, str):
                block["value"] = self.rich_text(value)
            elif block["type"] == "callout" and isinstance(value, dict):
                block["value"] = {**value, "text": self.rich_text(value.get("text"))}
            body.append(block)
        page.body = body


# The action ---------------------------------------------------------------------------------------


def adapt(version, base, user):
    """A draft adaptation of `version` in `base`, owned by `user`: returns (page, created).

    Idempotent: the person's unpublished adaptation of the same version in the same base is
    returned instead of a second copy (a double click, a form sent again). Raises
    PermissionDenied if `user` may not publish in `base`, AdaptationRefused if the licence of
    that version does not allow derivatives."""
    original = version.resource
    if not authoring.can_add_resource(user, base):
        raise PermissionDenied
    source = version.as_page()  # the exact state that version published
    reason = refusal(source)
    if reason:
        raise AdaptationRefused(reason)
    source._state.adding = False
    copier = _MediaCopier(base, user)
    try:
        with transaction.atomic():
            caps.lock_person(user)
            existing = (
                ResourcePage.objects.child_of(base)
                .filter(owner=user, adapted_from_version=version, first_published_at__isnull=True)
                .first()
            )
            if existing is not None:
                return existing, False
            copier.page(source)
            credit_author(source, user, CreditRole.ADAPTATION)
            copy = CopyPageAction(
                source,
                to=base,
                update_attrs={
                    "slug": authoring.unique_slug(base, source.title),
                    "draft_title": source.title,
                    "adapted_from": original,
                    "adapted_from_version": version,
                    "version_changes": "",
                    "version_major": False,
                    "producer": None,
                    "original_publication_date": None,
                    "permission_contact": "",
                    "locked": False,
                    "locked_by": None,
                    "locked_at": None,
                    "go_live_at": None,
                    "expire_at": None,
                    "expired": False,
                },
                copy_revisions=False,
                keep_live=False,
                user=user,
                log_action=None,
            ).execute(skip_permission_checks=True)
            log(
                instance=copy,
                action=ADAPT,
                user=user,
                data={
                    "original": {"id": original.pk, "title": source.title},
                    "version": version.number,
                    "base": {"id": base.pk, "title": base.title},
                },
            )
    except Exception:
        copier.files.discard()
        raise
    return copy, True
