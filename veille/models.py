"""What people keep watch on (« veille »): follows, and the dated additions to collections that
Mon fil, the feeds and the digest read."""

import operator
from functools import reduce

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from organisations.models import Organisation


def one_target_of(fields):
    """Exactly one of `fields` is set."""
    return reduce(
        operator.or_,
        (models.Q(**{f"{name}__isnull": name != chosen for name in fields}) for chosen in fields),
    )


class Follow(models.Model):
    """Someone keeps watch (« veille ») on one target (DB constraint): a page (a resource, a
    base, a collection), an organisation (all its bases), a theme of the taxonomy or a free tag
    (the new resources that carry it), or a person (what they publish)."""

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
    term = models.ForeignKey(
        "ressources.Term",
        verbose_name=_("thématique suivie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    tag = models.ForeignKey(
        "taggit.Tag",
        verbose_name=_("mot-clé suivi"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne suivie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    created_at = models.DateTimeField(_("suivie depuis"), auto_now_add=True)

    TARGETS = ("page", "organisation", "term", "tag", "person")

    class Meta:
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="unique_follow_per_page"),
            models.UniqueConstraint(
                fields=["user", "organisation"], name="unique_follow_per_organisation"
            ),
            models.UniqueConstraint(fields=["user", "term"], name="unique_follow_per_term"),
            models.UniqueConstraint(fields=["user", "tag"], name="unique_follow_per_tag"),
            models.UniqueConstraint(fields=["user", "person"], name="unique_follow_per_person"),
            models.CheckConstraint(
                condition=one_target_of(("page", "organisation", "term", "tag", "person")),
                name="follow_has_exactly_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.user} suit {self.target}"

    @property
    def target(self):
        return self.page or self.organisation or self.term or self.tag or self.person


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
