"""Caps on what people may file: proposals, reports, join requests, invitations.

Each of these writes a row *and* tells other people (an e-mail to a base's admins, to the
moderators, to an invited address): without a cap, one account — or a script behind it —
floods their inboxes in seconds. Every cap counts rows in the database (no cache to bypass),
either per person or per base (what many accounts together may pile up in one queue), over a
window or among those still pending. The limits are far above honest use; the refusal says,
in French, what to do.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)

# Proposals (ressources.contribution.propose).
PROPOSALS_PER_PERSON_PER_HOUR = 10
PENDING_PROPOSALS_PER_PERSON_AND_RESOURCE = 3
PENDING_PROPOSALS_PER_BASE = 100
# Reports (ressources.moderation.create_report): MAX_OPEN_REPORTS open per person, and these.
REPORTS_PER_PERSON_PER_DAY = 20
OPEN_REPORTS_PER_BASE = 50
# Join requests (base.membership.request_to_join).
PENDING_JOIN_REQUESTS_PER_PERSON = 10
JOIN_REQUESTS_PER_PERSON_PER_DAY = 20
PENDING_JOIN_REQUESTS_PER_BASE = 100
# Invitations (base.membership.invite), new ones (a resent invitation counts again).
INVITATIONS_PER_PERSON_PER_DAY = 50
PENDING_INVITATIONS_PER_BASE = 200


def reached(queryset, limit, *, within=None, field="created_at"):
    """Whether `queryset` (restricted to the last `within` on `field`) holds `limit` rows."""
    if within is not None:
        queryset = queryset.filter(**{f"{field}__gte": timezone.now() - within})
    return queryset.order_by()[:limit].count() >= limit


def lock_person(user):
    """Serialise one person's create actions, inside a transaction: a double click sends two
    posts at once; the second waits for the first to commit, then finds what it created
    (a no-op on SQLite, whose writes are serialised anyway)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
