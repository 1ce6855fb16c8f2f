"""Recount the live resources of every base (ressources.counts).

The counts follow every publication, unpublication, move and deletion by themselves; this is for
content written around that lifecycle (a bulk import straight into the tables, a restored
database from before the counts existed)."""

from django.core.management.base import BaseCommand

from ressources.counts import refresh_all_counts
from ressources.models import BaseCounts


class Command(BaseCommand):
    help = (
        "Recompte les ressources publiées de chaque base (chiffres de l'annuaire et de l'accueil)."
    )

    def handle(self, *args, **options):
        refresh_all_counts()
        total = sum(BaseCounts.objects.values_list("resources", flat=True))
        self.stdout.write(
            f"{BaseCounts.objects.count()} bases recomptées, {total} ressources publiées."
        )
