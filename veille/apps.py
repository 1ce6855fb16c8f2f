from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VeilleConfig(AppConfig):
    name = "veille"
    verbose_name = _("Veille")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import follows  # noqa: F401  (dates the resources added to collections)
