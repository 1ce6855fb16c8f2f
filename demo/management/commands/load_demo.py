"""Load the demo content: organisations, people, bases, resources, collections, home page.

The content is data (demo/data/content.py and demo/data/resources.py); images and files are
drawn locally (demo/data/images.py, demo/data/documents.py), so the command needs no network.
The steps that create each kind of item are in demo/loader.py.

It is idempotent and resumable: every item is looked up by a stable key (organisation slug,
username, base slug, resource or collection slug under its base) and skipped when it exists;
each item is created in its own transaction, so an interruption never leaves half an item and
the next run completes what is missing.
"""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from base.models import BasesIndexPage
from demo.data import content
from demo.data.resources import RESOURCES
from demo.loader import TAXONOMY_FIELDS, DemoLoader
from ops.site import align_site_with_base_url
from portal.models import HomePage
from ressources.models import (
    Licence,
    Term,
)


class Command(DemoLoader, BaseCommand):
    help = (
        "Charge les données de démonstration (organisations, personnes, bases, ressources, "
        "collections, page d'accueil). Peut être relancée : rien n'est créé deux fois, et une "
        "exécution interrompue est complétée."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="N'affiche que le bilan, pas chaque élément."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        self.progress = not options["quiet"] and options["verbosity"] > 0
        self.counts = {}
        self.image_cache = {}
        self.hashes = {}

        self.check_setup()
        self.check_content()
        # The Site says where the site lives (BASE_URL): sitemap, API and full URLs follow it.
        align_site_with_base_url()

        try:
            self.load_organisations()
            self.load_people()
            self.load_profiles()
            self.load_bases()
            self.load_resources()
            self.load_collections()
            self.load_contributions()
            self.load_veille()
            self.load_label_requests()
            self.load_home_page()
            self.load_legal_pages()
            self.load_moderation()
            self.load_membership()
            self.load_share_links()
            self.load_email_addresses()
        except KeyboardInterrupt as interrupt:
            raise CommandError(
                "Chargement interrompu : l'élément en cours a été annulé, les précédents sont "
                "enregistrés. Relancez « manage.py load_demo » pour compléter."
            ) from interrupt

        self.rebuild_search_index(options)

        if options["verbosity"] > 0:
            self.summary(time.monotonic() - started)

    def rebuild_search_index(self, options):
        """The demo backdates its pages after publishing them, so the search index, which
        followed each publication, is rebuilt at the end with the final dates."""
        try:
            call_command(
                "search_index",
                "rebuild",
                quiet=not self.progress,
                verbosity=options["verbosity"],
                stdout=self.stdout._out,
                stderr=self.stderr._out,
            )
        except CommandError as error:
            self.stderr.write(
                f"Index de recherche : {error} Relancez « manage.py search_index rebuild »."
            )
        if not settings.ELASTICSEARCH_URL:
            return  # the label figures come from the database: no label index to fill
        try:
            call_command(
                "label_index",
                "rebuild",
                quiet=not self.progress,
                stdout=self.stdout._out,
                stderr=self.stderr._out,
            )
        except CommandError as error:
            self.stderr.write(
                f"Index du label NEC : {error}. Relancez « manage.py label_index rebuild »."
            )

    # Checks ---------------------------------------------------------------------------------

    def check_setup(self):
        self.home = HomePage.objects.first()
        self.index = BasesIndexPage.objects.first()
        if self.home is None or self.index is None or not Term.objects.exists():
            raise CommandError(
                "La page d'accueil, l'annuaire des bases ou la taxonomie manquent : lancez "
                "d'abord « manage.py migrate »."
            )
        self.terms = {
            (term.vocabulary, term.slug): term for term in Term.objects.filter(active=True)
        }
        self.licences = {licence.spdx_id: licence for licence in Licence.objects.all()}

    def check_content(self):
        """Catch a mistake in the demo data before writing anything."""
        errors = []
        organisations = {org["slug"] for org in content.ORGANISATIONS}
        people = {person["username"] for person in content.PEOPLE}
        bases = {base["slug"] for base in content.BASES}
        for base in content.BASES:
            if base["organisation"] not in organisations:
                errors.append(f"base {base['slug']} : organisation {base['organisation']} inconnue")
            errors += [
                f"base {base['slug']} : personne {username} inconnue"
                for username, _role in base["members"]
                if username not in people
            ]
        known = set()
        for item in RESOURCES:
            key = f"{item['base']}/{item['slug']}"
            if item["base"] not in bases:
                errors.append(f"{key} : base inconnue")
            if key in known:
                errors.append(f"{key} : en double")
            for field, vocabulary in TAXONOMY_FIELDS.items():
                errors += [
                    f"{key} : terme {slug} ({vocabulary}) inconnu ou retiré"
                    for slug in item.get(field, [])
                    if (vocabulary, slug) not in self.terms
                ]
            if item["licence"] not in self.licences:
                errors.append(f"{key} : licence {item['licence']} inconnue")
            for target in item.get("related", []) + [item.get("adapted_from")]:
                if target and target not in known:
                    errors.append(f"{key} : {target} doit être une ressource listée avant elle")
            if item.get("producer") and item["producer"] not in organisations:
                errors.append(f"{key} : organisation {item['producer']} inconnue")
            if item["author"] not in people:
                errors.append(f"{key} : personne {item['author']} inconnue")
            for credit in item["credits"]:
                if credit["organisation"] and credit["organisation"] not in organisations:
                    errors.append(f"{key} : organisation {credit['organisation']} inconnue")
                if credit.get("user") and credit["user"] not in people:
                    errors.append(f"{key} : personne {credit['user']} inconnue")
            known.add(key)
        collections = {f"{c['base']}/{c['slug']}" for c in content.COLLECTIONS}
        for collection in content.COLLECTIONS:
            errors += [
                f"collection {collection['slug']} : ressource {target} inconnue"
                for target, _note in collection["items"]
                if target not in known
            ]
        errors += [
            f"page d'accueil : base {slug} inconnue"
            for slug in content.HOME_PAGE["featured_bases"]
            if slug not in bases
        ]
        errors += [
            f"page d'accueil : collection {key} inconnue"
            for key in content.HOME_PAGE["featured_collections"]
            if key not in collections
        ]
        if errors:
            raise CommandError("Données de démonstration incohérentes :\n" + "\n".join(errors))

    # Output ---------------------------------------------------------------------------------

    def step(self, section, index, total, label, created, words=("créée", "déjà présente")):
        counts = self.counts.setdefault(section, [0, 0])
        counts[0 if created else 1] += 1
        if self.progress:
            state = self.style.SUCCESS(words[0]) if created else words[1]
            self.stdout.write(f"[{index}/{total}] {section} « {label} »… {state}")

    def summary(self, elapsed):
        self.stdout.write(self.style.MIGRATE_HEADING("Données de démonstration :"))
        for section, (created, present) in self.counts.items():
            if section == "Page d'accueil":
                state = "configurée" if created else "déjà configurée"
                self.stdout.write(f"  {section} : {state}")
            else:
                self.stdout.write(f"  {section}s : {created} créée(s), {present} déjà présente(s)")
        self.stdout.write(self.style.SUCCESS(f"Terminé en {elapsed:.1f} s.".replace(".", ",", 1)))

    # Items ----------------------------------------------------------------------------------
