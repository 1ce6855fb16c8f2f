from django.urls import path

from .health import HealthView

urlpatterns = [
    # Operations: database, cache, storage, search engine (ops.health).
    path("sante/", HealthView.as_view(), name="health"),
]
