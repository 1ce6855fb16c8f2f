"""The project's rules inside django-allauth's flows.

- Usernames and e-mail addresses never impersonate each other: a username cannot contain « @ »
  (so it is never anyone's address, and what is typed at log-in with an « @ » is always an
  address), and an address cannot be taken that is the username of another account (accounts
  created before that rule).
- A username left empty at sign-up is derived from the address (« camille.durand »).
- ProConnect: the SIRET it sends links the person to the matching organisation (never a role),
  and logging out also ends the ProConnect session (id_token_hint).
"""

import re

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from django.utils.translation import gettext as _

from organisations.models import Organisation

USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9._-]+$")
LOGOUT_URL_ATTRIBUTE = "_bases_logout_redirect"


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

    def populate_username(self, request, user):
        if not user.username:
            user.username = username_from_email(user.email)

    def logout(self, request):
        """Log out here, and remember where ProConnect ends its own session (if the person
        came through it)."""
        from .proconnect.views import ID_TOKEN_KEY, ProConnectAdapter

        id_token = request.session.get(ID_TOKEN_KEY)
        end_session = None
        if id_token:
            try:
                end_session = ProConnectAdapter(request).end_session_url(
                    id_token, request.build_absolute_uri("/")
                )
            except Exception:  # ProConnect unreachable or switched off: log out here anyway
                end_session = None
        super().logout(request)
        if end_session:
            setattr(request, LOGOUT_URL_ATTRIBUTE, end_session)

    def get_logout_redirect_url(self, request):
        return getattr(request, LOGOUT_URL_ATTRIBUTE, None) or super().get_logout_redirect_url(
            request
        )


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
