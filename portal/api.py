"""Read-only API (Wagtail API v2) at /api/v2/: pages, images, documents.

Every endpoint starts from what the person may read (base.visibility, base.media), so that a
private base's pages, images and documents are absent for outsiders from listings, details
(404), `?search=`, `?child_of=`/`?descendant_of=` and `?html_path=` alike. Share links play
no part here: the API answers for the account (session) or for an anonymous visitor.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from base.media import visible_media
from ressources.listing import api_visible_pages


class VisiblePagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        """Also what `child_of`, `descendant_of` and the `parent` field start from. A plain
        `pk__in` subquery, which the search backend (`?search=`) knows how to filter on."""
        visible = api_visible_pages(Page.objects.all(), self.request.user)
        return super().get_base_queryset().filter(pk__in=visible.values("pk"))


class VisibleImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return visible_media(super().get_queryset(), self.request.user)


class VisibleDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return visible_media(super().get_queryset(), self.request.user)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", VisiblePagesAPIViewSet)
api_router.register_endpoint("images", VisibleImagesAPIViewSet)
api_router.register_endpoint("documents", VisibleDocumentsAPIViewSet)
