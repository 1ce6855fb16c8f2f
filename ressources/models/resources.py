"""Resources: the page, its tags, credits and related resources."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
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
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.extensions import serve_route
from base.models import BaseContentMixin, check_slug_is_not_a_route
from base.models.fields import optional_image
from organisations.api_fields import OrganisationSerializer
from organisations.models import Territory

from .. import rules
from ..api_fields import LicenceSerializer, TagsField, TermsField, VersionField
from ..blocks import ResourceBodyBlock
from ..forms import ResourcePageForm
from .taxonomy import Licence, Term, Vocabulary


def taxonomy_field(vocabulary, verbose_name, related_name):
    """The terms of one vocabulary of the controlled taxonomy (themes, types, beneficiaries…)."""
    return ParentalManyToManyField(
        Term,
        verbose_name=verbose_name,
        blank=True,
        related_name=related_name,
        limit_choices_to={"vocabulary": vocabulary},
    )


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

    # A resource of a private base may be opened alone by a share link (base.sharing).
    can_have_share_link = True

    summary = models.TextField(_("résumé"), max_length=560)
    cover_image = optional_image(_("image de couverture"))
    body = StreamField(ResourceBodyBlock(), verbose_name=_("contenu"), blank=True)
    themes = taxonomy_field(Vocabulary.THEME, _("thématiques"), "themed_resources")
    resource_types = taxonomy_field(
        Vocabulary.RESOURCE_TYPE, _("types de ressource"), "typed_resources"
    )
    beneficiaries = taxonomy_field(
        Vocabulary.BENEFICIARY, _("bénéficiaires"), "beneficiary_resources"
    )
    professional_sectors = taxonomy_field(
        Vocabulary.PROFESSIONAL_SECTOR, _("secteurs professionnels"), "sector_resources"
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
        "organisations.Organisation",
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
    # The exact version an adaptation was made from (« Adapter dans ma base », see
    # ressources.adaptation); cleared if « adaptée de » is changed to another resource.
    adapted_from_version = models.ForeignKey(
        "ressources.ResourceVersion",
        verbose_name=_("version adaptée"),
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
        from ..page_context import resource_context

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
            from ..credits import credit_author

            credit_author(self, self.owner, getattr(self, "owner_credit_role", None))
        if self.adapted_from_version_id:
            from .versions import ResourceVersion

            adapted = ResourceVersion.objects.filter(pk=self.adapted_from_version_id)
            if adapted.values_list("resource_id", flat=True).first() != self.adapted_from_id:
                self.adapted_from_version = None
        return super().save(*args, **kwargs)

    def credits_line(self):
        return ", ".join(credit.name for credit in self.credits.all())

    @property
    def current_version(self):
        # From the versions prefetched for a listing (the read API), when they are.
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("versions")
        if prefetched is not None:
            return max(prefetched, key=lambda version: (version.major, version.minor), default=None)
        return self.versions.order_by("-major", "-minor").first()

    # Public sub-pages: the version journal, each version, comparisons and contribution. Each
    # route only dispatches; the views live in ressources.views and check permissions themselves.

    @path("journal-des-versions/", name="journal")
    def journal_route(self, request):
        from ..views import versions

        return versions.journal(request, self)

    # Version numbers appear as « 1-0 » in addresses: Wagtail's page URLs admit no dots.
    @path("journal-des-versions/atom/", name="feed")
    def feed_route(self, request):
        from ..views import versions

        return versions.feed(request, self)

    @re_path(r"^versions/(?P<number>\d+-\d+)/$", name="version")
    def version_route(self, request, number):
        from ..views import versions

        return versions.version_detail(request, self, number.replace("-", "."))

    @re_path(r"^versions/(?P<number>\d+-\d+)/restaurer/$", name="restore")
    def restore_route(self, request, number):
        from ..views import versions

        return versions.restore(request, self, number.replace("-", "."))

    @path("comparer/", name="compare")
    def compare_route(self, request):
        from ..views import versions

        return versions.compare(request, self)

    @path("modifier/", name="edit")
    def edit_route(self, request):
        from ..views import contribution

        return contribution.edit(request, self)

    @path("proposer/", name="propose")
    def propose_route(self, request):
        from ..views import contribution

        return contribution.propose(request, self)

    @path("propositions/<int:proposal_id>/", name="proposal")
    def proposal_route(self, request, proposal_id):
        from ..views import contribution

        return contribution.review(request, self, proposal_id)

    @path("adapter/", name="adapt")
    def adapt_route(self, request):
        from ..views import adaptation

        return adaptation.adapt(request, self)

    @path("suivre/", name="follow")
    def follow_route(self, request):
        return serve_route("follow_resource", request, self)

    @path("enregistrer/", name="save")
    def save_route(self, request):
        from ..views import personal_collections

        return personal_collections.save_resource(request, self)

    # Downloads (views in reuse, registered through base.extensions): PDF, Markdown, a kit's pack.
    @path("telecharger/pdf/", name="download_pdf")
    def download_pdf_route(self, request):
        return serve_route("download_resource_pdf", request, self)

    @path("telecharger/markdown/", name="download_markdown")
    def download_markdown_route(self, request):
        return serve_route("download_resource_markdown", request, self)

    @path("telecharger/pack/", name="download_pack")
    def download_pack_route(self, request):
        return serve_route("download_resource_pack", request, self)

    @path("signaler/", name="report")
    def report_route(self, request):
        from ..views import moderation

        return moderation.report(request, self)

    @path("avis/", name="reviews")
    def reviews_route(self, request):
        from ..views import reviews

        return reviews.review_list(request, self)

    @path("avis/<int:review_id>/repondre/", name="review_answer")
    def review_answer_route(self, request, review_id):
        from ..views import reviews

        return reviews.answer(request, self, review_id)

    @path("avis/<int:review_id>/signaler/", name="review_report")
    def review_report_route(self, request, review_id):
        from ..views import reviews

        return reviews.report(request, self, review_id)

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
    ADAPTATION = "adaptation", _("Adaptation")
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
        "organisations.Organisation",
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
