"""The search page and the header search's suggestions, under /rechercher/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggestions/", views.suggest, name="search_suggest"),
]
