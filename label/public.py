"""What the public may know of a dispositif's label: only decided labels, never a request.

A draft, a pending or a refused request reveals nothing outside the applicant and the reviewers;
the resource page's badge, the search facet and the registry read the label from here.
"""

from search.facets import EXPIRED, LABELLED, NONE

from .criteria import Status


def public_label(requests):
    """The request that speaks for the resource: its current label, else its latest expired one.

    `requests` are the resource's requests (a prefetched list or a queryset)."""
    decided = [r for r in requests if r.status in (Status.LABELLED, Status.EXPIRED)]
    labelled = [r for r in decided if r.status == Status.LABELLED]
    pool = labelled or decided
    if not pool:
        return None
    return max(pool, key=lambda r: (r.decided_at is not None, r.decided_at, r.pk))


def label_status(requests):
    """LABELLED, EXPIRED or NONE (the search app's label facet values), the search document's
    `label` (through the "search_label_statuses" hook, label/wagtail_hooks.py)."""
    request = public_label(requests)
    if request is None:
        return NONE
    return LABELLED if request.status == Status.LABELLED else EXPIRED
