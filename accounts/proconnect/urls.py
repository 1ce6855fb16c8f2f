"""Included by allauth (build_provider_urlpatterns) under /compte/."""

from django.urls import path

from . import views

urlpatterns = [
    path("proconnect/connexion/", views.login, name="proconnect_login"),
    path("proconnect/retour/", views.callback, name="proconnect_callback"),
]
