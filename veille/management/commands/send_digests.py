"""Send the weekly digest of « Mon fil » to the people who asked for it.

Scheduled by the operator (cron, each Monday morning; see README). It covers the last complete
week (Monday to Sunday, site time zone). Each person's week is recorded before the e-mail
leaves (User.digest_last_week, claimed by a conditional UPDATE), so that rerunning the
command, or running it twice at once, never sends a week twice; an interrupted run is resumed
by running it again. E-mails are sent here, synchronously, over one SMTP connection: the
command is already the background job, and its report must say what was really sent.
"""

from datetime import datetime, time

from django.core.mail import get_connection
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from veille import digest as veille

STATUS_LABELS = {
    "sent": "envoyé",
    "empty": "rien de nouveau, pas d'e-mail",
    "already_sent": "déjà envoyé pour cette semaine",
    "would_send": "serait envoyé (essai)",
}


def since_date(value):
    try:
        day = datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as error:
        raise CommandError(
            f"--since attend une date au format AAAA-MM-JJ, par exemple 2026-11-23 (reçu « {value} »)."
        ) from error
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


class Command(BaseCommand):
    help = (
        "Envoie le résumé hebdomadaire de « Mon fil » (semaine complète précédente) aux "
        "personnes qui l'ont demandé. Peut être relancée : personne ne reçoit deux fois la même "
        "semaine."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="N'envoie rien et n'enregistre rien : dit seulement qui recevrait quoi.",
        )
        parser.add_argument(
            "--since",
            metavar="AAAA-MM-JJ",
            help=(
                "Début de la période résumée (par défaut le lundi de la semaine précédente), "
                "par exemple pour rattraper une semaine sans envoi. La semaine enregistrée reste "
                "la semaine précédente."
            ),
        )

    def handle(self, *args, **options):
        week = veille.last_complete_week()
        since = since_date(options["since"]) if options["since"] else week.start
        if since >= week.end:
            raise CommandError("--since doit précéder la fin de la semaine résumée.")
        dry_run = options["dry_run"]
        verbose = options["verbosity"] > 0
        recipients = list(veille.digest_recipients())
        total = len(recipients)
        if verbose:
            self.stdout.write(
                f"Résumé de la semaine {week.label} (depuis le {since:%d/%m/%Y}) : "
                f"{total} personne{'s' if total != 1 else ''} abonnée{'s' if total != 1 else ''}"
                + (" — essai, rien n'est envoyé." if dry_run else ".")
            )
        counts = dict.fromkeys(STATUS_LABELS, 0)
        connection = None if dry_run else get_connection()
        if connection is not None:
            try:
                connection.open()  # one connection for every e-mail of the run
            except OSError as error:
                raise CommandError(
                    f"Le serveur d'e-mail ne répond pas ({error}) : rien n'a été envoyé. "
                    "Relancez la commande quand il sera joignable."
                ) from error
        try:
            for index, user in enumerate(recipients, start=1):
                try:
                    status, items = veille.send_digest(
                        user, week, since=since, dry_run=dry_run, connection=connection
                    )
                except Exception as error:  # noqa: BLE001 — one bad address must not stop the rest
                    counts.setdefault("failed", 0)
                    counts["failed"] += 1
                    self.stderr.write(f"{index}/{total} {user.username} : échec ({error}).")
                    continue
                counts[status] += 1
                if verbose:
                    detail = f", {items} nouveauté{'s' if items != 1 else ''}" if items else ""
                    self.stdout.write(
                        f"{index}/{total} {user.username} : {STATUS_LABELS[status]}{detail}"
                    )
        except KeyboardInterrupt as interrupt:
            raise CommandError(
                "Envoi interrompu : les résumés déjà partis sont enregistrés. Relancez "
                "« manage.py send_digests » pour envoyer les autres."
            ) from interrupt
        finally:
            if connection is not None:
                connection.close()
        if verbose:
            summary = ", ".join(
                f"{label} : {counts[key]}" for key, label in STATUS_LABELS.items() if counts[key]
            )
            if counts.get("failed"):
                summary += f", échecs : {counts['failed']} (relancez la commande)"
            self.stdout.write(self.style.SUCCESS(f"Terminé. {summary or 'Personne à prévenir.'}"))
