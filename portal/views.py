"""Public profiles (/profils/<username>/): a person's bases and resources, as the reader may see
them — a page across accounts, bases and resources, hence here."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import render

from base.listing import paginate, visible_bases
from ressources.listing import attach_bases, resource_cards, visible_resources
from ressources.models import ResourceCredit, ResourceVersion

from .listing import base_cards

User = get_user_model()
PROFILE_RESOURCES_PER_PAGE = 12


def profile(request, username):
    person = User.objects.filter(
        username=username, is_active=True, deleted_at__isnull=True
    ).select_related("organisation")
    person = person.first()
    if person is None:
        raise Http404
    viewer = request.user
    bases = base_cards(
        visible_bases(viewer).filter(memberships__user=person).order_by("title").distinct()
    )
    resource_ids = set(
        ResourceCredit.objects.filter(user=person).values_list("resource_id", flat=True)
    ) | set(ResourceVersion.objects.filter(user=person).values_list("resource_id", flat=True))
    resources = resource_cards(
        visible_resources(viewer).filter(pk__in=resource_ids).order_by("-last_published_at")
    )
    page_obj = paginate(resources, request.GET.get("page"), per_page=PROFILE_RESOURCES_PER_PAGE)
    page_obj.object_list = attach_bases(page_obj.object_list)
    memberships = {
        m.base_id: m for m in person.base_memberships.filter(base__in=[b.pk for b in bases])
    }
    bases = list(bases)
    for base in bases:
        base.person_membership = memberships.get(base.pk)
    return render(
        request,
        "portal/profile.html",
        {
            "person": person,
            "bases": bases,
            "page_obj": page_obj,
            "params": {},
            "is_self": viewer.is_authenticated and viewer.pk == person.pk,
        },
    )
