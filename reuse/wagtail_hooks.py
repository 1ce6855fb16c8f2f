"""The download routes of resources and collections (views in reuse.views.downloads), registered
with the pages of the lower apps through base.extensions."""

from wagtail import hooks

from .views import downloads


@hooks.register("base_page_route_views")
def page_route_views():
    return {
        "download_resource_pdf": downloads.resource_pdf,
        "download_resource_markdown": downloads.resource_markdown,
        "download_resource_pack": downloads.resource_pack,
        "download_collection_pack": downloads.collection_pack,
    }
