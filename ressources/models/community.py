"""Personal collections, avis and reports: what people do with resources, outside any base.

Imported at the end of ressources/models.py so that Django registers these models in the
`ressources` app. A personal collection belongs to a person, not to a base: it is a plain model,
not a Wagtail page (base collections, `ResourceCollectionPage`, are editorial pages of a base).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from base.models import Visibility


class PersonalCollection(models.Model):
    """A person's own selection of resources (« Mes favoris » and the ones they create)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("propriétaire"),
        on_delete=models.CASCADE,
        related_name="personal_collections",
    )
    title = models.CharField(_("titre"), max_length=100)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    is_favorites = models.BooleanField(_("mes favoris"), default=False, editable=False)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("collection personnelle")
        verbose_name_plural = _("collections personnelles")
        ordering = ["-is_favorites", "title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=Q(is_favorites=True),
                name="one_favorites_per_person",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    @property
    def slug(self):
        return slugify(self.title) or "collection"

    def get_absolute_url(self):
        return reverse("personal_collection", args=[self.pk, self.slug])


class PersonalCollectionItem(models.Model):
    """A resource saved in a personal collection, at a position the owner chooses."""

    collection = models.ForeignKey(
        PersonalCollection,
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    resource = models.ForeignKey(
        "ressources.ResourcePage",
        verbose_name=_("ressource"),
        on_delete=models.CASCADE,
        related_name="personal_collection_items",
    )
    sort_order = models.PositiveIntegerField(_("position"), default=0)
    added_at = models.DateTimeField(_("ajoutée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("ressource d'une collection personnelle")
        verbose_name_plural = _("ressources des collections personnelles")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "resource"], name="unique_resource_per_personal_collection"
            )
        ]

    def __str__(self):
        return f"{self.collection} — {self.resource_id}"


class Usefulness(models.IntegerChoices):
    """« Cette ressource vous a-t-elle été utile ? », on four steps (no neutral middle)."""

    NOT_USEFUL = 1, _("Pas utile")
    LITTLE = 2, _("Peu utile")
    USEFUL = 3, _("Utile")
    VERY_USEFUL = 4, _("Très utile")


class ResourceReview(models.Model):
    """An avis: how useful a resource was to a registered person, with an optional comment;
    one per person and resource (editable), answered by its authors or its base's admins."""

    resource = models.ForeignKey(
        "ressources.ResourcePage",
        verbose_name=_("ressource"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur de l'avis"),
        on_delete=models.CASCADE,
        related_name="resource_reviews",
    )
    usefulness = models.PositiveSmallIntegerField(_("utilité"), choices=Usefulness.choices)
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("donné le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    answer = models.TextField(_("réponse"), max_length=2000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("réponse de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("répondu le"), null=True, blank=True)
    # Hidden by a moderator (a report upheld): kept for the record, shown to nobody.
    hidden = models.BooleanField(_("masqué par la modération"), default=False)

    class Meta:
        verbose_name = _("avis sur une ressource")
        verbose_name_plural = _("avis sur les ressources")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "author"], name="one_review_per_person_and_resource"
            )
        ]

    def __str__(self):
        return f"{self.get_usefulness_display()} — {self.resource_id}"


class ReportReason(models.TextChoices):
    INAPPROPRIATE = "inapproprie", _("Contenu inapproprié")
    OBSOLETE = "obsolete", _("Contenu obsolète")
    ERRORS = "erreurs", _("Contient des erreurs")
    DUPLICATE = "doublon", _("Doublon d'une autre ressource")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("À traiter")
    UNPUBLISHED = "unpublished", _("Ressource dépubliée")
    BASE_CONTACTED = "base_contacted", _("Base contactée")
    DISMISSED = "dismissed", _("Classé sans suite")
    REVIEW_HIDDEN = "review_hidden", _("Avis masqué")


class Report(models.Model):
    """« Signaler »: a registered person tells the platform's moderators about a resource, or
    about one of its avis (`review`)."""

    resource = models.ForeignKey(
        "ressources.ResourcePage",
        verbose_name=_("ressource"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    # An avis of the resource, when it is the avis that is reported.
    review = models.ForeignKey(
        ResourceReview,
        verbose_name=_("avis signalé"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signalé par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    reason = models.CharField(_("motif"), max_length=20, choices=ReportReason.choices)
    duplicate_of = models.URLField(
        _("adresse de la ressource d'origine"),
        max_length=500,
        blank=True,
        help_text=_("Pour un doublon : l'adresse de la ressource qu'elle reprend (facultatif)."),
    )
    comment = models.TextField(_("commentaire"), max_length=2000)
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=ReportStatus.choices,
        default=ReportStatus.OPEN,
        db_index=True,
    )
    created_at = models.DateTimeField(_("signalé le"), auto_now_add=True, db_index=True)
    resolved_at = models.DateTimeField(_("traité le"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("traité par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution_note = models.TextField(_("message ou motif de la modération"), blank=True)

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_report", _("Peut modérer les signalements"))]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "reporter"],
                condition=Q(status="open", review__isnull=True),
                name="one_open_report_per_person_and_resource",
            ),
            models.UniqueConstraint(
                fields=["review", "reporter"],
                condition=Q(status="open", review__isnull=False),
                name="one_open_report_per_person_and_review",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.resource.title}"

    @property
    def is_open(self):
        return self.status == ReportStatus.OPEN
