"""Veille pages: « Mes notifications », « Mon fil » and the weekly digest under /compte/mon-fil/, and the Atom feed of a
search (/rechercher/atom/). The feeds and « Suivre » of bases and collections are sub-pages of
those pages (see veille/wagtail_hooks.py)."""

from django.urls import path

from . import search_feed
from .views import following as views
from .views import notifications

urlpatterns = [
    path("compte/notifications/", notifications.notifications, name="notifications"),
    path(
        "compte/notifications/tout-marquer-comme-lu/",
        notifications.mark_all_notifications_read,
        name="notifications_mark_all_read",
    ),
    path(
        "compte/notifications/<int:notification_id>/",
        notifications.mark_notification_read,
        name="notification_mark_read",
    ),
    # Veille: « Mon fil », follows, the weekly digest and its unsubscribe links.
    path("compte/mon-fil/", views.mon_fil, name="mon_fil"),
    path("compte/mon-fil/resume/", views.digest_preference, name="digest_preference"),
    path(
        "compte/mon-fil/suivis/<int:follow_id>/ne-plus-suivre/",
        views.unfollow,
        name="unfollow",
    ),
    path(
        "compte/mon-fil/desabonnement/<str:token>/",
        views.unsubscribe,
        name="digest_unsubscribe",
    ),
    path(
        "compte/mon-fil/desabonnement/<str:token>/un-clic/",
        views.unsubscribe_one_click,
        name="digest_unsubscribe_one_click",
    ),
    path("rechercher/atom/", search_feed.search_feed, name="search_feed"),
    # Following a tag, a theme or a person (topic pages and public profiles).
    path("mots-cles/<str:slug>/suivre/", views.follow_tag, name="follow_tag"),
    path("thematiques/<slug:slug>/suivre/", views.follow_theme, name="follow_theme"),
    path("profils/<str:username>/suivre/", views.follow_person, name="follow_person"),
]
