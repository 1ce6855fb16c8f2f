"""The public editor of a whole resource (ressources.authoring): the contribution form, extended.

`ResourceAuthoringForm` extends the public edit form (`ResourceContentForm`: title, summary,
text blocks in light markup, taxonomy, tags) with what the editors of a base set too: every body
block (images with their alternative text, files, links, videos, callouts), the licence
(explained, open licences first), credits with roles, « adaptée de », language and territory.
The body is a sequence of block forms, each posting its type and fields; « Ajouter un bloc »
re-renders the form with one more empty block (no JavaScript needed). Uploaded files are checked
here and stored only once the whole form is valid (`state(files)`).
"""

import uuid
from urllib.parse import urlparse

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from organisations.models import Organisation
from organisations.territories import DEPARTMENT_CHOICES, REGION_CHOICES, Scope

from . import rules, uploads
from .blocks import ResourceBodyBlock
from .contribution_forms import (
    MAX_BLOCK_TITLE_LENGTH,
    MAX_BLOCKS,
    UUID,
    BodyEntry,
    ResourceContentForm,
    change_lines,
    collapse,
)
from .editing import TAXONOMY_FIELDS
from .models import CreditKind, CreditRole, Language, Licence
from .richtext import CALLOUT_FEATURES, PARAGRAPH_FEATURES

BLOCK_TYPES = {
    "heading": _lazy("Titre de section"),
    "paragraph": _lazy("Texte"),
    "image": _lazy("Image"),
    "document": _lazy("Fichier à télécharger"),
    "link": _lazy("Lien vers un site"),
    "video": _lazy("Vidéo"),
    "callout": _lazy("Mise en avant"),
}
MAX_ALT_LENGTH = 250
MAX_CREDITS = 30
EMPTY_CREDIT_ROWS = 2

ACTION_DRAFT, ACTION_PREVIEW, ACTION_PUBLISH, ACTION_ADD_BLOCK = (
    "brouillon",
    "apercu",
    "publier",
    "ajouter-bloc",
)
ACTIONS = (ACTION_DRAFT, ACTION_PREVIEW, ACTION_PUBLISH, ACTION_ADD_BLOCK)


class AuthoringEntry(BodyEntry):
    """A block of the editor: every type is editable."""

    LABELS = BLOCK_TYPES

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {}  # posted or stored values of the block's inputs
        self.upload = None  # a checked file waiting to be stored
        self.media = None  # the image or document the block shows

    @property
    def is_text(self):
        return True  # nothing is read-only in the full editor

    def get(self, name, default=""):
        return self.fields.get(name, default)

    @classmethod
    def from_block(cls, index, block):
        entry = super().from_block(index, block)
        value = block.get("value")
        value = value if isinstance(value, dict) else {}
        if entry.type == "heading":
            entry.fields = {"level": value.get("level", "h2")}
        elif entry.type == "callout":
            entry.fields = {"kind": value.get("kind", "info")}
        elif entry.type == "image":
            entry.fields = {
                "image": value.get("image") or "",
                "alt": value.get("alt_text", ""),
                "decorative": bool(value.get("image")) and not value.get("alt_text"),
                "caption": value.get("caption", ""),
                "credit": value.get("credit", ""),
            }
            entry.media = get_image_model().objects.filter(pk=value.get("image") or 0).first()
        elif entry.type == "document":
            entry.fields = {
                "document": value.get("document") or "",
                "title": value.get("title", ""),
                "description": value.get("description", ""),
            }
            entry.media = get_document_model().objects.filter(pk=value.get("document") or 0).first()
        elif entry.type == "link":
            entry.fields = {
                "url": value.get("url", ""),
                "title": value.get("title", ""),
                "description": value.get("description", ""),
            }
        elif entry.type == "video":
            entry.fields = {
                "url": value.get("video") or "",
                "title": value.get("title", ""),
                "transcript": value.get("transcript", ""),
            }
        return entry


class CreditRow:
    def __init__(self, index, kind=CreditKind.PERSON, name="", role=CreditRole.WRITING, own=False):
        self.index, self.kind, self.name, self.role, self.own = index, kind, name, role, own
        self.errors = []

    @property
    def prefix(self):
        return f"credits-{self.index}"


