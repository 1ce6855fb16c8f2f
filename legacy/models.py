"""What the import remembers: which item of which platform became which page or account here.

One table serves three needs: the import is idempotent and resumable (an item already in it is
never created again), the legacy addresses of both platforms redirect through it (`/base/4`,
`/ressource/12`, `/bases/<slug>`, `/ressources/<slug>`, `/collections/<slug>`: see
legacy.redirects), and an operator can find where each imported item went.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Platform(models.TextChoices):
    LA_BASE = "labase", _("La Base (labase.anct.gouv.fr, V1)")
    LES_BASES = "lesbases", _("Les Bases (lesbases.anct.gouv.fr, V2)")


class ItemKind(models.TextChoices):
    BASE = "base", _("Base")
    RESOURCE = "resource", _("Ressource")
    COLLECTION = "collection", _("Collection")
    USER = "user", _("Personne")
    BASE_IMAGE = "base_image", _("Logo ou couverture d'une base")
    REVIEW = "review", _("Avis")
    FOLLOW = "follow", _("Suivi")
    SECTION = "section", _("Rubrique")


class ImportedItem(models.Model):
    """An item of La Base or Les Bases and the page (or account) it became here."""

    platform = models.CharField(_("plateforme d'origine"), max_length=20, choices=Platform.choices)
    kind = models.CharField(_("type"), max_length=20, choices=ItemKind.choices)
    # An id, or two for what has none of its own (an avis: « resource:person », two UUIDs).
    source_id = models.CharField(_("identifiant d'origine"), max_length=160)
    source_slug = models.CharField(
        _("adresse d'origine (slug)"), max_length=255, blank=True, db_index=True
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page importée"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("importé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("élément importé")
        verbose_name_plural = _("éléments importés")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "kind", "source_id"], name="unique_imported_item"
            )
        ]
        indexes = [models.Index(fields=["platform", "kind", "source_slug"])]

    def __str__(self):
        return f"{self.get_platform_display()} — {self.get_kind_display()} {self.source_id}"
