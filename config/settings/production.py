"""Production: secrets and hosts from the environment, secure cookies, PostgreSQL expected."""

from django.core.exceptions import ImproperlyConfigured

from .common import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY doit être défini en production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS doit être défini en production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))  # noqa: F405
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]  # noqa: F405

# The rate limits of the account forms (django-allauth) count attempts in the cache: it must be
# shared by every worker. The database cache needs no other server (`manage.py createcachetable`).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "bases_communes_cache",
    }
}

# Behind nginx (README, « Production »), which overwrites X-Real-IP with the address it received
# the connection from: the rate limits count that address, never one a client wrote itself.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER", "X-Real-IP") or None  # noqa: F405
# Links in account e-mails and ProConnect's redirect_uri are https.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
