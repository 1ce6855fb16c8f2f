"""Public account pages under /compte/, with French addresses.

Sign-up, log-in (password or e-mailed code), log-out, passwords and the address are
django-allauth's views, under allauth's URL names (`account_login`, `account_signup`…); the
names the site used before (`login`, `signup`, `password_reset`…) stay as aliases. « Mon
compte », the deletion and the conditions of use are the project's. ProConnect's log-in and
callback come from accounts/proconnect/urls.py (allauth includes every provider's URLs).
"""

from allauth.account import views as allauth_views
from allauth.socialaccount import views as social_views
from allauth.urls import build_provider_urlpatterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView

from .views import account as account_views


def _page(route, view, *names):
    """One address, under allauth's name and the project's former ones."""
    return [path(route, view, name=name) for name in names]


urlpatterns = [
    *_page("compte/connexion/", allauth_views.login, "account_login", "login"),
    # POST only: a link or a prefetch cannot log anyone out (GET shows a confirmation).
    *_page("compte/deconnexion/", allauth_views.logout, "account_logout", "logout"),
    path("compte/inactif/", allauth_views.account_inactive, name="account_inactive"),
    *_page("compte/inscription/", allauth_views.signup, "account_signup", "signup"),
    *_page(
        "compte/confirmer/",
        allauth_views.email_verification_sent,
        "account_email_verification_sent",
        "signup_sent",
    ),
    re_path(
        r"^compte/confirmer/(?P<key>[-:\w]+)/$",
        allauth_views.confirm_email,
        name="account_confirm_email",
    ),
    path(
        "compte/connexion/code/",
        allauth_views.request_login_code,
        name="account_request_login_code",
    ),
    path(
        "compte/connexion/code/saisir/",
        allauth_views.confirm_login_code,
        name="account_confirm_login_code",
    ),
    path("compte/reauthentifier/", allauth_views.reauthenticate, name="account_reauthenticate"),
    path(
        "compte/reauthentifier/code/",
        allauth_views.request_reauthentication_code,
        name="account_request_reauthentication_code",
    ),
    path(
        "compte/reauthentifier/code/saisir/",
        allauth_views.confirm_reauthentication_code,
        name="account_confirm_reauthentication_code",
    ),
    *_page("compte/adresse-e-mail/", allauth_views.email, "account_email"),
    *_page(
        "compte/mot-de-passe/",
        allauth_views.password_change,
        "account_change_password",
        "password_change",
    ),
    path("compte/mot-de-passe/definir/", allauth_views.password_set, name="account_set_password"),
    *_page(
        "compte/mot-de-passe-oublie/",
        allauth_views.password_reset,
        "account_reset_password",
        "password_reset",
    ),
    *_page(
        "compte/mot-de-passe-oublie/envoye/",
        allauth_views.password_reset_done,
        "account_reset_password_done",
        "password_reset_done",
    ),
    re_path(
        r"^compte/reinitialiser/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        allauth_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "compte/reinitialiser/termine/",
        allauth_views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    # ProConnect and other providers: errors, the sign-up form after a first log-in, links.
    path(
        "compte/proconnect/annule/",
        social_views.login_cancelled,
        name="socialaccount_login_cancelled",
    ),
    path("compte/proconnect/erreur/", social_views.login_error, name="socialaccount_login_error"),
    path("compte/proconnect/inscription/", social_views.signup, name="socialaccount_signup"),
    path("compte/comptes-lies/", social_views.connections, name="socialaccount_connections"),
    # Each provider's log-in and callback (ProConnect: /compte/proconnect/connexion/…).
    path("compte/", include(build_provider_urlpatterns())),
    # Former addresses of the hand-written pages.
    path(
        "compte/inscription/envoyee/",
        RedirectView.as_view(pattern_name="account_email_verification_sent", permanent=True),
    ),
    path(
        "compte/inscription/renvoyer/",
        RedirectView.as_view(pattern_name="account_login", permanent=True),
        name="signup_resend",
    ),
    path(
        "compte/conditions-d-utilisation/",
        TemplateView.as_view(template_name="accounts/terms.html"),
        name="terms",
    ),
    path("compte/profil/", account_views.account, name="account"),
    path("compte/supprimer/", account_views.delete_account, name="account_delete"),
]
