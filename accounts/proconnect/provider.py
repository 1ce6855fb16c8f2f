"""The ProConnect provider: allauth's OpenID Connect provider, with ProConnect's claims.

ProConnect (the State's identity federation for professionals) asks for `acr_values` and a
`claims` request, answers its userinfo as a signed JWT, and brings `given_name`, `usual_name`
(the name in use), `email`, `siret` (the organisation the person works for) and `uid`.
Documentation: https://github.com/numerique-gouv/proconnect-documentation
"""

import json
import secrets

from allauth.account.models import EmailAddress
from allauth.socialaccount.providers.openid_connect.provider import (
    OpenIDConnectProvider,
    OpenIDConnectProviderAccount,
    _pick_data,
)
from django.urls import reverse

from .views import NONCE_SESSION_KEY, ProConnectAdapter

PROVIDER_ID = "proconnect"
CLAIMS = ["given_name", "usual_name", "email", "siret", "uid"]


class ProConnectAccount(OpenIDConnectProviderAccount):
    def to_str(self):
        data = self.get_user_data() or {}
        return data.get("email") or super().to_str()


class ProConnectProvider(OpenIDConnectProvider):
    id = PROVIDER_ID
    name = "ProConnect"
    account_class = ProConnectAccount
    oauth2_adapter_class = ProConnectAdapter

    def get_login_url(self, request, **kwargs):
        url = reverse("proconnect_login")
        if kwargs:
            from django.utils.http import urlencode

            url = f"{url}?{urlencode(kwargs)}"
        return url

    def get_callback_url(self):
        return reverse("proconnect_callback")

    def get_oauth2_adapter(self, request):
        return self.oauth2_adapter_class(request)

    def get_default_scope(self):
        return ["openid", *CLAIMS]

    def get_auth_params_from_request(self, request, action):
        """A nonce (checked in the id_token), the eIDAS level and the claims ProConnect must
        return; nothing a visitor adds to the URL."""
        nonce = secrets.token_urlsafe(32)
        request.session[NONCE_SESSION_KEY] = nonce
        return {
            **self.get_auth_params(),
            "nonce": nonce,
            "acr_values": "eidas1",
            "claims": json.dumps(
                {
                    "id_token": {"amr": {"essential": True}},
                    "userinfo": {name: {"essential": True} for name in CLAIMS},
                }
            ),
        }

    def extract_uid(self, data):
        return str(_pick_data(data)["sub"])

    def extract_common_fields(self, data):
        data = _pick_data(data)
        return {
            "email": data.get("email"),
            "first_name": data.get("given_name") or "",
            "last_name": data.get("usual_name") or "",
        }

    def extract_email_addresses(self, data):
        """ProConnect's address comes from the person's identity provider (their employer's
        directory): verified."""
        email = _pick_data(data).get("email")
        if not email:
            return []
        return [EmailAddress(email=email, verified=True, primary=True)]


provider_classes = [ProConnectProvider]
