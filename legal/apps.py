from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    """The pages a State site must have (mentions légales, données personnelles, cookies,
    accessibility statement, conditions of use, plan du site), as pages staff can edit."""

    name = "legal"
    verbose_name = _("Pages légales")
    default_auto_field = "django.db.models.BigAutoField"
