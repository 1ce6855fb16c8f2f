"""Public account pages under /compte/ (log in, log out, notifications, sign-up, passwords,
« Mon compte », deletion) and public profiles under /profils/ (`profile_urlpatterns`)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from legal import views as legal_views

from . import account_views, membership_views, veille_views, views

urlpatterns = [
    path("connexion/", account_views.LoginView.as_view(), name="login"),
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
    # Veille: « Mon fil », follows, the weekly digest and its unsubscribe links.
    path("mon-fil/", veille_views.mon_fil, name="mon_fil"),
    path("mon-fil/resume/", veille_views.digest_preference, name="digest_preference"),
    path(
        "mon-fil/suivis/<int:follow_id>/ne-plus-suivre/",
        veille_views.unfollow,
        name="unfollow",
    ),
    path(
        "mon-fil/desabonnement/<str:token>/",
        veille_views.unsubscribe,
        name="digest_unsubscribe",
    ),
    path(
        "mon-fil/desabonnement/<str:token>/un-clic/",
        veille_views.unsubscribe_one_click,
        name="digest_unsubscribe_one_click",
    ),
    # Sign-up, passwords, profile and deletion (base/account_views.py).
    path("inscription/", account_views.SignupView.as_view(), name="signup"),
    path("inscription/envoyee/", account_views.SignupSentView.as_view(), name="signup_sent"),
    path(
        "inscription/renvoyer/",
        account_views.ResendVerificationView.as_view(),
        name="signup_resend",
    ),
    path("confirmer/<str:token>/", account_views.signup_confirm, name="signup_confirm"),
    # The conditions are a page staff edit (legal.LegalPage): this address redirects to it.
    path("conditions-d-utilisation/", legal_views.terms, name="terms"),
    path(
        "mot-de-passe-oublie/",
        account_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "mot-de-passe-oublie/envoye/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="base/account/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "reinitialiser/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reinitialiser/termine/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="base/account/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("mot-de-passe/", account_views.PasswordChangeView.as_view(), name="password_change"),
    path("profil/", account_views.account, name="account"),
    path("adresse-e-mail/", account_views.EmailChangeView.as_view(), name="account_email"),
    path(
        "adresse-e-mail/confirmer/<str:token>/",
        account_views.email_change_confirm,
        name="account_email_confirm",
    ),
    path("supprimer/", account_views.delete_account, name="account_delete"),
    # Invitations to join a base (base/membership_views.py).
    path("invitations/<str:token>/", membership_views.invitation, name="invitation"),
]

# Mounted at /profils/ by config/urls.py.
profile_urlpatterns = [
    path("<str:username>/", account_views.profile, name="profile"),
]
