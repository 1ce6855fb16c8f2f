from django.urls import path

from . import registry_views, tracking_views, views

app_name = "label"

urlpatterns = [
    path("", views.index, name="index"),
    # Requests (views.py): the applicant's steps, « Mes demandes », evidence files.
    path("demander/", views.start, name="start"),
    path("mes-demandes/", views.my_requests, name="mine"),
    path("demandes/<int:pk>/", views.detail, name="detail"),
    path("demandes/<int:pk>/etape-<int:number>/", views.step, name="step"),
    path("demandes/<int:pk>/renouveler/", views.renew, name="renew"),
    path("demandes/<int:pk>/pieces/<int:file_pk>/", views.evidence, name="evidence"),
    # The public registry and the public tracking.
    path("dispositifs-labellises/", registry_views.registry, name="registry"),
    path("dispositifs-labellises/export.csv", registry_views.registry_csv, name="registry_csv"),
    path("dispositifs-labellises/export.json", registry_views.registry_json, name="registry_json"),
    path("suivi/", tracking_views.tracking, name="tracking"),
]
