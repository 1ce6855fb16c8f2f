"""The search page, the header search's suggestions and the duplicate warnings (/rechercher/)."""

from django.urls import path

from .views import duplicates as duplicates_views
from .views import search as views

urlpatterns = [
    path("rechercher/", views.search, name="search"),
    path("rechercher/suggestions/", views.suggest, name="search_suggest"),
    path("rechercher/doublons/", duplicates_views.similar, name="search_similar"),
]
