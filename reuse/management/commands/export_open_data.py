"""manage.py export_open_data: the nightly open-data dump (reuse.open_data)."""

from django.core.management.base import BaseCommand, CommandError

from search.management.commands.search_index import ProgressBar

from ... import open_data


class Command(BaseCommand):
    help = (
        "Écrit le jeu de données ouvertes des ressources publiques (CSV, JSON Lines et "
        "datapackage.json) et le publie sur /donnees-ouvertes/. Un export interrompu reprend "
        "là où il s'était arrêté ; le jeu publié n'est remplacé qu'une fois le nouveau complet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--restart",
            action="store_true",
            help="Repartir de zéro au lieu de reprendre un export interrompu.",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Sans barre de progression, le bilan seulement."
        )

    def handle(self, *args, **options):
        show = not options["quiet"] and options["verbosity"] > 0
        try:
            release, rows, resumed_from = open_data.export(
                restart=options["restart"],
                progress=lambda total: ProgressBar(self.stdout, total, "Ressources", enabled=show),
            )
        except open_data.AlreadyRunning as error:
            raise CommandError(
                "Un export des données ouvertes est déjà en cours : attendez qu'il se termine."
            ) from error
        if options["verbosity"] > 0:
            if resumed_from:
                self.stdout.write(
                    f"Reprise d'un export interrompu après {resumed_from} ressources."
                )
            self.stdout.write(
                self.style.SUCCESS(f"{rows} ressources publiques exportées dans {release}.")
            )
