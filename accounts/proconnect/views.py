"""ProConnect's log-in and callback views (allauth's OpenID Connect flow, ProConnect's way)."""

import secrets

from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from allauth.utils import build_absolute_uri
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode

NONCE_SESSION_KEY = "proconnect_nonce"
# The id_token of the ProConnect session, kept for the log-out (id_token_hint): first pending
# (the flow may still stop at the sign-up form), then of the logged-in session.
PENDING_ID_TOKEN_KEY = "proconnect_pending_id_token"
ID_TOKEN_KEY = "proconnect_id_token"


class ProConnectAdapter(OpenIDConnectOAuth2Adapter):
    def __init__(self, request):
        super().__init__(request, "proconnect")

    def get_callback_url(self, request, app):
        return build_absolute_uri(
            request, reverse("proconnect_callback"), self.redirect_uri_protocol
        )

    def parse_token(self, data):
        token = super().parse_token(data)
        if data.get("id_token"):
            self.request.session[PENDING_ID_TOKEN_KEY] = data["id_token"]
        return token

    def _fetch_user_info(self, access_token):
        """ProConnect answers `application/jwt`: a JWT signed with the keys of its JWKS."""
        headers = {"Authorization": f"Bearer {access_token}"}
        with get_adapter().get_requests_session() as session:
            response = session.get(self.profile_url, headers=headers)
            response.raise_for_status()
        if "application/jwt" not in response.headers.get("Content-Type", ""):
            return response.json()
        return jwtkit.verify_and_decode(
            credential=response.text.strip(),
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=self.get_provider().app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
        )

    def _decode_id_token(self, app, id_token):
        """Always check the signature, and the nonce of this log-in."""
        data = jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
        )
        expected = self.request.session.pop(NONCE_SESSION_KEY, None)
        if not expected or data.get("nonce") != expected:
            raise OAuth2Error("Invalid nonce")
        return data

    def end_session_url(self, id_token, post_logout_redirect_uri):
        """Where to send the browser so that the ProConnect session ends too."""
        endpoint = self.openid_config.get("end_session_endpoint")
        if not endpoint:
            return None
        query = urlencode(
            {
                "id_token_hint": id_token,
                "state": secrets.token_urlsafe(16),
                "post_logout_redirect_uri": post_logout_redirect_uri,
            }
        )
        return f"{endpoint}?{query}"


@login_not_required
def login(request):
    try:
        return OAuth2LoginView.adapter_view(ProConnectAdapter)(request)
    except SocialApp.DoesNotExist as error:  # PROCONNECT_* not set: there is no such page
        raise Http404 from error


@login_not_required
def callback(request):
    try:
        return OAuth2CallbackView.adapter_view(ProConnectAdapter)(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error
