"""Who belongs to a base and in which role, organisation admins, invitations and join requests."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from organisations.models import Organisation

from .bases import BasePage


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrateur")
    CONTRIBUTOR = "contributor", _("Contributeur")


class LastAdminError(ValidationError):
    """The change would leave a base without any administrator."""


LAST_ADMIN_MESSAGE = _(
    "« %(base)s » doit garder au moins un administrateur : nommez d'abord un autre administrateur."
)


def ensure_another_admin(base_id, membership_pk):
    """Refuse (LastAdminError) if `membership_pk` is the only admin membership of the base.

    Locks the base's admin memberships until the end of the transaction, so that two admins
    demoting each other at the same moment cannot both succeed."""
    admins = list(
        BaseMembership.objects.select_for_update()
        .filter(base_id=base_id, role=Role.ADMIN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if membership_pk in admins and len(admins) == 1:
        base = BasePage.objects.filter(pk=base_id).values_list("title", flat=True).first()
        raise LastAdminError(LAST_ADMIN_MESSAGE % {"base": base or ""}, code="last_admin")


class BaseMembership(models.Model):
    """A person's role in a base; Wagtail page permissions on the base's subtree follow from it.

    A base always keeps at least one admin: demoting, moving or deleting its last admin
    membership raises LastAdminError whatever the path (public site, Wagtail admin, account
    deletion). Only the deletion of the base itself takes its last admin with it."""

    base = models.ForeignKey(
        BasePage, verbose_name=_("base"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="base_memberships",
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.CONTRIBUTOR
    )
    created_at = models.DateTimeField(_("membre depuis"), auto_now_add=True)

    panels = [FieldPanel("base"), FieldPanel("user"), FieldPanel("role")]

    class Meta:
        verbose_name = _("membre d'une base")
        verbose_name_plural = _("membres des bases")
        ordering = ["base", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["base", "user"], name="unique_membership_per_base")
        ]

    def __str__(self):
        return f"{self.user} — {self.base} ({self.get_role_display()})"

    def _loses_an_admin(self):
        """The stored row (base id) if saving this one takes an admin away from its base."""
        if self.pk is None:
            return None
        stored = BaseMembership.objects.filter(pk=self.pk).values("base_id", "role").first()
        if stored is None or stored["role"] != Role.ADMIN:
            return None
        if self.role == Role.ADMIN and self.base_id == stored["base_id"]:
            return None
        return stored["base_id"]

    def clean(self):
        super().clean()
        base_id = self._loses_an_admin()
        if base_id is not None:
            try:
                with transaction.atomic():
                    ensure_another_admin(base_id, self.pk)
            except LastAdminError as error:
                raise ValidationError({"role": error.messages}) from error

    def save(self, *args, **kwargs):
        with transaction.atomic():
            base_id = self._loses_an_admin()
            if base_id is not None:
                ensure_another_admin(base_id, self.pk)
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            if self.role == Role.ADMIN:
                ensure_another_admin(self.base_id, self.pk)
            return super().delete(*args, **kwargs)


class OrganisationRole(models.TextChoices):
    ADMIN = "admin", _("Administrateur de l'organisation")


class OrganisationMembership(models.Model):
    """An organisation's admin manages every base of the organisation (a Hub curating its
    territory's bases): they act as an admin of each one, on the site and in the Wagtail admin."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=OrganisationRole.choices, default=OrganisationRole.ADMIN
    )
    created_at = models.DateTimeField(_("depuis"), auto_now_add=True)

    panels = [FieldPanel("organisation"), FieldPanel("user"), FieldPanel("role")]

    class Meta:
        verbose_name = _("administrateur d'une organisation")
        verbose_name_plural = _("administrateurs des organisations")
        ordering = ["organisation", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="unique_membership_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


INVITATION_VALIDITY = timedelta(days=14)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Déclinée")
    CANCELLED = "cancelled", _("Annulée")


class Invitation(models.Model):
    """An invitation by e-mail to join a base with a role.

    Only the SHA-256 of the token travels to the database: the link of the e-mail is the one
    place the token itself exists. Re-inviting the same address sends a new link (the old one
    stops working) and pushes the expiry back."""

    base = models.ForeignKey(
        BasePage, verbose_name=_("base"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("adresse e-mail"))
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.CONTRIBUTOR
    )
    token_hash = models.CharField(_("empreinte du jeton"), max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invitée par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("dernier envoi"), default=timezone.now)
    expires_at = models.DateTimeField(_("expire le"))
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("répondue par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["base", "email"],
                condition=Q(status="pending"),
                name="unique_pending_invitation",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.base}"

    def new_token(self):
        """A fresh token (stored hashed) and a fresh expiry; returns the token for the link."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.sent_at = timezone.now()
        self.expires_at = self.sent_at + INVITATION_VALIDITY
        return token

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_open(self):
        return self.status == InvitationStatus.PENDING and not self.is_expired


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Refusée")
    WITHDRAWN = "withdrawn", _("Retirée")


class JoinRequest(models.Model):
    """« Demander à rejoindre » : a registered person asks a base's admins to become a member."""

    base = models.ForeignKey(
        BasePage, verbose_name=_("base"), on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(_("rôle accordé"), max_length=20, choices=Role.choices, blank=True)
    reason = models.TextField(_("motif du refus"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("demande d'adhésion")
        verbose_name_plural = _("demandes d'adhésion")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["base", "user"],
                condition=Q(status="pending"),
                name="unique_pending_join_request",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.base}"
