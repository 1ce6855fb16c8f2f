"""Forms of the public contribution flows: edit a resource, propose a change, review a proposal.

Both the edit and the proposal forms produce the payload of `ressources.editing` (title, summary,
body as Wagtail's raw stream data, the four taxonomy vocabularies and tags). The body is edited
block by block without a JavaScript editor: a heading is a text input, a paragraph or a callout
text a <textarea> in the light markup of `ressources.richtext`; other blocks (images, files,
links, videos) stay in place, read-only. The form is self-describing (each block posts its id
and type), so that after a conflict the merge form can show the person's own body; the values
of read-only blocks always come from the resource's revisions, never from the request.
"""

import re
import uuid

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from . import rules
from .editing import TAXONOMY_FIELDS, edit_data
from .models import Term, Vocabulary
from .richtext import (
    ASCII_SPACES,
    CALLOUT_FEATURES,
    PARAGRAPH_FEATURES,
    contains_tags,
    html_to_markup,
    internal_references,
    markup_to_html,
    normalise_markup,
)

TEXT_BLOCK_TYPES = ("heading", "paragraph", "callout")
MAX_BLOCKS = 300
MAX_TEXT_LENGTH = 20_000
MAX_BLOCK_TITLE_LENGTH = 200
MAX_SUMMARY_LENGTH = 560
MAX_TAG_LENGTH = 100
MAX_TAGS = 30
MAX_PROPOSAL_SUMMARY_LENGTH = 2000
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

VOCABULARIES = {
    "themes": Vocabulary.THEME,
    "resource_types": Vocabulary.RESOURCE_TYPE,
    "beneficiaries": Vocabulary.BENEFICIARY,
    "professional_sectors": Vocabulary.PROFESSIONAL_SECTOR,
}
TAXONOMY_LABELS = {
    "themes": _lazy("Thématiques"),
    "resource_types": _lazy("Types de ressource"),
    "beneficiaries": _lazy("Bénéficiaires"),
    "professional_sectors": _lazy("Secteurs professionnels"),
}
TAXONOMY_HINTS = {
    "themes": _lazy("Au moins une, 5 au plus."),
    "resource_types": _lazy("Au moins un, 4 au plus."),
    "beneficiaries": _lazy("5 au plus."),
    "professional_sectors": _lazy("5 au plus."),
}

REQUIRED = _lazy("Ce champ est obligatoire.")


def collapse(text):
    """Runs of ASCII whitespace as one space (non-breaking spaces of French text are kept)."""
    return ASCII_SPACES.sub(" ", str(text or "")).strip(" ")


def parse_tags(text):
    """Tags typed as « inclusion numérique, e-administration »: split on commas only."""
    tags, seen = [], set()
    for part in str(text or "").split(","):
        tag = collapse(part).strip('"').strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


def tags_text(tags):
    return ", ".join(tags)


def change_lines(text):
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def resource_revision(resource, revision_id):
    """The revision `revision_id` of `resource`, or None (ids come from the request)."""
    try:
        revision_id = int(revision_id)
    except (TypeError, ValueError):
        return None
    return resource.revisions.filter(pk=revision_id).first()


def read_only_label(block_type, value):
    """« Image : texte alternatif », « Fichier : titre »… for a block the form does not edit."""
    value = value if isinstance(value, dict) else {}
    if block_type == "image":
        from wagtail.images import get_image_model

        alt = value.get("alt_text") or ""
        if not alt and value.get("image"):
            image = get_image_model().objects.filter(pk=value["image"]).first()
            alt = image.title if image else ""
        return _("Image : %(name)s") % {"name": alt or _("sans texte alternatif")}
    if block_type == "document":
        from wagtail.documents import get_document_model

        title = value.get("title") or ""
        if not title and value.get("document"):
            document = get_document_model().objects.filter(pk=value["document"]).first()
            title = document.title if document else ""
        return _("Fichier à télécharger : %(name)s") % {"name": title}
    if block_type == "link":
        return _("Lien : %(name)s (%(url)s)") % {
            "name": value.get("title") or "",
            "url": value.get("url") or "",
        }
    if block_type == "video":
        return _("Vidéo : %(name)s") % {"name": value.get("title") or ""}
    return _("Bloc « %(type)s »") % {"type": block_type}


