"""Models of the `base` app: bases and the directory, membership, share links."""

from .bases import (
    BASE_DEPTH,
    BaseContentMixin,
    BasePage,
    BasePermissionsMixin,
    BasesIndexPage,
    ContributionMode,
    Visibility,
    check_slug_is_not_a_route,
)
from .membership import (
    INVITATION_VALIDITY,
    LAST_ADMIN_MESSAGE,
    BaseMembership,
    Invitation,
    InvitationStatus,
    JoinRequest,
    JoinRequestStatus,
    LastAdminError,
    OrganisationMembership,
    OrganisationRole,
    Role,
    ensure_another_admin,
    hash_token,
)
from .sharing import ShareLink

__all__ = [
    "BASE_DEPTH",
    "INVITATION_VALIDITY",
    "LAST_ADMIN_MESSAGE",
    "BaseContentMixin",
    "BaseMembership",
    "BasePage",
    "BasePermissionsMixin",
    "BasesIndexPage",
    "ContributionMode",
    "Invitation",
    "InvitationStatus",
    "JoinRequest",
    "JoinRequestStatus",
    "LastAdminError",
    "OrganisationMembership",
    "OrganisationRole",
    "Role",
    "ShareLink",
    "Visibility",
    "check_slug_is_not_a_route",
    "ensure_another_admin",
    "hash_token",
]
