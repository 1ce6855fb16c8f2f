"""The forms of « Demander le label »: one per step, and the checks of a complete request.

Every step saves a draft, so the step forms accept what is missing and refuse only what is
wrong (a malformed address, a file of the wrong type). What a complete request needs is checked
when it is filed (`submission_errors`), each error naming the step where it is fixed.

Over 500 lines: the five steps share one draft and one set of checks; kept together so that a
step's fields and the submission check that names it stay side by side.
"""

import os

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from base.models import BaseMembership, BasePage
from ressources.models import Licence, ResourcePage

from .affiliation import organisations_for
from .criteria import (
    APPLICANT_TYPE_OF_ORGANISATION_KIND,
    CRITERION_DEFINITIONS,
    ApplicantType,
    Criterion,
    DispositifKind,
    SelfAssessment,
    Status,
)
from .models import CriterionAssessment, EvidenceFile, LabelRequest

STEPS = [
    (1, gettext_lazy("Le dispositif")),
    (2, gettext_lazy("La structure demandeuse")),
    (3, gettext_lazy("Les six critères")),
    (4, gettext_lazy("Licences, documentation et contact")),
    (5, gettext_lazy("Récapitulatif et dépôt")),
]
LAST_STEP = len(STEPS)

# Evidence files: type by extension, the first bytes each type starts with, the size limit.
EVIDENCE_TYPES = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    "odp": ("application/vnd.oasis.opendocument.presentation", (b"PK\x03\x04",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (b"PK\x03\x04",),
    ),
    "txt": ("text/plain", ()),
    "csv": ("text/csv", ()),
}
EVIDENCE_MAX_SIZE = 10 * 1024 * 1024
EVIDENCE_MAX_FILES = 10
ACCEPTED_TYPES_TEXT = gettext_lazy(
    "PDF, images PNG ou JPEG, documents bureautiques (ODT, ODS, ODP, DOCX, XLSX, PPTX), texte ou "
    "CSV"
)


# Which dispositifs a person may put forward ------------------------------------------------------


def member_bases(user):
    """The bases a person belongs to (every base for platform admins)."""
    bases = BasePage.objects.all()
    if not user.is_superuser:
        bases = bases.filter(pk__in=BaseMembership.objects.filter(user=user).values("base_id"))
    return bases.order_by("title")


def editable_resources(user):
    """Resources the person may edit as a member of their base (published or draft)."""
    paths = list(member_bases(user).values_list("path", flat=True))
    if not paths:
        return ResourcePage.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return ResourcePage.objects.filter(condition).order_by("title")


# Step 1: the dispositif ----------------------------------------------------------------------


class ResourceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        state = "" if obj.live else _(" (brouillon)")
        return f"{obj.title}{state}"


