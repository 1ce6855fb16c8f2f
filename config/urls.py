from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap as sitemap_view
from wagtail.documents import urls as wagtaildocs_urls

from base import media
from base.api import api_router
from base.sitemap import SITEMAPS, robots_txt
from base.urls import profile_urlpatterns
from ops.health import HealthView

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's own route, so that documents get the cache policy of their base.
    path("documents/<int:document_id>/<str:document_filename>", media.serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("rechercher/", include("search.urls")),
    path("compte/", include("base.urls")),
    path("label-nec/", include("label.urls")),
    # Personal collections: /compte/collections/ and /collections/<id>/<slug>/.
    path("", include("ressources.urls")),
    path("profils/", include(profile_urlpatterns)),
    # Private spaces: share links, read-only API, sitemap, media checked before serving
    path("partage/", include("base.sharing_urls")),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_view, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Operations: database, cache, storage, search engine (ops.health).
    path("sante/", HealthView.as_view(), name="health"),
    re_path(r"^media/(?P<path>.+)$", media.serve, name="media"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]

# While the database is down: a French 503 page with Retry-After (ops.views).
handler500 = "ops.views.server_error"
