from django.urls import path

from . import views
from .stats_urls import urlpatterns as stats_urlpatterns

app_name = "label"

urlpatterns = [
    path("", views.index, name="index"),
    path("demander/", views.start, name="start"),
    path("mes-demandes/", views.my_requests, name="mine"),
    path("demandes/<int:pk>/", views.detail, name="detail"),
    path("demandes/<int:pk>/etape-<int:number>/", views.step, name="step"),
    path("demandes/<int:pk>/renouveler/", views.renew, name="renew"),
    path("demandes/<int:pk>/pieces/<int:file_pk>/", views.evidence, name="evidence"),
]

# The public registry and the tracking (label/stats_urls.py).
urlpatterns += stats_urlpatterns
