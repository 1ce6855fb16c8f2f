"""The home page of the site: search, featured bases and collections, latest resources."""

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
