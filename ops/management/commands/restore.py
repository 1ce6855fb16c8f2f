"""`manage.py restore <dossier ou archive>` — put a backup back, on an empty machine.

Takes the most recent `bases-communes-*.tar` of a folder (or the archive named), then:
1. restores the database into the configured one, which must be empty (`--force` replaces
   its content); skipped if it already holds this backup (a restore run again resumes);
2. restores MEDIA_ROOT and LABEL_NEC_EVIDENCE_ROOT, checking every file's SHA-256 (files
   already in place are skipped);
3. checks the row count of every model against the manifest;
4. `migrate` (a backup of an older version), `createcachetable`, then re-checks and repairs
   the search index (`search_index check --repair`) and rebuilds the label index when
   Elasticsearch is configured.
Exits non-zero, with the reason in French, when anything is missing or wrong.
"""

import io

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ops import backups as archive
from search.management.commands.search_index import ProgressBar


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde (la plus récente du dossier, ou l'archive indiquée) : base "
        "de données, médias, pièces du label NEC, puis index de recherche et des labels."
    )
    # The database may not exist yet: nothing may touch it before the restore.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("source", help="Dossier des sauvegardes, ou une archive .tar.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Remplacer le contenu d'une base de données qui n'est pas vide.",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Sans barre de progression, le bilan seulement."
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        show = not options["quiet"] and self.verbosity > 0

        def progress(total):
            return ProgressBar(self.stdout, total, "Fichiers", enabled=show)

        try:
            path, tar = archive.open_archive(options["source"])
            with tar:
                manifest = archive.read_manifest(tar)
                self.say(f"Restauration de {path.name} : " + archive.manifest_summary(manifest))
                archive.check_migrations(manifest)
                self.step("1. Base de données")
                if archive.restore_database(tar, manifest, options["force"], say=self.say):
                    self.say("  Restaurée.")
                    self.step("Vérification des données")
                    differences = archive.differing_counts(manifest)
                    if differences:
                        lines = [
                            f"{label} : {expected} attendu(s), {found} trouvé(s)"
                            for label, (expected, found) in sorted(differences.items())
                        ]
                        raise CommandError(
                            "La base restaurée ne correspond pas au manifeste : "
                            + " ; ".join(lines)
                        )
                    self.say(f"  {len(manifest['counts'])} tables : nombre de lignes conforme.")
                self.step("2. Médias et pièces justificatives")
                written, skipped = archive.restore_files(
                    tar, manifest, progress=progress, say=self.say
                )
                self.say(f"  {written} fichier(s) restauré(s), {skipped} déjà en place.")
        except archive.BackupError as error:
            raise CommandError(str(error)) from error
        self.step("3. Migrations et table du cache")
        self.call("migrate", "--noinput")
        self.call("createcachetable")
        # Pages cached from the database replaced (portal.page_cache) must not outlive it.
        caches[settings.PAGE_CACHE_ALIAS].clear()
        self.step("4. Index de recherche")
        problems = []
        try:
            self.call("search_index", "check", "--repair", "--quiet", verbose=True)
        except CommandError as error:
            problems.append(str(error))
        self.step("5. Index des labels")
        from label.index import label_index

        if label_index() is None:
            self.say("  Elasticsearch n'est pas configuré : rien à faire.")
        else:
            try:
                self.call("label_index", "rebuild", "--quiet", verbose=True)
            except CommandError as error:
                problems.append(str(error))
        if problems:
            raise CommandError(
                "Données restaurées, mais : " + " ".join(problems) + " Relancez la commande "
                "indiquée quand le moteur est joignable."
            )
        self.say(self.style.SUCCESS(f"Restauration terminée : {path.name}."))

    def say(self, text):
        if self.verbosity > 0:
            self.stdout.write(text)

    def step(self, title):
        self.say(self.style.MIGRATE_HEADING(title))

    def call(self, *args, verbose=False):
        out = io.StringIO()
        call_command(*args, stdout=out, stderr=out, verbosity=1 if verbose else 0)
        if verbose:
            for line in out.getvalue().splitlines():
                self.say("  " + line)
