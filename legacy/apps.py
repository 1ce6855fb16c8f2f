from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    """What Hubs bring in from the platforms this one replaces (La Base, Les Bases): the import
    of their bases and the permanent redirects from their old addresses."""

    name = "legacy"
    verbose_name = _("Import depuis La Base et Les Bases")
    default_auto_field = "django.db.models.BigAutoField"
