"""The reuse sub-pages of bases and collections (exports), registered with the pages of the
lower apps through base.extensions."""

from wagtail import hooks

from .views import exports


@hooks.register("base_page_route_views")
def page_route_views():
    return {
        "base_export": exports.base_export,
        "collection_export": exports.collection_export,
    }
