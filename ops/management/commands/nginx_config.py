"""Print the nginx site of deploy/nginx/bases-communes.conf filled in from the settings."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

TEMPLATE = Path(settings.BASE_DIR) / "deploy" / "nginx" / "bases-communes.conf"


def render(app_address, certificate, certificate_key, https_listen="443", http_listen="80"):
    """The site file: the public address (BASE_URL), the folders and the internal media
    location come from the settings, so nginx and Django cannot disagree."""
    accel = (getattr(settings, "SENDFILE_URL", "") or "").rstrip("/")
    if not accel:
        raise CommandError(
            "MEDIA_ACCEL_REDIRECT n'est pas défini : sans lui, nginx ne peut pas envoyer les "
            "fichiers après la vérification de Django (par exemple /protected-media)."
        )
    base_url = settings.BASE_URL.rstrip("/")
    values = {
        "APP_ADDRESS": app_address,
        "SERVER_NAME": urlsplit(base_url).hostname,
        "BASE_URL": base_url,
        "HTTPS_LISTEN": str(https_listen),
        "HTTP_LISTEN": str(http_listen),
        "TLS_CERTIFICATE": str(certificate),
        "TLS_CERTIFICATE_KEY": str(certificate_key),
        "STATIC_ROOT": str(Path(settings.STATIC_ROOT).resolve()),
        "MEDIA_ROOT": str(Path(settings.MEDIA_ROOT).resolve()),
        "MEDIA_ACCEL_REDIRECT": accel,
    }
    text = TEMPLATE.read_text()
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


class Command(BaseCommand):
    help = (
        "Écrit la configuration nginx du site (deploy/nginx/bases-communes.conf) remplie "
        "d'après les réglages : adresse publique, dossiers, emplacement interne des médias."
    )

    def add_arguments(self, parser):
        parser.add_argument("--app", default="127.0.0.1:8000", help="adresse de gunicorn")
        parser.add_argument("--certificate", required=True, help="certificat TLS (chemin)")
        parser.add_argument("--certificate-key", required=True, help="clé du certificat")
        parser.add_argument("--https-listen", default="443")
        parser.add_argument("--http-listen", default="80")

    def handle(self, *args, **options):
        self.stdout.write(
            render(
                options["app"],
                options["certificate"],
                options["certificate_key"],
                options["https_listen"],
                options["http_listen"],
            ),
            ending="",
        )
