"""Demo data of moderation and personal collections (step `load_moderation` of load_demo).

A platform moderator (`modo.plateforme`), two open reports (« obsolète », « doublon ») and a
dismissed one, « Mes favoris » and a public collection for `medi.contrib`. Every item is looked
up by a stable key and skipped when present, like the other steps.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import Group

from accounts.models import User
from demo.data import content
from ressources.models import (
    PersonalCollection,
    PersonalCollectionItem,
    Report,
    ReportReason,
    ReportStatus,
)

SECTION = "Interaction"  # load_demo's summary: « Interactions : n créée(s) »

MODERATOR = {
    "username": "modo.plateforme",
    "first_name": "Louise",
    "last_name": "Bertin",
    "job_title": "Modératrice de la plateforme",
}

# (resource key, reporter, reason, comment, original resource key for a duplicate, status,
#  reported on, resolved on)
REPORTS = [
    (
        "labo-societe-numerique/illectronisme-insee-2021",
        "julien.mednum",
        ReportReason.OBSOLETE,
        "Les chiffres datent de 2021. Il faudrait au moins indiquer en tête de la ressource "
        "l'année des données, ou renvoyer vers une édition plus récente si elle existe.",
        "",
        ReportStatus.OPEN,
        "2026-11-24 10:15",
        None,
    ),
    (
        "conseillers-numeriques-ressources-partagees/observatoire-2024-synthese-en-12-chiffres",
        "ines.cnfs",
        ReportReason.DUPLICATE,
        "Cette synthèse reprend l'Observatoire 2024 de La Mednum, déjà publié dans sa base : "
        "un renvoi vers l'original éviterait deux versions qui divergent.",
        "la-mednum/observatoire-de-l-inclusion-numerique-2024",
        ReportStatus.OPEN,
        "2026-11-27 16:40",
        None,
    ),
    (
        "hub-du-sud/fiche-pratique-faire-une-procuration-en-ligne",
        "lucas.coord",
        ReportReason.ERRORS,
        "Il me semble que l'étape de validation au commissariat n'est plus nécessaire.",
        "",
        ReportStatus.DISMISSED,
        "2026-11-03 09:05",
        "2026-11-05 14:30",
    ),
]
DISMISSAL_NOTE = (
    "Vérification faite avec le Hub du Sud : la fiche décrit la démarche en vigueur à la date "
    "de sa dernière mise à jour."
)

COLLECTOR = "medi.contrib"
FAVORITES = [
    "conseillers-numeriques-ressources-partagees/fiche-atelier-creer-son-adresse-e-mail-et-un-mot-de-passe-solide",
    "conseillers-numeriques-ressources-partagees/fiche-atelier-reperer-les-arnaques-par-sms-et-e-mail",
    "conseiller-numerique/kit-d-intervention-rapide",
]
PUBLIC_COLLECTION = {
    "title": "Premiers ateliers numériques",
    "description": (
        "Ce que j'utilise pour les premiers rendez-vous en France Services : diagnostic, "
        "boîte mail, arnaques, et où orienter ensuite."
    ),
    "items": [
        "conseiller-numerique/abc-diag-et-abc-pix",
        "conseillers-numeriques-ressources-partagees/fiche-atelier-creer-son-adresse-e-mail-et-un-mot-de-passe-solide",
        "conseillers-numeriques-ressources-partagees/fiche-atelier-reperer-les-arnaques-par-sms-et-e-mail",
        "la-mednum/solidarite-numerique",
    ],
}


def load(command):
    """Run from load_demo (`command` gives item(), step(), find_resource() and people)."""
    total = 1 + len(REPORTS) + 2
    moderator = _moderator(command, total)
    for index, data in enumerate(REPORTS, 2):
        key, username, reason, comment, original, status, reported, resolved = data
        resource = command.find_resource(key)
        reporter = command.people[username]
        exists = Report.objects.filter(resource=resource, reporter=reporter, reason=reason).exists()
        if not exists:
            with command.item():
                duplicate_of = ""
                if original:
                    duplicate_of = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (
                        command.find_resource(original).url
                    )
                report = Report.objects.create(
                    resource=resource,
                    reporter=reporter,
                    reason=reason,
                    comment=comment,
                    duplicate_of=duplicate_of,
                    status=status,
                )
                dates = {"created_at": _moment(reported)}
                if resolved:
                    dates.update(
                        resolved_by=moderator,
                        resolved_at=_moment(resolved),
                        resolution_note=DISMISSAL_NOTE,
                    )
                Report.objects.filter(pk=report.pk).update(**dates)
        command.step(SECTION, index, total, f"signalement « {resource.title} »", not exists)
    _collections(command, total)


def _moment(value):
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def _moderator(command, total):
    username = MODERATOR["username"]
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        with command.item():
            user = User(
                **MODERATOR,
                email=f"louise.bertin@{content.EMAIL_DOMAIN}",
                password=command.password_hash(content.MEMBER_PASSWORD),
            )
            user.save()
            user.groups.add(Group.objects.get(name="Modérateurs"))
    command.people[username] = user
    command.step(SECTION, 1, total, username, created)
    return user


def _fill(collection, keys, command):
    for order, key in enumerate(keys):
        PersonalCollectionItem.objects.get_or_create(
            collection=collection,
            resource=command.find_resource(key),
            defaults={"sort_order": order},
        )


def _collections(command, total):
    owner = command.people[COLLECTOR]
    favorites = PersonalCollection.objects.filter(owner=owner, is_favorites=True).first()
    created = favorites is None
    if created:
        with command.item():
            favorites = PersonalCollection.objects.create(
                owner=owner, title="Mes favoris", is_favorites=True
            )
            _fill(favorites, FAVORITES, command)
    command.step(SECTION, total - 1, total, f"Mes favoris de {COLLECTOR}", created)

    data = PUBLIC_COLLECTION
    exists = PersonalCollection.objects.filter(owner=owner, title=data["title"]).exists()
    if not exists:
        with command.item():
            collection = PersonalCollection.objects.create(
                owner=owner,
                title=data["title"],
                description=data["description"],
                visibility="public",
            )
            _fill(collection, data["items"], command)
    command.step(SECTION, total, total, data["title"], not exists)
