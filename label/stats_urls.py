"""Routes of the public registry and the public tracking (included by label/urls.py)."""

from django.urls import path

from . import registry_views, tracking_views

urlpatterns = [
    path("dispositifs-labellises/", registry_views.registry, name="registry"),
    path("dispositifs-labellises/export.csv", registry_views.registry_csv, name="registry_csv"),
    path("dispositifs-labellises/export.json", registry_views.registry_json, name="registry_json"),
    path("suivi/", tracking_views.tracking, name="tracking"),
]
