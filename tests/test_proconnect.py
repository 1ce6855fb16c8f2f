"""« S'identifier avec ProConnect » over HTTP, against a small OpenID Connect provider on the
loopback (tests/oidc_provider.py): ProConnect's parameters, its signed userinfo, the SIRET
linking the organisation, an existing address connected rather than duplicated, the log-out
through the provider."""

import json
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount

from accounts.models import User
from config.settings.common import proconnect_providers
from tests.factories import OrganisationFactory, UserFactory
from tests.helpers import page_text
from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, FakeProConnect

pytestmark = pytest.mark.django_db

IDENTITY = {
    "sub": "proconnect-sub-42",
    "given_name": "Inès",
    "usual_name": "Benali",
    "email": "ines.benali@hub-du-sud.fr",
    "siret": "13002526500013",
    "uid": "42",
}


@pytest.fixture
def proconnect(settings):
    provider = FakeProConnect(identity=dict(IDENTITY)).start()
    settings.SOCIALACCOUNT_PROVIDERS = proconnect_providers(
        CLIENT_ID, CLIENT_SECRET, provider.discovery_url
    )
    yield provider
    provider.stop()


def start(client, next_url="/"):
    """The button's POST, then ProConnect's consent: returns the callback path and query."""
    response = client.post(f"/compte/proconnect/connexion/?process=login&next={next_url}")
    assert response.status_code == 302, response
    authorize = response["Location"]
    back = requests.get(authorize, allow_redirects=False, timeout=10)
    assert back.status_code == 302
    callback = urlparse(back.headers["Location"])
    return authorize, f"{callback.path}?{callback.query}"


