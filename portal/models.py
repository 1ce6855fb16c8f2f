"""The home page of the site (search, featured bases and collections, latest resources), and
the feedback people give on the platform itself."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.models import Orderable, Page


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


class FeedbackKind(models.TextChoices):
    MISSING = "manque", _("Il manque quelque chose")
    BROKEN = "probleme", _("Quelque chose ne fonctionne pas")
    IDEA = "idee", _("Une idée, une suggestion")
    OTHER = "autre", _("Autre chose")


class FeedbackStatus(models.TextChoices):
    NEW = "nouveau", _("À traiter")
    IN_PROGRESS = "en_cours", _("En cours")
    DONE = "traite", _("Traité")
    DISMISSED = "classe", _("Classé sans suite")


class FeedbackRating(models.IntegerChoices):
    VERY_BAD = 1, _("Très insatisfait")
    BAD = 2, _("Plutôt insatisfait")
    GOOD = 3, _("Plutôt satisfait")
    VERY_GOOD = 4, _("Très satisfait")


class PlatformFeedback(models.Model):
    """« Donner mon avis sur la plateforme »: what is missing or broken, told to the platform's
    team, who triage it in the admin. No account needed; nothing personal unless given."""

    kind = models.CharField(_("sujet"), max_length=20, choices=FeedbackKind.choices)
    message = models.TextField(_("message"), max_length=4000)
    rating = models.PositiveSmallIntegerField(
        _("satisfaction"), choices=FeedbackRating.choices, null=True, blank=True
    )
    email = models.EmailField(_("adresse e-mail pour vous répondre"), blank=True)
    page_url = models.CharField(_("page d'où l'avis est donné"), max_length=500, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne connectée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("suivi"), max_length=20, choices=FeedbackStatus.choices, default=FeedbackStatus.NEW
    )
    staff_note = models.TextField(_("note de l'équipe"), blank=True)

    panels = [FieldPanel("status"), FieldPanel("staff_note")]

    class Meta:
        verbose_name = _("avis sur la plateforme")
        verbose_name_plural = _("avis sur la plateforme")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.message[:60]}"


class DailyResourceStat(models.Model):
    """How many times a resource was read and its files downloaded, one row per resource and
    day: counted without cookies, without addresses, without any trace of who (see
    portal/statistics.py); robots are not counted."""

    resource = models.ForeignKey(
        "ressources.ResourcePage",
        verbose_name=_("ressource"),
        on_delete=models.CASCADE,
        related_name="daily_stats",
    )
    day = models.DateField(_("jour"))
    views = models.PositiveIntegerField(_("consultations"), default=0)
    downloads = models.PositiveIntegerField(_("téléchargements"), default=0)

    class Meta:
        verbose_name = _("fréquentation d'une ressource")
        verbose_name_plural = _("fréquentation des ressources")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "day"], name="one_stat_per_resource_and_day"
            )
        ]
