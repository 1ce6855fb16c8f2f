"""Site-wide addresses: public profiles, the platform feedback form, the read API (its OpenAPI
description and documentation page), the sitemap and robots.txt."""

from django.urls import path

from . import views
from .api_endpoints import api_router
from .sitemap import robots_txt, sitemap_index, sitemap_pages

urlpatterns = [
    path("profils/<str:username>/", views.profile, name="profile"),
    path("statistiques/", views.platform_statistics, name="statistics"),
    path("statistiques/<slug:table>.csv", views.platform_statistics_csv, name="statistics_csv"),
    path("donner-mon-avis/", views.platform_feedback, name="platform_feedback"),
    path("donner-mon-avis/merci/", views.platform_feedback_sent, name="platform_feedback_sent"),
    path("api/v2/openapi.json", views.openapi_description, name="openapi"),
    path("api/v2/", api_router.urls),
    path("documentation-api/", views.api_documentation, name="api_documentation"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-pages-<int:number>.xml", sitemap_pages, name="sitemap_pages"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
