"""Every app's `urls.py` lists its full public addresses; they are all included at the root,
before Wagtail's pages (which catch every other address)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from base import media

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's own route, so that documents get the cache policy of their base.
    path("documents/<int:document_id>/<str:document_filename>", media.serve_document),
    path("documents/", include(wagtaildocs_urls)),
    re_path(r"^media/(?P<path>.+)$", media.serve, name="media"),
    path("", include("legal.urls")),  # before accounts: the conditions of use moved
    path("", include("accounts.urls")),
    path("", include("base.urls")),
    path("", include("ressources.urls")),
    path("", include("search.urls")),
    path("", include("veille.urls")),
    path("", include("label.urls")),
    path("", include("portal.urls")),
    path("", include("ops.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]

# While the database is down: a French 503 page with Retry-After (ops.views).
handler500 = "ops.views.server_error"
