"""`manage.py legal_pages` — create the legal pages that are missing (after `migrate`).

Mentions légales, données personnelles, gestion des cookies, déclaration d'accessibilité,
conditions d'utilisation and the plan du site, under the home page, with their first text
(legal/content.py). Pages that exist are never touched: staff edit them in the admin."""

from django.core.management.base import BaseCommand

from legal.seed import ensure_legal_pages


class Command(BaseCommand):
    help = "Crée les pages légales manquantes (mentions légales, données personnelles, …)."

    def handle(self, *args, **options):
        created = ensure_legal_pages()
        if created:
            self.stdout.write(self.style.SUCCESS("Pages créées : " + ", ".join(created) + "."))
        else:
            self.stdout.write("Les pages légales existent déjà : rien à faire.")
        self.stdout.write(
            "Complétez dans l'administration les passages marqués « [À compléter par "
            "l'opérateur : …] »."
        )
