"""BASE_URL is where the site lives; the Wagtail Site (whose root URL the sitemap, the API's
`html_url` and every `full_url` use) must say the same."""

from urllib.parse import urlsplit

from django.conf import settings


def base_url_parts(base_url=None):
    """(scheme, hostname, port) of BASE_URL, the port made explicit."""
    parts = urlsplit(base_url or settings.BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.scheme, parts.hostname, port


def align_site_with_base_url(base_url=None):
    """Give the default Site the host and port of BASE_URL; returns the Site (None if none)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return None
    _, hostname, port = base_url_parts(base_url)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def align_site_after_migrate(sender, using="default", verbosity=1, **kwargs):
    """After `migrate` in production (SITE_FROM_BASE_URL), the Site follows BASE_URL. The
    database cache's table is made first: saving a Site clears Wagtail's cached root paths."""
    if sender.label == "wagtailcore" and getattr(settings, "SITE_FROM_BASE_URL", False):
        from django.core.management import call_command

        call_command("createcachetable", database=using, verbosity=0)
        align_site_with_base_url()


def use_base_url_scheme():
    """Wagtail writes `http://host:port` for any port but 443 (`Site.root_url`): the Site that
    BASE_URL describes takes BASE_URL's scheme (https on another port, e.g. behind a proxy
    on 8443). Installed in production only (SITE_FROM_BASE_URL)."""
    from wagtail.models import Site

    wagtail_root_url = Site.root_url.fget

    def root_url(site):
        scheme, hostname, port = base_url_parts()
        if (site.hostname, site.port) == (hostname, port):
            default_port = {"http": 80, "https": 443}.get(scheme)
            return f"{scheme}://{hostname}" + ("" if port == default_port else f":{port}")
        return wagtail_root_url(site)

    Site.root_url = property(root_url)
