"""Re-sync the Wagtail groups of every base with its members and its organisation's admins."""

import time

from django.core.management.base import BaseCommand

from base.models import BASE_DEPTH, BasePage
from base.permissions import sync_base


class Command(BaseCommand):
    help = (
        "Recalcule les droits Wagtail de chaque base (groupes, permissions sur ses pages et son "
        "dossier de médias, membres et administrateurs de son organisation). Chaque base est "
        "traitée dans sa propre transaction : une exécution interrompue se relance sans risque."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="start", type=int, default=1, help="Reprendre à la base n° (1 = toutes)."
        )

    def handle(self, *args, start, **options):
        started = time.monotonic()
        bases = list(BasePage.objects.filter(depth=BASE_DEPTH).order_by("path"))
        total = len(bases)
        for index, base in enumerate(bases, start=1):
            if index < start:
                continue
            sync_base(base)
            if options["verbosity"] > 0:
                self.stdout.write(f"[{index}/{total}] Droits de la base « {base.title} »… à jour")
        if options["verbosity"] > 0:
            elapsed = f"{time.monotonic() - started:.1f}".replace(".", ",")
            self.stdout.write(
                self.style.SUCCESS(f"{total} base(s) synchronisée(s) en {elapsed} s.")
            )
