"""Site-wide addresses: public profiles, the read API, the sitemap and robots.txt."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap as sitemap_view

from . import views
from .api import api_router
from .sitemap import SITEMAPS, robots_txt

urlpatterns = [
    path("profils/<str:username>/", views.profile, name="profile"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_view, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
