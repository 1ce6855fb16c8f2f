"""Bases and the bases directory, and what every page of a base shares (permissions, serving)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index

from organisations.api_fields import OrganisationSerializer
from organisations.models import Organisation, Territory

from ..extensions import page_context, serve_route
from ..forms import BasePageForm
from .fields import optional_image

# Bases sit at a fixed depth (root > home > bases directory > base), which lets a query find the
# base of any page from the first characters of its tree path (see base.visibility).
BASE_DEPTH = 4


def mark_as_shared(response):
    """A page opened through a share link stays out of search engines, referrers and caches."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


class BasePermissionsMixin:
    """Pages of a base: only its admins delete or move them in the Wagtail admin
    (see base.permissions.BasePagePermissionTester)."""

    def permissions_for_user(self, user):
        from ..permissions import BasePagePermissionTester

        return BasePagePermissionTester(user, self)


class BaseContentMixin(BasePermissionsMixin):
    """Pages of a base answer 404 to whoever may not read the base (see base.visibility)."""

    def serve(self, request, *args, **kwargs):
        from ..visibility import ensure_ancestors_live, ensure_can_view

        ensure_ancestors_live(self, request)
        ensure_can_view(self, request)
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "share_link_view", False):
            mark_as_shared(response)
        return response


class BasesIndexPage(Page):
    """The directory of bases at /bases/."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["base.BasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("annuaire des bases")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context("bases_index_page_context", self, request))
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
    logo = optional_image(_("logo"))
    cover = optional_image(_("image de couverture"))
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    reviews_enabled = models.BooleanField(
        _("avis ouverts"),
        default=True,
        help_text=_(
            "Les personnes inscrites peuvent dire si les ressources de la base leur ont été "
            "utiles, avec un commentaire."
        ),
    )
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
        FieldPanel("reviews_enabled"),
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
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context("base_page_context", self, request))
        return context

    def member_role(self, user):
        """The user's role in this base: their own membership's, or « admin » for the admins of
        the base's organisation (who manage all of its bases)."""
        from .membership import Role

        if not user.is_authenticated:
            return None
        if self.is_organisation_admin(user):
            return Role.ADMIN
        membership = self.memberships.filter(user=user).first()
        return membership.role if membership else None

    def is_organisation_admin(self, user):
        from .membership import OrganisationMembership, OrganisationRole

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
        from .membership import Role

        if not user.is_authenticated or not user.is_active:
            return False
        return user.is_superuser or self.member_role(user) == Role.ADMIN

    @cached_property
    def admins(self):
        from .membership import Role

        return [m.user for m in self.memberships.select_related("user") if m.role == Role.ADMIN]

    # The first segments of the sub-pages below (routes win over child pages, so a resource or a
    # collection of the base may not take one as its slug: see `check_slug_is_not_a_route`).
    ROUTE_SLUGS = frozenset(
        {"atom", "suivre", "suivre-organisation", "membres", "statistiques", "exporter"}
    )

    # Veille sub-pages (views in veille, registered through base.extensions); reached through
    # `serve`, so a private base answers 404 to outsiders here too.

    @path("atom/", name="feed")
    def feed_route(self, request):
        return serve_route("base_feed", request, self)

    @path("suivre/", name="follow")
    def follow_route(self, request):
        return serve_route("follow_page", request, self)

    @path("statistiques/", name="statistics")
    def statistics_route(self, request):
        """Its figures, for those who manage it (view in portal, registered through
        base.extensions)."""
        return serve_route("base_statistics", request, self)

    @re_path(r"^statistiques/csv/(?P<table>[a-z-]{1,40})/$", name="statistics_csv")
    def statistics_csv_route(self, request, table):
        return serve_route("base_statistics", request, self, table)

    @re_path(r"^exporter/(?P<fmt>csv|json)/$", name="export")
    def export_route(self, request, fmt):
        """Its resources as CSV or JSON (view in reuse, registered through base.extensions)."""
        return serve_route("base_export", request, self, fmt)

    @path("suivre-organisation/", name="follow_organisation")
    def follow_organisation_route(self, request):
        return serve_route("follow_organisation", request, self)

    @cached_property
    def managers(self):
        """Who hears of join requests: the base's admins and its organisation's admins."""
        from .membership import OrganisationMembership, OrganisationRole

        people = {user.pk: user for user in self.admins}
        for membership in OrganisationMembership.objects.filter(
            organisation_id=self.organisation_id, role=OrganisationRole.ADMIN
        ).select_related("user"):
            people.setdefault(membership.user_id, membership.user)
        return list(people.values())

    # Public sub-pages: « Membres » and its forms (views in base.views.membership).

    @path("membres/", name="members")
    def members_route(self, request):
        from ..views import membership as membership_views

        return membership_views.members(request, self)

    @re_path(r"^membres/(?P<action>[a-z-]+)/$", name="members_action")
    def members_action_route(self, request, action):
        from ..views import membership as membership_views

        return membership_views.members_action(request, self, action, None)

    @re_path(r"^membres/(?P<action>[a-z-]+)/(?P<pk>[0-9]{1,18})/$", name="members_object_action")
    def members_object_action_route(self, request, action, pk):
        from ..views import membership as membership_views

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
