"""`manage.py import_bases EXPORT.json --organisation SLUG [--base SLUG] [--dry-run]`: bring a
Hub's bases from La Base or Les Bases (formats and steps: legacy.sources, legacy.importer, and
the README)."""

from django.core.management.base import BaseCommand, CommandError

from legacy.importer import Importer, ImportRefused
from legacy.sources import ExportError, read_export
from organisations.models import Organisation
from ressources.models import Licence


class Command(BaseCommand):
    help = (
        "Importe les bases, ressources et collections d'un export de La Base ou des Bases, avec "
        "les logos et couvertures des bases, les avis, les suivis et les rubriques."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="Fichier JSON de l'export (voir le README).")
        parser.add_argument(
            "--organisation",
            required=True,
            help="Identifiant (slug) de l'organisation propriétaire des bases importées.",
        )
        parser.add_argument(
            "--base",
            help="Identifiant (slug) de la base où tout importer (créée si elle n'existe pas). "
            "Sans cette option, chaque base de l'export devient une base.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Simulation : montre ce qui serait importé et le rapport, sans rien écrire.",
        )
        parser.add_argument(
            "--sans-licence",
            metavar="SPDX",
            help="Licence à donner aux ressources « Pas de licence - Aucun droit réservé » des "
            "Bases (par exemple CC0-1.0), si leurs auteurs l'ont confirmée. Sans cette option, "
            "elles restent en brouillon.",
        )
        parser.add_argument(
            "--telecharger",
            action="store_true",
            help="Télécharger les fichiers que l'export ne contient pas depuis leur adresse "
            "d'origine (`link`).",
        )

    def handle(self, *args, **options):
        try:
            source = read_export(options["export"])
        except ExportError as error:
            raise CommandError(str(error)) from error
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(
                f"Aucune organisation « {options['organisation']} » : créez-la d'abord "
                "(Administration → Communauté → Organisations) ou vérifiez son identifiant."
            )
        no_licence = options["sans_licence"]
        if no_licence and not Licence.objects.filter(spdx_id=no_licence).exists():
            raise CommandError(f"Licence inconnue : « {no_licence} » (identifiant SPDX attendu).")
        importer = Importer(
            source,
            organisation,
            base_slug=options["base"],
            dry_run=options["dry_run"],
            no_licence=no_licence,
            download=options["telecharger"],
            out=self.stdout.write,
        )
        try:
            report = importer.run()
        except ImportRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write("")
        for line in report.lines():
            self.stdout.write(line)
        self.report = report
