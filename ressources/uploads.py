"""Files uploaded from the public editor become Wagtail images and documents of the base.

Images go through Wagtail's own `WagtailImageField` (format by content, extension, 10 Mo,
40 Mpx against decompression bombs: the checks of the admin's upload form, with its French
messages). Documents get the admin's extension list and size limit, plus a check of their first
bytes, so that a program renamed « guide.pdf » is refused. Nothing is stored until the whole
form is valid; the caller saves the files inside its transaction and removes them if it fails.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

# The first bytes each document type starts with; () for text formats (no NUL byte allowed).
ZIP = (b"PK\x03\x04",)
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "zip": ZIP,
    "epub": ZIP,
    "rtf": (b"{\\rtf",),
    "txt": (),
    "csv": (),
}


def image_field():
    return WagtailImageField(required=False)


def clean_image(upload):
    """The upload checked exactly as Wagtail's admin checks it (raises ValidationError)."""
    return image_field().clean(upload)


def clean_document(upload):
    name = os.path.basename(upload.name or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or list(DOCUMENT_SIGNATURES)
    if extension not in allowed or extension not in DOCUMENT_SIGNATURES:
        raise ValidationError(
            _("« %(name)s » n'est pas d'un type accepté. Types acceptés : %(types)s.")
            % {"name": name, "types": ", ".join(ext.upper() for ext in allowed)}
        )
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", 50 * 1024 * 1024)
    if upload.size > limit:
        raise ValidationError(
            _("« %(name)s » pèse %(size)s : le maximum est %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(limit)}
        )
    if not upload.size:
        raise ValidationError(_("« %(name)s » est vide.") % {"name": name})
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = DOCUMENT_SIGNATURES[extension]
    if signatures and not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            _("Le contenu de « %(name)s » ne correspond pas à un fichier %(ext)s.")
            % {"name": name, "ext": extension.upper()}
        )
    if not signatures and b"\x00" in head:
        raise ValidationError(_("« %(name)s » n'est pas un fichier texte.") % {"name": name})
    return upload


class UploadedFiles:
    """Files stored for one save; `discard()` removes them if the save fails."""

    def __init__(self, base, user):
        self.base = base
        self.user = user
        self.created = []

    def image(self, upload, title):
        image = get_image_model()(
            title=(title or os.path.basename(upload.name))[:255],
            file=upload,
            collection=self.base.media_collection,
            uploaded_by_user=self.user,
        )
        image._set_image_file_metadata()
        image.save()
        self.created.append(image)
        return image

    def document(self, upload, title):
        document = get_document_model()(
            title=(title or os.path.basename(upload.name))[:255],
            file=upload,
            collection=self.base.media_collection,
            uploaded_by_user=self.user,
        )
        document._set_document_file_metadata()
        document.save()
        self.created.append(document)
        return document

    def discard(self):
        for item in self.created:
            storage, name = item.file.storage, item.file.name
            if item.pk:
                type(item).objects.filter(pk=item.pk).delete()
            if name and storage.exists(name):
                storage.delete(name)
        self.created = []


def media_in_base(model, pk, base):
    """An image or document of the base's media folder (or a sub-folder), else None: ids come
    from the request."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    item = model.objects.filter(pk=pk).select_related("collection").first()
    if item is None or base.media_collection_id is None:
        return None
    folder = base.media_collection
    if item.collection_id == folder.pk or item.collection.path.startswith(folder.path):
        return item
    return None
