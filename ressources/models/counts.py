"""Denormalised figures of a base, kept by the publication lifecycle (ressources.counts)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from base.models import BasePage


class BaseCounts(models.Model):
    """How many live resources a base holds, and a version that changes with its content.

    Counting a base's resources from the page tree is a prefix scan of its pages: fine for one
    base, too slow for every card of the directory and the home page at 100,000 resources. The
    figure is therefore stored, and updated at each publication, unpublication, move and
    deletion (ressources.counts). It is kept apart from BasePage so that restoring a base's
    revision can never bring back an old figure. `version` goes up at every update: caches of
    what depends on the base's content (its filter choices) put it in their key.
    """

    base = models.OneToOneField(
        BasePage, primary_key=True, on_delete=models.CASCADE, related_name="counts"
    )
    resources = models.PositiveIntegerField(_("ressources publiées"), default=0)
    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("chiffres d'une base")
        verbose_name_plural = _("chiffres des bases")

    def __str__(self):
        return f"{self.base_id}: {self.resources}"
