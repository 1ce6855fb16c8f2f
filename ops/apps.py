from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site: static files storage, health checks, database-down page, the Site
    aligned with BASE_URL, deployment checks (README « Running in production »)."""

    name = "ops"
    verbose_name = "Exploitation"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_migrate

        from .site import align_site_after_migrate

        post_migrate.connect(align_site_after_migrate, dispatch_uid="ops.align_site")

        if getattr(settings, "SITE_FROM_BASE_URL", False):
            from .site import use_base_url_scheme

            use_base_url_scheme()
