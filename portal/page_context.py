"""Context of the home page and of the bases directory (see the models' get_context)."""

from django.contrib.auth.models import AnonymousUser

from base.listing import paginate, visible_bases
from base.models import BasePage, Visibility
from base.page_context import request_user
from ressources.listing import (
    attach_bases,
    collection_cards,
    count_visible_items,
    resource_cards,
    visible_collections,
    visible_resources,
)

from .listing import BaseFilterForm, base_cards, platform_figures

HOME_BASES = 6
HOME_COLLECTIONS = 3
HOME_RESOURCES = 6


def _in_order(objects, ids):
    by_id = {obj.pk: obj for obj in objects}
    return [by_id[pk] for pk in ids if pk in by_id]


def home_context(page, request):
    user = request_user(request)

    featured_ids = [item.base_id for item in page.featured_bases.all()]
    bases = _in_order(base_cards(visible_bases(user).filter(pk__in=featured_ids)), featured_ids)
    if not bases:
        recent = BasePage.objects.live().filter(
            visibility=Visibility.PUBLIC, awaiting_moderation=False
        )
        bases = list(base_cards(recent).order_by("-first_published_at", "-pk")[:HOME_BASES])

    featured_ids = [item.collection_id for item in page.featured_collections.all()]
    collections = _in_order(
        collection_cards(visible_collections(user).filter(pk__in=featured_ids)), featured_ids
    )
    if not collections:
        # Public collections of public bases: what an anonymous visitor may see.
        recent = visible_collections(AnonymousUser()).order_by("-first_published_at", "-pk")
        collections = list(collection_cards(recent)[:HOME_COLLECTIONS])
    collections = count_visible_items(attach_bases(collections), user)

    resources = resource_cards(visible_resources(user)).order_by("-first_published_at", "-pk")
    return {
        "featured_bases": bases,
        "featured_collections": collections,
        "latest_resources": attach_bases(resources[:HOME_RESOURCES]),
        "figures": platform_figures(user),
    }


def bases_index_context(page, request):
    user = request_user(request)
    form = BaseFilterForm.from_query(request.GET)
    # Every base sits right under the (one) directory. Driven by the few bases' paths, read
    # first and looked up in the page table's path index: a condition on the tree path
    # (child_of's prefix LIKE) made SQLite scan every page, and their ids (as a subquery or a
    # list: they name the base table's key) made PostgreSQL walk the page table to join them.
    paths = list(BasePage.objects.order_by().values_list("path", flat=True))
    bases = visible_bases(user).filter(path__in=paths, depth=page.depth + 1)
    bases = form.apply(base_cards(bases))
    bases_page = paginate(bases, request.GET.get("page"))
    return {
        "filter_form": form,
        "bases_page": bases_page,
        "bases": bases_page.object_list,
        "result_count": bases_page.paginator.count,
        "page_params": form.params,
    }
