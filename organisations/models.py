"""Organisations of the sector and the territory (INSEE codes) that organisations, bases and
resources are attached to: the vocabulary every other app shares, so it sits at the bottom."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.search import index

from .territories import (
    DEPARTMENT_CHOICES,
    REGION_CHOICES,
    Scope,
    department_name,
    region_name,
    region_of_department,
)


class Territory(models.Model):
    """Territorial scope shared by organisations, bases and resources (INSEE codes)."""

    scope = models.CharField(
        _("portée territoriale"), max_length=20, choices=Scope.choices, default=Scope.NATIONAL
    )
    region_code = models.CharField(
        _("région"), max_length=3, choices=REGION_CHOICES, blank=True, db_index=True
    )
    department_code = models.CharField(
        _("département"), max_length=3, choices=DEPARTMENT_CHOICES, blank=True, db_index=True
    )

    territory_panels = [
        FieldRowPanel(
            [FieldPanel("scope"), FieldPanel("region_code"), FieldPanel("department_code")],
            heading=_("Territoire"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.department_code and not self.region_code:
            self.region_code = region_of_department(self.department_code)
        if self.department_code and region_of_department(self.department_code) != self.region_code:
            errors["department_code"] = _("Ce département n'appartient pas à la région choisie.")
        if self.scope == Scope.REGIONAL and not self.region_code:
            errors["region_code"] = _("Indiquez la région d'une portée régionale.")
        if self.scope in (Scope.DEPARTMENTAL, Scope.LOCAL) and not self.department_code:
            errors["department_code"] = _(
                "Indiquez le département d'une portée départementale ou locale."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def territory_label(self):
        if self.scope == Scope.NATIONAL:
            return _("National")
        if self.department_code:
            return f"{department_name(self.department_code)} ({self.department_code})"
        return region_name(self.region_code) or self.get_scope_display()


class OrganisationKind(models.TextChoices):
    """Actor typology of the sector (brief §3.4), also used for label NEC applicants."""

    HUB = "hub", _("Hub territorial pour un numérique inclusif")
    COLLECTIVE = "collectif", _("Collectif ou réseau d'acteurs")
    LOCAL_AUTHORITY = "collectivite", _("Collectivité territoriale ou groupement")
    ASSOCIATION = "association", _("Association")
    COOPERATIVE = "cooperative", _("Coopérative (SCIC, SCOP)")
    PUBLIC_BODY = "etablissement_public", _("Établissement public")
    GIP = "gip", _("Groupement d'intérêt public (GIP)")
    CENTRAL_ADMINISTRATION = "administration_centrale", _("Administration centrale ou déconcentrée")
    COMPANY = "entreprise", _("Entreprise")
    FOUNDATION = "fondation", _("Fondation")
    TRAINING = "organisme_formation", _("Organisme de formation")
    RESEARCH = "recherche", _("Recherche ou bureau d'études")


siret_validator = RegexValidator(r"^\d{14}$", _("Un SIRET compte exactement 14 chiffres."))


def validate_siret(value):
    """SIRET numbers carry a Luhn checksum (La Poste's historic numbers excepted)."""
    digits = re.sub(r"\s", "", value)
    siret_validator(digits)
    if digits.startswith("356000000"):
        return
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    if total % 10:
        raise ValidationError(_("Ce numéro SIRET n'est pas valide (clé de contrôle incorrecte)."))


class Organisation(Territory, index.Indexed):
    """An actor of the sector that owns bases, produces resources or is credited on them."""

    name = models.CharField(_("nom"), max_length=255, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=255, unique=True, blank=True)
    kind = models.CharField(
        _("type d'organisation"), max_length=40, choices=OrganisationKind.choices
    )
    website = models.URLField(_("site web"), blank=True)
    siret = models.CharField(_("SIRET"), max_length=17, blank=True, validators=[validate_siret])
    description = models.TextField(_("présentation"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        *Territory.territory_panels,
        FieldPanel("website"),
        FieldPanel("siret"),
        FieldPanel("description"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    api_fields = [APIField("name"), APIField("kind"), APIField("website")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:255]
        self.siret = re.sub(r"\s", "", self.siret)
        super().save(*args, **kwargs)
