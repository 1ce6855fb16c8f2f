"""Resources, collections of resources, the controlled taxonomy and licences."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Revision
from wagtail.search import index

from base.api_fields import (
    CollectionItemsField,
    LicenceSerializer,
    OrganisationSerializer,
    TagsField,
    TermsField,
    VersionField,
)
from base.models import (
    BaseContentMixin,
    BasePermissionsMixin,
    Territory,
    Visibility,
    check_slug_is_not_a_route,
)

from . import rules
from .blocks import ResourceBodyBlock
from .forms import ResourcePageForm


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


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey(
        "ressources.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class Language(models.TextChoices):
    FRENCH = "fr", _("Français")
    ENGLISH = "en", _("Anglais")
    SPANISH = "es", _("Espagnol")
    GERMAN = "de", _("Allemand")
    ITALIAN = "it", _("Italien")
    PORTUGUESE = "pt", _("Portugais")
    ARABIC = "ar", _("Arabe")
    UKRAINIAN = "uk", _("Ukrainien")
    DARI = "prs", _("Dari")
    PASHTO = "ps", _("Pachto")
    TIGRINYA = "ti", _("Tigrigna")
    BRETON = "br", _("Breton")
    OCCITAN = "oc", _("Occitan")
    CORSICAN = "co", _("Corse")
    CREOLE = "gcf", _("Créole guadeloupéen")
    FRENCH_SIGN = "fsl", _("Langue des signes française")


class ResourcePage(BaseContentMixin, RoutablePageMixin, Territory, Page):
    """A pedagogical resource of a base: a fiche, a kit, a tutorial, a guide, a report…"""

    summary = models.TextField(_("résumé"), max_length=560)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de couverture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ResourceBodyBlock(), verbose_name=_("contenu"), blank=True)
    themes = ParentalManyToManyField(
        Term,
        verbose_name=_("thématiques"),
        blank=True,
        related_name="themed_resources",
        limit_choices_to={"vocabulary": Vocabulary.THEME},
    )
    resource_types = ParentalManyToManyField(
        Term,
        verbose_name=_("types de ressource"),
        blank=True,
        related_name="typed_resources",
        limit_choices_to={"vocabulary": Vocabulary.RESOURCE_TYPE},
    )
    beneficiaries = ParentalManyToManyField(
        Term,
        verbose_name=_("bénéficiaires"),
        blank=True,
        related_name="beneficiary_resources",
        limit_choices_to={"vocabulary": Vocabulary.BENEFICIARY},
    )
    professional_sectors = ParentalManyToManyField(
        Term,
        verbose_name=_("secteurs professionnels"),
        blank=True,
        related_name="sector_resources",
        limit_choices_to={"vocabulary": Vocabulary.PROFESSIONAL_SECTOR},
    )
    tags = ClusterTaggableManager(through=ResourceTag, verbose_name=_("mots-clés"), blank=True)
    licence = models.ForeignKey(
        Licence,
        verbose_name=_("licence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resources",
    )
    producer = models.ForeignKey(
        "base.Organisation",
        verbose_name=_("organisation productrice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="produced_resources",
    )
    original_publication_date = models.DateField(
        _("date de publication d'origine"),
        null=True,
        blank=True,
        help_text=_("Quand la ressource a été publiée pour la première fois, ici ou ailleurs."),
    )
    language = models.CharField(
        _("langue"), max_length=5, choices=Language.choices, default=Language.FRENCH
    )
    adapted_from = models.ForeignKey(
        "self",
        verbose_name=_("adaptée de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
    )
    permission_contact = models.CharField(
        _("contact pour les autorisations"),
        max_length=255,
        blank=True,
        help_text=_(
            "Adresse e-mail ou page à contacter pour un usage que la licence ne couvre pas."
        ),
    )
    # The note of the publication a revision carries. It travels inside the revision, so that
    # whatever publishes it (the editor, a schedule, a workflow, a restore) records the same
    # journal entry (see ressources.versioning).
    version_changes = models.TextField(
        _("changements de cette version"),
        blank=True,
        help_text=_("Un changement par ligne. Obligatoire à partir de la deuxième version."),
    )
    version_major = models.BooleanField(
        _("version majeure"),
        default=False,
        help_text=_("Cochez pour une refonte : la version passe par exemple de 1.3 à 2.0."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("version_changes"), FieldPanel("version_major")],
            heading=_("Journal des versions"),
        ),
    ]
    indexing_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("resource_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("beneficiaries", widget=forms.CheckboxSelectMultiple),
        FieldPanel("professional_sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("language"),
        *Territory.territory_panels,
    ]
    rights_panels = [
        FieldPanel("licence"),
        InlinePanel("credits", heading=_("Crédits"), label=_("Crédit")),
        FieldPanel("producer"),
        FieldPanel("original_publication_date"),
        FieldPanel("permission_contact"),
        PageChooserPanel("adapted_from", "ressources.ResourcePage"),
        MultipleChooserPanel(
            "related_links", chooser_field_name="related", heading=_("Ressources liées")
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(indexing_panels, heading=_("Indexation")),
            ObjectList(rights_panels, heading=_("Licence et crédits")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("label")]),
        index.RelatedFields("resource_types", [index.SearchField("label")]),
        index.RelatedFields("producer", [index.SearchField("name")]),
        index.RelatedFields("credits", [index.SearchField("name")]),
        index.FilterField("language"),
        index.FilterField("licence"),
        index.FilterField("region_code"),
        index.FilterField("department_code"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("cover_image"),
        APIField("body"),
        APIField("themes", serializer=TermsField()),
        APIField("resource_types", serializer=TermsField()),
        APIField("beneficiaries", serializer=TermsField()),
        APIField("professional_sectors", serializer=TermsField()),
        APIField("tags", serializer=TagsField()),
        APIField("licence", serializer=LicenceSerializer()),
        APIField("producer", serializer=OrganisationSerializer()),
        APIField("language"),
        APIField("original_publication_date"),
        APIField("scope"),
        APIField("region_code"),
        APIField("department_code"),
        APIField("current_version", serializer=VersionField()),
        APIField("credits"),
    ]
    parent_page_types = ["base.BasePage"]
    subpage_types = []
    base_form_class = ResourcePageForm

    class Meta:
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")

    @property
    def base(self):
        return self.get_parent().specific

    def taxonomy(self):
        return {field: list(getattr(self, field).all()) for field in rules.TAXONOMY_LIMITS}

    def get_context(self, request, *args, **kwargs):
        from .page_context import resource_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_context(self, request))
        return context

    def clean(self):
        super().clean()
        check_slug_is_not_a_route(self)
        taxonomy = self.taxonomy()
        errors = rules.content_errors(title=self.title, taxonomy=taxonomy)
        if self.live and not getattr(self, "defer_publication_rules", False):
            errors.update(
                rules.publication_errors(
                    licence=self.licence,
                    themes=taxonomy["themes"],
                    resource_types=taxonomy["resource_types"],
                    adapted_from=self.adapted_from,
                )
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Its creator is credited (« Rédaction », editable afterwards): see ressources.credits.
        # `pk is None` only on creation (a revision's state has its pk when published).
        if self.pk is None and self.owner_id and getattr(self, "credit_owner", True):
            from .credits import credit_author

            credit_author(self, self.owner)
        return super().save(*args, **kwargs)

    def credits_line(self):
        return ", ".join(credit.name for credit in self.credits.all())

    @property
    def current_version(self):
        return self.versions.order_by("-major", "-minor").first()

    # Public sub-pages: the version journal, each version, comparisons and contribution. Each
    # route only dispatches; the views live in ressources.views and check permissions themselves.

    @path("journal-des-versions/", name="journal")
    def journal_route(self, request):
        from .views import versions

        return versions.journal(request, self)

    # Version numbers appear as « 1-0 » in addresses: Wagtail's page URLs admit no dots.
    @path("journal-des-versions/atom/", name="feed")
    def feed_route(self, request):
        from .views import versions

        return versions.feed(request, self)

    @re_path(r"^versions/(?P<number>\d+-\d+)/$", name="version")
    def version_route(self, request, number):
        from .views import versions

        return versions.version_detail(request, self, number.replace("-", "."))

    @re_path(r"^versions/(?P<number>\d+-\d+)/restaurer/$", name="restore")
    def restore_route(self, request, number):
        from .views import versions

        return versions.restore(request, self, number.replace("-", "."))

    @path("comparer/", name="compare")
    def compare_route(self, request):
        from .views import versions

        return versions.compare(request, self)

    @path("modifier/", name="edit")
    def edit_route(self, request):
        from .views import contribution

        return contribution.edit(request, self)

    @path("proposer/", name="propose")
    def propose_route(self, request):
        from .views import contribution

        return contribution.propose(request, self)

    @path("propositions/<int:proposal_id>/", name="proposal")
    def proposal_route(self, request, proposal_id):
        from .views import contribution

        return contribution.review(request, self, proposal_id)

    @path("suivre/", name="follow")
    def follow_route(self, request):
        from .views import following

        return following.follow(request, self)

    @path("enregistrer/", name="save")
    def save_route(self, request):
        from .views import personal_collections

        return personal_collections.save_resource(request, self)

    @path("signaler/", name="report")
    def report_route(self, request):
        from .views import moderation

        return moderation.report(request, self)

    def attribution_line(self, request=None):
        """The exact line a reuser copies: « Titre » — crédits — base — licence — URL."""
        parts = [f"« {self.title} »"]
        credits = self.credits_line() or (self.producer.name if self.producer else "")
        if credits:
            parts.append(credits)
        parts.append(self.base.title)
        if self.licence:
            parts.append(self.licence.short_name)
        # The address the reader actually used, rather than the Site's configured hostname.
        url = request.build_absolute_uri(self.url) if request is not None else self.full_url
        parts.append(url or self.url)
        return " — ".join(parts)


class CreditRole(models.TextChoices):
    DIRECTION = "direction", _("Direction")
    CONCEPTION = "conception", _("Conception")
    WRITING = "redaction", _("Rédaction")
    PROOFREADING = "relecture", _("Relecture")
    INFOGRAPHICS = "infographie", _("Infographie")
    DESIGN = "design", _("Design")
    ILLUSTRATION = "illustration", _("Illustration")
    TRANSLATION = "traduction", _("Traduction")
    COORDINATION = "coordination", _("Coordination")
    CONTRIBUTION = "contribution", _("Contribution")
    FUNDING = "financement", _("Financement")


class CreditKind(models.TextChoices):
    PERSON = "person", _("Personne")
    ORGANISATION = "organisation", _("Organisation")


class ResourceCredit(Orderable):
    """Who made the resource and how: the names that a reuse must cite."""

    resource = ParentalKey(ResourcePage, related_name="credits", on_delete=models.CASCADE)
    kind = models.CharField(
        _("personne ou organisation"), max_length=20, choices=CreditKind.choices
    )
    name = models.CharField(_("nom"), max_length=255)
    role = models.CharField(_("rôle"), max_length=20, choices=CreditRole.choices)
    organisation = models.ForeignKey(
        "base.Organisation",
        verbose_name=_("organisation sur la plateforme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte sur la plateforme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="credits",
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("user")]),
    ]
    api_fields = [APIField("kind"), APIField("name"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("crédit")
        verbose_name_plural = _("crédits")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"


class RelatedResource(Orderable):
    page = ParentalKey(ResourcePage, related_name="related_links", on_delete=models.CASCADE)
    related = models.ForeignKey(
        ResourcePage, verbose_name=_("ressource"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related", "ressources.ResourcePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("ressource liée")


class ResourceCollectionPage(BasePermissionsMixin, RoutablePageMixin, Page):
    """An ordered selection of resources from any base, owned by one base.

    Named so as not to clash with Wagtail's media `Collection`.
    """

    description = models.TextField(_("description"), blank=True, max_length=1000)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("image"),
        MultipleChooserPanel(
            "items", chooser_field_name="resource", heading=_("Ressources de la collection")
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("visibility")]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("visibility"),
    ]
    api_fields = [
        APIField("description"),
        APIField("image"),
        APIField("visibility"),
        APIField("items", serializer=CollectionItemsField()),
    ]
    parent_page_types = ["base.BasePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    @property
    def base(self):
        return self.get_parent().specific

    def clean(self):
        super().clean()
        check_slug_is_not_a_route(self)

    def get_context(self, request, *args, **kwargs):
        from .page_context import collection_context

        context = super().get_context(request, *args, **kwargs)
        context.update(collection_context(self, request))
        return context

    def user_can_view(self, user):
        base = self.base
        if not base.user_can_view(user):
            return False
        if self.visibility == Visibility.PUBLIC:
            return True
        return user.is_authenticated and (user.is_superuser or base.member_role(user) is not None)

    def serve(self, request, *args, **kwargs):
        from django.http import Http404

        from base.sharing import grants_for

        shared = False
        if not self.user_can_view(request.user):
            # A share link of the base opens its public collections (private ones stay for
            # the members).
            shared = self.visibility == Visibility.PUBLIC and (
                self.base.pk in grants_for(request).base_ids
            )
            if not shared:
                raise Http404
            request.share_link_view = True
        response = super().serve(request, *args, **kwargs)
        if shared:
            response["X-Robots-Tag"] = "noindex, nofollow"
            response["Referrer-Policy"] = "no-referrer"
            response["Cache-Control"] = "private, no-store"
        return response

    # Veille sub-pages (base.feeds, base.veille_views), behind the visibility check of `serve`.

    @path("atom/", name="feed")
    def feed_route(self, request):
        from base.feeds import collection_feed

        return collection_feed(request, self)

    @path("suivre/", name="follow")
    def follow_route(self, request):
        from base.veille_views import follow_page

        return follow_page(request, self)


class CollectionItem(Orderable):
    collection = ParentalKey(ResourceCollectionPage, related_name="items", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        ResourcePage, verbose_name=_("ressource"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [PageChooserPanel("resource", "ressources.ResourcePage"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("ressource de la collection")


def protect_unless_resource_deleted(collector, field, sub_objs, using):
    """on_delete of the revisions a journal relies on: `purge_revisions` may not remove them
    (it skips protected revisions), but deleting the resource itself takes its journal along."""
    deleted_pages = {
        obj.pk
        for model, objects in collector.data.items()
        if issubclass(model, Page)
        for obj in objects
    }
    if all(obj.resource_id in deleted_pages for obj in sub_objs):
        models.CASCADE(collector, field, sub_objs, using)
    else:
        models.PROTECT(collector, field, sub_objs, using)


class ResourceVersion(models.Model):
    """One publication of a resource, a row of its public « Journal des versions ».

    Rows are never deleted or rewritten: a restoration publishes a new version that says which
    one it restores. The revision it points to is what the version's public URL renders."""

    resource = models.ForeignKey(
        ResourcePage,
        verbose_name=_("ressource"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    major = models.PositiveIntegerField(_("version majeure"))
    minor = models.PositiveIntegerField(_("version mineure"))
    revision = models.OneToOneField(
        Revision,
        verbose_name=_("révision publiée"),
        on_delete=protect_unless_resource_deleted,
        related_name="resource_version",
    )
    published_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resource_versions",
    )
    # Names as they were at publication: the journal is a record, not a live view of profiles.
    responsible_name = models.CharField(_("responsable de la version"), max_length=255)
    responsible_organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    changes = models.TextField(_("changements"), blank=True)
    restored_from = models.ForeignKey(
        "self",
        verbose_name=_("restauration de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="restorations",
    )

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["resource", "major", "minor"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "major", "minor"], name="unique_version_number"
            )
        ]

    def __str__(self):
        return f"{self.resource.title} — {self.number}"

    @property
    def number(self):
        return f"{self.major}.{self.minor}"

    @property
    def url_number(self):
        """The number as it appears in addresses (« 1-0 »)."""
        return f"{self.major}-{self.minor}"

    @property
    def change_lines(self):
        return [line.strip() for line in self.changes.splitlines() if line.strip()]

    @property
    def responsible(self):
        if self.responsible_organisation:
            return f"{self.responsible_name} — {self.responsible_organisation}"
        return self.responsible_name

    def as_page(self):
        """The resource as this version published it, to render or compare."""
        return self.revision.as_object()

    @property
    def url(self):
        return self.resource.url + self.resource.reverse_subpage("version", args=[self.url_number])

    @property
    def is_current(self):
        current = self.resource.current_version
        return current is not None and current.pk == self.pk


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    REFUSED = "refused", _("Refusée")
    WITHDRAWN = "withdrawn", _("Retirée")


