"""Label requests with known figures, shared by the registry, tracking and Elasticsearch tests.

Ten requests (A…J) in every status, their dates in Paris time, with edges on month boundaries
that only the Paris time zone gets right: C is first submitted on 1 February at 00:30 Paris
(31 January in UTC) and decided on 1 March at 00:30 Paris (28 February in UTC). The figures
they must give are spelled out below, worked out by hand, not computed by the code under test.
I's dispositif is a resource of a private base.
"""

import zoneinfo
from datetime import date, datetime

from label.criteria import Criterion, Status, Verdict
from label.models import LabelRequest, StatusChange
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    OrganisationFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.label_factories import LabelRequestFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
TODAY = date(2026, 12, 1)
ALL = [c.value for c in Criterion]


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


# name: status, first submission, decision, valid until, applicant type, kind, organisation
# (name, region, department) or None, criteria met (decided ones), private resource?
REQUESTS = {
    "A": (
        Status.LABELLED,
        paris(2026, 1, 10, 10, 0),
        paris(2026, 2, 9, 15, 0),
        date(2027, 2, 1),
        "association",
        "numerique",
        ("Association Alpha", "84", "69"),
        ALL,
        False,
    ),
    "B": (
        Status.LABELLED,
        paris(2026, 1, 31, 23, 30),
        paris(2026, 3, 12, 9, 0),
        date(2029, 3, 12),
        "collectivite",
        "tangible",
        ("=SOMME(A1:A2) Ville de Bêta", "11", "75"),
        [c for c in ALL if c != "sobre"],
        False,
    ),
    "C": (
        Status.REFUSED,
        paris(2026, 2, 1, 0, 30),
        paris(2026, 3, 1, 0, 30),
        None,
        "association",
        "methodologique",
        ("Association Gamma", "84", "38"),
        ["accessible", "documente"],
        False,
    ),
    "D": (
        Status.EXPIRED,
        paris(2025, 11, 3, 11, 0),
        paris(2025, 12, 23, 16, 0),
        date(2026, 11, 30),
        "entreprise",
        "numerique",
        ("@Entreprise Delta", "", ""),
        [c for c in ALL if c != "ethique"],
        False,
    ),
    "E": (
        Status.IN_REVIEW,
        paris(2026, 3, 15, 10, 0),
        None,
        None,
        "association",
        "numerique",
        ("Association Epsilon", "84", "69"),
        [],
        False,
    ),
    "F": (
        Status.COMPLEMENTS,
        paris(2026, 2, 20, 10, 0),
        None,
        None,
        "gip",
        "tangible",
        ("GIP Zêta", "11", "75"),
        [],
        False,
    ),
    "G": (Status.SUBMITTED, paris(2026, 4, 2, 10, 0), None, None, "", "numerique", None, [], False),
    "H": (
        Status.DRAFT,
        None,
        None,
        None,
        "association",
        "numerique",
        ("Association Êta", "84", "69"),
        [],
        False,
    ),
    "I": (
        Status.LABELLED,
        paris(2026, 3, 20, 10, 0),
        paris(2026, 4, 24, 10, 0),
        date(2026, 12, 15),
        "association",
        "numerique",
        ("Association Iota", "84", "69"),
        ALL,
        True,
    ),
    "J": (
        Status.REFUSED,
        paris(2026, 5, 4, 10, 0),
        paris(2026, 5, 24, 10, 0),
        None,
        "association",
        "tangible",
        ("Association Kappa", "93", "13"),
        ["accessible"],
        False,
    ),
}

# The path each status took (StatusChange rows), the last step at the decision.
PATHS = {
    Status.DRAFT: [],
    Status.SUBMITTED: [(Status.DRAFT, Status.SUBMITTED)],
    Status.IN_REVIEW: [(Status.DRAFT, Status.SUBMITTED), (Status.SUBMITTED, Status.IN_REVIEW)],
    Status.COMPLEMENTS: [
        (Status.DRAFT, Status.SUBMITTED),
        (Status.SUBMITTED, Status.IN_REVIEW),
        (Status.IN_REVIEW, Status.COMPLEMENTS),
    ],
    Status.LABELLED: [
        (Status.DRAFT, Status.SUBMITTED),
        (Status.SUBMITTED, Status.IN_REVIEW),
        (Status.IN_REVIEW, Status.LABELLED),
    ],
    Status.REFUSED: [
        (Status.DRAFT, Status.SUBMITTED),
        (Status.SUBMITTED, Status.IN_REVIEW),
        (Status.IN_REVIEW, Status.REFUSED),
    ],
    Status.EXPIRED: [
        (Status.DRAFT, Status.SUBMITTED),
        (Status.SUBMITTED, Status.IN_REVIEW),
        (Status.IN_REVIEW, Status.LABELLED),
        (Status.LABELLED, Status.EXPIRED),
    ],
}