class DispositifForm(forms.Form):
    EXISTING, NEW = "existante", "nouvelle"
    choice = forms.ChoiceField(
        label=gettext_lazy("Le dispositif est"),
        choices=[
            (EXISTING, gettext_lazy("une ressource déjà présente dans l'une de mes bases")),
            (NEW, gettext_lazy("à présenter : créer sa ressource dans l'une de mes bases")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    resource = ResourceChoiceField(
        label=gettext_lazy("Ressource du dispositif"),
        queryset=ResourcePage.objects.none(),
        required=False,
        empty_label=gettext_lazy("— Choisir une ressource —"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Choisissez une ressource de l'une de vos bases dans la liste."
            )
        },
    )
    new_title = forms.CharField(
        label=gettext_lazy("Nom du dispositif"), max_length=100, required=False
    )
    new_summary = forms.CharField(
        label=gettext_lazy("Présentation courte"),
        max_length=560,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Le résumé de la ressource (560 caractères au plus)."),
    )
    new_base = forms.ModelChoiceField(
        label=gettext_lazy("Base où créer la ressource"),
        queryset=BasePage.objects.none(),
        required=False,
        empty_label=gettext_lazy("— Choisir une base —"),
        error_messages={
            "invalid_choice": gettext_lazy("Choisissez l'une de vos bases dans la liste.")
        },
    )

    def __init__(self, *args, user, label_request, **kwargs):
        self.user = user
        self.label_request = label_request
        kwargs.setdefault(
            "initial",
            {"choice": self.EXISTING, "resource": label_request.resource_id},
        )
        super().__init__(*args, **kwargs)
        resources = editable_resources(user)
        if label_request.resource_id:  # keep the current choice even if rights changed
            resources = resources | ResourcePage.objects.filter(pk=label_request.resource_id)
        self.fields["resource"].queryset = resources.distinct().order_by("title")
        self.fields["new_base"].queryset = member_bases(user)
        self.has_bases = self.fields["new_base"].queryset.exists()

    def clean(self):
        data = super().clean()
        if data.get("choice") == self.NEW:
            if not data.get("new_title"):
                self.add_error("new_title", _("Donnez le nom du dispositif."))
            if not data.get("new_summary"):
                self.add_error("new_summary", _("Présentez le dispositif en quelques lignes."))
            if not data.get("new_base"):
                self.add_error("new_base", _("Choisissez la base où créer sa ressource."))
        return data

    def save(self):
        """Attach the chosen resource, or create the new one as a draft of the chosen base."""
        data = self.cleaned_data
        request = self.label_request
        if data.get("choice") == self.NEW:
            if not self._already_created(data):  # a second post of the same form
                request.resource = create_draft_resource(
                    data["new_base"], self.user, data["new_title"], data["new_summary"]
                )
        elif data.get("resource") is not None:
            request.resource = data["resource"]
        elif data.get("choice") == self.EXISTING and "resource" in self.changed_data:
            request.resource = None
        request.save()

    def _already_created(self, data):
        """The request already points to the never-published resource this form creates."""
        resource = self.label_request.resource
        return (
            resource is not None
            and resource.first_published_at is None
            and resource.title == data["new_title"]
            and resource.get_parent().pk == data["new_base"].pk
        )


def create_draft_resource(base, user, title, summary):
    """A never-published resource: the base's editorial rules still apply to its publication."""
    base = base.specific
    stem = slugify(title)[:70] or "dispositif"
    slug, number = stem, 1
    while base.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{stem}-{number}"
    resource = ResourcePage(title=title, slug=slug, summary=summary, owner=user, live=False)
    base.add_child(instance=resource)
    resource.save_revision(user=user, log_action=True)
    return resource


# Step 2: the applicant -----------------------------------------------------------------------


class ApplicantForm(forms.ModelForm):
    class Meta:
        model = LabelRequest
        fields = ["organisation", "applicant_type", "dispositif_kind"]
        widgets = {
            "applicant_type": forms.RadioSelect,
            "dispositif_kind": forms.RadioSelect,
        }
        labels = {
            "organisation": gettext_lazy("Organisation qui demande le label"),
            "applicant_type": gettext_lazy("Type de structure"),
            "dispositif_kind": gettext_lazy("Type de dispositif"),
        }
        help_texts = {
            "applicant_type": gettext_lazy(
                "Pré-rempli d'après le type de l'organisation : vérifiez-le."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_for(
            user, current=self.instance.organisation_id
        )
        self.fields["organisation"].empty_label = _("— Choisir une organisation —")
        self.fields["organisation"].error_messages["invalid_choice"] = _(
            "Choisissez une organisation de la liste : vous demandez le label au nom d'une "
            "organisation dont vous êtes membre (celle de votre profil, une organisation que vous "
            "administrez ou qui possède l'une de vos bases)."
        )
        self.fields["organisation"].help_text = _(
            "Une organisation dont vous êtes membre : celle de votre profil, une organisation que "
            "vous administrez ou qui possède l'une de vos bases."
        )
        for name in ("applicant_type", "dispositif_kind"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choisissez l'une des réponses proposées."
            )
        for field in self.fields.values():
            field.required = False
        if not self.instance.applicant_type and self.instance.organisation_id:
            self.initial["applicant_type"] = applicant_type_of(self.instance.organisation)

    def save(self, commit=True):
        request = super().save(commit=False)
        if not request.applicant_type and request.organisation_id:
            request.applicant_type = applicant_type_of(request.organisation)
        if commit:
            request.save()
        return request


def applicant_type_of(organisation):
    if organisation is None:
        return ""
    return APPLICANT_TYPE_OF_ORGANISATION_KIND.get(organisation.kind, "")


# Step 3: the criteria ------------------------------------------------------------------------


def validate_evidence_links(value):
    """One http(s) address per line."""
    check = URLValidator(schemes=["http", "https"])
    wrong = []
    for line in value.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            check(line)
        except ValidationError:
            wrong.append(line)
    if wrong:
        raise ValidationError(
            _(
                "Ces lignes ne sont pas des adresses web (https://…) : %(lines)s. Indiquez une "
                "adresse par ligne."
            )
            % {"lines": ", ".join(f"« {line[:80]} »" for line in wrong[:5])}
        )


def validate_evidence_file(upload):
    """Type (by extension and by content), size; French messages. Returns the content type."""
    name = os.path.basename(upload.name or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in EVIDENCE_TYPES:
        raise ValidationError(
            _("Le fichier « %(name)s » n'est pas d'un type accepté : %(types)s.")
            % {"name": name, "types": ACCEPTED_TYPES_TEXT}
        )
    if upload.size > EVIDENCE_MAX_SIZE:
        raise ValidationError(
            _("Le fichier « %(name)s » pèse %(size)s : le maximum est %(max)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(EVIDENCE_MAX_SIZE),
            }
        )
    if upload.size == 0:
        raise ValidationError(_("Le fichier « %(name)s » est vide.") % {"name": name})
    content_type, signatures = EVIDENCE_TYPES[extension]
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if signatures and not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            _("Le contenu du fichier « %(name)s » ne correspond pas à un fichier %(ext)s.")
            % {"name": name, "ext": extension.upper()}
        )
    if not signatures and b"\x00" in head:
        raise ValidationError(
            _("Le fichier « %(name)s » n'est pas un fichier texte.") % {"name": name}
        )
    return content_type


class AssessmentForm(forms.ModelForm):
    """One criterion: self-assessment, justification, links, one more file, files to remove."""

    new_file = forms.FileField(
        label=gettext_lazy("Ajouter une pièce justificative"),
        required=False,
        help_text=gettext_lazy(
            "%(types)s ; 10 Mo au plus. Les pièces ne sont visibles que de vous et des "
            "instructeurs."
        )
        % {"types": ACCEPTED_TYPES_TEXT},
    )
    remove_files = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Retirer ces pièces"),
        queryset=EvidenceFile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CriterionAssessment
        fields = ["self_assessment", "justification", "evidence_links"]
        widgets = {
            "self_assessment": forms.RadioSelect,
            "justification": forms.Textarea(attrs={"rows": 5}),
            "evidence_links": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "self_assessment": gettext_lazy("Votre évaluation"),
            "justification": gettext_lazy("Justification"),
            "evidence_links": gettext_lazy("Liens vers les preuves"),
        }
        help_texts = {
            "justification": gettext_lazy(
                "Décrivez ce qui a été mis en œuvre pour ce critère (obligatoire au dépôt)."
            ),
            "evidence_links": gettext_lazy(
                "Une adresse par ligne : documentation, audit, dépôt de code, déclaration…"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = Criterion(self.instance.criterion)
        self.definition = CRITERION_DEFINITIONS[self.criterion]
        self.fields["self_assessment"].choices = [
            c for c in self.fields["self_assessment"].choices if c[0]
        ]
        self.fields["self_assessment"].required = False
        self.fields["self_assessment"].error_messages["invalid_choice"] = _(
            "Choisissez l'une des réponses proposées."
        )
        self.fields["remove_files"].queryset = (
            self.instance.files.all() if self.instance.pk else EvidenceFile.objects.none()
        )
        self.fields["remove_files"].label_from_instance = lambda f: f.original_name
        self.fields["evidence_links"].validators.append(validate_evidence_links)
        self.content_type = ""

    @property
    def files_list(self):
        return self.instance.evidence_files

    def clean_new_file(self):
        upload = self.cleaned_data.get("new_file")
        if upload:
            self.content_type = validate_evidence_file(upload)
            if len(self.instance.evidence_files) >= EVIDENCE_MAX_FILES:
                raise ValidationError(
                    _("Dix pièces au plus par critère : retirez-en une avant d'en ajouter.")
                )
        return upload

    def save(self, commit=True):
        assessment = super().save(commit=True)
        for evidence in self.cleaned_data.get("remove_files") or []:
            evidence.file.delete(save=False)
            evidence.delete()
        upload = self.cleaned_data.get("new_file")
        if (
            upload
            and not assessment.files.filter(
                original_name=os.path.basename(upload.name)[:255], size=upload.size
            ).exists()
        ):  # the same file sent twice (a double click) is kept once
            evidence = EvidenceFile(
                assessment=assessment,
                original_name=os.path.basename(upload.name)[:255],
                content_type=self.content_type,
                size=upload.size,
            )
            evidence.file.save(upload.name, upload, save=False)
            evidence.save()
        return assessment


def assessment_forms(label_request, data=None, files=None):
    return [
        AssessmentForm(data, files, instance=assessment, prefix=assessment.criterion)
        for assessment in label_request.ordered_assessments()
    ]


# Step 4: openness, documentation, contact ----------------------------------------------------


class LicenceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if obj.crpa_listed:
            return _("%(name)s — homologuée (art. D323-2-1 CRPA)") % {"name": obj.name}
        return obj.name


class OpennessForm(forms.ModelForm):
    licences = LicenceChoiceField(
        label=gettext_lazy("Licences des éléments numériques du dispositif"),
        queryset=Licence.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Logiciels, bases de données, plans, matériaux de conception… Le critère « ouvert » "
            "demande au moins une licence de la liste de l'art. D323-2-1 du CRPA (licences de "
            "réutilisation des informations publiques)."
        ),
    )

    documentation_url = forms.URLField(
        label=gettext_lazy("Adresse de la documentation publique"),
        required=False,
        assume_scheme="https",
        max_length=200,
    )

    class Meta:
        model = LabelRequest
        fields = ["licences", "documentation_url", "contact_name", "contact_email", "contact_phone"]
        labels = {
            "documentation_url": gettext_lazy("Adresse de la documentation publique"),
            "contact_name": gettext_lazy("Nom de la personne à contacter"),
            "contact_email": gettext_lazy("Son adresse e-mail"),
            "contact_phone": gettext_lazy("Son téléphone (facultatif)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.fields["licences"].error_messages["invalid_choice"] = _(
            "Choisissez des licences de la liste."
        )
        self.fields["documentation_url"].error_messages["invalid"] = _(
            "Indiquez une adresse web complète, par exemple https://exemple.fr/documentation."
        )
        self.fields["contact_email"].error_messages["invalid"] = _(
            "Indiquez une adresse e-mail valide, par exemple nom@exemple.fr."
        )


# Submission ----------------------------------------------------------------------------------

ACTIVE = {Status.SUBMITTED, Status.IN_REVIEW, Status.COMPLEMENTS, Status.LABELLED}


def submission_errors(label_request):
    """[(step, message)] of what the request still lacks; empty when it may be filed."""
    errors = []
    resource = label_request.resource
    if resource is None:
        errors.append((1, _("Choisissez le dispositif (une ressource de l'une de vos bases).")))
    else:
        base = BasePage.objects.filter(pk=resource.get_parent().pk).first()
        if not resource.live:
            errors.append(
                (
                    1,
                    _(
                        "La ressource « %(title)s » n'est pas encore publiée : complétez-la et "
                        "publiez-la dans sa base (le label est public, le dispositif doit "
                        "l'être aussi)."
                    )
                    % {"title": resource.title},
                )
            )
        elif base is None or not base.live or not base.is_public:
            errors.append(
                (
                    1,
                    _(
                        "La ressource « %(title)s » est dans une base privée : le dispositif "
                        "labellisé doit être présenté publiquement."
                    )
                    % {"title": resource.title},
                )
            )
        others = LabelRequest.objects.filter(resource=resource, status__in=ACTIVE).exclude(
            pk=label_request.pk
        )
        if label_request.previous_id:
            others = others.exclude(pk=label_request.previous_id)
        if others.exists():
            errors.append(
                (
                    1,
                    _(
                        "Ce dispositif a déjà une demande en cours ou un label valide : "
                        "« Renouveler » depuis ce label, ou choisissez un autre dispositif."
                    ),
                )
            )
    if not label_request.organisation_id:
        errors.append((2, _("Indiquez l'organisation qui demande le label.")))
    if label_request.applicant_type not in ApplicantType.values:
        errors.append((2, _("Indiquez le type de structure demandeuse.")))
    if label_request.dispositif_kind not in DispositifKind.values:
        errors.append((2, _("Indiquez le type de dispositif.")))
    for assessment in label_request.ordered_assessments():
        name = assessment.get_criterion_display()
        if assessment.self_assessment not in SelfAssessment.values:
            errors.append((3, _("Critère « %(name)s » : évaluez-le.") % {"name": name}))
        if not assessment.justification.strip():
            errors.append((3, _("Critère « %(name)s » : justifiez-le.") % {"name": name}))
        if (
            assessment.self_assessment != SelfAssessment.DOES_NOT_MEET
            and not assessment.links
            and not assessment.evidence_files
        ):
            errors.append(
                (
                    3,
                    _("Critère « %(name)s » : donnez au moins une preuve (un lien ou une pièce).")
                    % {"name": name},
                )
            )
    licences = list(label_request.licences.all())
    if not licences:
        errors.append((4, _("Indiquez la licence des éléments numériques du dispositif.")))
    elif not any(licence.crpa_listed for licence in licences):
        errors.append(
            (
                4,
                _(
                    "Critère « ouvert » : aucune des licences choisies (%(names)s) n'est "
                    "homologuée pour la réutilisation des informations publiques (art. D323-2-1 "
                    "du CRPA). Choisissez-en une de la liste, par exemple la Licence Ouverte "
                    "2.0 ou l'ODbL."
                )
                % {"names": ", ".join(licence.short_name or licence.name for licence in licences)},
            )
        )
    if not label_request.documentation_url:
        errors.append((4, _("Indiquez l'adresse de la documentation publique du dispositif.")))
    if not label_request.contact_name.strip():
        errors.append((4, _("Indiquez la personne à contacter.")))
    if not label_request.contact_email:
        errors.append((4, _("Indiquez l'adresse e-mail de la personne à contacter.")))
    return errors
