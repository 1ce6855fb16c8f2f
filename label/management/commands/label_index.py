"""`manage.py label_index rebuild | update | status` — the label index (Elasticsearch) by hand.

- rebuild: fills a new index `<alias>-<timestamp>` with every request, then swaps the alias to
  it (the figures keep being served from the old one meanwhile); re-running it is always safe.
- update: re-indexes every request into the live index, by batches in the order of their ids,
  and drops the documents of deleted requests; after an interruption, `--from-id N` resumes at
  the batch it names (each batch prints the last id done).
- status: the alias, its index and how many documents it holds, against the database.
"""

from django.core.management.base import BaseCommand, CommandError

from label.index import CHUNK_SIZE, label_index, requests_queryset
from label.models import LabelRequest
from search.engines.base import EngineUnavailable
from search.management.commands.search_index import ProgressBar


class Command(BaseCommand):
    help = (
        "Index des labels (Elasticsearch) : « rebuild » le reconstruit et bascule l'alias, "
        "« update » réindexe chaque demande, « status » affiche son état."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=("rebuild", "update", "status"))
        parser.add_argument(
            "--from-id",
            type=int,
            default=0,
            help="Avec « update » : reprendre à partir de cette demande (identifiant).",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Sans barre de progression, le bilan seulement."
        )

    def handle(self, *args, **options):
        index = label_index()
        if index is None:
            raise CommandError("Elasticsearch n'est pas configuré : définissez ELASTICSEARCH_URL.")
        self.show_progress = not options["quiet"] and options["verbosity"] > 0
        try:
            getattr(self, f"run_{options['action']}")(index, options)
        except EngineUnavailable as error:
            raise CommandError(f"Index des labels injoignable : {error}") from error

    def progress(self, total, label):
        return ProgressBar(self.stdout, total, label, enabled=self.show_progress)

    def run_rebuild(self, index, options):
        requests = requests_queryset()
        total = requests.count()
        bar = self.progress(total, "Demandes indexées")
        name = index.rebuild(requests.iterator(chunk_size=CHUNK_SIZE), progress=bar)
        bar.finish(total)
        self.stdout.write(
            self.style.SUCCESS(f"Index {name} : {total} demande(s), alias {index.alias} basculé.")
        )

    def run_update(self, index, options):
        requests = requests_queryset().filter(pk__gte=options["from_id"])
        total = requests.count()
        bar = self.progress(total, "Demandes réindexées")
        done, batch = 0, []
        for request in requests.iterator(chunk_size=CHUNK_SIZE):
            batch.append(request)
            if len(batch) == CHUNK_SIZE:
                done = self.send(index, batch, done, bar)
                batch = []
        done = self.send(index, batch, done, bar)
        bar.finish(done)
        gone = index.indexed_ids() - set(LabelRequest.objects.values_list("pk", flat=True))
        index.delete(gone)
        self.stdout.write(
            self.style.SUCCESS(
                f"{done} demande(s) réindexée(s), {len(gone)} document(s) retiré(s)."
            )
        )

    def send(self, index, batch, done, bar):
        if not batch:
            return done
        try:
            index.upsert(batch)
        except EngineUnavailable as error:
            raise CommandError(
                f"Interrompu : {error}. Reprenez avec --from-id {batch[0].pk}."
            ) from error
        done += len(batch)
        bar(done)
        return done

    def run_status(self, index, options):
        status = index.status()
        in_database = LabelRequest.objects.count()
        self.stdout.write(f"Serveur : {status['url']}")
        self.stdout.write(f"Alias : {status['alias']}")
        self.stdout.write(f"Index : {status['index'] or 'aucun (lancez « label_index rebuild »)'}")
        if status["documents"] is not None:
            self.stdout.write(
                f"Documents : {status['documents']} (demandes en base : {in_database})"
            )
            if status["documents"] != in_database:
                self.stdout.write(
                    self.style.WARNING("L'index n'est pas à jour : lancez « label_index update ».")
                )
