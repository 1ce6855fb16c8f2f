"""Context of a resource page, a collection page and a base page (its resources and collections:
registered for base.BasePage through the `base_page_context` hook, see base.extensions)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from base.listing import paginate
from base.page_context import request_user
from base.sharing import grants_for
from base.sharing import panel_context as share_panel_context
from base.visibility import base_of, children_of

from .listing import (
    TABS,
    ResourceFilterForm,
    attach_bases,
    base_used_term_ids,
    collection_cards,
    count_visible_items,
    resource_cards,
    selected_tab,
    visible_collections,
    visible_resources,
)
from .models import BaseCounts, CollectionItem, ResourceCollectionPage, ResourcePage

# field, label, GET parameter of the base page's resource filter (ressources.listing.ResourceFilterForm)
TAXONOMY_GROUPS = [
    ("themes", _("Thématiques"), "thematique"),
    ("resource_types", _("Types de ressource"), "type"),
    ("beneficiaries", _("Bénéficiaires"), "beneficiaire"),
    ("professional_sectors", _("Secteurs professionnels"), "secteur"),
]


def resource_context(page, request):
    user = request_user(request)
    taxonomy = []
    for field, label, param in TAXONOMY_GROUPS:
        terms = list(getattr(page, field).all())
        if terms:
            taxonomy.append({"field": field, "label": label, "param": param, "terms": terms})

    adapted_from = None
    if page.adapted_from_id:
        adapted_from = visible_resources(user).filter(pk=page.adapted_from_id).first()
        if adapted_from is not None:
            attach_bases([adapted_from])

    related_ids = [link.related_id for link in page.related_links.all()]
    related = {
        resource.pk: resource
        for resource in attach_bases(
            resource_cards(visible_resources(user).filter(pk__in=related_ids))
        )
    }
    related_resources = [
        related[pk] for pk in dict.fromkeys(related_ids) if pk in related and pk != page.pk
    ]

    adaptations, collections = [], []
    if page.pk:
        # Cards, prefetched as in every listing: no query per adaptation or collection.
        adaptations = attach_bases(
            resource_cards(visible_resources(user).filter(adapted_from=page)).order_by(
                "-first_published_at", "-pk"
            )
        )
        collections = count_visible_items(
            attach_bases(
                collection_cards(
                    visible_collections(user).filter(
                        pk__in=CollectionItem.objects.filter(resource_id=page.pk).values(
                            "collection_id"
                        )
                    )
                ).order_by("title", "pk")
            ),
            user,
            grants_for(request),
        )

    base = base_of(page)
    return {
        **contribution_context(page, request),
        **adaptation_context(page, request),
        "base": base,
        # False for a visitor whose share link opens this resource only: no links to the base.
        "base_readable": base is None
        or base.user_can_view(user)
        or base.pk in grants_for(request).base_ids,
        "taxonomy": taxonomy,
        "free_tags": list(page.tags.all()),
        "credits": list(page.credits.all()),
        "licence": page.licence,
        "attribution": page.attribution_line(request),
        "adapted_from": adapted_from,
        "adaptations": adaptations,
        "related_resources": related_resources,
        "containing_collections": collections,
        "share_panel": share_panel_context(page, request),
        # Share buttons only where the link works for anyone: a public base, not a share link.
        "shareable": not getattr(request, "share_link_view", False)
        and (base is None or base.is_public)
        and page.live,
        **review_context(page, request),
    }


def adaptation_context(page, request):
    """« Adapter dans ma base » on a published resource whose licence allows it; otherwise the
    licence's reason and whom to ask (see ressources.adaptation)."""
    from . import adaptation

    if not page.pk or not page.live or getattr(request, "share_link_view", False):
        return {"adapt_url": None, "adapt_refusal": None}
    refusal = adaptation.refusal(page)
    return {
        "adapt_url": None if refusal else page.url + page.reverse_subpage("adapt"),
        "adapt_refusal": refusal,
        "adapt_contact": adaptation.permission_contact(page) if refusal else "",
    }


