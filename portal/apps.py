from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every process that changes content (the site, the task worker, manage.py commands)
        # must drop the cached pages, not only those that serve them.
        from . import page_cache  # noqa: F401