def test_sign_up_through_proconnect_links_the_organisation_and_logs_out_through_it(
    client, proconnect
):
    organisation = OrganisationFactory(name="Hub du Sud", siret=IDENTITY["siret"])
    authorize, callback = start(client)

    # What ProConnect requires: the eIDAS level, the claims, a nonce and the state.
    query = {k: v[0] for k, v in parse_qs(urlparse(authorize).query).items()}
    assert query["acr_values"] == "eidas1"
    assert query["nonce"] and query["state"]
    claims = json.loads(query["claims"])
    assert set(claims["userinfo"]) >= {"given_name", "usual_name", "email", "siret", "uid"}
    assert set(query["scope"].split()) >= {"openid", "given_name", "usual_name", "siret"}

    # First visit: the sign-up form, filled from ProConnect, asks for the conditions of use.
    response = client.get(callback)
    assert response.status_code == 302
    assert response["Location"] == "/compte/proconnect/inscription/"
    page = client.get(response["Location"])
    text = page_text(page)
    assert "Créer votre compte avec ProConnect" in text
    assert 'value="Inès"' in page.content.decode()
    assert User.objects.filter(email=IDENTITY["email"]).count() == 0
    response = client.post(
        "/compte/proconnect/inscription/",
        {
            "first_name": "Inès",
            "last_name": "Benali",
            "email": IDENTITY["email"],
            "username": "",
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 200
    assert "Acceptez les conditions d'utilisation" in page_text(response)
    response = client.post(
        "/compte/proconnect/inscription/",
        {
            "first_name": "Inès",
            "last_name": "Benali",
            "email": IDENTITY["email"],
            "username": "",
            "organisation": organisation.pk,
            "accept_terms": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email=IDENTITY["email"])
    assert int(client.session["_auth_user_id"]) == user.pk
    assert user.organisation == organisation
    assert user.terms_accepted_at is not None
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    account = SocialAccount.objects.get(user=user, provider="proconnect")
    assert account.uid == IDENTITY["sub"]
    # The userinfo came signed (application/jwt) and was decoded.
    assert account.extra_data["userinfo"]["siret"] == IDENTITY["siret"]
    # No role for all that: linked to the organisation, member of none of its bases.
    assert not user.groups.exists()

    # « Mon compte » shows what ProConnect said.
    text = page_text(client.get("/compte/profil/"))
    assert IDENTITY["siret"] in text
    assert "Organisation reconnue : Hub du Sud" in text

    # Log-out ends the ProConnect session too, with the id_token of this log-in.
    response = client.post("/compte/deconnexion/")
    assert "_auth_user_id" not in client.session
    end = urlparse(response["Location"])
    assert f"{end.scheme}://{end.netloc}{end.path}" == f"{proconnect.url}/api/v2/session/end"
    end_query = {k: v[0] for k, v in parse_qs(end.query).items()}
    assert end_query["id_token_hint"] == proconnect.issued_id_tokens[-1]
    assert end_query["post_logout_redirect_uri"] == "http://testserver/"
    assert end_query["state"]

    # Next time: straight in, no second account.
    _authorize, callback = start(client)
    response = client.get(callback)
    assert response.status_code == 302 and response["Location"] == "/"
    assert int(client.session["_auth_user_id"]) == user.pk
    assert User.objects.filter(email=IDENTITY["email"]).count() == 1


def test_an_account_with_the_same_confirmed_address_is_connected_not_duplicated(client, proconnect):
    organisation = OrganisationFactory(siret=IDENTITY["siret"])
    existing = UserFactory(username="ines", email=IDENTITY["email"])
    _authorize, callback = start(client, next_url="/compte/profil/")
    response = client.get(callback)
    assert response.status_code == 302
    assert response["Location"] == "/compte/profil/"
    assert int(client.session["_auth_user_id"]) == existing.pk
    assert User.objects.filter(email__iexact=IDENTITY["email"]).count() == 1
    assert SocialAccount.objects.get(provider="proconnect").user == existing
    existing.refresh_from_db()
    assert existing.organisation == organisation
    # Still logs in with the password too (its address was confirmed: nothing wiped).
    assert existing.has_usable_password()


def test_an_organisation_chosen_by_the_person_is_kept(client, proconnect):
    OrganisationFactory(siret=IDENTITY["siret"])
    chosen = OrganisationFactory(name="Autre structure")
    existing = UserFactory(email=IDENTITY["email"], organisation=chosen)
    _authorize, callback = start(client)
    client.get(callback)
    existing.refresh_from_db()
    assert existing.organisation == chosen


def test_a_forged_userinfo_is_refused(client, proconnect):
    """A userinfo signed by another key (not in ProConnect's JWKS) logs nobody in."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    _authorize, callback = start(client)
    proconnect.key, genuine = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
        (proconnect.key),
    )
    original_jwks = proconnect.jwks
    proconnect.jwks = lambda: _jwks_of(genuine, original_jwks)
    response = client.get(callback)
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.exists()
    assert response.status_code in (200, 400, 401)
    assert "La connexion avec ProConnect n'a pas pu être vérifiée" in page_text(response)


def test_an_id_token_of_another_log_in_is_refused(client, proconnect):
    """The id_token must carry the nonce of this log-in (a replayed token does not)."""
    _authorize, callback = start(client)
    proconnect.nonce_override = "nonce-d-une-autre-connexion"
    response = client.get(callback)
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.exists()
    assert "La connexion avec ProConnect n'a pas pu être vérifiée" in page_text(response)


def _jwks_of(key, _original):
    import jwt

    from tests.oidc_provider import KID

    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update({"kid": KID, "alg": "RS256", "use": "sig"})
    return {"keys": [jwk]}


def test_off_when_not_configured(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    page = client.get("/compte/connexion/")
    assert "ProConnect" not in page_text(page)
    assert client.post("/compte/proconnect/connexion/").status_code == 404


def test_the_button_follows_proconnects_design(client, proconnect):
    page = client.get("/compte/connexion/").content.decode()
    assert 'class="fr-connect bc-proconnect"' in page
    assert "S’identifier avec" in page and 'class="fr-connect__brand">ProConnect' in page
    assert "Qu’est-ce que ProConnect ?" in page
