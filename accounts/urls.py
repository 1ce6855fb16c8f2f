"""Public account pages under /compte/: log in, log out, notifications, sign-up, passwords,
« Mon compte », deletion."""

from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import TemplateView

from .views import account as account_views

urlpatterns = [
    path("compte/connexion/", account_views.LoginView.as_view(), name="login"),
    # POST only (Django 5): a link or a prefetch cannot log anyone out.
    path("compte/deconnexion/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    # Sign-up, passwords, profile and deletion (base/account_views.py).
    path("compte/inscription/", account_views.SignupView.as_view(), name="signup"),
    path("compte/inscription/envoyee/", account_views.SignupSentView.as_view(), name="signup_sent"),
    path(
        "compte/inscription/renvoyer/",
        account_views.ResendVerificationView.as_view(),
        name="signup_resend",
    ),
    path("compte/confirmer/<str:token>/", account_views.signup_confirm, name="signup_confirm"),
    path(
        "compte/conditions-d-utilisation/",
        TemplateView.as_view(template_name="accounts/terms.html"),
        name="terms",
    ),
    path(
        "compte/mot-de-passe-oublie/",
        account_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "compte/mot-de-passe-oublie/envoye/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "compte/reinitialiser/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "compte/reinitialiser/termine/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path(
        "compte/mot-de-passe/", account_views.PasswordChangeView.as_view(), name="password_change"
    ),
    path("compte/profil/", account_views.account, name="account"),
    path("compte/adresse-e-mail/", account_views.EmailChangeView.as_view(), name="account_email"),
    path(
        "compte/adresse-e-mail/confirmer/<str:token>/",
        account_views.email_change_confirm,
        name="account_email_confirm",
    ),
    path("compte/supprimer/", account_views.delete_account, name="account_delete"),
]
