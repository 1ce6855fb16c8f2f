"""Every app's `urls.py` lists its full public addresses; they are all included at the root,
before Wagtail's pages (which catch every other address)."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from base import media

# One door: the admins' log-in pages send to the site's « Se connecter » (and back, with `next`).
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login_redirect",
    ),
    # …and the admin's « Se déconnecter » is the site's (which also ends a ProConnect session).
    path(
        "admin/logout/",
        RedirectView.as_view(pattern_name="account_logout"),
        name="wagtailadmin_logout_redirect",
    ),
    path("django-admin/", admin.site.urls),
    # Admin screens filtered by the private-base rule, at Wagtail's own addresses (first match).
    path("", include("base.admin_urls")),
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
    path("", include("reuse.urls")),
    path("", include("legacy.urls")),
    path("", include("portal.urls")),
    path("", include("ops.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]

# While the database is down: a French 503 page with Retry-After (ops.views).
handler500 = "ops.views.server_error"
