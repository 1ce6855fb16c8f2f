"""/sitemap.xml and /robots.txt: what search engines may index is what an anonymous visitor
may read — never a private base, a private collection, or a version sub-page."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap


class PublicSitemap(Sitemap):
    """Wagtail's sitemap (live pages without view restrictions) minus what only members read.

    Pages list their own URL only (`get_sitemap_urls`), so a resource's journal, versions and
    comparisons stay out."""

    def items(self):
        from portal.api import api_visible_pages

        return api_visible_pages(super().items(), AnonymousUser())


SITEMAPS = {"pages": PublicSitemap}


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /compte/",
        "Disallow: /partage/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
