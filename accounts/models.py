"""People: the user model, and their in-site notifications (the inbox every app writes to,
see accounts.notifications)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.territories import DEPARTMENT_CHOICES, department_name


class User(AbstractUser):
    """A person with an account; custom from day one so profiles can grow without a migration dance."""

    email = models.EmailField(_("adresse e-mail"), unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    job_title = models.CharField(_("fonction"), max_length=150, blank=True)
    # Veille (veille.follows): the opt-in weekly digest of « Mon fil », and the week (its Monday)
    # of the last digest sent, so that no week is ever sent twice.
    weekly_digest = models.BooleanField(
        _("résumé hebdomadaire par e-mail"),
        default=False,
        help_text=_("Chaque lundi, les nouveautés de la semaine dans ce que la personne suit."),
    )
    digest_last_week = models.DateField(
        _("dernier résumé envoyé (semaine du)"), null=True, blank=True, editable=False
    )
    # Public profile (/profils/<username>/): what the person chooses to show.
    department_code = models.CharField(
        _("département"), max_length=3, choices=DEPARTMENT_CHOICES, blank=True
    )
    bio = models.TextField(_("présentation"), max_length=600, blank=True)
    avatar = models.ImageField(_("photo de profil"), upload_to="avatars/", blank=True)
    show_email = models.BooleanField(
        _("afficher mon adresse e-mail sur mon profil public"), default=False
    )
    # Account life cycle: sign-up (terms accepted), the address confirmed (allauth's EmailAddress
    # holds the state; this keeps the date), then deletion.
    terms_accepted_at = models.DateTimeField(
        _("conditions d'utilisation acceptées le"), null=True, blank=True
    )
    email_verified_at = models.DateTimeField(
        _("adresse e-mail confirmée le"), null=True, blank=True
    )
    deleted_at = models.DateTimeField(_("compte supprimé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")

    def __str__(self):
        return self.display_name

    def get_full_name(self):
        """A deleted account keeps its row (versions and the audit log point to it), not its name."""
        if self.deleted_at:
            return str(_("Contributeur supprimé"))
        return super().get_full_name()

    @property
    def display_name(self):
        return self.get_full_name() or self.username

    @property
    def department_label(self):
        if not self.department_code:
            return ""
        return f"{department_name(self.department_code)} ({self.department_code})"


class Notification(models.Model):
    """An in-site message; the same text also goes out by e-mail (see accounts.notifications)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("type"), max_length=40)
    subject = models.CharField(_("objet"), max_length=255)
    message = models.TextField(_("message"), blank=True)
    url = models.CharField(_("lien"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject
