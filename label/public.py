"""What the public may know of a dispositif's label: only decided labels, never a request.

A draft, a pending or a refused request reveals nothing outside the applicant and the reviewers;
the resource page's badge, the search facet and the registry read the label from here.
"""

from .criteria import Status

# Search facet values of a resource's label (search.documents, search.facets).
LABELLED = "labellise"
EXPIRED = "expire"
NONE = "aucun"


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
    """LABELLED, EXPIRED or NONE, the search document's `label`."""
    request = public_label(requests)
    if request is None:
        return NONE
    return LABELLED if request.status == Status.LABELLED else EXPIRED
