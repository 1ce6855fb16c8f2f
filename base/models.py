"""Bases, the home page, the bases directory, organisations, people and base membership."""

import re

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Collection, Orderable, Page
from wagtail.search import index

from .api_fields import OrganisationSerializer
from .territories import (
    DEPARTMENT_CHOICES,
    REGION_CHOICES,
    Scope,
    department_name,
    region_name,
    region_of_department,
)

# Bases sit at a fixed depth (root > home > bases directory > base), which lets a query find the
# base of any page from the first characters of its tree path (see base.visibility).
BASE_DEPTH = 4


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


class User(AbstractUser):
    """A person with an account; custom from day one so profiles can grow without a migration dance."""

    email = models.EmailField(_("adresse e-mail"), unique=True)
    organisation = models.ForeignKey(
        "base.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    job_title = models.CharField(_("fonction"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.get_full_name() or self.username


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


class BaseContentMixin:
    """Pages of a base answer 404 to whoever may not read the base (see base.visibility)."""

    def serve(self, request, *args, **kwargs):
        from .visibility import ensure_can_view

        ensure_can_view(self, request)
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "share_link_view", False):
            # Opened through a share link: keep it out of search engines and caches.
            response["X-Robots-Tag"] = "noindex, nofollow"
            response["Referrer-Policy"] = "no-referrer"
            response["Cache-Control"] = "private, no-store"
        return response


class HomePage(Page):
    """Site root: search, featured bases and collections, latest resources, live figures."""

    introduction = models.TextField(_("accroche"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultipleChooserPanel(
            "featured_bases", chooser_field_name="base", heading=_("Bases à la une")
        ),
        MultipleChooserPanel(
            "featured_collections",
            chooser_field_name="collection",
            heading=_("Collections à la une"),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        from .page_context import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context


class HomeFeaturedBase(Orderable):
    page = ParentalKey(HomePage, related_name="featured_bases", on_delete=models.CASCADE)
    base = models.ForeignKey("base.BasePage", verbose_name=_("base"), on_delete=models.CASCADE)

    panels = [FieldPanel("base")]


class HomeFeaturedCollection(Orderable):
    page = ParentalKey(HomePage, related_name="featured_collections", on_delete=models.CASCADE)
    collection = models.ForeignKey(
        "ressources.ResourceCollectionPage", verbose_name=_("collection"), on_delete=models.CASCADE
    )

    panels = [FieldPanel("collection")]


class BasesIndexPage(Page):
    """The directory of bases at /bases/."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["base.HomePage"]
    subpage_types = ["base.BasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("annuaire des bases")

    def get_context(self, request, *args, **kwargs):
        from .page_context import bases_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(bases_index_context(self, request))
        return context


class ContributionMode(models.TextChoices):
    CURATED = "curated", _("Éditorialisée : seuls les membres publient")
    OPEN = "open", _("Ouverte : toute personne inscrite peut améliorer les ressources")
    SUGGESTIONS = (
        "suggestions",
        _("Suggestions : toute personne inscrite peut proposer des modifications"),
    )


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Publique")
    PRIVATE = "private", _("Privée (membres seulement)")


class BasePage(BaseContentMixin, Territory, Page):
    """A space owned by an organisation that holds resources and collections."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation propriétaire"),
        on_delete=models.PROTECT,
        related_name="bases",
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    dedicated_to = models.CharField(
        _("dédiée à"),
        max_length=255,
        blank=True,
        help_text=_("Public auquel la base est dédiée, par exemple « Conseillers numériques »."),
    )
    contribution_mode = models.CharField(
        _("mode de contribution"),
        max_length=20,
        choices=ContributionMode.choices,
        default=ContributionMode.CURATED,
    )
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de couverture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    is_certified = models.BooleanField(
        _("certifiée"),
        default=False,
        help_text=_("Base vérifiée par l'équipe de la plateforme. Réservé aux administrateurs."),
    )
    media_collection = models.ForeignKey(
        Collection,
        verbose_name=_("dossier des médias"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("description"),
        FieldPanel("dedicated_to"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("cover")], heading=_("Images")),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("website")], heading=_("Contact")),
    ]
    settings_panels = Page.settings_panels + [
        *Territory.territory_panels,
        FieldPanel("contribution_mode"),
        FieldPanel("visibility"),
        FieldPanel("is_certified", permission="superuser"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("dedicated_to"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("visibility"),
        index.FilterField("region_code"),
        index.FilterField("department_code"),
    ]
    api_fields = [
        APIField("organisation", serializer=OrganisationSerializer()),
        APIField("description"),
        APIField("dedicated_to"),
        APIField("contribution_mode"),
        APIField("visibility"),
        APIField("scope"),
        APIField("region_code"),
        APIField("department_code"),
        APIField("is_certified"),
        APIField("logo"),
        APIField("cover"),
        APIField("website"),
    ]
    parent_page_types = ["base.BasesIndexPage"]
    subpage_types = ["ressources.ResourcePage", "ressources.ResourceCollectionPage"]

    class Meta:
        verbose_name = _("base")
        verbose_name_plural = _("bases")

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    def get_context(self, request, *args, **kwargs):
        from .page_context import base_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(base_page_context(self, request))
        return context

    def member_role(self, user):
        if not user.is_authenticated:
            return None
        membership = self.memberships.filter(user=user).first()
        return membership.role if membership else None

    def user_can_view(self, user):
        """Private bases are readable by their members and platform admins only."""
        if self.is_public:
            return True
        if not user.is_authenticated:
            return False
        return user.is_superuser or self.memberships.filter(user=user).exists()

    @cached_property
    def admins(self):
        return [m.user for m in self.memberships.select_related("user") if m.role == Role.ADMIN]

    def save(self, *args, **kwargs):
        """Every base gets its own media folder so its members' uploads stay together."""
        if not self.media_collection_id and self.title:
            root = Collection.get_first_root_node()
            self.media_collection = root.add_child(instance=Collection(name=self.title[:255]))
        super().save(*args, **kwargs)


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrateur")
    CONTRIBUTOR = "contributor", _("Contributeur")


class BaseMembership(models.Model):
    """A person's role in a base; Wagtail page permissions on the base's subtree follow from it."""

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


class Follow(models.Model):
    """Someone keeps watch (« veille ») on a page: a resource today; bases and collections next."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    page = models.ForeignKey(
        Page, verbose_name=_("page suivie"), on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(_("suivie depuis"), auto_now_add=True)

    class Meta:
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="unique_follow_per_page")
        ]

    def __str__(self):
        return f"{self.user} suit {self.page}"


class Notification(models.Model):
    """An in-site message; the same text also goes out by e-mail (see base.notifications)."""

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


class ShareLink(models.Model):
    """The secret link (« lien de partage ») that opens a private base or one of its resources
    to whoever holds it, read-only, without an account (see base.sharing).

    A row of its own rather than a page field: page fields travel inside revisions, and
    publishing an old revision would bring a rotated token back to life."""

    page = models.OneToOneField(
        Page, verbose_name=_("page partagée"), on_delete=models.CASCADE, related_name="share_link"
    )
    token = models.CharField(_("jeton"), max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now=True)

    class Meta:
        verbose_name = _("lien de partage")
        verbose_name_plural = _("liens de partage")

    def __str__(self):
        # Never the token: this string reaches the admin, logs and error reports.
        return _("Lien de partage de « %(title)s »") % {"title": self.page.title}
