from django.apps import AppConfig


class ProConnectConfig(AppConfig):
    """An app of its own so that allauth's provider registry finds `provider.py`."""

    name = "accounts.proconnect"
    label = "proconnect"
    verbose_name = "ProConnect"
