"""Models of the `ressources` app, one module per family (bakerydemo order within each)."""

from .collections import CollectionItem, ResourceCollectionPage
from .community import (
    PersonalCollection,
    PersonalCollectionItem,
    Report,
    ReportReason,
    ReportStatus,
    ResourceReview,
    Usefulness,
)
from .counts import BaseCounts
from .resources import (
    CreditKind,
    CreditRole,
    Language,
    RelatedResource,
    ResourceCredit,
    ResourcePage,
    ResourceTag,
)
from .taxonomy import Licence, LicenceKind, Term, Vocabulary
from .versions import (
    ChangeProposal,
    ProposalStatus,
    ResourceVersion,
    protect_unless_resource_deleted,
)

__all__ = [
    "BaseCounts",
    "ChangeProposal",
    "CollectionItem",
    "CreditKind",
    "CreditRole",
    "Language",
    "Licence",
    "LicenceKind",
    "PersonalCollection",
    "PersonalCollectionItem",
    "ProposalStatus",
    "RelatedResource",
    "Report",
    "ReportReason",
    "ReportStatus",
    "ResourceCollectionPage",
    "ResourceCredit",
    "ResourceReview",
    "ResourcePage",
    "ResourceTag",
    "ResourceVersion",
    "Term",
    "Usefulness",
    "Vocabulary",
    "protect_unless_resource_deleted",
]