class ResourceAuthoringForm(ResourceContentForm):
    """Create a resource, save it as a draft, preview or publish it (see module docstring)."""

    licence = forms.ModelChoiceField(
        label=_lazy("Licence"),
        queryset=Licence.objects.order_by("-is_open", "order", "name"),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": _lazy("Choisissez l'une des licences proposées.")},
    )
    adapted_from = forms.CharField(
        label=_lazy("Adaptée de"),
        help_text=_lazy(
            "Si votre ressource adapte une ressource de la plateforme, collez son adresse "
            "(https://…/bases/…/…/). Sa licence doit le permettre."
        ),
        required=False,
        max_length=500,
    )
    language = forms.ChoiceField(label=_lazy("Langue"), choices=Language.choices)
    scope = forms.ChoiceField(label=_lazy("Portée territoriale"), choices=Scope.choices)
    region_code = forms.ChoiceField(
        label=_lazy("Région"), choices=[("", "—"), *REGION_CHOICES], required=False
    )
    department_code = forms.ChoiceField(
        label=_lazy("Département"), choices=[("", "—"), *DEPARTMENT_CHOICES], required=False
    )
    changes = forms.CharField(
        label=_lazy("Changements de cette version"),
        help_text=_lazy(
            "Un changement par ligne ; ils figurent dans le journal des versions. Facultatif "
            "pour la première publication."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    latest_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, data=None, files=None, *, base, resource=None, user, credits=(), **kwargs):
        self.base = base
        self.uploaded_files = files or {}
        self.initial_credits = list(credits)
        state = kwargs.get("state")
        super().__init__(data, resource=resource, user=user, **kwargs)
        if not self.is_bound:
            blocks = state["body"] if state is not None else []
            self.body_entries = [
                AuthoringEntry.from_block(index, block) for index, block in enumerate(blocks)
            ]
        del self.fields["new_paragraph"]
        del self.fields["base_revision"]
        del self.fields["merged_from"]
        self.action = (self.data.get("action") if self.is_bound else None) or ACTION_DRAFT
        self.credit_rows = self._credit_rows()
        if self.is_bound and self.action == ACTION_ADD_BLOCK:
            block_type = self.data.get("new_block_type")
            if block_type in BLOCK_TYPES and len(self.body_entries) < MAX_BLOCKS:
                entry = AuthoringEntry(len(self.body_entries), str(uuid.uuid4()), block_type)
                entry.fields = {"level": "h2", "kind": "info"}
                self.body_entries.append(entry)
        self.order_fields(["title", "summary", *TAXONOMY_FIELDS, "tags", "licence"])

    # Initial values ------------------------------------------------------------------------------

    @classmethod
    def initial_for(cls, page, user=None):
        """The editor's initial values for a stored page state (`None`: a new resource)."""
        from . import authoring

        if page is None:
            return {
                "state": {"title": "", "summary": "", "body": [], "tags": []},
                "initial": {"language": Language.FRENCH, "scope": Scope.NATIONAL},
                "credits": [authoring.author_credit(user)] if user else [],
            }
        state = {
            "title": page.title,
            "summary": page.summary,
            "body": [dict(block) for block in page.body.raw_data],
            "tags": sorted(tag.name for tag in page.tags.all()),
        }
        for field in TAXONOMY_FIELDS:
            state[field] = sorted(term.pk for term in getattr(page, field).all())
        initial = {
            "licence": page.licence_id,
            "adapted_from": page.adapted_from.url
            if page.adapted_from_id and page.adapted_from
            else "",
            "language": page.language,
            "scope": page.scope,
            "region_code": page.region_code,
            "department_code": page.department_code,
            "latest_revision": page.latest_revision_id,
        }
        credits = [
            {
                "kind": credit.kind,
                "name": credit.name,
                "role": credit.role,
                "self": user is not None and credit.user_id == user.pk,
            }
            for credit in page.credits.all()
        ]
        return {"state": state, "initial": initial, "credits": credits}

    # Body ----------------------------------------------------------------------------------------

    @cached_property
    def source_pages(self):
        if self.resource is None:
            return []
        return [self.resource.get_latest_revision_as_object()]

    def _posted_entries(self):
        try:
            count = int(self.data.get("body-count", 0))
        except (TypeError, ValueError):
            count = 0
        entries, seen_ids = [], set()
        for index in range(max(0, min(count, MAX_BLOCKS))):
            prefix = f"body-{index}"
            if self.data.get(f"{prefix}-delete"):
                continue
            block_type = self.data.get(f"{prefix}-type")
            if block_type not in BLOCK_TYPES:
                continue
            block_id = str(self.data.get(f"{prefix}-id", ""))[:64]
            source = self.source_blocks.get(block_id)
            if source is not None and source.get("type") != block_type:
                source = None
            if block_id in seen_ids or not (source or UUID.match(block_id)):
                block_id = str(uuid.uuid4())
            seen_ids.add(block_id)
            entry = AuthoringEntry(
                len(entries),
                block_id,
                block_type,
                value=source["value"] if source else None,
                text=str(self.data.get(f"{prefix}-text", "")),
                title=str(self.data.get(f"{prefix}-title", "")),
            )
            entry.source = source
            names = ("level", "kind", "image", "document", "alt", "caption", "credit", "url")
            names += ("description", "transcript")
            entry.fields = {name: str(self.data.get(f"{prefix}-{name}", "")) for name in names}
            entry.fields["title"] = entry.title
            entry.fields["decorative"] = bool(self.data.get(f"{prefix}-decorative"))
            entry.upload = self.uploaded_files.get(f"{prefix}-file")
            entries.append(entry)
        return entries

    def _clean_body(self):
        body = []
        for entry in self.body_entries:
            cleaner = getattr(self, f"_clean_{entry.type}")
            value = cleaner(entry)
            if value is not None and not entry.errors:
                body.append({"type": entry.type, "value": value, "id": entry.id})
        if any(entry.errors for entry in self.body_entries):
            self.add_error(None, _("Le contenu comporte des erreurs : voyez les blocs signalés."))
        return body

    def _child_clean(self, entry, value, ignore=()):
        """The block's own Wagtail validation (lengths, embeds…), as in the admin."""
        child = ResourceBodyBlock().child_blocks[entry.type]
        checked = {key: val for key, val in value.items() if key not in ignore}
        if ignore:
            for name in ignore:
                checked[name] = None
        try:
            child.clean(child.to_python(checked))
        except ValidationError as error:
            block_errors = getattr(error, "block_errors", None) or {}
            for name, errors in block_errors.items():
                if name in ignore:
                    continue
                label = child.child_blocks[name].label if name in child.child_blocks else name
                for message in getattr(errors, "messages", [str(errors)]):
                    entry.errors.append(f"{str(label).capitalize()} : {message}")
            if not block_errors:
                entry.errors.extend(error.messages)

    def _clean_heading(self, entry):
        text = collapse(entry.text)
        if not text:
            return None
        if len(text) > MAX_BLOCK_TITLE_LENGTH:
            entry.errors.append(
                _("Un titre de section compte au plus %(max)d caractères.")
                % {"max": MAX_BLOCK_TITLE_LENGTH}
            )
        level = entry.get("level") if entry.get("level") in ("h2", "h3") else "h2"
        return {"text": text, "level": level}

    def _clean_paragraph(self, entry):
        source = entry.source["value"] if entry.source else None
        return self._rich_text(entry, entry.text, source, PARAGRAPH_FEATURES) or None

    def _clean_callout(self, entry):
        source = entry.source["value"].get("text") if entry.source else None
        html = self._rich_text(entry, entry.text, source, CALLOUT_FEATURES)
        title = collapse(entry.title)
        if len(title) > MAX_BLOCK_TITLE_LENGTH:
            entry.errors.append(
                _("Le titre d'une mise en avant compte au plus %(max)d caractères.")
                % {"max": MAX_BLOCK_TITLE_LENGTH}
            )
        if not html:
            if title:
                entry.errors.append(
                    _(
                        "Une mise en avant a besoin d'un texte : écrivez-le, ou videz aussi son "
                        "titre pour la supprimer."
                    )
                )
            return None
        kind = entry.get("kind") if entry.get("kind") in ("info", "warning") else "info"
        return {"title": title, "text": html, "kind": kind}

    def _known_media(self, entry, model, key):
        """The stored image/document of the block: one already in the resource, or one of the
        base's media folder (ids come from the request)."""
        posted = entry.get(key)
        if not posted:
            return None
        for block in self.source_blocks.values():
            value = block.get("value")
            if isinstance(value, dict) and str(value.get(key)) == posted:
                return model.objects.filter(pk=value[key]).first()
        return uploads.media_in_base(model, posted, self.base)

    def _take_media(self, entry, clean_upload, model, key, missing):
        """The block's file: a checked upload, or a file of the base it already names. False
        (with the entry's error) when there is neither."""
        if entry.upload:
            try:
                clean_upload(entry.upload)
            except ValidationError as error:
                entry.errors.extend(error.messages)
                entry.upload = None
        else:
            entry.media = self._known_media(entry, model, key)
        if entry.upload is None and entry.media is None:
            if not entry.errors:
                entry.errors.append(missing)
            return False
        return True

    def _clean_image(self, entry):
        alt = collapse(entry.get("alt"))
        decorative = entry.get("decorative", False)
        if not self._take_media(
            entry,
            uploads.clean_image,
            get_image_model(),
            "image",
            _("Choisissez l'image à téléverser (JPEG, PNG, GIF ou WebP)."),
        ):
            return None
        if not alt and not decorative:
            entry.errors.append(
                _(
                    "Décrivez l'image dans son texte alternatif, pour les personnes qui ne la "
                    "voient pas ; cochez « Image décorative » seulement si elle n'apporte aucune "
                    "information."
                )
            )
        if len(alt) > MAX_ALT_LENGTH:
            entry.errors.append(
                _("Le texte alternatif compte au plus %(max)d caractères (il en compte %(count)d).")
                % {"max": MAX_ALT_LENGTH, "count": len(alt)}
            )
        value = {
            "image": entry.media.pk if entry.media else None,
            "alt_text": "" if decorative else alt,
            "caption": collapse(entry.get("caption")),
            "credit": collapse(entry.get("credit")),
        }
        if not entry.errors:
            self._child_clean(entry, value, ignore=("image",))
        return value

    def _clean_document(self, entry):
        if not self._take_media(
            entry,
            uploads.clean_document,
            get_document_model(),
            "document",
            _("Choisissez le fichier à téléverser."),
        ):
            return None
        value = {
            "document": entry.media.pk if entry.media else None,
            "title": collapse(entry.get("title")),
            "description": str(entry.get("description")).strip(),
        }
        if not entry.errors:
            self._child_clean(entry, value, ignore=("document",))
        return value

    def _clean_link(self, entry):
        url, title = entry.get("url").strip(), collapse(entry.get("title"))
        if not url and not title:
            return None
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            entry.errors.append(_("Indiquez l'adresse complète du lien, commençant par https://."))
        if not title:
            entry.errors.append(_("Donnez un titre au lien."))
        value = {"url": url, "title": title, "description": entry.get("description").strip()}
        if not entry.errors:
            self._child_clean(entry, value)
        return value

    def _clean_video(self, entry):
        url, title = entry.get("url").strip(), collapse(entry.get("title"))
        if not url and not title:
            return None
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            entry.errors.append(
                _("Indiquez l'adresse de la vidéo (par exemple https://www.youtube.com/watch?v=…).")
            )
        if not title:
            entry.errors.append(_("Donnez un titre à la vidéo."))
        value = {"video": url, "title": title, "transcript": entry.get("transcript").strip()}
        if not entry.errors:
            child = ResourceBodyBlock().child_blocks["video"]
            try:
                child.clean(child.to_python(value))
            except ValidationError:
                entry.errors.append(
                    _(
                        "Cette adresse de vidéo n'est pas reconnue : utilisez le lien de partage "
                        "d'une plateforme de vidéo (YouTube, Vimeo, Dailymotion, PeerTube…)."
                    )
                )
        return value

    # Credits -------------------------------------------------------------------------------------

    def _credit_rows(self):
        rows = []
        if self.is_bound:
            try:
                count = int(self.data.get("credits-count", 0))
            except (TypeError, ValueError):
                count = 0
            for index in range(max(0, min(count, MAX_CREDITS + EMPTY_CREDIT_ROWS))):
                prefix = f"credits-{index}"
                rows.append(
                    CreditRow(
                        len(rows),
                        kind=str(self.data.get(f"{prefix}-kind", "")),
                        name=collapse(self.data.get(f"{prefix}-name", "")),
                        role=str(self.data.get(f"{prefix}-role", "")),
                        own=bool(self.data.get(f"{prefix}-self")),
                    )
                )
        else:
            for credit in self.initial_credits:
                rows.append(
                    CreditRow(
                        len(rows), credit["kind"], credit["name"], credit["role"], credit["self"]
                    )
                )
        filled = [row for row in rows if row.name]
        for _extra in range(EMPTY_CREDIT_ROWS):
            filled.append(CreditRow(len(filled)))
        for index, row in enumerate(filled):
            row.index = index
        return filled

    def _clean_credits(self):
        credits = []
        for row in self.credit_rows:
            if not row.name:
                continue
            if row.kind not in CreditKind.values:
                row.errors.append(_("Indiquez s'il s'agit d'une personne ou d'une organisation."))
            if row.role not in CreditRole.values:
                row.errors.append(_("Choisissez le rôle dans la liste."))
            if len(row.name) > 255:
                row.errors.append(_("Un nom compte au plus 255 caractères."))
            own = row.own and row.kind == CreditKind.PERSON and row.name == self.user.display_name
            credits.append({"kind": row.kind, "name": row.name, "role": row.role, "self": own})
        if len(credits) > MAX_CREDITS:
            self.add_error(None, _("Indiquez au plus %(max)d crédits.") % {"max": MAX_CREDITS})
        if any(row.errors for row in self.credit_rows):
            self.add_error(
                None, _("Les crédits comportent des erreurs : voyez les lignes signalées.")
            )
        return credits

    # Validation ----------------------------------------------------------------------------------

    def clean_base_revision(self):
        return None

    def clean_adapted_from(self):
        value = (self.cleaned_data.get("adapted_from") or "").strip()
        if not value:
            return None
        from ressources.listing import visible_resources

        path = urlparse(value).path or value
        if not path.endswith("/"):
            path += "/"
        candidates = visible_resources(self.user).filter(url_path__endswith=path)
        if self.resource is not None:
            candidates = candidates.exclude(pk=self.resource.pk)
        page = candidates.order_by("depth").first()
        if page is None:
            raise ValidationError(
                _(
                    "Cette adresse ne correspond à aucune ressource publiée de la plateforme : "
                    "copiez-la depuis la barre d'adresse de la ressource d'origine."
                )
            )
        return page.specific

    def clean(self):
        cleaned_data = forms.Form.clean(self)
        if self.action not in ACTIONS:
            raise ValidationError(_("Action inconnue : rechargez la page."))
        taxonomy = {field: list(cleaned_data.get(field) or []) for field in TAXONOMY_FIELDS}
        errors = rules.content_errors(title=cleaned_data.get("title"), taxonomy=taxonomy)
        if self.action == ACTION_PUBLISH:
            for field, messages in rules.publication_errors(
                licence=cleaned_data.get("licence"),
                themes=taxonomy["themes"],
                resource_types=taxonomy["resource_types"],
                adapted_from=cleaned_data.get("adapted_from"),
            ).items():
                errors.setdefault(field, []).extend(messages)
            has_versions = self.resource is not None and self.resource.versions.exists()
            if has_versions and not change_lines(cleaned_data.get("changes")):
                errors.setdefault("changes", []).append(
                    _("Décrivez les changements de cette version, un par ligne.")
                )
        else:
            message = rules.licence_compatibility_error(
                cleaned_data.get("licence"), cleaned_data.get("adapted_from")
            )
            if message:
                errors.setdefault("licence", []).append(message)
        for field, messages in errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        self._clean_territory(cleaned_data)
        self.body = self._clean_body()
        self.credits = self._clean_credits()
        latest = cleaned_data.get("latest_revision")
        if self.resource is not None and latest != self.resource.latest_revision_id:
            raise ValidationError(
                _(
                    "Quelqu'un a enregistré cette ressource depuis que vous avez ouvert ce "
                    "formulaire : rien n'est enregistré. Copiez vos modifications, rechargez la "
                    "page et reportez-les."
                ),
                code="conflict",
            )
        return cleaned_data

    def _clean_territory(self, cleaned_data):
        probe = Organisation(
            scope=cleaned_data.get("scope") or Scope.NATIONAL,
            region_code=cleaned_data.get("region_code") or "",
            department_code=cleaned_data.get("department_code") or "",
        )
        try:
            probe.clean()  # base.models.Territory.clean: the rules of every territory field
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        else:
            cleaned_data["region_code"] = probe.region_code

    @property
    def is_adding_block(self):
        return self.action == ACTION_ADD_BLOCK

    def full_clean(self):
        """« Ajouter un bloc » is not a save: the form comes back as typed, without errors."""
        super().full_clean()
        if self.is_bound and self.is_adding_block:
            self._errors = forms.utils.ErrorDict()
            for item in [*self.body_entries, *self.credit_rows]:
                item.errors = []

    @property
    def dropped_uploads(self):
        """Files chosen before « Ajouter un bloc »: a browser cannot send them again."""
        return self.is_adding_block and any(entry.upload for entry in self.body_entries)

    # Result --------------------------------------------------------------------------------------

    def state(self, files):
        """What `ressources.authoring.apply_state` sets; stores the uploaded files via `files`."""
        body = []
        for entry in self.body_entries:
            block = next((b for b in self.body if b["id"] == entry.id), None)
            if block is None:
                continue
            if entry.upload is not None and entry.type == "image":
                alt = block["value"]["alt_text"]
                block["value"]["image"] = files.image(entry.upload, alt).pk
            elif entry.upload is not None and entry.type == "document":
                document = files.document(entry.upload, block["value"]["title"])
                block["value"]["document"] = document.pk
            body.append(block)
        data = self.cleaned_data
        state = {
            "title": data["title"],
            "summary": data["summary"],
            "body": body,
            "tags": sorted(data.get("tags") or []),
            "licence": data.get("licence"),
            "adapted_from": data.get("adapted_from"),
            "language": data.get("language"),
            "scope": data.get("scope"),
            "region_code": data.get("region_code") or "",
            "department_code": data.get("department_code") or "",
            "credits": self.credits,
        }
        for field in TAXONOMY_FIELDS:
            state[field] = sorted(term.pk for term in data.get(field) or [])
        return state

    # Display -------------------------------------------------------------------------------------

    def licence_options(self):
        """The licences with what they allow, open ones first."""
        selected = str(self["licence"].value() or "")
        return [
            {"licence": licence, "checked": str(licence.pk) == selected}
            for licence in self.fields["licence"].queryset
        ]

    @property
    def block_types(self):
        return list(BLOCK_TYPES.items())

    @property
    def block_templates(self):
        """One empty block of each type, for the <template>s of « Ajouter un bloc » (its id left
        empty: the server gives a new block its own)."""
        entries = []
        for block_type in BLOCK_TYPES:
            entry = AuthoringEntry("__index__", "", block_type)
            entry.fields = {"level": "h2", "kind": "info"}
            entries.append(entry)
        return entries

    @property
    def credit_kinds(self):
        return CreditKind.choices

    @property
    def credit_roles(self):
        return CreditRole.choices


def authoring_form(data=None, files=None, *, base, resource, user):
    """The editor bound to a request, or filled from the resource (or blank for a new one)."""
    if data is not None:
        return ResourceAuthoringForm(data, files, base=base, resource=resource, user=user)
    start = ResourceAuthoringForm.initial_for(
        resource.get_latest_revision_as_object() if resource is not None else None, user
    )
    if resource is not None:
        start["initial"]["latest_revision"] = resource.latest_revision_id
    return ResourceAuthoringForm(
        base=base,
        resource=resource,
        user=user,
        credits=start["credits"],
        state=start["state"],
        initial=start["initial"],
    )
