"""Demo data of base membership: an organisation admin, a pending invitation, a pending join
request (loaded by load_demo's `load_membership` step; people and bases come from content.py)."""

# (username, organisation slug): sarah.hub curates every base of the Hub du Sud.
ORGANISATION_ADMINS = [("sarah.hub", "hub-du-sud")]

# Invitations still waiting for an answer. The address has no account yet (fictional person).
INVITATIONS = [
    {
        "base": "hub-du-sud",
        "email": "lea.rousseau@demo.bases-communes.example",
        "role": "contributor",
        "invited_by": "sarah.hub",
    },
]

JOIN_REQUESTS = [
    {
        "base": "hub-du-sud",
        "user": "ines.cnfs",
        "message": (
            "Conseillère numérique à Bordeaux Métropole, j'anime des ateliers sur l'accès aux "
            "droits : je souhaite partager nos fiches et suivre celles du Hub."
        ),
    },
]
