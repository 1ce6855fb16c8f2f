"""What people keep watch on (« veille »): follows, and the dated additions to collections that
Mon fil, the feeds and the digest read."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from organisations.models import Organisation


class Follow(models.Model):
    """Someone keeps watch (« veille ») on a page (a resource, a base, a collection) or on an
    organisation (all its bases); exactly one of the two targets is set (DB constraint)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("page suivie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation suivie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    created_at = models.DateTimeField(_("suivie depuis"), auto_now_add=True)

    class Meta:
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="unique_follow_per_page"),
            models.UniqueConstraint(
                fields=["user", "organisation"], name="unique_follow_per_organisation"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(page__isnull=False, organisation__isnull=True)
                    | models.Q(page__isnull=True, organisation__isnull=False)
                ),
                name="follow_has_exactly_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.user} suit {self.page or self.organisation}"


class CollectionAddition(models.Model):
    """When a resource entered a collection (at the collection's publication), for « Mon fil »
    and the collection's feed: collection items carry no date of their own."""

    collection = models.ForeignKey(
        Page, verbose_name=_("collection"), on_delete=models.CASCADE, related_name="+"
    )
    resource = models.ForeignKey(
        Page, verbose_name=_("ressource"), on_delete=models.CASCADE, related_name="+"
    )
    added_at = models.DateTimeField(_("ajoutée le"), db_index=True)

    class Meta:
        verbose_name = _("ajout à une collection")
        verbose_name_plural = _("ajouts aux collections")
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "resource"], name="unique_addition_per_collection"
            )
        ]

    def __str__(self):
        return f"{self.resource} → {self.collection}"
