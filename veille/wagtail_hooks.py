"""The veille's sub-pages of bases, collections and resources (feeds, « Suivre »), registered
with the pages of the lower apps through base.extensions."""

from wagtail import hooks

from . import feeds
from .views import following as views


@hooks.register("base_page_route_views")
def page_route_views():
    return {
        "base_feed": feeds.base_feed,
        "collection_feed": feeds.collection_feed,
        "follow_page": views.follow_page,
        "follow_organisation": views.follow_organisation,
        "follow_resource": views.follow_resource,
    }
