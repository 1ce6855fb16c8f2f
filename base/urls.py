"""Public account pages under /compte/: log in, log out, notifications."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import membership_views, views

urlpatterns = [
    path(
        "connexion/",
        auth_views.LoginView.as_view(template_name="base/account/login.html"),
        name="login",
    ),
    # POST only (Django 5): a link or a prefetch cannot log anyone out.
    path("deconnexion/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    path("notifications/", views.notifications, name="notifications"),
    path(
        "notifications/tout-marquer-comme-lu/",
        views.mark_all_notifications_read,
        name="notifications_mark_all_read",
    ),
    path(
        "notifications/<int:notification_id>/",
        views.mark_notification_read,
        name="notification_mark_read",
    ),
    path(
        "invitations/<str:token>/",
        membership_views.invitation,
        name="invitation",
    ),
]
