"""The downloads cache must not be reachable by a URL: a pack built for a member of a private
base would be served to anyone who guessed its name."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def downloads_root_is_private(app_configs, **kwargs):
    root = Path(settings.REUSE_DOWNLOADS_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        served = getattr(settings, name, None)
        if served and root.is_relative_to(Path(served).resolve()):
            errors.append(
                Error(
                    f"REUSE_DOWNLOADS_ROOT ({root}) est dans {name} : les fichiers téléchargés "
                    "seraient servis sans vérifier qui peut les lire.",
                    hint="Choisissez un dossier hors de MEDIA_ROOT et de STATIC_ROOT.",
                    id="reuse.E001",
                )
            )
    return errors
