"""The search page and the header search's suggestions (/rechercher/)."""

from django.urls import path

from search import views

urlpatterns = [
    path("rechercher/", views.search, name="search"),
    path("rechercher/suggestions/", views.suggest, name="search_suggest"),
]