def review_context(page, request):
    """The avis box of a resource page: the figures, and the person's form (see
    ressources.reviews)."""
    from . import reviews
    from .community_forms import ReviewForm
    from .models import ResourceReview

    user = request_user(request)
    if not page.pk:
        return {}
    own = None
    if user.is_authenticated:
        own = ResourceReview.objects.filter(resource=page, author=user).first()
    can_review = reviews.can_review(user, page) and not getattr(request, "share_link_view", False)
    initial = {"usefulness": own.usefulness, "comment": own.comment} if own else None
    figures = reviews.figures(page)
    return {
        "reviews_enabled": page.base.reviews_enabled,
        "summary": reviews.shaped(figures),
        "review_count": figures["count"],
        "can_review": can_review,
        "own_review": own,
        "form": ReviewForm(initial=initial) if can_review else None,
    }


def contribution_context(page, request):
    """Versions, contribution actions and following, as the resource page shows them.

    An archived version (see ressources.views.versions) is rendered with the same template and
    gets `shown_version`; actions always apply to the current version."""
    from . import authoring, contribution
    from .models import ChangeProposal, ProposalStatus

    user = request_user(request)
    if not page.pk:
        return {"current_version": None, "can_edit": False, "can_propose": False}
    credits, people = contribution.contributors(page)
    context = {
        "current_version": page.current_version,
        "can_edit": contribution.can_edit(user, page),
        "can_propose": contribution.can_propose(user, page),
        "can_review": contribution.can_review(user, page),
        # The base's members also edit every block, the licence and credits (ressources.authoring).
        "full_editor_url": (
            reverse("publish_edit", args=[page.pk]) if authoring.can_work_on(user, page) else None
        ),
        "contributor_people": people,
        "pending_proposals": [],
        "my_proposals": [],
    }
    pending = ChangeProposal.objects.filter(resource_id=page.pk, status=ProposalStatus.PENDING)
    if context["can_review"]:
        context["pending_proposals"] = list(pending.select_related("proposer"))
    if user.is_authenticated:
        context["my_proposals"] = list(pending.filter(proposer=user))
    return context


def collection_context(page, request):
    user = request_user(request)
    items = list(page.items.all())
    ids = [item.resource_id for item in items]
    resources = {
        resource.pk: resource
        for resource in attach_bases(
            resource_cards(visible_resources(user, grants=grants_for(request)).filter(pk__in=ids))
        )
    }
    collection_items = [
        {"resource": resources[item.resource_id], "note": item.note}
        for item in items
        if item.resource_id in resources
    ]
    base = base_of(page)
    return {
        "base": base,
        "collection_items": collection_items,
        "shareable": not getattr(request, "share_link_view", False)
        and (base is None or base.is_public)
        and getattr(page, "visibility", "public") == "public"
        and page.live,
    }


def base_page_context(page, request):
    from .authoring import can_add_resource

    user = request_user(request)
    # Share links only matter on a private base (and reading them touches the session).
    grants = None if page.is_public else grants_for(request)
    active_tab = selected_tab(request.GET)

    # The page is served only to whoever may read the base, hence all its live resources: the
    # stored count and filter choices of the base hold for every reader (ressources.counts),
    # and the visibility rule need not be checked again on each of its (15,000) rows.
    in_base = ResourcePage.objects.filter(children_of(page))
    reads_all = page.live and (page.user_can_view(user) or (grants and page.pk in grants.base_ids))
    resources = in_base.live() if reads_all else visible_resources(user, in_base, grants)
    stored = BaseCounts.objects.filter(base=page).values_list("resources", "version").first()
    resource_total, version = stored or (None, None)
    form = ResourceFilterForm.from_query(
        request.GET,
        resources=resources,
        used_terms=base_used_term_ids(page, version) if stored else None,
    )
    filtered = any(form.data.get(param) for param in ResourceFilterForm.TAXONOMY)
    if resource_total is None:
        resource_total = resources.count()
    resources_page = paginate(
        form.apply(resource_cards(resources)),
        request.GET.get("page"),
        count=None if filtered else resource_total,
        # Every reader of the base reads the same list: its ids in order, kept until the
        # base's content changes (BaseCounts.version), serve every page and filter's count.
        ids_key=f"base-resources:{page.pk}:{version}:{sorted(form.params.items())}"
        if stored and reads_all
        else None,
    )
    for resource in resources_page.object_list:
        resource.owning_base = page

    # Driven by the collections' ids (a few per base), not by the base's thousands of pages.
    collections = visible_collections(
        user,
        ResourceCollectionPage.objects.filter(
            children_of(page), pk__in=ResourceCollectionPage.objects.order_by().values("pk")
        ),
        grants,
    )
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
        "can_publish_here": user is not None and can_add_resource(user, page),
    }
