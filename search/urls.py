"""The search page and the header search's suggestions, under /rechercher/."""

from django.urls import path

from . import feeds, views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggestions/", views.suggest, name="search_suggest"),
    path("atom/", feeds.search_feed, name="search_feed"),
]
