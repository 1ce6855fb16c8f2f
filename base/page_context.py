"""Context of the home page, the bases directory and a base page (see the models' get_context)."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from .listing import (
    TABS,
    BaseFilterForm,
    ResourceFilterForm,
    attach_bases,
    base_cards,
    collection_cards,
    count_visible_items,
    paginate,
    platform_figures,
    resource_cards,
    selected_tab,
    visible_bases,
    visible_collections,
    visible_resources,
)
from .models import BASE_DEPTH, BasePage, Visibility
from .sharing import grants_for
from .sharing import panel_context as share_panel_context
from .visibility import base_of

HOME_BASES = 6
HOME_COLLECTIONS = 3
HOME_RESOURCES = 6


def request_user(request):
    return getattr(request, "user", None) or AnonymousUser()


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
    bases = form.apply(base_cards(visible_bases(user).child_of(page)))
    bases_page = paginate(bases, request.GET.get("page"))
    return {
        "filter_form": form,
        "bases_page": bases_page,
        "bases": bases_page.object_list,
        "result_count": bases_page.paginator.count,
        "page_params": form.params,
    }


def base_page_context(page, request):
    from ressources.models import ResourceCollectionPage, ResourcePage

    user = request_user(request)
    # Share links only matter on a private base (and reading them touches the session).
    grants = None if page.is_public else grants_for(request)
    active_tab = selected_tab(request.GET)

    resources = visible_resources(user, ResourcePage.objects.child_of(page), grants)
    form = ResourceFilterForm.from_query(request.GET, resources=resources)
    resources_page = paginate(form.apply(resource_cards(resources)), request.GET.get("page"))
    for resource in resources_page.object_list:
        resource.owning_base = page
    resource_total = resources.count()

    collections = visible_collections(user, ResourceCollectionPage.objects.child_of(page), grants)
    collections = count_visible_items(collection_cards(collections).order_by("path"), user, grants)
    for collection in collections:
        collection.owning_base = page

    memberships = page.memberships.select_related("user").order_by(
        "role", "user__last_name", "user__first_name", "user__username"
    )
    counts = {"ressources": resource_total, "collections": len(collections), "a-propos": None}
    return {
        "active_tab": active_tab,
        "tabs": [
            {"key": key, "label": label, "count": counts[key], "selected": key == active_tab}
            for key, label in TABS.items()
        ],
        "resource_filter_form": form,
        "resources_page": resources_page,
        "resources": resources_page.object_list,
        "resource_total": resource_total,
        "resource_params": {**form.params, "onglet": "ressources"},
        "collections": collections,
        "memberships": list(memberships),
        "share_panel": share_panel_context(page, request),
        "can_publish_here": _can_publish_here(user, page),
    }


def _can_publish_here(user, page):
    from ressources.authoring import can_add_resource

    return user is not None and user.is_authenticated and can_add_resource(user, page)


def breadcrumb_items(request, page, *tail):
    """Home → … → `page`, then `tail` (`{"label", "url"}` items of the page's sub-pages, the
    page itself then being a link). The one way every page of the tree builds its trail.

    A visitor whose share link opens one resource only gets no link to its base (it would
    answer 404)."""
    items = []
    if page is None or page.depth <= 2:
        return items
    base = base_of(page)
    base_readable = (
        base is None or base.user_can_view(request.user) or base.pk in grants_for(request).base_ids
    )
    for ancestor in page.get_ancestors().filter(depth__gte=2):
        label = _("Accueil") if ancestor.depth == 2 else ancestor.title
        url = ancestor.get_url(request)
        if ancestor.depth == BASE_DEPTH and not base_readable:
            url = None
        items.append({"label": label, "url": url})
    items.append({"label": page.title, "url": page.get_url(request) if tail else None})
    items.extend(tail)
    return items
