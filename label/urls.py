"""The label NEC pages (/label-nec/): requests, the registry, the public tracking."""

from django.urls import path

from .views import registry as registry_views
from .views import requests as views
from .views import tracking as tracking_views

app_name = "label"

urlpatterns = [
    path("label-nec/", views.index, name="index"),
    # Requests (views.py): the applicant's steps, « Mes demandes », evidence files.
    path("label-nec/demander/", views.start, name="start"),
    path("label-nec/mes-demandes/", views.my_requests, name="mine"),
    path("label-nec/demandes/<int:pk>/", views.detail, name="detail"),
    path("label-nec/demandes/<int:pk>/etape-<int:number>/", views.step, name="step"),
    path("label-nec/demandes/<int:pk>/renouveler/", views.renew, name="renew"),
    path("label-nec/demandes/<int:pk>/pieces/<int:file_pk>/", views.evidence, name="evidence"),
    # The public registry and the public tracking.
    path("label-nec/dispositifs-labellises/", registry_views.registry, name="registry"),
    path(
        "label-nec/dispositifs-labellises/export.csv",
        registry_views.registry_csv,
        name="registry_csv",
    ),
    path(
        "label-nec/dispositifs-labellises/export.json",
        registry_views.registry_json,
        name="registry_json",
    ),
    path("label-nec/suivi/", tracking_views.tracking, name="tracking"),
]
