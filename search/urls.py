"""The search page and the header search's suggestions (/rechercher/)."""

from django.urls import path

from search import duplicates_views, views

urlpatterns = [
    path("rechercher/", views.search, name="search"),
    path("rechercher/suggestions/", views.suggest, name="search_suggest"),
    path("rechercher/doublons/", duplicates_views.similar, name="search_similar"),
]
