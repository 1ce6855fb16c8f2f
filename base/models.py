"""Bases, the home page, the bases directory, organisations, people and base membership."""

import hashlib
import re
import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Collection, Orderable, Page
from wagtail.search import index

from .api_fields import OrganisationSerializer
from .forms import BasePageForm
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
    # Veille (base.veille): the opt-in weekly digest of « Mon fil », and the week (its Monday)
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
    # Account life cycle: sign-up (terms accepted, e-mail not yet confirmed), then deletion.
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
    def is_awaiting_verification(self):
        """Signed up on the site and has not clicked the link yet (not an account an admin
        deactivated: those have no pending sign-up)."""
        return (
            not self.is_active
            and self.email_verified_at is None
            and self.deleted_at is None
            and self.terms_accepted_at is not None
        )

    @property
    def department_label(self):
        if not self.department_code:
            return ""
        return f"{department_name(self.department_code)} ({self.department_code})"


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


class BasePermissionsMixin:
    """Pages of a base: only its admins delete or move them in the Wagtail admin
    (see base.permissions.BasePagePermissionTester)."""

    def permissions_for_user(self, user):
        from .permissions import BasePagePermissionTester

        return BasePagePermissionTester(user, self)


class BaseContentMixin(BasePermissionsMixin):
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


class BasePage(BaseContentMixin, RoutablePageMixin, Territory, Page):
    """A space owned by an organisation that holds resources and collections."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation propriétaire"),
        on_delete=models.PROTECT,
        related_name="bases",
    )
    # A base may belong to several organisations (InterHubs: a collective of 14 Hubs). The
    # co-owners are shown on the base and count in the directory's filters; managing the base
    # stays with its members and the admins of its main organisation.
    co_owners = ParentalManyToManyField(
        Organisation,
        verbose_name=_("organisations copropriétaires"),
        blank=True,
        related_name="co_owned_bases",
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
    # Abuse containment (base.creation): a base created on the site by someone who administers
    # no organisation is read as private (members only: no directory, search, sitemap, API)
    # until a platform moderator accepts it.
    awaiting_moderation = models.BooleanField(
        _("en attente de modération"),
        default=False,
        help_text=_(
            "Créée par une personne qui n'administre pas son organisation : visible de ses seuls "
            "membres tant qu'un modérateur de la plateforme ne l'a pas acceptée."
        ),
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
        FieldPanel("co_owners", widget=forms.CheckboxSelectMultiple),
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
        FieldPanel("awaiting_moderation", permission="superuser"),
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
    base_form_class = BasePageForm

    class Meta:
        verbose_name = _("base")
        verbose_name_plural = _("bases")

    @property
    def is_public(self):
        """Readable by everyone: public, and not awaiting moderation."""
        return self.visibility == Visibility.PUBLIC and not self.awaiting_moderation

    @property
    def owners(self):
        """The main organisation, then the co-owners."""
        others = [org for org in self.co_owners.all() if org.pk != self.organisation_id]
        return [self.organisation, *others]

    def get_context(self, request, *args, **kwargs):
        from .page_context import base_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(base_page_context(self, request))
        return context

    def member_role(self, user):
        """The user's role in this base: their own membership's, or « admin » for the admins of
        the base's organisation (who manage all of its bases)."""
        if not user.is_authenticated:
            return None
        if self.is_organisation_admin(user):
            return Role.ADMIN
        membership = self.memberships.filter(user=user).first()
        return membership.role if membership else None

    def is_organisation_admin(self, user):
        return (
            user.is_authenticated
            and OrganisationMembership.objects.filter(
                organisation_id=self.organisation_id, user=user, role=OrganisationRole.ADMIN
            ).exists()
        )

    def user_can_view(self, user):
        """Private bases are readable by their members, their organisation's admins and platform
        admins only."""
        if self.is_public:
            return True
        if not user.is_authenticated:
            return False
        return (
            user.is_superuser
            or self.memberships.filter(user=user).exists()
            or self.is_organisation_admin(user)
        )

    def user_can_manage(self, user):
        """Manage members, invitations and join requests: the base's admins, its organisation's
        admins and platform admins."""
        if not user.is_authenticated or not user.is_active:
            return False
        return user.is_superuser or self.member_role(user) == Role.ADMIN

    @cached_property
    def admins(self):
        return [m.user for m in self.memberships.select_related("user") if m.role == Role.ADMIN]

    # The first segments of the sub-pages below (routes win over child pages, so a resource or a
    # collection of the base may not take one as its slug: see `check_slug_is_not_a_route`).
    ROUTE_SLUGS = frozenset({"atom", "suivre", "suivre-organisation", "membres"})

    # Veille sub-pages (views in base.veille_views and base.feeds); reached through `serve`, so
    # a private base answers 404 to outsiders here too.

    @path("atom/", name="feed")
    def feed_route(self, request):
        from .feeds import base_feed

        return base_feed(request, self)

    @path("suivre/", name="follow")
    def follow_route(self, request):
        from .veille_views import follow_page

        return follow_page(request, self)

    @path("suivre-organisation/", name="follow_organisation")
    def follow_organisation_route(self, request):
        from .veille_views import follow_organisation

        return follow_organisation(request, self)

    @cached_property
    def managers(self):
        """Who hears of join requests: the base's admins and its organisation's admins."""
        people = {user.pk: user for user in self.admins}
        for membership in OrganisationMembership.objects.filter(
            organisation_id=self.organisation_id, role=OrganisationRole.ADMIN
        ).select_related("user"):
            people.setdefault(membership.user_id, membership.user)
        return list(people.values())

    # Public sub-pages: « Membres » and its forms (views in base.membership_views).

    @path("membres/", name="members")
    def members_route(self, request):
        from . import membership_views

        return membership_views.members(request, self)

    @re_path(r"^membres/(?P<action>[a-z-]+)/$", name="members_action")
    def members_action_route(self, request, action):
        from . import membership_views

        return membership_views.members_action(request, self, action, None)

    @re_path(r"^membres/(?P<action>[a-z-]+)/(?P<pk>[0-9]{1,18})/$", name="members_object_action")
    def members_object_action_route(self, request, action, pk):
        from . import membership_views

        return membership_views.members_action(request, self, action, int(pk))

    def save(self, *args, **kwargs):
        """Every base gets its own media folder so its members' uploads stay together."""
        if not self.media_collection_id and self.title:
            root = Collection.get_first_root_node()
            self.media_collection = root.add_child(instance=Collection(name=self.title[:255]))
        super().save(*args, **kwargs)


def check_slug_is_not_a_route(page):
    """A page of a base whose slug is one of the base's sub-pages (…/atom/, …/membres/) would
    never be reached: refuse the slug with a French explanation."""
    if page.slug in BasePage.ROUTE_SLUGS:
        raise ValidationError(
            {
                "slug": _(
                    "L'adresse « %(slug)s » est réservée aux pages de la base : choisissez-en "
                    "une autre."
                )
                % {"slug": page.slug}
            }
        )


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
