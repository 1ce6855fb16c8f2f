"""/label-nec/… (namespace "label")."""

from .stats_urls import urlpatterns as stats_urlpatterns

app_name = "label"

urlpatterns = [*stats_urlpatterns]
