"""For which organisations a person may file a label request, and whether that tie is verified.

A person files in the name of an organisation they administer (`OrganisationMembership`) or
that owns a base they are a member of: both ties were granted by someone else, so the request
shows as verified. The organisation of their profile is only declared by them: they may still
file for it, but reviewers see the tie as « non vérifié ». Any other organisation is refused.
"""

from base.models import BaseMembership, BasePage, OrganisationMembership
from organisations.models import Organisation


def verified_organisation_ids(user):
    if user is None or not user.is_authenticated:
        return set()
    administered = OrganisationMembership.objects.filter(user=user).values_list(
        "organisation_id", flat=True
    )
    of_bases = BasePage.objects.filter(
        pk__in=BaseMembership.objects.filter(user=user).values("base_id"),
        organisation__isnull=False,
    ).values_list("organisation_id", flat=True)
    return set(administered) | set(of_bases)


def organisations_for(user, current=None):
    """The organisations `user` may name in a request (every one for platform admins), plus
    `current` (the one already chosen, kept even if the tie was lost since)."""
    if user.is_superuser:
        return Organisation.objects.order_by("name")
    ids = verified_organisation_ids(user)
    if user.organisation_id:
        ids.add(user.organisation_id)
    if current is not None:
        ids.add(current)
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def is_verified(label_request):
    """Whether the applicant's tie to the request's organisation was granted by someone else."""
    if label_request.organisation_id is None or label_request.applicant is None:
        return False
    if label_request.applicant.is_superuser:
        return True
    return label_request.organisation_id in verified_organisation_ids(label_request.applicant)