def build_label_data():
    """Create the ten requests; returns {"A": request, …, "private_member": user}."""
    public_base = BasePageFactory(title="Base des dispositifs")
    private_base = BasePageFactory(title="Base privée du Hub", visibility="private")
    member = UserFactory()
    BaseMembershipFactory(base=private_base, user=member)
    made = {"private_member": member, "private_base": private_base}
    for name, (
        status,
        first,
        decided,
        valid,
        applicant,
        kind,
        org,
        met,
        private,
    ) in REQUESTS.items():
        organisation = None
        if org is not None:
            organisation = OrganisationFactory(
                name=org[0], region_code=org[1], department_code=org[2]
            )
        resource = ResourcePageFactory(
            parent=private_base if private else public_base,
            title=f"Dispositif secret {name}" if private else f"Dispositif {name}",
        )
        request = LabelRequestFactory(
            organisation=organisation,
            applicant_type=applicant,
            dispositif_kind=kind,
            resource=resource,
        )
        if decided is not None:
            for assessment in request.assessments.all():
                assessment.verdict = Verdict.MET if assessment.criterion in met else Verdict.NOT_MET
                assessment.save()
        for source, target in PATHS[status]:
            if target in (Status.LABELLED, Status.REFUSED):
                at = decided
            elif target == Status.EXPIRED:
                at = datetime.combine(valid, datetime.min.time(), tzinfo=PARIS)
            else:
                at = first
            StatusChange.objects.create(
                request=request, from_status=source, to_status=target, at=at
            )
        LabelRequest.objects.filter(pk=request.pk).update(
            status=status,
            first_submitted_at=first,
            submitted_at=first,
            decided_at=decided,
            valid_until=valid,
        )
        request.refresh_from_db()
        made[name] = request
    return made


# The figures, by hand ------------------------------------------------------------------------

EXPECTED_BY_STATUS = {
    "brouillon": 1,
    "deposee": 1,
    "en_instruction": 1,
    "complements_demandes": 1,
    "labellisee": 3,
    "refusee": 2,
    "expiree": 1,
}
EXPECTED_SUBMITTED_PER_MONTH = [
    ("2025-11", 1),  # D
    ("2025-12", 0),
    ("2026-01", 2),  # A, B (31 January 23:30 Paris)
    ("2026-02", 2),  # C (1 February 00:30 Paris), F
    ("2026-03", 2),  # E, I
    ("2026-04", 1),  # G
    ("2026-05", 1),  # J
]
EXPECTED_DECIDED_PER_MONTH = [
    ("2025-12", 1),  # D
    ("2026-01", 0),
    ("2026-02", 1),  # A
    ("2026-03", 2),  # B, C (1 March 00:30 Paris)
    ("2026-04", 1),  # I
    ("2026-05", 1),  # J
]
# A 30, B 40, C 28, D 50, I 35, J 20 days → 20 28 30 | 35 40 50 → (30 + 35) / 2
EXPECTED_REVIEW_DAYS = {20: 1, 28: 1, 30: 1, 35: 1, 40: 1, 50: 1}
EXPECTED_MEDIAN = 32.5
EXPECTED_DECIDED = 6
EXPECTED_CRITERIA_MET = {
    "accessible": 6,
    "documente": 5,
    "ethique": 3,
    "ouvert": 4,
    "securise": 4,
    "sobre": 3,
}
# (submitted, decided, obtained)
EXPECTED_SPLITS = {
    "applicant_type": {
        "": (1, 0, 0),
        "association": (5, 4, 2),
        "collectivite": (1, 1, 1),
        "entreprise": (1, 1, 1),
        "gip": (1, 0, 0),
    },
    "dispositif_kind": {
        "methodologique": (1, 1, 0),
        "numerique": (5, 3, 3),
        "tangible": (3, 2, 1),
    },
    "region": {"": (2, 1, 1), "11": (2, 1, 1), "84": (4, 3, 2), "93": (1, 1, 0)},
}
EXPECTED_EXPIRING = 2  # A (1 February 2027) and I (15 December 2026); B is far, D expired
