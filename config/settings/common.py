"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

# The project's apps, from the top layer down (see the README's code map; import-linter
# enforces the order in `make test`).
INSTALLED_APPS = [
    "ops",
    "demo",
    "portal",
    "legal",
    "veille",
    "label",
    "search",
    "ressources",
    "base",
    "accounts",
    "organisations",
    "dsfr",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "health_check",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Private spaces: read-only API, sitemap (portal.api, portal.sitemap). Not "rest_framework":
    # the API answers JSON only, and its French catalogue would override Django's messages.
    "wagtail.api.v2",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ops.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "accounts.context_processors.notifications",
            ],
        },
    },
]

# Database: SQLite by default so that a fresh clone runs with no server; DATABASE_URL selects
# PostgreSQL in production (postgres://user:password@host:5432/name).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A connection kept between requests is tested first: after a database restart the
        # workers reconnect by themselves instead of failing on a dead socket.
        conn_health_checks=True,
    )
}
# SQLite (development): one person's browser already writes from several requests at once (the
# admin autosaves every change, pings its editing session, publishes; the site counts and logs).
# - WAL lets pages be read while another request writes (or the search index is rebuilt);
# - "IMMEDIATE" transactions take the write lock when they begin, so a transaction that read
#   first never has to upgrade its lock, which SQLite refuses at once (« database is locked »,
#   whatever the timeout) when another request wrote meanwhile;
# - writers then wait up to 20 s for the lock (`timeout`, SQLite's busy timeout).
# tests/test_sqlite_concurrency.py proves it with concurrent writers on a file database.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Messages (« Brouillon enregistré ») travel in the session, not in a cookie of their own: the
# site sets only the session and CSRF cookies, as its « Gestion des cookies » page says.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed and compressed, the DSFR files kept byte for byte (their integrity is pinned).
    "staticfiles": {"BACKEND": "ops.storage.ProductionStaticFilesStorage"},
}

# E-mail: console in development; SMTP when EMAIL_HOST is set.
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Bases communes <ne-pas-repondre@bases-communes.fr>"
)

# Background work (index updates, notifications) goes through django-tasks; run inline by default.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Search: the embedded engine unless ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Index names start with this prefix; the live index is reached through an alias of that name.
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "bases-communes")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Bases communes"
# Where the site lives: e-mails, the admin; in production also the Wagtail Site (sitemap, API,
# full URLs), the allowed host and the trusted origin (config/settings/production.py).
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
SITE_FROM_BASE_URL = False
# No avatar fetched from a third party (privacy, and the Content-Security-Policy).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "odp",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    "epub",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Uploaded images: Wagtail checks format, size and pixel count (decompression bombs) at upload.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

DSFR_USE_INTEGRITY_CHECKSUMS = True

# Content-Security-Policy (django-csp; ops.csp relaxes styles for the admins only): the public
# pages load nothing inline and nothing from elsewhere, except embedded players (https frames).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https:"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Label NEC: how long a label is valid, and when its holder is reminded before it ends.
LABEL_NEC_VALIDITY_YEARS = int(os.environ.get("LABEL_NEC_VALIDITY_YEARS", "3"))
LABEL_NEC_REMINDER_DAYS = [90, 30]
# Evidence files of label requests: private, outside MEDIA_ROOT (served by a permission check).
LABEL_NEC_EVIDENCE_ROOT = Path(
    os.environ.get("LABEL_NEC_EVIDENCE_ROOT", BASE_DIR / "private" / "label-nec")
)

# Accounts (base/accounts.py, base/ratelimit.py): sign-up links expire after this many days;
# attempts per IP address and per account identifier, in fixed windows of `seconds`.
ACCOUNT_VERIFICATION_DAYS = int(os.environ.get("ACCOUNT_VERIFICATION_DAYS", "3"))
RATE_LIMITS = {
    "login": {"ip": (30, 15 * 60), "account": (5, 15 * 60)},  # failed attempts only
    "signup": {"ip": (10, 60 * 60), "account": (3, 60 * 60)},
    "password_reset": {"ip": (10, 60 * 60), "account": (3, 60 * 60)},
    "resend_verification": {"ip": (10, 60 * 60), "account": (3, 60 * 60)},
    "email_change": {"ip": (10, 60 * 60), "account": (3, 60 * 60)},
}
# Passwords are reset on the site only (/compte/mot-de-passe-oublie/, rate-limited): the Wagtail
# admin's own reset views are switched off.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Every log-in form (site, Wagtail admin, Django admin) goes through the log-in limit.
AUTHENTICATION_BACKENDS = ["accounts.ratelimit.RateLimitedModelBackend"]
# Behind a reverse proxy that sets it, e.g. "HTTP_X_FORWARDED_FOR"; else REMOTE_ADDR is used.
RATE_LIMIT_IP_HEADER = os.environ.get("RATE_LIMIT_IP_HEADER", "")
AVATAR_MAX_UPLOAD_SIZE = 2 * 1024 * 1024
AVATAR_MAX_IMAGE_PIXELS = 16_000_000

# Private spaces (base.media, base.sharing): documents and every file under MEDIA_URL go
# through Django, which refuses a private base's files to outsiders. In production nginx sends
# the bytes: set MEDIA_ACCEL_REDIRECT to its `internal` location (README, « Media »).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
}
if os.environ.get("MEDIA_ACCEL_REDIRECT"):
    SENDFILE_BACKEND = "base.sendfile_nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT)
    SENDFILE_URL = os.environ["MEDIA_ACCEL_REDIRECT"]

# Free tags get ASCII slugs (« santé » → /mots-cles/sante/): addresses people can type and share.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
