"""Production: behind nginx (deploy/nginx/bases-communes.conf), PostgreSQL, SMTP, the task worker.

Everything comes from the environment (README « Running in production »); the settings refuse
to load when a value the site cannot work without is missing."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .common import *  # noqa: F403

# ruff: noqa: F405  (names from the star import of common)

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY doit être défini en production.")
if not os.environ.get("BASE_URL"):
    raise ImproperlyConfigured(
        "BASE_URL doit être défini en production : l'adresse publique du site, "
        "par exemple https://bases.example.fr."
    )
# Without a mail server, sign-up confirmations and password resets would only reach the logs:
# nobody could create an account. Refuse to start instead.
if not os.environ.get("EMAIL_HOST"):
    raise ImproperlyConfigured(
        "EMAIL_HOST doit être défini en production (serveur SMTP) : sans lui, aucun e-mail de "
        "confirmation d'inscription ni de mot de passe oublié ne partirait."
    )

# One setting says where the site lives: the allowed host, the trusted origin of forms, the
# Wagtail Site (aligned at `migrate`, ops.site), the API's absolute URLs.
_base = urlsplit(BASE_URL)
ALLOWED_HOSTS = ALLOWED_HOSTS or [_base.hostname]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o] or [
    f"{_base.scheme}://{_base.netloc}"
]
SITE_FROM_BASE_URL = True

# HTTPS is ended by nginx, which says so in X-Forwarded-Proto (and overwrites what a client sent).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The health endpoint answers probes sent straight to gunicorn over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^sante/"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preloading binds every subdomain of the domain for months: the operator's decision, not a
    # flaw `check --deploy` should report.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# The rate limits of the account forms (django-allauth) count attempts in the cache: it must be
# shared by every worker. The database cache needs no other server (`manage.py createcachetable`).
# Anonymous pages and sitemaps (portal.page_cache) go to a disk cache every worker of the machine
# shares (diskcache: SQLite index + files, no server, bounded, least recently used evicted): a hit
# reads it without a query, where the database cache would cost two queries and a COUNT(*) per
# write.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "bases_communes_cache",
    },
    "pages": {
        "BACKEND": "diskcache.DjangoCache",
        "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(BASE_DIR / "cache" / "pages")),
        "OPTIONS": {"size_limit": int(os.environ.get("PAGE_CACHE_MAX_BYTES", str(2**30)))},
    },
    # The ids of long listings in order (base.listing.ordered_ids: up to 1.6 MB each), shared by
    # the workers the same way, apart so that they never evict pages nor pages them.
    "listings": {
        "BACKEND": "diskcache.DjangoCache",
        "LOCATION": os.environ.get("LISTING_CACHE_DIR", str(BASE_DIR / "cache" / "listings")),
        "OPTIONS": {"size_limit": int(os.environ.get("LISTING_CACHE_MAX_BYTES", str(2**28)))},
    },
}

# Index updates and e-mails wait in the database for the worker (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Behind nginx (README, « Production »), which overwrites X-Real-IP with the address it received
# the connection from: the rate limits count that address, never one a client wrote itself.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER", "X-Real-IP") or None
# Links in account e-mails and ProConnect's redirect_uri are https.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
