"""The public journal of versions and change proposals (wiki-style contribution)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision


def protect_unless_resource_deleted(collector, field, sub_objs, using):
    """on_delete of the revisions a journal relies on: `purge_revisions` may not remove them
    (it skips protected revisions), but deleting the resource itself takes its journal along."""
    deleted_pages = {
        obj.pk
        for model, objects in collector.data.items()
        if issubclass(model, Page)
        for obj in objects
    }
    if all(obj.resource_id in deleted_pages for obj in sub_objs):
        models.CASCADE(collector, field, sub_objs, using)
    else:
        models.PROTECT(collector, field, sub_objs, using)


class ResourceVersion(models.Model):
    """One publication of a resource, a row of its public « Journal des versions ».

    Rows are never deleted or rewritten: a restoration publishes a new version that says which
    one it restores. The revision it points to is what the version's public URL renders."""

    resource = models.ForeignKey(
        "ressources.ResourcePage",
        verbose_name=_("ressource"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    major = models.PositiveIntegerField(_("version majeure"))
    minor = models.PositiveIntegerField(_("version mineure"))
    revision = models.OneToOneField(
        Revision,
        verbose_name=_("révision publiée"),
        on_delete=protect_unless_resource_deleted,
        related_name="resource_version",
    )
    published_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resource_versions",
    )
    # Names as they were at publication: the journal is a record, not a live view of profiles.
    responsible_name = models.CharField(_("responsable de la version"), max_length=255)
    responsible_organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    changes = models.TextField(_("changements"), blank=True)
    restored_from = models.ForeignKey(
        "self",
        verbose_name=_("restauration de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="restorations",
    )

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["resource", "major", "minor"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "major", "minor"], name="unique_version_number"
            )
        ]

    def __str__(self):
        return f"{self.resource.title} — {self.number}"

    @property
    def number(self):
        return f"{self.major}.{self.minor}"

    @property
    def url_number(self):
        """The number as it appears in addresses (« 1-0 »)."""
        return f"{self.major}-{self.minor}"

    @property
    def change_lines(self):
        return [line.strip() for line in self.changes.splitlines() if line.strip()]

    @property
    def responsible(self):
        if self.responsible_organisation:
            return f"{self.responsible_name} — {self.responsible_organisation}"
        return self.responsible_name

    def as_page(self):
        """The resource as this version published it, to render or compare."""
        return self.revision.as_object()

    @property
    def url(self):
        return self.resource.url + self.resource.reverse_subpage("version", args=[self.url_number])

    @property
    def is_current(self):
        current = self.resource.current_version
        return current is not None and current.pk == self.pk


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    REFUSED = "refused", _("Refusée")
    WITHDRAWN = "withdrawn", _("Retirée")


class ChangeProposal(models.Model):
    """« Proposer une modification »: an edit kept aside until the base's admins review it.

    It stores the edited fields (see ressources.editing), not a Wagtail revision, so that the
    resource's drafts and history in the admin stay the editors' own."""

    resource = models.ForeignKey(
        "ressources.ResourcePage",
        verbose_name=_("ressource"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur de la proposition"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="change_proposals",
    )
    base_revision = models.ForeignKey(
        Revision,
        verbose_name=_("révision de départ"),
        on_delete=protect_unless_resource_deleted,
        related_name="+",
    )
    content = models.JSONField(_("contenu proposé"))
    summary = models.TextField(_("résumé de la proposition"))
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("proposée le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    refusal_reason = models.TextField(_("motif du refus"), blank=True)
    version = models.OneToOneField(
        ResourceVersion,
        verbose_name=_("version publiée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )

    class Meta:
        verbose_name = _("proposition de modification")
        verbose_name_plural = _("propositions de modification")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.resource.title} — {self.summary[:60]}"

    @property
    def is_pending(self):
        return self.status == ProposalStatus.PENDING

    @property
    def url(self):
        return self.resource.url + self.resource.reverse_subpage("proposal", args=[self.pk])


# Personal collections and reports live in their own module (see its docstring).
