"""The controlled taxonomy (terms of four vocabularies) and the licences a resource may carry."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.search import index


class Vocabulary(models.TextChoices):
    THEME = "theme", _("Thématique")
    RESOURCE_TYPE = "resource_type", _("Type de ressource")
    BENEFICIARY = "beneficiary", _("Bénéficiaire")
    PROFESSIONAL_SECTOR = "professional_sector", _("Secteur professionnel")


class Term(index.Indexed, models.Model):
    """A term of the controlled taxonomy: data, not code, because the sector revises it.

    A retired term stays attached to the resources that use it and names its successor.
    """

    vocabulary = models.CharField(_("vocabulaire"), max_length=30, choices=Vocabulary.choices)
    slug = models.SlugField(_("identifiant"), max_length=100)
    label = models.CharField(_("libellé"), max_length=150)
    category = models.CharField(
        _("catégorie"),
        max_length=100,
        blank=True,
        help_text=_("Regroupe les thématiques, par exemple « Inclusion numérique »."),
    )
    hint = models.CharField(_("aide"), max_length=255, blank=True)
    order = models.PositiveIntegerField(_("ordre"), default=0)
    active = models.BooleanField(
        _("en usage"),
        default=True,
        help_text=_("Un terme retiré reste lisible sur les ressources."),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("remplacé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )

    panels = [
        FieldPanel("vocabulary"),
        FieldRowPanel([FieldPanel("label"), FieldPanel("slug")]),
        FieldPanel("category"),
        FieldPanel("hint"),
        FieldRowPanel([FieldPanel("order"), FieldPanel("active")]),
        FieldPanel("successor"),
    ]
    search_fields = [
        index.SearchField("label"),
        index.AutocompleteField("label"),
        index.FilterField("vocabulary"),
        index.FilterField("active"),
    ]

    class Meta:
        ordering = ["vocabulary", "category", "order", "label"]
        verbose_name = _("terme de la taxonomie")
        verbose_name_plural = _("taxonomie")
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "slug"], name="unique_term_slug")
        ]

    def __str__(self):
        return self.label if self.active else _("%(label)s (retiré)") % {"label": self.label}

    def clean(self):
        if self.successor_id and self.successor.vocabulary != self.vocabulary:
            raise ValidationError(
                {"successor": _("Le terme qui le remplace doit appartenir au même vocabulaire.")}
            )
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": _("Un terme ne peut pas se remplacer lui-même.")})


class LicenceKind(models.TextChoices):
    CONTENT = "content", _("Contenus")
    SOFTWARE = "software", _("Logiciels")
    DATA = "data", _("Données")
    RESERVED = "reserved", _("Droits réservés")


class Licence(models.Model):
    """A licence with the rights it grants, so the platform can explain and check reuse."""

    spdx_id = models.CharField(
        _("identifiant SPDX"),
        max_length=64,
        unique=True,
        help_text=_("Identifiant normalisé, par exemple « CC-BY-SA-4.0 »."),
    )
    name = models.CharField(_("nom"), max_length=150)
    short_name = models.CharField(_("nom court"), max_length=60)
    url = models.URLField(_("texte de la licence"), blank=True)
    kind = models.CharField(_("usage"), max_length=20, choices=LicenceKind.choices)
    attribution = models.BooleanField(_("paternité"), default=True)
    share_alike = models.BooleanField(_("partage dans les mêmes conditions"), default=False)
    non_commercial = models.BooleanField(_("pas d'utilisation commerciale"), default=False)
    no_derivatives = models.BooleanField(_("pas de modification"), default=False)
    is_open = models.BooleanField(_("licence ouverte"), default=True)
    crpa_listed = models.BooleanField(
        _("homologuée pour le secteur public"),
        default=False,
        help_text=_(
            "Figure sur la liste des licences de réutilisation de l'art. D323-2-1 du CRPA."
        ),
    )
    order = models.PositiveIntegerField(_("ordre"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        FieldRowPanel([FieldPanel("spdx_id"), FieldPanel("kind")]),
        FieldPanel("url"),
        MultiFieldPanel(
            [
                FieldPanel("attribution"),
                FieldPanel("share_alike"),
                FieldPanel("non_commercial"),
                FieldPanel("no_derivatives"),
                FieldPanel("is_open"),
                FieldPanel("crpa_listed"),
            ],
            heading=_("Droits"),
        ),
        FieldPanel("order"),
    ]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self):
        return self.name

    @property
    def allowed_uses(self):
        """What anyone may do with a resource under this licence, in plain French."""
        if self.kind == LicenceKind.RESERVED:
            return [_("Consulter la ressource")]
        uses = [_("Copier, distribuer et communiquer la ressource")]
        if not self.no_derivatives:
            uses.append(_("L'adapter, la modifier, la traduire"))
        if not self.non_commercial:
            uses.append(_("L'utiliser, y compris à des fins commerciales"))
        return uses

    @property
    def conditions(self):
        if self.kind == LicenceKind.RESERVED:
            return [_("Toute autre utilisation demande l'autorisation des auteurs")]
        conditions = []
        if self.attribution:
            conditions.append(_("Citer les auteurs et la source, et indiquer les modifications"))
        if self.share_alike:
            conditions.append(_("Partager les adaptations sous la même licence"))
        if self.non_commercial:
            conditions.append(_("Ne pas en faire d'usage commercial"))
        if self.no_derivatives:
            conditions.append(_("Ne pas diffuser de version modifiée"))
        return conditions