class BodyEntry:
    """One block of the body as the form shows it."""

    LABELS = {
        "heading": _lazy("Titre de section"),
        "paragraph": _lazy("Texte"),
        "callout": _lazy("Mise en avant"),
    }

    def __init__(self, index, block_id, block_type, *, text="", title="", value=None):
        self.index = index
        self.id = block_id
        self.type = block_type
        self.text = text
        self.title = title
        self.value = value
        self.errors = []
        self.conflict = False
        self.source = None  # the stored block of the same id (bound forms)

    @property
    def prefix(self):
        return f"body-{self.index}"

    @property
    def is_text(self):
        return self.type in TEXT_BLOCK_TYPES

    @property
    def label(self):
        return self.LABELS.get(self.type, "")

    @property
    def read_only_label(self):
        return read_only_label(self.type, self.value)

    @property
    def level(self):
        return (self.value or {}).get("level", "h2") if isinstance(self.value, dict) else "h2"

    @property
    def rows(self):
        return min(max(4, self.text.count("\n") + 2), 20)

    @classmethod
    def from_block(cls, index, block):
        block_type, value = block.get("type"), block.get("value")
        entry = cls(index, block.get("id"), block_type, value=value)
        if block_type == "heading":
            entry.text = (value or {}).get("text", "")
        elif block_type == "paragraph":
            entry.text = html_to_markup(value)
        elif block_type == "callout":
            entry.title = (value or {}).get("title", "")
            entry.text = html_to_markup((value or {}).get("text", ""))
        return entry


class TermsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return str(obj)


