"""The project's rules inside django-allauth's flows.

- Usernames and e-mail addresses never impersonate each other: a username cannot contain « @ »
  (so it is never anyone's address, and what is typed at log-in with an « @ » is always an
  address), and an address cannot be taken that is the username of another account (accounts
  created before that rule).
- A username left empty at sign-up is derived from the address (« camille.durand »).
- ProConnect: the SIRET it sends links the person to the matching organisation (never a role),
  and logging out also ends the ProConnect session (id_token_hint).
"""

import logging
import re

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from organisations.models import Organisation

logger = logging.getLogger(__name__)
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9._-]+$")


def username_from_email(email):
    """A free username derived from the address (« camille.durand », « camille.durand-2 »…)."""
    User = get_user_model()
    local = (email or "").split("@", 1)[0]
    stem = re.sub(r"[^a-z0-9._-]", "", slugify(local.replace(".", "-dot-")).replace("-dot-", "."))
    stem = stem.strip("._-")[:140] or "membre"
    candidate, number = stem, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def organisation_for_siret(siret):
    """The organisation registered with this SIRET, if there is one."""
    digits = re.sub(r"\D", "", siret or "")
    if len(digits) != 14:
        return None
    return Organisation.objects.filter(siret=digits).order_by("pk").first()


class AccountAdapter(DefaultAccountAdapter):
    # In the site's words: what went wrong and what to do next. A wrong identifier and a wrong
    # password get the same sentence (nothing tells whether an account exists).
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _l("Ce compte est désactivé."),
        "email_password_mismatch": _l(
            "Adresse e-mail ou mot de passe incorrect. Vérifiez-les, ou demandez un code de "
            "connexion ou un nouveau mot de passe."
        ),
        "username_password_mismatch": _l(
            "Identifiant ou mot de passe incorrect. Vérifiez-les, ou demandez un code de "
            "connexion ou un nouveau mot de passe."
        ),
        "email_taken": _l("Cette adresse ne peut pas être utilisée : choisissez-en une autre."),
        "enter_current_password": _l(
            "Ce mot de passe n'est pas le bon : saisissez votre mot de passe actuel."
        ),
        "incorrect_code": _l("Ce code n'est pas le bon : vérifiez-le dans l'e-mail reçu."),
        "incorrect_password": _l("Ce mot de passe n'est pas le bon."),
        "invalid_or_expired_key": _l("Ce lien n'est plus valable : demandez-en un nouveau."),
        "invalid_password_reset": _l(
            "Ce lien de réinitialisation n'est plus valable : demandez-en un nouveau."
        ),
        "too_many_login_attempts": _l(
            "Trop de tentatives. Par sécurité, réessayez dans quelques minutes, ou demandez un "
            "code de connexion par e-mail."
        ),
        "unverified_primary_email": _l("Votre adresse e-mail doit d'abord être confirmée."),
        "username_blacklisted": _l(
            "Cet identifiant n'est pas disponible : choisissez-en un autre."
        ),
        "username_taken": _l("Cet identifiant est déjà pris : choisissez-en un autre."),
        "same_as_current": _l("C'est déjà la valeur actuelle."),
        "rate_limited": _l("Trop de demandes. Par sécurité, réessayez dans quelques minutes."),
    }

    def clean_username(self, username, shallow=False):
        if "@" in username:
            raise forms.ValidationError(
                _(
                    "Un identifiant ne peut pas contenir « @ » : il ne doit pas pouvoir être pris "
                    "pour une adresse e-mail."
                ),
                code="username_at",
            )
        if not USERNAME_PATTERN.match(username):
            raise forms.ValidationError(
                _("Lettres sans accent, chiffres et . - _ uniquement."), code="username_chars"
            )
        return super().clean_username(username, shallow=shallow)

    def clean_email(self, email):
        email = super().clean_email(email)
        User = get_user_model()
        if User.objects.filter(username__iexact=email).exclude(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Cette adresse ne peut pas être utilisée : choisissez-en une autre."),
                code="email_is_username",
            )
        return email

    def _get_login_attempts_cache_key(self, request, **credentials):
        """One counter of failed log-ins per account, whether it is typed as a username or as
        its address (allauth counts per string typed); an unknown identifier counts alone."""
        key = super()._get_login_attempts_cache_key(request, **credentials)
        User = get_user_model()
        if credentials.get("email"):
            from allauth.account.models import EmailAddress

            address = EmailAddress.objects.filter(email__iexact=credentials["email"]).first()
            user_id = address.user_id if address else None
        else:
            user_id = (
                User.objects.filter(username__iexact=credentials.get("username") or "")
                .values_list("pk", flat=True)
                .first()
            )
        if user_id is None:
            return key
        return f"{key.split(':', 1)[0]}:account-{user_id}"

    def send_mail(self, template_prefix, email, context):
        context = {**context, "expiration_days": settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS}
        super().send_mail(template_prefix, email, context)

    def populate_username(self, request, user):
        if not user.username:
            user.username = username_from_email(user.email)

    def get_logout_redirect_url(self, request):
        """After logging out here, a person who came through ProConnect is sent to ProConnect's
        end-session endpoint (id_token_hint), which sends them back to the home page. allauth
        asks for this URL before the session is cleared."""
        from .proconnect.views import ID_TOKEN_KEY, ProConnectAdapter

        id_token = request.session.get(ID_TOKEN_KEY)
        if id_token:
            try:
                end_session = ProConnectAdapter(request).end_session_url(
                    id_token, request.build_absolute_uri(super().get_logout_redirect_url(request))
                )
            except Exception:  # ProConnect unreachable or switched off: log out here anyway
                logger.exception("ProConnect: no end-session URL, logged out here only")
                end_session = None
            if end_session:
                return end_session
        return super().get_logout_redirect_url(request)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        if user.organisation_id is None:
            user.organisation = organisation_for_siret(siret_from(sociallogin.account.extra_data))
        return user

    def pre_social_login(self, request, sociallogin):
        """An existing account gets the organisation of its SIRET, unless it chose one."""
        user = sociallogin.user
        if sociallogin.is_existing and user.organisation_id is None:
            organisation = organisation_for_siret(siret_from(sociallogin.account.extra_data))
            if organisation is not None:
                user.organisation = organisation
                user.save(update_fields=["organisation"])


def siret_from(extra_data):
    """The SIRET in what ProConnect sent (its userinfo, else its id_token)."""
    data = extra_data or {}
    return (data.get("userinfo") or data.get("id_token") or data).get("siret", "")
