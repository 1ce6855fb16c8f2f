"""Label NEC requests: the dispositif, the self-assessment per criterion, the review, the history.

A request is a plain model, not a page: it is private to its applicant and the reviewers until a
decision makes the label public (registry, badge on the resource). Its status only changes
through `label.workflow`, which checks `label.criteria.TRANSITIONS` and writes a
`StatusChange` row (the request's history, also the source of the tracking figures) and an
audit-log entry.
"""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .criteria import (
    DECIDED,
    EDITABLE,
    ApplicantType,
    Criterion,
    DispositifKind,
    SelfAssessment,
    Status,
    Verdict,
)
from .storage import get_evidence_storage


class LabelRequest(models.Model):
    """One application for the label NEC of one dispositif (a resource of the platform)."""

    reference = models.CharField(_("référence"), max_length=20, unique=True, editable=False)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandeur"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="label_requests",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation demandeuse"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="label_requests",
    )
    applicant_type = models.CharField(
        _("type de structure"), max_length=40, choices=ApplicantType.choices, blank=True
    )
    # A resource with a filed request cannot be deleted from the admin (label.wagtail_hooks);
    # SET_NULL keeps the request and its history whatever deletes it otherwise.
    resource = models.ForeignKey(
        "ressources.ResourcePage",
        verbose_name=_("dispositif"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="label_requests",
    )
    dispositif_kind = models.CharField(
        _("type de dispositif"), max_length=20, choices=DispositifKind.choices, blank=True
    )
    licences = models.ManyToManyField(
        "ressources.Licence",
        verbose_name=_("licences des éléments numériques"),
        blank=True,
        related_name="label_requests",
    )
    documentation_url = models.URLField(_("documentation publique"), blank=True)
    contact_name = models.CharField(_("nom du contact"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail du contact"), blank=True)
    contact_phone = models.CharField(_("téléphone du contact"), max_length=30, blank=True)

    status = models.CharField(
        _("statut"), max_length=30, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # The last step of the multi-step form the applicant saved (drafts resume there).
    step = models.PositiveSmallIntegerField(_("étape"), default=0)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("demande renouvelée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewals",
        help_text=_("La demande précédente dont celle-ci est le renouvellement."),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("instructeur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_label_requests",
    )
    decision_comment = models.TextField(_("motivation de la décision"), blank=True)

    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    # Denormalised from the history so that lists, the registry and the figures need no join.
    first_submitted_at = models.DateTimeField(_("première date de dépôt"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décision du"), null=True, blank=True, db_index=True)
    valid_until = models.DateField(_("valable jusqu'au"), null=True, blank=True, db_index=True)
    # Reminders before expiry already sent, as the number of days before the end (e.g. "90,30").
    reminders_sent = models.CharField(_("rappels envoyés"), max_length=50, blank=True)
    # Set by the demonstration (label/demo.py): its decisions are invented, some about real
    # products; the registry, the exports and the resource badge say so.
    is_demo = models.BooleanField(
        _("donnée de démonstration"),
        default=False,
        help_text=_("Demande inventée par la démonstration : signalée comme telle partout."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("demande de label NEC")
        verbose_name_plural = _("demandes de label NEC")
        permissions = [("review_labelrequest", _("Peut instruire les demandes de label NEC"))]

    def __str__(self):
        title = self.resource.title if self.resource_id else _("dispositif à préciser")
        return f"{self.reference} — {title}"

    def save(self, *args, **kwargs):
        """The reference (NEC-2026-0042) is made from the primary key, known only after the
        insert: the row goes in with a unique provisional reference, in the same transaction,
        so two requests created at once never collide on an empty one."""
        if self.reference:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            self.reference = f"~{uuid.uuid4().hex[:19]}"
            super().save(*args, **kwargs)
            self.reference = f"NEC-{self.created_at:%Y}-{self.pk:04d}"
            super().save(update_fields=["reference"])

    @property
    def is_editable(self):
        return self.status in EDITABLE

    @property
    def is_public(self):
        """Decided labels are public (the registry shows expired ones as such)."""
        return self.status in DECIDED

    @property
    def criteria_met(self):
        return [a.criterion for a in self.assessments.all() if a.verdict == Verdict.MET]

    @property
    def reminder_days_sent(self):
        return [int(d) for d in self.reminders_sent.split(",") if d.strip().isdigit()]

    def ordered_assessments(self):
        """The six assessments in the order of the criteria; missing ones are blank and unsaved
        (reading a request never writes: a step's form saves them)."""
        existing = {}
        if self.pk:
            existing = {a.criterion: a for a in self.assessments.prefetch_related("files")}
        return [
            existing.get(c) or CriterionAssessment(request=self, criterion=c) for c in Criterion
        ]


class CriterionAssessment(models.Model):
    """The applicant's self-assessment of one criterion, and the reviewer's verdict on it."""

    request = models.ForeignKey(
        LabelRequest,
        verbose_name=_("demande"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    criterion = models.CharField(_("critère"), max_length=20, choices=Criterion.choices)
    self_assessment = models.CharField(
        _("auto-évaluation"), max_length=20, choices=SelfAssessment.choices, blank=True
    )
    justification = models.TextField(_("justification"), blank=True)
    evidence_links = models.TextField(
        _("liens vers les preuves"), blank=True, help_text=_("Une adresse par ligne.")
    )
    verdict = models.CharField(_("avis"), max_length=20, choices=Verdict.choices, blank=True)
    reviewer_comment = models.TextField(_("commentaire de l'instructeur"), blank=True)

    class Meta:
        ordering = ["request", "pk"]
        verbose_name = _("évaluation d'un critère")
        verbose_name_plural = _("évaluations des critères")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "criterion"], name="one_assessment_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.request.reference} — {self.get_criterion_display()}"

    @property
    def evidence_files(self):
        return list(self.files.all()) if self.pk else []

    @property
    def links(self):
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]


def evidence_path(instance, filename):
    """A random name under the request's folder: the person's file name is kept in the row."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{instance.assessment.request_id}/{uuid.uuid4().hex}.{extension}"


class EvidenceFile(models.Model):
    """A file given as evidence for a criterion; private to the applicant and the reviewers."""

    assessment = models.ForeignKey(
        CriterionAssessment,
        verbose_name=_("critère"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    file = models.FileField(
        _("fichier"), upload_to=evidence_path, storage=get_evidence_storage, max_length=255
    )
    original_name = models.CharField(_("nom du fichier"), max_length=255)
    content_type = models.CharField(_("type de fichier"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("taille (octets)"), default=0)
    uploaded_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("pièce justificative")
        verbose_name_plural = _("pièces justificatives")

    def __str__(self):
        return self.original_name

    @property
    def url(self):
        """The permission-checked address (label.views.requests.evidence): never a media URL."""
        return reverse("label:evidence", args=[self.assessment.request_id, self.pk])


class StatusChange(models.Model):
    """One step in a request's life; never edited. The tracking figures are computed from it."""

    request = models.ForeignKey(
        LabelRequest,
        verbose_name=_("demande"),
        on_delete=models.CASCADE,
        related_name="history",
    )
    from_status = models.CharField(
        _("statut précédent"), max_length=30, choices=Status.choices, blank=True
    )
    to_status = models.CharField(_("nouveau statut"), max_length=30, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("le"), db_index=True)
    comment = models.TextField(_("commentaire"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("changement de statut")
        verbose_name_plural = _("changements de statut")

    def __str__(self):
        return f"{self.request.reference} : {self.get_to_status_display()}"
