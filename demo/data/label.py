"""Demo data of the label NEC: a reviewer, and requests in every status with their history.

The dispositifs are real resources of the demo (base/demo/resources.py): the three mobiliers and
two lauréats of the AMI « Outiller la médiation numérique » (their names are fictional, as the
demo says), Mon Suivi Social (Hub NUMI), the Cartographie nationale, the Coop de la médiation
numérique, two communs of La Mednum. Their histories spread over 2023–2026 so that the tracking
figures (requests filed and decided per month, review times) have data. The requests, their
justifications and the reviewer are fictional.

`load(command)` is called by `manage.py load_demo` (step « Label NEC »). It is idempotent: a
request is looked up by its dispositif and applicant and skipped when present; each one is
created in one transaction, its moves made through label.workflow (backdated, without
notifications), so the history, the audit log and the search index are those of real use.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from label import workflow
from label.criteria import Criterion, SelfAssessment, Verdict
from label.models import CriterionAssessment, LabelRequest

REVIEWER = {
    "username": "instructeur.nec",
    "first_name": "Bastien",
    "last_name": "Lemaire",
    "job_title": "Instructeur du label NEC",
    "organisation": "anct",
    "password": "demo-membre-2026",
}

SECTION = "Label NEC, élément"
AMI = "ami-outiller-la-mediation-numerique"

# Justification of each criterion; {name} is the dispositif's short name.
JUSTIFICATIONS = {
    Criterion.ACCESSIBLE: (
        "{name} a fait l'objet d'un audit d'accessibilité (RGAA pour les éléments numériques, "
        "guide « Accessibilité des lieux recevant du public » pour les éléments physiques) ; "
        "les corrections sont suivies dans un plan d'action public."
    ),
    Criterion.DOCUMENTED: (
        "La documentation de {name} est publique : présentation, guide de prise en main, "
        "fiches d'usage et questions fréquentes, mises à jour à chaque version."
    ),
    Criterion.ETHICAL: (
        "{name} a été conçu avec des médiateurs et des personnes accompagnées (ateliers de "
        "co-conception) ; aucune donnée n'est collectée au-delà du nécessaire."
    ),
    Criterion.OPEN: (
        "Les éléments numériques de {name} (sources, plans, gabarits) sont publiés dans des "
        "formats ouverts, sous une licence de la liste de l'art. D323-2-1 du CRPA."
    ),
    Criterion.SECURE: (
        "Une analyse de risques a été menée pour {name} ; les mises à jour de sécurité sont "
        "suivies et une adresse de signalement des vulnérabilités est publiée."
    ),
    Criterion.SOBER: (
        "{name} réutilise des ressources existantes (matériel reconditionné, briques logicielles "
        "libres) et sert au-delà de l'inclusion numérique : bibliothèques, France Services, "
        "centres sociaux."
    ),
}

# Each request: the dispositif, who asks, what it is, and its moves (action, "YYYY-MM-DD HH:MM",
# comment). Actions: submit, start, complements, grant, refuse, expire, remind-<days>.
REQUESTS = [
    {
        "resource": f"{AMI}/mobilier-le-comptoir",
        "short": "Le Comptoir",
        "applicant": "claire.anct",
        "organisation": "anct",
        "applicant_type": "etablissement_public",
        "kind": "tangible",
        "licences": ["CC-BY-SA-4.0", "etalab-2.0"],
        "documentation": "https://design-ouvert.societenumerique.gouv.fr/decouvrir-les-mobiliers/",
        "events": [
            ("submit", "2024-03-11 10:00", ""),
            ("start", "2024-03-18 09:30", ""),
            (
                "complements",
                "2024-04-02 14:00",
                "Merci de publier les plans de fabrication (fichiers de découpe) sous une licence "
                "de la liste du CRPA et de joindre l'audit d'accessibilité du poste assis.",
            ),
            ("submit", "2024-04-22 16:15", ""),
            ("start", "2024-04-24 09:00", ""),
            (
                "grant",
                "2024-05-14 11:00",
                "Plans publiés sous Licence Ouverte 2.0 : les six critères sont satisfaits.",
            ),
        ],
    },
    {
        "resource": "hub-numi/mon-suivi-social",
        "short": "Mon Suivi Social",
        "applicant": "thomas.numi",
        "organisation": "hub-numi",
        "applicant_type": "association",
        "kind": "numerique",
        "licences": ["AGPL-3.0-or-later", "etalab-2.0"],
        "documentation": "https://mon-suivi-social.gouv.fr/",
        "events": [
            ("submit", "2025-03-03 10:00", ""),
            ("start", "2025-03-10 09:15", ""),
            ("grant", "2025-04-15 15:00", "Logiciel libre, documenté et hébergé en France."),
        ],
    },
    {
        "resource": "societe-numerique/cartographie-nationale-des-lieux-d-inclusion-numerique",
        "short": "La Cartographie nationale",
        "applicant": "claire.anct",
        "organisation": "anct",
        "applicant_type": "etablissement_public",
        "kind": "numerique",
        "licences": ["etalab-2.0", "ODbL-1.0"],
        "documentation": "https://cartographie.societenumerique.gouv.fr/",
        "events": [
            ("submit", "2023-10-02 10:00", ""),
            ("start", "2023-10-09 14:00", ""),
            ("grant", "2023-12-12 10:30", ""),
            ("remind-90", "2026-09-12 07:00", ""),
            ("remind-30", "2026-11-11 07:00", ""),
        ],
    },
    {
        "resource": "conseiller-numerique/la-coop-de-la-mediation-numerique",
        "short": "La Coop de la médiation numérique",
        "applicant": "claire.anct",
        "organisation": "anct",
        "applicant_type": "etablissement_public",
        "kind": "numerique",
        "licences": ["MIT", "etalab-2.0"],
        "documentation": "https://coop.conseiller-numerique.gouv.fr/a-propos",
        "events": [
            ("submit", "2025-09-08 11:00", ""),
            ("start", "2025-09-15 09:00", ""),
            ("grant", "2025-11-04 16:00", ""),
        ],
    },
    {
        "resource": f"{AMI}/mobilier-l-ilot",
        "short": "L'Îlot",
        "applicant": "claire.anct",
        "organisation": "anct",
        "applicant_type": "etablissement_public",
        "kind": "tangible",
        "licences": ["CC-BY-SA-4.0", "etalab-2.0"],
        "documentation": "https://design-ouvert.societenumerique.gouv.fr/decouvrir-les-mobiliers/",
        "events": [
            ("submit", "2023-04-03 10:00", ""),
            ("start", "2023-04-11 09:00", ""),
            ("grant", "2023-06-20 11:00", ""),
            ("remind-90", "2026-03-22 07:00", ""),
            ("remind-30", "2026-05-21 07:00", ""),
            ("expire", "2026-06-20 07:00", ""),
        ],
    },
    {
        "resource": f"{AMI}/mobilier-la-vigie",
        "short": "La Vigie",
        "applicant": "claire.anct",
        "organisation": "anct",
        "applicant_type": "etablissement_public",
        "kind": "tangible",
        "licences": ["etalab-2.0"],
        "documentation": "https://design-ouvert.societenumerique.gouv.fr/decouvrir-les-mobiliers/",
        "not_met": [Criterion.SECURE, Criterion.SOBER],
        "events": [
            ("submit", "2025-05-12 10:00", ""),
            ("start", "2025-05-19 09:30", ""),
            (
                "refuse",
                "2025-06-30 15:00",
                "Les critères « sécurisé » et « sobre » ne sont pas démontrés : la borne "
                "numérique intégrée n'a pas fait l'objet d'une analyse de risques, et aucune "
                "démarche d'écoconception (réemploi, matériel reconditionné) n'est documentée. "
                "Une nouvelle demande pourra être déposée une fois ces points traités.",
            ),
        ],
    },
    {
        "resource": f"{AMI}/parcours-clic-droits-laureat-fictif",
        "short": "Parcours Clic'Droits",
        "applicant": "claire.anct",
        "organisation": "anct",
        "applicant_type": "etablissement_public",
        "kind": "numerique",
        "licences": ["etalab-2.0", "EUPL-1.2"],
        "documentation": "https://exemple.anct.gouv.fr/clic-droits/documentation",
        "events": [
            ("submit", "2026-11-11 10:00", ""),
            ("start", "2026-11-18 09:00", ""),
        ],
    },
    {
        "resource": f"{AMI}/numeribus-des-vallees-laureat-fictif",
        "short": "Le Numéribus des vallées",
        "applicant": "claire.anct",
        "organisation": "anct",
        "applicant_type": "etablissement_public",
        "kind": "tangible",
        "licences": ["CC-BY-4.0", "etalab-2.0"],
        "documentation": "https://exemple.anct.gouv.fr/numeribus/documentation",
        "events": [
            ("submit", "2026-09-15 10:00", ""),
            ("start", "2026-09-22 09:00", ""),
            (
                "complements",
                "2026-10-06 14:30",
                "Merci de joindre la documentation publique du parcours itinérant (aménagement "
                "du véhicule, déroulé des permanences) et de préciser les mesures "
                "d'accessibilité du véhicule pour les personnes à mobilité réduite.",
            ),
        ],
    },
    {
        "resource": "la-mednum/schema-de-donnees-des-lieux-de-mediation-numerique",
        "short": "Le schéma de données des lieux de médiation numérique",
        "applicant": "julien.mednum",
        "organisation": "la-mednum",
        "applicant_type": "entreprise",
        "kind": "numerique",
        "licences": ["etalab-2.0"],
        "documentation": "https://schema.data.gouv.fr/LaMednum/standard-mediation-num/",
        "events": [("submit", "2026-11-24 17:00", "")],
    },
    {
        "resource": "la-mednum/indice-de-fragilite-numerique",
        "short": "L'Indice de Fragilité Numérique",
        "applicant": "julien.mednum",
        "organisation": "la-mednum",
        "applicant_type": "entreprise",
        "kind": "numerique",
        "licences": [],
        "documentation": "",
        "draft_criteria": [Criterion.ACCESSIBLE, Criterion.DOCUMENTED],
        "step": 3,
        "events": [],
    },
]


def ensure_reviewer(command):
    """The demo reviewer account, in « Instructeurs du label NEC »."""
    from accounts.models import User
    from demo.data.content import EMAIL_DOMAIN
    from organisations.models import Organisation

    user = User.objects.filter(username=REVIEWER["username"]).first()
    created = user is None
    if created:
        user = User.objects.create(
            username=REVIEWER["username"],
            first_name=REVIEWER["first_name"],
            last_name=REVIEWER["last_name"],
            job_title=REVIEWER["job_title"],
            email=f"{REVIEWER['username']}@{EMAIL_DOMAIN}",
            organisation=Organisation.objects.filter(slug=REVIEWER["organisation"]).first(),
            password=make_password(REVIEWER["password"]),
        )
    user.groups.add(Group.objects.get(name=workflow.REVIEWERS_GROUP))
    return user, created


def _assess(label_request, data):
    not_met = set(data.get("not_met", []))
    criteria = data.get("draft_criteria") or list(Criterion)
    decided = any(action in ("grant", "refuse") for action, _at, _c in data["events"])
    for criterion in criteria:
        CriterionAssessment.objects.create(
            request=label_request,
            criterion=criterion,
            self_assessment=SelfAssessment.PARTIAL
            if criterion in not_met
            else SelfAssessment.MEETS,
            justification=JUSTIFICATIONS[criterion].format(name=data["short"]),
            evidence_links=data["documentation"],
            verdict=(Verdict.NOT_MET if criterion in not_met else Verdict.MET) if decided else "",
        )


def _create(command, data, reviewer):
    from demo.data.content import EMAIL_DOMAIN
    from ressources.models import Licence

    applicant = command.people[data["applicant"]]
    label_request = LabelRequest.objects.create(
        applicant=applicant,
        organisation=command.organisations[data["organisation"]],
        applicant_type=data["applicant_type"],
        resource=command.find_resource(data["resource"]),
        dispositif_kind=data["kind"],
        documentation_url=data["documentation"],
        contact_name=applicant.display_name,
        contact_email=f"label-nec@{EMAIL_DOMAIN}",
        step=data.get("step", 5),
        is_demo=True,
    )
    label_request.licences.set(Licence.objects.filter(spdx_id__in=data["licences"]))
    _assess(label_request, data)
    first = data["events"][0][1] if data["events"] else "2026-11-27 10:00"
    created_at = command_moment(first, days_before=3)
    # The reference carries the year the request was opened.
    LabelRequest.objects.filter(pk=label_request.pk).update(
        created_at=created_at, reference=f"NEC-{created_at:%Y}-{label_request.pk:04d}"
    )
    label_request = LabelRequest.objects.get(pk=label_request.pk)
    for action, when, comment in data["events"]:
        at = command_moment(when)
        if action == "submit":
            label_request = workflow.submit(label_request, applicant, at=at, quiet=True)
        elif action == "start":
            label_request = workflow.start_review(label_request, reviewer, at=at, quiet=True)
        elif action == "complements":
            label_request = workflow.request_complements(
                label_request, reviewer, comment, at=at, quiet=True
            )
        elif action == "grant":
            label_request = workflow.grant(label_request, reviewer, comment, at=at, quiet=True)
        elif action == "refuse":
            label_request = workflow.refuse(label_request, reviewer, comment, at=at, quiet=True)
        elif action == "expire":
            label_request = workflow.expire(label_request, at=at, quiet=True)
        elif action.startswith("remind-"):
            workflow.remind(label_request, int(action.split("-")[1]), at=at, quiet=True)
    return label_request


def command_moment(value, days_before=0):
    """ "YYYY-MM-DD HH:MM" in the site's time zone (as load_demo's dates)."""
    at = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M")
    return at.replace(tzinfo=ZoneInfo(settings.TIME_ZONE)) - datetime.timedelta(days=days_before)


def load(command):
    """The « Label NEC » step of load_demo (progress through command.step)."""
    total = len(REQUESTS) + 1
    with command.item():
        reviewer, created = ensure_reviewer(command)
    command.step(SECTION, 1, total, reviewer.username, created)
    for index, data in enumerate(REQUESTS, start=2):
        resource = command.find_resource(data["resource"])
        applicant = command.people[data["applicant"]]
        existing = LabelRequest.objects.filter(resource=resource, applicant=applicant)
        created = not existing.exists() and resource is not None
        if created:
            with command.item():
                _create(command, data, reviewer)
        else:
            # A demo loaded before is_demo existed: its invented decisions get their mark.
            existing.filter(is_demo=False).update(is_demo=True)
        command.step(SECTION, index, total, data["short"], created)
