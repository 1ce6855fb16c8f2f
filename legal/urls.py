"""Included by config/urls.py before accounts.urls: the first address of the conditions of use
(/compte/conditions-d-utilisation/, linked from sign-up and from e-mails already sent) now
leads to the page staff edit."""

from django.urls import path

from . import views

urlpatterns = [
    path("compte/conditions-d-utilisation/", views.terms),
]