class ResourceContentForm(forms.Form):
    """What a public contributor may change: see ressources.editing."""

    title = forms.CharField(
        label=_lazy("Titre"),
        help_text=_lazy("100 caractères au plus."),
        error_messages={"required": REQUIRED},
        strip=True,
    )
    summary = forms.CharField(
        label=_lazy("Résumé"),
        help_text=_lazy("Présente la ressource en quelques phrases, 560 caractères au plus."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": REQUIRED},
    )
    tags = forms.CharField(
        label=_lazy("Mots-clés"),
        help_text=_lazy("Séparés par des virgules, par exemple : e-administration, CAF."),
        required=False,
    )
    new_paragraph = forms.CharField(
        label=_lazy("Ajouter un paragraphe"),
        help_text=_lazy("Il sera ajouté à la fin du contenu. Laissez vide pour ne rien ajouter."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput)
    merged_from = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        data=None,
        *,
        resource,
        user,
        state=None,
        base_revision=None,
        merged_from=None,
        conflicts=(),
        initial=None,
    ):
        self.resource = resource
        self.user = user
        self.conflicts = set(conflicts)
        initial = dict(initial or {})
        if state is not None:
            initial.update(
                {
                    "title": state["title"],
                    "summary": state["summary"],
                    "tags": tags_text(state.get("tags", [])),
                    **{field: state.get(field, []) for field in TAXONOMY_FIELDS},
                }
            )
        if base_revision is not None:
            initial["base_revision"] = base_revision.pk
        if merged_from is not None:
            initial["merged_from"] = merged_from.pk
        super().__init__(data, initial=initial)

        if self.is_bound and resource is not None:
            self.base_revision_obj = resource_revision(resource, self.data.get("base_revision"))
            self.merged_from_obj = resource_revision(resource, self.data.get("merged_from"))
        else:
            self.base_revision_obj = base_revision
            self.merged_from_obj = merged_from

        kept = set()
        for field in TAXONOMY_FIELDS:
            if resource is not None:  # None: a resource being written (ressources.authoring)
                kept.update(term.pk for term in getattr(resource, field).all())
            if state is not None:
                kept.update(state.get(field, []))
        for field in TAXONOMY_FIELDS:
            queryset = Term.objects.filter(vocabulary=VOCABULARIES[field]).filter(
                Q(active=True) | Q(pk__in=kept)
            )
            self.fields[field] = TermsField(
                queryset=queryset.order_by("category", "order", "label"),
                label=TAXONOMY_LABELS[field],
                help_text=TAXONOMY_HINTS[field],
                required=False,
                error_messages={
                    "invalid_choice": _lazy(
                        "« %(value)s » ne fait pas partie des choix possibles."
                    ),
                    "invalid_pk_value": _lazy("« %(pk)s » n'est pas une valeur valide."),
                },
            )
        # Field order: the taxonomy after the summary, the rest as declared.
        order = ["title", "summary", *TAXONOMY_FIELDS, "tags"]
        self.order_fields(order)

        if self.is_bound:
            self.body_entries = self._posted_entries()
        else:
            blocks = state["body"] if state is not None else []
            self.body_entries = [
                BodyEntry.from_block(index, block) for index, block in enumerate(blocks)
            ]
            for entry in self.body_entries:
                entry.conflict = entry.id in self.conflicts

    # Sources: the states of the resource the body may come from ------------------------------

    @cached_property
    def source_pages(self):
        pages = []
        for revision in (self.base_revision_obj, self.merged_from_obj, self.resource.live_revision):
            if revision is not None and all(revision.pk != seen.pk for seen, _page in pages):
                pages.append((revision, revision.as_object()))
        return [page for _revision, page in pages]

    @cached_property
    def source_blocks(self):
        blocks = {}
        for page in self.source_pages:
            for block in page.body.raw_data:
                blocks.setdefault(block.get("id"), dict(block))
        return blocks

    @cached_property
    def allowed_references(self):
        references = set()
        for block in self.source_blocks.values():
            value = block.get("value")
            if block.get("type") == "paragraph":
                references |= internal_references(value)
            elif block.get("type") == "callout" and isinstance(value, dict):
                references |= internal_references(value.get("text"))
        return references

    def _posted_entries(self):
        try:
            count = int(self.data.get("body-count", 0))
        except (TypeError, ValueError):
            count = 0
        count = max(0, min(count, MAX_BLOCKS))
        entries = []
        seen_ids = set()
        for index in range(count):
            prefix = f"body-{index}"
            block_id = str(self.data.get(f"{prefix}-id", ""))[:64]
            source = self.source_blocks.get(block_id) if block_id else None
            block_type = source["type"] if source else self.data.get(f"{prefix}-type")
            if source is None and block_type not in TEXT_BLOCK_TYPES:
                continue  # a read-only block we know nothing of: it cannot come from a request
            if block_id in seen_ids or (source is None and not UUID.match(block_id)):
                block_id = str(uuid.uuid4())
            seen_ids.add(block_id)
            entry = BodyEntry(
                len(entries),
                block_id,
                block_type,
                value=source["value"] if source else None,
                text=str(self.data.get(f"{prefix}-text", "")),
                title=str(self.data.get(f"{prefix}-title", "")),
            )
            entry.source = source
            entries.append(entry)
        return entries

    # Validation --------------------------------------------------------------------------------

    def clean_title(self):
        return collapse(self.cleaned_data["title"])

    def clean_summary(self):
        summary = self.cleaned_data["summary"].strip()
        if len(summary) > MAX_SUMMARY_LENGTH:
            raise forms.ValidationError(
                _("Le résumé ne doit pas dépasser %(max)d caractères (il en compte %(count)d).")
                % {"max": MAX_SUMMARY_LENGTH, "count": len(summary)}
            )
        return summary

    def clean_tags(self):
        tags = parse_tags(self.cleaned_data.get("tags"))
        too_long = [tag for tag in tags if len(tag) > MAX_TAG_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("Un mot-clé compte au plus %(max)d caractères.") % {"max": MAX_TAG_LENGTH}
            )
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                _("Indiquez au plus %(max)d mots-clés.") % {"max": MAX_TAGS}
            )
        return tags

    def clean_base_revision(self):
        if self.base_revision_obj is None:
            raise forms.ValidationError(
                _(
                    "Ce formulaire ne correspond à aucune version de la ressource : rechargez la page."
                )
            )
        return self.base_revision_obj.pk

    def clean(self):
        cleaned_data = super().clean()
        taxonomy = {field: list(cleaned_data.get(field) or []) for field in TAXONOMY_FIELDS}
        errors = rules.content_errors(title=cleaned_data.get("title"), taxonomy=taxonomy)
        for field, messages in rules.publication_errors(
            licence=self.resource.licence,
            themes=taxonomy["themes"],
            resource_types=taxonomy["resource_types"],
            adapted_from=None,
        ).items():
            if field in TAXONOMY_FIELDS:
                errors.setdefault(field, []).extend(messages)
        for field, messages in errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        self.body = self._clean_body()
        if not self.errors and self.base_revision_obj is not None:
            base_state = edit_data(self.base_revision_obj.as_object())
            if self.payload() == base_state:
                raise forms.ValidationError(
                    _("Vous n'avez rien modifié : changez au moins un élément de la ressource.")
                )
        return cleaned_data

    def _clean_body(self):
        body = []
        for entry in self.body_entries:
            source = entry.source
            if not entry.is_text:
                body.append({"type": entry.type, "value": source["value"], "id": entry.id})
                continue
            if entry.type == "heading":
                text = collapse(entry.text)
                if not text:
                    continue
                if len(text) > MAX_BLOCK_TITLE_LENGTH:
                    entry.errors.append(
                        _("Un titre de section compte au plus %(max)d caractères.")
                        % {"max": MAX_BLOCK_TITLE_LENGTH}
                    )
                    continue
                level = source["value"].get("level", "h2") if source else "h2"
                body.append(
                    {"type": "heading", "value": {"text": text, "level": level}, "id": entry.id}
                )
            elif entry.type == "paragraph":
                html = self._rich_text(
                    entry, entry.text, source and source["value"], PARAGRAPH_FEATURES
                )
                if html:
                    body.append({"type": "paragraph", "value": html, "id": entry.id})
            else:
                value = dict(source["value"]) if source else {"kind": "info"}
                title = collapse(entry.title)
                html = self._rich_text(entry, entry.text, value.get("text"), CALLOUT_FEATURES)
                if len(title) > MAX_BLOCK_TITLE_LENGTH:
                    entry.errors.append(
                        _("Le titre d'une mise en avant compte au plus %(max)d caractères.")
                        % {"max": MAX_BLOCK_TITLE_LENGTH}
                    )
                if not html:
                    if title and not entry.errors:
                        entry.errors.append(
                            _(
                                "Une mise en avant a besoin d'un texte : écrivez-le, ou videz aussi "
                                "son titre pour la supprimer."
                            )
                        )
                    continue
                value.update({"title": title, "text": html})
                value.setdefault("kind", "info")
                body.append({"type": "callout", "value": value, "id": entry.id})
        new_text = self.data.get("new_paragraph", "") if self.is_bound else ""
        if new_text and normalise_markup(new_text):
            entry = BodyEntry(len(self.body_entries), None, "paragraph", text=new_text)
            html = self._rich_text(entry, new_text, None, PARAGRAPH_FEATURES)
            for message in entry.errors:
                self.add_error("new_paragraph", message)
            if html and not entry.errors:
                body.append({"type": "paragraph", "value": html, "id": str(uuid.uuid4())})
        if any(entry.errors for entry in self.body_entries):
            self.add_error(None, _("Le contenu comporte des erreurs : voyez les blocs signalés."))
        # Read-only blocks are kept in place: none of the starting version's may go missing.
        posted = {entry.id for entry in self.body_entries}
        if self.base_revision_obj is not None and any(
            block.get("type") not in TEXT_BLOCK_TYPES and block.get("id") not in posted
            for block in self.source_pages[0].body.raw_data
        ):
            self.add_error(
                None,
                _(
                    "Le formulaire est incomplet : des images, fichiers, liens ou vidéos de la "
                    "ressource y manquent. Rechargez la page."
                ),
            )
        return body

    def _rich_text(self, entry, text, source_html, features):
        """The HTML of a text block; the stored one when the person did not change it."""
        markup = normalise_markup(text)
        if source_html is not None and markup == normalise_markup(html_to_markup(source_html)):
            return source_html if markup else ""
        if not markup:
            return ""
        if len(markup) > MAX_TEXT_LENGTH:
            entry.errors.append(
                _("Ce texte est trop long (%(max)d caractères au plus).") % {"max": MAX_TEXT_LENGTH}
            )
            return ""
        if contains_tags(markup):
            entry.errors.append(
                _(
                    "Le texte ne peut pas contenir de balises HTML (comme <script> ou <p>) : "
                    "utilisez la mise en forme simple décrite en haut du formulaire."
                )
            )
            return ""
        html = markup_to_html(markup, features)
        if internal_references(html) - self.allowed_references:
            entry.errors.append(
                _(
                    "Les liens vers des pages ou des documents de la plateforme ne peuvent être "
                    "ajoutés que depuis l'espace contributeur ; utilisez l'adresse complète "
                    "(https://…)."
                )
            )
            return ""
        return html

    # Results -----------------------------------------------------------------------------------

    def payload(self):
        """The edit payload (ressources.editing) of a valid form."""
        data = {
            "title": self.cleaned_data["title"],
            "summary": self.cleaned_data["summary"],
            "body": self.body,
            "tags": sorted(self.cleaned_data.get("tags") or []),
        }
        for field in TAXONOMY_FIELDS:
            data[field] = sorted(term.pk for term in self.cleaned_data.get(field) or [])
        return data

    # Display -----------------------------------------------------------------------------------

    def theme_groups(self):
        """The theme checkboxes grouped by category, in the taxonomy's order."""
        groups = []
        for option in self["themes"]:
            value = option.data["value"]
            term = getattr(value, "instance", None)
            category = term.category if term is not None else ""
            if not groups or groups[-1]["category"] != category:
                groups.append({"category": category, "options": []})
            groups[-1]["options"].append(option)
        return groups

    def taxonomy_fields(self):
        return [self[field] for field in TAXONOMY_FIELDS if field != "themes"]

    @property
    def field_conflicts(self):
        """{"title": True…}: the fields both people changed (merge form after a conflict)."""
        return {name: True for name in self.conflicts if name in self.fields}

    @property
    def body_count(self):
        return len(self.body_entries)

    @property
    def has_body_errors(self):
        return any(entry.errors for entry in self.body_entries)