class ChangeProposal(models.Model):
    """« Proposer une modification »: an edit kept aside until the base's admins review it.

    It stores the edited fields (see ressources.editing), not a Wagtail revision, so that the
    resource's drafts and history in the admin stay the editors' own."""

    resource = models.ForeignKey(
        ResourcePage,
        verbose_name=_("ressource"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur de la proposition"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="change_proposals",
    )
    base_revision = models.ForeignKey(
        Revision,
        verbose_name=_("révision de départ"),
        on_delete=protect_unless_resource_deleted,
        related_name="+",
    )
    content = models.JSONField(_("contenu proposé"))
    summary = models.TextField(_("résumé de la proposition"))
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("proposée le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    refusal_reason = models.TextField(_("motif du refus"), blank=True)
    version = models.OneToOneField(
        ResourceVersion,
        verbose_name=_("version publiée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )

    class Meta:
        verbose_name = _("proposition de modification")
        verbose_name_plural = _("propositions de modification")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.resource.title} — {self.summary[:60]}"

    @property
    def is_pending(self):
        return self.status == ProposalStatus.PENDING

    @property
    def url(self):
        return self.resource.url + self.resource.reverse_subpage("proposal", args=[self.pk])


# Personal collections and reports live in their own module (see its docstring).
from .community_models import (  # noqa: E402, F401
    PersonalCollection,
    PersonalCollectionItem,
    Report,
    ReportReason,
    ReportStatus,
)
