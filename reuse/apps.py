from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReuseConfig(AppConfig):
    """What people take out of the commons: downloads (PDF, Markdown, zip packs), exports of a
    base, a collection or a search (CSV, JSON) and the nightly open-data dump."""

    name = "reuse"
    verbose_name = _("Réutilisation et données ouvertes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401
