"""The label NEC's fixed vocabulary: criteria, dispositif kinds, applicant types, statuses.

The wording of the criteria is the source's (004_1ede41c133bd73f1.txt:572-596, brief §2.9). The
source prints « ACCESSIBLE » twice; the second entry is the documentation criterion (brief §7),
modelled here as « documenté » with the source's definition kept verbatim.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Criterion(models.TextChoices):
    ACCESSIBLE = "accessible", _("Accessible")
    DOCUMENTED = "documente", _("Documenté")
    ETHICAL = "ethique", _("Éthique")
    OPEN = "ouvert", _("Ouvert")
    SECURE = "securise", _("Sécurisé")
    SOBER = "sobre", _("Sobre")


CRITERION_DEFINITIONS = {
    Criterion.ACCESSIBLE: _(
        "Avoir mis en oeuvre des mesures particulières pour assurer une réelle accessibilité du "
        "dispositif au bénéfice des personnes en situation de handicap."
    ),
    Criterion.DOCUMENTED: _(
        "Disposer d'une documentation publique complète permettant son appropriation par un "
        "utilisateur averti"
    ),
    Criterion.ETHICAL: _(
        "Avoir mis en oeuvre des mesures particulières pour assurer dans la conception du "
        "dispositif une démarche éthique et bénéficiant à l'utilisateur"
    ),
    Criterion.OPEN: _(
        "Avoir mis à disposition les éléments numériques du dispositif (logiciels, bases de "
        "données, plans, matériaux de conception, etc) par principe dans un format ouvert et sous "
        "licence Open Data (DD232-2-1 CRPA)"
    ),
    Criterion.SECURE: _(
        "Avoir mis en oeuvre des mesures particulières pour assurer une réelle prise en compte "
        "des enjeux de sécurité dans la conception et le déploiement du dispositif"
    ),
    Criterion.SOBER: _(
        "Reposer sur une démarche d'écoconception visant à réduire l'empreinte écologique du "
        "numérique en mettant l'accent sur une réutilisation optimale de ressources préexistantes "
        "et démontrant une opportunité d'usages au-delà du secteur de l'inclusion numérique."
    ),
}


class DispositifKind(models.TextChoices):
    DIGITAL = "numerique", _("Dispositif numérique (logiciel, référentiel, base de données…)")
    TANGIBLE = "tangible", _("Dispositif tangible ou physique (mobilier, jeu, kit pédagogique…)")
    METHODOLOGICAL = (
        "methodologique",
        _("Dispositif méthodologique et pédagogique (mise en réseau, expérimentation…)"),
    )


class ApplicantType(models.TextChoices):
    """Who may apply (004_1ede41c133bd73f1.txt:557-564)."""

    ASSOCIATION = "association", _("Association")
    PUBLIC_BODY = "etablissement_public", _("Établissement public")
    GIP = "gip", _("Groupement d'intérêt public (GIP)")
    CENTRAL_ADMINISTRATION = "administration_centrale", _("Administration centrale")
    LOCAL_AUTHORITY = "collectivite", _("Collectivité territoriale ou groupement")
    COMPANY = "entreprise", _("Entreprise")


# The organisation typology of the platform (base.OrganisationKind) → applicant type, to
# pre-fill the request; kinds absent here (Hubs, collectifs, coopératives…) choose by hand.
APPLICANT_TYPE_OF_ORGANISATION_KIND = {
    "association": ApplicantType.ASSOCIATION,
    "etablissement_public": ApplicantType.PUBLIC_BODY,
    "gip": ApplicantType.GIP,
    "administration_centrale": ApplicantType.CENTRAL_ADMINISTRATION,
    "collectivite": ApplicantType.LOCAL_AUTHORITY,
    "entreprise": ApplicantType.COMPANY,
}


class Status(models.TextChoices):
    DRAFT = "brouillon", _("Brouillon")
    SUBMITTED = "deposee", _("Déposée")
    IN_REVIEW = "en_instruction", _("En instruction")
    COMPLEMENTS = "complements_demandes", _("Compléments demandés")
    LABELLED = "labellisee", _("Labellisée")
    REFUSED = "refusee", _("Refusée")
    EXPIRED = "expiree", _("Expirée")


# The only legal transitions; every change of status goes through label.workflow, which checks
# this table (so neither the admin nor a forged request can skip a step).
TRANSITIONS = {
    Status.DRAFT: {Status.SUBMITTED},
    Status.SUBMITTED: {Status.IN_REVIEW},
    Status.IN_REVIEW: {Status.COMPLEMENTS, Status.LABELLED, Status.REFUSED},
    Status.COMPLEMENTS: {Status.SUBMITTED},
    Status.LABELLED: {Status.EXPIRED},
    Status.REFUSED: set(),
    Status.EXPIRED: set(),
}
# Statuses the public may see (registry, badge, public tracking figures by name).
DECIDED = {Status.LABELLED, Status.EXPIRED}
# The applicant may edit the request in these statuses.
EDITABLE = {Status.DRAFT, Status.COMPLEMENTS}


class SelfAssessment(models.TextChoices):
    MEETS = "repond", _("Répond au critère")
    PARTIAL = "partiellement", _("Répond partiellement")
    DOES_NOT_MEET = "ne_repond_pas", _("Ne répond pas au critère")


class Verdict(models.TextChoices):
    MET = "satisfait", _("Critère satisfait")
    NOT_MET = "non_satisfait", _("Critère non satisfait")
