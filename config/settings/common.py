"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from pathlib import Path
from urllib.parse import urlsplit

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
    "reuse",
    "legacy",
    "veille",
    "label",
    "search",
    "ressources",
    "base",
    "accounts",
    "accounts.proconnect",
    "organisations",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
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
    "corsheaders",
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
    # Cross-origin reading of the API only (CORS_* below); before anything that may answer.
    "corsheaders.middleware.CorsMiddleware",
    # Before anything reads the session or the database: control characters → a French 400.
    "base.input_guard.RejectControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the shared cache (portal.page_cache): after the headers every page
    # gets, before the session so that it sees every cookie the layers below set.
    "portal.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # The bases hidden from the visitor, read once per request (base.visibility).
    "base.visibility.VisibilityMemoMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The old addresses of La Base and Les Bases, on 404 only (legacy.redirects).
    "legacy.middleware.LegacyRedirectMiddleware",
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

# Anonymous pages and sitemaps (portal.page_cache, portal.sitemap) live in the `pages` cache,
# which every worker must share in production (config/settings/production.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # The ids of long listings kept in order (base.listing.ordered_ids).
    "listings": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "listings",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}
LISTING_CACHE_ALIAS = "listings"
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Never from the cache: personal spaces, the admin, share links, operations, files (Django
# streams them and counts downloads), search (every search is logged), the open-data page (read
# from the files a scheduled job replaces, not from the database).
PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/donnees-ouvertes/",
    "/admin/",
    "/django-admin/",
    "/compte/",
    "/partage/",
    "/publier/",
    "/sante/",
    "/rechercher/",
    "/documents/",
    "/images/",
    "/media/",
    "/static/",
]
# Rows whose writes never show on a public page (reading, drafts, logs, private activity): they
# do not invalidate the cache (portal.page_cache). Everything else does.
PAGE_CACHE_IGNORED_MODELS = {
    "account.emailaddress",
    "account.emailconfirmation",
    "accounts.notification",
    "admin.logentry",
    "base.invitation",
    "base.joinrequest",
    "base.sharelink",
    "bc_search.pendingindexupdate",
    "bc_search.searchentry",
    "bc_search.searchfacet",
    "bc_search.searchlog",
    "django_tasks_database.dbtaskresult",
    "portal.dailyresourcestat",
    "portal.platformfeedback",
    "ressources.report",
    "sessions.session",
    "socialaccount.socialaccount",
    "socialaccount.socialtoken",
    "veille.follow",
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtailembeds.embed",
    "wagtailimages.rendition",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "wagtailusers.userprofile",
}
# A child sitemap lists at most this many pages (the protocol allows 50,000).
SITEMAP_PAGE_SIZE = int(os.environ.get("SITEMAP_PAGE_SIZE", "10000"))

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
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
# The open-data dump (manage.py export_open_data), served at /donnees-ouvertes/.
OPEN_DATA_ROOT = Path(os.environ.get("OPEN_DATA_ROOT", BASE_DIR / "open-data"))

# Evidence files of label requests: private, outside MEDIA_ROOT (served by a permission check).
LABEL_NEC_EVIDENCE_ROOT = Path(
    os.environ.get("LABEL_NEC_EVIDENCE_ROOT", BASE_DIR / "private" / "label-nec")
)

# Downloads (reuse.downloads): PDFs, Markdown and packs, built once per version and kept outside
# MEDIA_ROOT (served only through views that check who may read them). A cache: safe to empty.
REUSE_DOWNLOADS_ROOT = Path(
    os.environ.get("REUSE_DOWNLOADS_ROOT", BASE_DIR / "private" / "telechargements")
)
REUSE_PACK_MAX_RESOURCES = 60
REUSE_PACK_MAX_BYTES = 300 * 1024 * 1024
# Seconds a request spends building a pack's missing PDFs; the rest is queued (reuse.tasks).
REUSE_PACK_BUILD_SECONDS = 15

