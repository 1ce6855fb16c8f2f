"""`manage.py backup <dossier>` — the database, the media and the label evidence, in one archive.

Writes `<dossier>/bases-communes-AAAAMMJJ-HHMMSS.tar` (see ops.backups for what it holds and
why). `--keep N` then deletes all but the N most recent archives of the folder. Exits non-zero
on failure, with a message in French; an interrupted run leaves only a `.partial` file.
"""

from django.core.management.base import BaseCommand, CommandError

from ops import backups as archive
from search.management.commands.search_index import ProgressBar


class Command(BaseCommand):
    help = (
        "Sauvegarde la base de données, les médias et les pièces du label NEC dans une archive "
        "du dossier indiqué (avec un manifeste)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Dossier où écrire l'archive.")
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="Ne garder que les N sauvegardes les plus récentes du dossier.",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Sans barre de progression, le bilan seulement."
        )

    def handle(self, *args, **options):
        show = not options["quiet"] and options["verbosity"] > 0

        def say(text):
            if options["verbosity"] > 0:
                self.stdout.write(text)

        def progress(total):
            return ProgressBar(self.stdout, total, "Fichiers", enabled=show)

        if options["keep"] < 0:
            raise CommandError("--keep attend un nombre positif.")
        try:
            path, manifest = archive.backup(
                options["directory"], progress=progress, say=say, keep=options["keep"]
            )
        except archive.BackupError as error:
            raise CommandError(str(error)) from error
        size = f"{path.stat().st_size / 1024 / 1024:.1f}".replace(".", ",")
        say(
            self.style.SUCCESS(
                f"Sauvegarde écrite : {path} ({size} Mo) — {archive.manifest_summary(manifest)}."
            )
        )
