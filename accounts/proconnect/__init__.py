"""« S'identifier avec ProConnect »: allauth's OpenID Connect provider, with ProConnect's
particularities (signed JWT userinfo, acr_values and claims, nonce, log-out through the
provider with id_token_hint). Configured from the environment (PROCONNECT_* settings)."""
