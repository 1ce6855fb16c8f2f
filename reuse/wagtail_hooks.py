"""The reuse sub-pages of resources, bases and collections (downloads, exports), registered with
the pages of the lower apps through base.extensions."""

from wagtail import hooks

from .views import downloads, exports


@hooks.register("base_page_route_views")
def page_route_views():
    return {
        "download_resource_pdf": downloads.resource_pdf,
        "download_resource_markdown": downloads.resource_markdown,
        "download_resource_pack": downloads.resource_pack,
        "download_collection_pack": downloads.collection_pack,
        "base_export": exports.base_export,
        "collection_export": exports.collection_export,
    }
