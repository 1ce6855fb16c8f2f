"""`manage.py search_index rebuild | update | check | status` — the search index by hand.

- rebuild: rebuilds the whole index from the published pages (on Elasticsearch, a new index
  filled then swapped under the alias, so searches keep working); re-running it is always safe.
- update: sends the pending index updates (those stored while an engine was unreachable).
- check: compares the index with the published pages: missing, stale and extra documents;
  `--repair` (or `--fix`) corrects them. Exits non-zero when problems remain.
- status: per engine, what the engine reports and the state of its pending queue.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Page

from search import engines as search_engines
from search import lifecycle
from search.engines.base import EngineUnavailable

ACTIONS = ("rebuild", "update", "check", "status")
ENGINES = ("database", "elasticsearch", "all")
SHOWN_TITLES = 5


class ProgressBar:
    """`[#####     ] 1234/5678 (22 %)`: redrawn in place on a terminal, one line per tenth
    otherwise (logs, CI)."""

    def __init__(self, out, total, label="", width=30, tty=None, enabled=True):
        self.out = out
        self.total = max(int(total or 0), 0)
        self.label = label
        self.width = width
        self.enabled = enabled
        self.tty = _isatty(out) if tty is None else tty
        self.done = 0
        self.last_draw = 0.0
        self.last_tenth = -1
        self.last_printed = None
        self.finished = False

    def line(self, done):
        ratio = min(done / self.total, 1.0) if self.total else 1.0
        filled = round(ratio * self.width)
        bar = "#" * filled + " " * (self.width - filled)
        prefix = f"{self.label} " if self.label else ""
        return f"{prefix}[{bar}] {done}/{self.total} ({int(ratio * 100)} %)"

    def __call__(self, done):
        self.done = done
        if not self.enabled:
            return
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw >= 0.1 or done >= self.total:
                self.last_draw = now
                self.out.write("\r" + self.line(done), ending="")
                self.out.flush()
        else:
            tenth = int(min(done / self.total, 1.0) * 10) if self.total else 10
            if tenth > self.last_tenth:
                self.last_tenth = tenth
                self.print(done)

    def print(self, done):
        self.last_printed = done
        self.out.write(self.line(done))

    def finish(self, done=None):
        """Draw the final state (`done`, default the last one reported) and end the line."""
        if self.finished:
            return
        self.finished = True
        if done is not None:
            self.done = done
        if not self.enabled:
            return
        if self.tty:
            self.out.write("\r" + self.line(self.done))
        elif self.last_printed != self.done:
            self.print(self.done)


def _isatty(out):
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def age(moment):
    seconds = max(int((timezone.now() - moment).total_seconds()), 0)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    return f"{seconds // 86400} j {seconds % 86400 // 3600} h"


class Command(BaseCommand):
    help = (
        "Index de recherche : « rebuild » reconstruit tout l'index, « update » envoie les mises "
        "à jour en attente, « check » compare l'index aux pages publiées (--repair corrige), "
        "« status » affiche l'état de chaque moteur."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=ACTIONS, help="rebuild, update, check ou status")
        parser.add_argument(
            "--engine",
            choices=ENGINES,
            default="all",
            help="Moteur concerné : database, elasticsearch ou all (tous les moteurs configurés, "
            "par défaut).",
        )
        parser.add_argument(
            "--repair",
            "--fix",
            action="store_true",
            dest="repair",
            help="Avec « check » : indexe les documents manquants ou périmés, supprime ceux en trop.",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Sans barre de progression, le bilan seulement."
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.show_progress = not options["quiet"] and self.verbosity > 0
        engines = self.engines(options["engine"])
        problems = getattr(self, f"run_{options['action']}")(engines, options)
        if problems:
            raise CommandError(problems)

    def say(self, text, style=None):
        if self.verbosity > 0:
            self.stdout.write(style(text) if style else text)

    def engines(self, choice):
        configured = search_engines.configured_engines()
        if choice == "all":
            return configured
        engines = [engine for engine in configured if engine.name == choice]
        if not engines:
            raise CommandError(
                "Elasticsearch n'est pas configuré : définissez ELASTICSEARCH_URL."
                if choice == "elasticsearch"
                else f"Moteur inconnu : {choice}."
            )
        return engines

    def progress(self, total, label):
        return ProgressBar(self.stdout, total, label, enabled=self.show_progress)

    # rebuild --------------------------------------------------------------------------------

    def run_rebuild(self, engines, options):
        failed = []
        for engine in engines:
            self.say(f"Reconstruction de l'index « {engine.name} »…", self.style.MIGRATE_HEADING)
            total = lifecycle.count_searchable()
            bar = self.progress(total, engine.name)
            try:
                total, seconds = lifecycle.rebuild(engine, bar, total=total)
            except EngineUnavailable as error:
                bar.finish()
                failed.append(engine.name)
                self.say(f"  Moteur injoignable : {error}", self.style.ERROR)
                continue
            bar.finish(total)
            self.say(
                f"  {total} document(s) indexé(s) en {seconds:.1f} s.".replace(".", ",", 1),
                self.style.SUCCESS,
            )
        if failed:
            return "Reconstruction impossible pour : " + ", ".join(failed) + "."
        return ""

    # update ---------------------------------------------------------------------------------

    def run_update(self, engines, options):
        failed = []
        for engine in engines:
            pending = lifecycle.queue_status(engine.name)["pending"]
            self.say(
                f"Mises à jour en attente pour « {engine.name} » : {pending}",
                self.style.MIGRATE_HEADING,
            )
            if not pending:
                continue
            bar = self.progress(pending, engine.name)
            report = lifecycle.drain(engine, progress=bar)[engine.name]
            bar.finish()
            if report["error"]:
                failed.append(engine.name)
                self.say(
                    f"  {report['sent']} envoyée(s), {report['pending']} toujours en attente : "
                    f"{report['error']}",
                    self.style.ERROR,
                )
            else:
                self.say(f"  {report['sent']} envoyée(s).", self.style.SUCCESS)
        if failed:
            return "Des mises à jour restent en attente pour : " + ", ".join(failed) + "."
        return ""

    # check ----------------------------------------------------------------------------------

    def run_check(self, engines, options):
        problems = []
        for engine in engines:
            self.say(f"Vérification de l'index « {engine.name} »…", self.style.MIGRATE_HEADING)
            try:
                difference = lifecycle.compare(engine)
            except EngineUnavailable as error:
                self.say(f"  Moteur injoignable : {error}", self.style.ERROR)
                problems.append(f"{engine.name} injoignable")
                continue
            count = self.report_difference(difference)
            if not count:
                self.say("  L'index est à jour.", self.style.SUCCESS)
                continue
            if not options["repair"]:
                problems.append(f"{engine.name} : {count} document(s) à corriger")
                continue
            try:
                upserted, deleted = lifecycle.repair(engine, difference)
                remaining = lifecycle.compare(engine)
            except EngineUnavailable as error:
                self.say(f"  Moteur injoignable : {error}", self.style.ERROR)
                problems.append(f"{engine.name} injoignable")
                continue
            self.say(
                f"  Réparé : {upserted} document(s) indexé(s), {deleted} supprimé(s).",
                self.style.SUCCESS,
            )
            left = sum(len(remaining[key]) for key in ("missing", "stale", "extra"))
            if left:
                self.say(f"  {left} document(s) toujours incorrect(s).", self.style.ERROR)
                problems.append(f"{engine.name} : {left} document(s) toujours incorrect(s)")
        if problems:
            hint = "" if options["repair"] else " Relancez avec --repair pour corriger."
            return "Index incohérent (" + " ; ".join(problems) + ")." + hint
        return ""

    def report_difference(self, difference):
        documents = difference["documents"]
        extra_titles = dict(
            Page.objects.filter(pk__in=difference["extra"][:SHOWN_TITLES]).values_list(
                "pk", "title"
            )
        )
        labels = {
            "missing": "Manquants",
            "stale": "Périmés",
            "extra": "En trop",
        }
        self.say(f"  Documents attendus : {len(documents)}")
        for key, label in labels.items():
            ids = difference[key]
            line = f"  {label} : {len(ids)}"
            if ids:
                titles = []
                for pk in ids[:SHOWN_TITLES]:
                    if pk in documents:
                        titles.append(f"« {documents[pk]['title']} »")
                    elif pk in extra_titles:
                        titles.append(f"« {extra_titles[pk]} »")
                    else:
                        titles.append(f"page n° {pk} (supprimée)")
                line += " — " + ", ".join(titles) + ("…" if len(ids) > SHOWN_TITLES else "")
            self.say(line, self.style.WARNING if ids else None)
        return sum(len(difference[key]) for key in labels)

    # status ---------------------------------------------------------------------------------

    def run_status(self, engines, options):
        unreachable = []
        for engine in engines:
            self.say(f"Moteur « {engine.name} »", self.style.MIGRATE_HEADING)
            try:
                for key, value in engine.status().items():
                    self.say(f"  {key} : {value}")
            except EngineUnavailable as error:
                unreachable.append(engine.name)
                self.say(f"  Injoignable : {error}", self.style.ERROR)
            queue = lifecycle.queue_status(engine.name)
            self.say(f"  Mises à jour en attente : {queue['pending']}")
            if queue["oldest"] is not None:
                local = timezone.localtime(queue["oldest"]).strftime("%d/%m/%Y %H:%M")
                self.say(f"  Plus ancienne : il y a {age(queue['oldest'])} ({local})")
            if queue["last_error"]:
                self.say(
                    f"  Dernière erreur ({queue['attempts']} tentative(s)) : {queue['last_error']}",
                    self.style.WARNING,
                )
        if unreachable:
            return "Moteur injoignable : " + ", ".join(unreachable) + "."
        return ""
