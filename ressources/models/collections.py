"""Collections of resources, owned by a base (« collections » on the site)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    MultipleChooserPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.extensions import serve_route
from base.forms import BaseContentPageForm
from base.models import BasePermissionsMixin, Visibility, check_slug_is_not_a_route
from base.models.bases import mark_as_shared
from base.models.fields import optional_image

from ..api_fields import CollectionItemsField
from .resources import ResourcePage


class ResourceCollectionPage(BasePermissionsMixin, RoutablePageMixin, Page):
    """An ordered selection of resources from any base, owned by one base.

    Named so as not to clash with Wagtail's media `Collection`.
    """

    description = models.TextField(_("description"), blank=True, max_length=1000)
    image = optional_image(_("image"))
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
    base_form_class = BaseContentPageForm

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
        from ..page_context import collection_context

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
            mark_as_shared(response)
        return response

    # Veille sub-pages (views in veille, registered through base.extensions), behind the
    # visibility check of `serve`.

    @path("atom/", name="feed")
    def feed_route(self, request):
        return serve_route("collection_feed", request, self)

    @path("suivre/", name="follow")
    def follow_route(self, request):
        return serve_route("follow_page", request, self)

    # Its pack (view in reuse, registered through base.extensions).
    @path("telecharger/pack/", name="download_pack")
    def download_pack_route(self, request):
        return serve_route("download_collection_pack", request, self)

    @re_path(r"^exporter/(?P<fmt>csv|json)/$", name="export")
    def export_route(self, request, fmt):
        """Its resources as CSV or JSON (view in reuse, registered through base.extensions)."""
        return serve_route("collection_export", request, self, fmt)


class CollectionItem(Orderable):
    collection = ParentalKey(ResourceCollectionPage, related_name="items", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        ResourcePage, verbose_name=_("ressource"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [PageChooserPanel("resource", "ressources.ResourcePage"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("ressource de la collection")