class EditForm(ResourceContentForm):
    """« Modifier la ressource »: publishes a new version."""

    changes = forms.CharField(
        label=_lazy("Changements de cette version"),
        help_text=_lazy(
            "Un changement par ligne, par exemple « Mise à jour des horaires de la CAF ». Ils "
            "figurent dans le journal des versions."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _lazy("Décrivez les changements de cette version, un par ligne.")
        },
    )
    major = forms.BooleanField(
        label=_lazy("Version majeure"),
        help_text=_lazy("Cochez pour une refonte : la version passe par exemple de 1.3 à 2.0."),
        required=False,
    )

    def __init__(self, *args, can_mark_major=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_mark_major:
            del self.fields["major"]

    def clean_changes(self):
        lines = change_lines(self.cleaned_data.get("changes"))
        if not lines:
            raise forms.ValidationError(
                _("Décrivez les changements de cette version, un par ligne.")
            )
        return lines


class ProposalForm(ResourceContentForm):
    """« Proposer une modification »: kept aside until the base's admins review it."""

    proposal_summary = forms.CharField(
        label=_lazy("Résumé de votre proposition"),
        help_text=_lazy(
            "Ce que vous proposez de changer et pourquoi, pour les administrateurs de la base qui "
            "l'examineront."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _lazy("Résumez votre proposition en quelques mots.")},
    )

    def clean_proposal_summary(self):
        summary = self.cleaned_data["proposal_summary"].strip()
        if not summary:
            raise forms.ValidationError(_("Résumez votre proposition en quelques mots."))
        if len(summary) > MAX_PROPOSAL_SUMMARY_LENGTH:
            raise forms.ValidationError(
                _("Le résumé compte au plus %(max)d caractères.")
                % {"max": MAX_PROPOSAL_SUMMARY_LENGTH}
            )
        return summary


class AcceptForm(forms.Form):
    changes = forms.CharField(
        label=_lazy("Autres changements à inscrire au journal (facultatif)"),
        help_text=_lazy(
            "Un par ligne. Le journal indique déjà que la version fait suite à cette proposition."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    major = forms.BooleanField(
        label=_lazy("Version majeure"),
        help_text=_lazy("Cochez pour une refonte : la version passe par exemple de 1.3 à 2.0."),
        required=False,
    )

    def clean_changes(self):
        return change_lines(self.cleaned_data.get("changes"))


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_lazy("Motif du refus"),
        help_text=_lazy("Il est transmis à l'auteur de la proposition."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _lazy("Indiquez le motif du refus.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Indiquez le motif du refus."))
        return reason
