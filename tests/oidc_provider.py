"""A small OpenID Connect provider on the loopback, shaped like ProConnect, for the tests.

Discovery, JWKS (an RSA key generated at start), authorize (consents at once and redirects back
with a code), token (a signed id_token with the nonce), userinfo (a signed JWT, as ProConnect
answers: `application/jwt`) and end-session (redirects to post_logout_redirect_uri). Every
request is recorded in `calls` so that tests can check what the site sent.
"""

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "bases-communes-test"
CLIENT_SECRET = "secret-de-test"
KID = "cle-de-test"


class FakeProConnect:
    def __init__(self, identity=None):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.identity = identity or {}
        self.calls = []
        self.codes = {}
        self.tokens = {}
        self.issued_id_tokens = []
        self.nonce_override = None  # a test sets it to send an id_token of another log-in
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def discovery_url(self):
        return f"{self.url}/api/v2/.well-known/openid-configuration"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def calls_to(self, path):
        return [query for called, query in self.calls if called == path]

    # Tokens -------------------------------------------------------------------------------

    def sign(self, claims):
        now = int(time.time())
        payload = {"iss": f"{self.url}/api/v2", "aud": CLIENT_ID, "iat": now, "exp": now + 60}
        payload.update(claims)
        return jwt.encode(payload, self.key, algorithm="RS256", headers={"kid": KID})

    def jwks(self):
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": KID, "alg": "RS256", "use": "sig"})
        return {"keys": [jwk]}

    def configuration(self):
        base = f"{self.url}/api/v2"
        return {
            "issuer": base,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "userinfo_endpoint": f"{base}/userinfo",
            "jwks_uri": f"{base}/jwks",
            "end_session_endpoint": f"{base}/session/end",
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "userinfo_signing_alg_values_supported": ["RS256"],
            "acr_values_supported": ["eidas1"],
            "claims_supported": ["sub", "given_name", "usual_name", "email", "siret", "uid"],
        }

    # HTTP ---------------------------------------------------------------------------------

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body=b"", content_type="application/json", headers=None):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def _json(self, data, status=200):
                self._send(status, json.dumps(data).encode())

            def _redirect(self, location):
                self._send(302, b"", "text/plain", {"Location": location})

            def do_GET(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                provider.calls.append((url.path, query))
                if url.path.endswith("/.well-known/openid-configuration"):
                    return self._json(provider.configuration())
                if url.path == "/api/v2/jwks":
                    return self._json(provider.jwks())
                if url.path == "/api/v2/authorize":
                    code = secrets.token_urlsafe(16)
                    provider.codes[code] = query
                    back = {"code": code, "state": query.get("state", "")}
                    return self._redirect(f"{query['redirect_uri']}?{urlencode(back)}")
                if url.path == "/api/v2/userinfo":
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    if token not in provider.tokens:
                        return self._json({"error": "invalid_token"}, 401)
                    claims = {"sub": provider.identity["sub"], **provider.identity}
                    body = provider.sign(claims).encode()
                    return self._send(200, body, "application/jwt; charset=utf-8")
                if url.path == "/api/v2/session/end":
                    return self._redirect(query["post_logout_redirect_uri"])
                return self._json({"error": "not_found"}, 404)

            def do_POST(self):
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                provider.calls.append((url.path, form))
                if url.path != "/api/v2/token":
                    return self._json({"error": "not_found"}, 404)
                request = provider.codes.pop(form.get("code"), None)
                if (
                    request is None
                    or form.get("client_id") != CLIENT_ID
                    or form.get("client_secret") != CLIENT_SECRET
                    or form.get("redirect_uri") != request.get("redirect_uri")
                ):
                    return self._json({"error": "invalid_grant"}, 400)
                access_token = secrets.token_urlsafe(16)
                provider.tokens[access_token] = request
                id_token = provider.sign(
                    {
                        "sub": provider.identity["sub"],
                        "nonce": provider.nonce_override or request.get("nonce"),
                        "acr": "eidas1",
                        "amr": ["pwd"],
                    }
                )
                provider.issued_id_tokens.append(id_token)
                return self._json(
                    {
                        "access_token": access_token,
                        "token_type": "Bearer",
                        "expires_in": 60,
                        "id_token": id_token,
                        "scope": request.get("scope", ""),
                    }
                )

        return Handler
