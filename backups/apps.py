from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """`manage.py backup` and `manage.py restore`: the database, the media and the label
    evidence in one archive, restored together (no models of its own)."""

    name = "backups"
    verbose_name = _("Sauvegardes")
