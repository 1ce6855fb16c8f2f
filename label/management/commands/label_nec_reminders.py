"""Daily upkeep of the labels NEC: reminders before the end, expiry after it.

The operator schedules it once a day (README, « Label NEC »). For each label in force it sends
the reminders of LABEL_NEC_REMINDER_DAYS (e.g. 90 and 30 days before `valid_until`), each once
(`reminders_sent`), and moves every label whose last valid day has passed to « expirée »
through label.workflow (history, audit log, notification, search re-index). Running it twice,
or after an interruption, does nothing more: every step is recorded as it is done.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from label import workflow
from label.criteria import Status
from label.models import LabelRequest


class Command(BaseCommand):
    help = (
        "Envoie les rappels avant la fin des labels NEC et fait expirer ceux dont la validité "
        "est terminée. À lancer chaque jour ; peut être relancée sans effet de bord."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Jour à considérer comme aujourd'hui (AAAA-MM-JJ), pour rattraper un retard.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Affiche ce qui serait fait, sans rien faire."
        )

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(
                    f"Date invalide « {options['date']} » : attendu AAAA-MM-JJ."
                ) from error
        dry_run = options["dry_run"]
        days = sorted(settings.LABEL_NEC_REMINDER_DAYS)  # the closest reminder first
        horizon = today + datetime.timedelta(days=max(days, default=0))
        labels = list(
            LabelRequest.objects.filter(status=Status.LABELLED, valid_until__isnull=False)
            .filter(Q(valid_until__lt=today) | Q(valid_until__lte=horizon))
            .select_related("resource")
            .order_by("valid_until", "pk")
        )
        total = len(labels)
        expired = reminded = 0
        for index, label_request in enumerate(labels, start=1):
            prefix = f"[{index}/{total}] {label_request}"
            if label_request.valid_until < today:
                if not dry_run:
                    workflow.expire(label_request)
                expired += 1
                self.stdout.write(
                    f"{prefix} : expiré (fin le {label_request.valid_until:%d/%m/%Y})"
                )
                continue
            left = (label_request.valid_until - today).days
            filed = label_request.renewals.exclude(status__in=[Status.DRAFT, Status.REFUSED])
            if filed.exists():
                self.stdout.write(f"{prefix} : renouvellement déposé, pas de rappel")
                continue
            due = [d for d in days if left <= d and d not in label_request.reminder_days_sent]
            if not due:
                self.stdout.write(f"{prefix} : rien à faire ({left} jours restants)")
                continue
            sent = dry_run or workflow.remind(label_request, due[0])
            if sent:
                reminded += 1
            self.stdout.write(f"{prefix} : rappel J-{due[0]} {'envoyé' if sent else 'déjà envoyé'}")
        done = ("expireraient", "rappels à envoyer") if dry_run else ("expirés", "rappels envoyés")
        self.stdout.write(
            self.style.SUCCESS(
                f"Labels NEC au {today:%d/%m/%Y} : {total} examinés, {expired} {done[0]}, "
                f"{reminded} {done[1]}."
            )
        )