# Accounts: django-allauth (accounts/adapter.py holds the project's rules, accounts/proconnect
# the ProConnect provider). Log in by e-mail address or username and password, or by a code
# e-mailed to the address; an address is confirmed before the first log-in.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapter.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
# The username is optional: left empty, it is derived from the address (accounts.adapter).
ACCOUNT_SIGNUP_FIELDS = ["email*", "username", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_FORMS = {
    "login": "accounts.allauth_forms.LoginForm",
    "signup": "accounts.allauth_forms.SignupForm",
}
SOCIALACCOUNT_FORMS = {"signup": "accounts.allauth_forms.SocialSignupForm"}
ACCOUNT_USERNAME_MIN_LENGTH = 2
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = int(os.environ.get("ACCOUNT_VERIFICATION_DAYS", "3"))
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a mail scanner opening the link confirms nothing
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CHANGE_EMAIL = True  # one address per account, changed after confirming the new one
# Changing the address or the password asks again who you are (password or e-mailed code) when
# the log-in is older than a few minutes.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # a reset asked for an unknown address mails nobody
ACCOUNT_EMAIL_NOTIFICATIONS = True  # the old address is told when the address changes
ACCOUNT_SESSION_REMEMBER = None  # « Se souvenir de moi » is offered
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Bases communes] "
ACCOUNT_PASSWORD_INPUT_RENDER_VALUE = False
# Sliding windows (allauth keeps each attempt's time). Per address ("ip"), per account ("key":
# the address or username typed) and per signed-in person ("user"): a flood from one address
# slows that address and the accounts it targets, never the others.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/15m/key",
    "signup": "10/h/ip",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "request_login_code": "10/h/ip,3/15m/key",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
# Which address the limits count: REMOTE_ADDR by default. Behind a reverse proxy, the header it
# sets and clients cannot forge (nginx: `proxy_set_header X-Real-IP $remote_addr;`), or the
# number of proxies that append to X-Forwarded-For (the production profile sets it, README).
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_LOGIN_ON_GET = False
# The first ProConnect log-in shows the sign-up form: everyone accepts the conditions of use.
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True  # same verified address: that account, not a new one
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False

# « S'identifier avec ProConnect » (accounts/proconnect): on when its three settings are set.
# Discovery URL of the integration platform:
# https://fca.integ01.dev-agentconnect.fr/api/v2/.well-known/openid-configuration
# of production: https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration
PROCONNECT_CLIENT_ID = os.environ.get("PROCONNECT_CLIENT_ID", "")
PROCONNECT_CLIENT_SECRET = os.environ.get("PROCONNECT_CLIENT_SECRET", "")
PROCONNECT_DISCOVERY_URL = os.environ.get("PROCONNECT_DISCOVERY_URL", "")


def proconnect_providers(client_id, secret, discovery_url):
    """SOCIALACCOUNT_PROVIDERS for ProConnect (empty when it is not configured)."""
    if not (client_id and secret and discovery_url):
        return {}
    return {
        "proconnect": {
            "APPS": [
                {
                    "provider_id": "proconnect",
                    "name": "ProConnect",
                    "client_id": client_id,
                    "secret": secret,
                    "settings": {
                        "server_url": discovery_url,
                        "token_auth_method": "client_secret_post",
                    },
                }
            ],
            "SCOPE": ["openid", "email", "given_name", "usual_name", "siret", "uid"],
        }
    }


def proconnect_origin(discovery_url):
    """ProConnect's origin, e.g. https://auth.agentconnect.gouv.fr."""
    parts = urlsplit(discovery_url)
    return f"{parts.scheme}://{parts.netloc}"


SOCIALACCOUNT_PROVIDERS = proconnect_providers(
    PROCONNECT_CLIENT_ID, PROCONNECT_CLIENT_SECRET, PROCONNECT_DISCOVERY_URL
)
if SOCIALACCOUNT_PROVIDERS:
    # The ProConnect button and « Se déconnecter » are forms whose answer redirects to
    # ProConnect (authorize, end-session): the CSP's form-action must allow its origin.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        proconnect_origin(PROCONNECT_DISCOVERY_URL)
    )
# The Wagtail admin has no log-in of its own: « Se connecter » is the only door (and the
# admin's passwords are reset there too).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
AVATAR_MAX_UPLOAD_SIZE = 2 * 1024 * 1024
AVATAR_MAX_IMAGE_PIXELS = 16_000_000

# Private spaces (base.media, base.sharing): documents and every file under MEDIA_URL go
# through Django, which refuses a private base's files to outsiders. In production nginx sends
# the bytes: set MEDIA_ACCEL_REDIRECT to its `internal` location (README, « Media »).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILAPI_LIMIT_MAX = 100
# The API's absolute addresses (detail_url, download links; html_url through portal.api) name
# BASE_URL, never the Wagtail Site's default « localhost ».
WAGTAILAPI_BASE_URL = BASE_URL
# Any site may read the API from a browser (django-cors-headers): GET only, no cookies, nothing
# outside /api/ (the rest of the site keeps the same-origin rule).
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_PREFLIGHT_MAX_AGE = 86400
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
