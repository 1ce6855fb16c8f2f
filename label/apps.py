from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabelConfig(AppConfig):
    """The label NEC: its own bounded context (requests, review, registry, tracking)."""

    name = "label"
    verbose_name = _("Label NEC")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import index_signals  # noqa: F401  (the label index follows the requests)
