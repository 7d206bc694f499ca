"""Jalon's one settings module, read from the environment.

It runs with no configuration at all (SQLite in the data directory, e-mail printed on the
console); every variable is documented in `.env.example`. A value that cannot be understood
stops the start with a message that says which variable and what is expected, rather than
running with a surprise.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
import xstatic.pkg.leaflet as xstatic_leaflet
import xstatic.pkg.leaflet_markercluster as xstatic_leaflet_markercluster
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent

TRUE_WORDS = {"1", "true", "yes", "on", "oui", "vrai"}
FALSE_WORDS = {"0", "false", "no", "off", "non", "faux", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} n'est pas compris : utilisez 1/0, true/false ou oui/non. "
        f"({name}={raw!r} is not understood: use 1/0, true/false or yes/no.)"
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name}={raw!r} doit être un nombre entier. ({name} must be a whole number.)"
        ) from None


def database_from_url(url: str) -> dict[str, object]:
    scheme = urlsplit(url).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL : le type de base « {scheme or url} » n'est pas pris en charge ; "
            "utilisez sqlite:///chemin/jalon.sqlite3 ou postgres://usager:motdepasse@hôte:5432/base. "
            f"(DATABASE_URL scheme {scheme or url!r} is not supported.)"
        )
    try:
        config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    except Exception as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL n'est pas une adresse de base de données valide : {exc}. "
            "(DATABASE_URL is not a valid database URL.)"
        ) from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        # Writers queue instead of failing: a transaction takes the write lock when it begins
        # (IMMEDIATE), so two saves never deadlock upgrading a read lock ("database is locked"
        # at once, whatever the timeout), and a writer waits up to 20 s for the one before it.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


def email_from_url(url: str) -> dict[str, object]:
    """EMAIL_URL: console://, locmem://, file:///path, smtp://user:pass@host:port, smtp+tls://, smtp+ssl://."""
    parts = urlsplit(url)
    scheme = parts.scheme
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": parts.path or "mail",
        }
    if scheme in {"smtp", "smtp+tls", "smtp+ssl"}:
        if not parts.hostname:
            raise ImproperlyConfigured(
                "EMAIL_URL doit nommer un serveur : smtp://usager:motdepasse@smtp.exemple.org:587. "
                "(EMAIL_URL must name a server.)"
            )
        query = parse_qs(parts.query)
        try:
            port = parts.port or (
                465 if scheme == "smtp+ssl" else 587 if scheme == "smtp+tls" else 25
            )
        except ValueError:
            raise ImproperlyConfigured(
                "EMAIL_URL : le port n'est pas un nombre. (bad port)"
            ) from None
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": port,
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": scheme == "smtp+tls",
            "EMAIL_USE_SSL": scheme == "smtp+ssl",
            "EMAIL_TIMEOUT": int(query.get("timeout", ["20"])[0]),
        }
    raise ImproperlyConfigured(
        f"EMAIL_URL : le type « {scheme or url} » n'est pas pris en charge ; utilisez console://, "
        "smtp://, smtp+tls://, smtp+ssl://, file:///chemin ou locmem://. "
        f"(EMAIL_URL scheme {scheme or url!r} is not supported.)"
    )


# --- Where data lives -------------------------------------------------------------------
DATA_DIR = Path(env_str("JALON_DATA_DIR") or "var").expanduser().resolve()
DEMO = env_bool("JALON_DEMO", False)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY_FROM_ENV = bool(env_str("SECRET_KEY"))
# Without SECRET_KEY, `jalon serve` refuses to start when DEBUG is off (see cli.py); management
# commands, the demo and the tests still run with this throw-away key.
SECRET_KEY = env_str("SECRET_KEY") or "jalon-insecure-key-for-demo-and-tests-only-do-not-deploy"

ALLOWED_HOSTS = [
    h.strip() for h in env_str("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env_str("CSRF_TRUSTED_ORIGINS").split(",") if o.strip()]
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Applications ----------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "simple_history",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "jalon.core",
    "jalon.accounts",
    "jalon.network",
    "jalon.plans",
    "jalon.resources",
    "jalon.tracking",
    "jalon.surveys",
    "jalon.reports",
    "jalon.imports",
    "jalon.api",
    "jalon.demo",
]

MIDDLEWARE = [
    "jalon.core.middleware.ServerTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "jalon.core.middleware.LocaleMiddleware",
    "jalon.core.middleware.RequestGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "jalon.accounts.language.LanguageCookieMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jalon.urls"
WSGI_APPLICATION = "jalon.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "jalon.core.context_processors.jalon",
                "jalon.demo.context_processors.demo",
            ],
        },
    }
]

# --- Database ----------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'jalon.sqlite3'}"
DATABASES = {"default": database_from_url(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and security --------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("JALON_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours: a locked-out person may try again after 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy, the client address comes from X-Forwarded-For, counted from the right:
# set JALON_TRUSTED_PROXIES to the number of proxies in front of Jalon (1 for one nginx).
TRUSTED_PROXIES = env_int("JALON_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "jalon.core.clientip.client_ip"
# Throttles (core.ratelimit): sign-in attempts from one address whatever the accounts tried, and
# password-reset e-mails per address and per account, each per hour.
LOGIN_ATTEMPTS_PER_ADDRESS = env_int("JALON_LOGIN_ATTEMPTS_PER_ADDRESS", 30)  # per 15 minutes
PASSWORD_RESETS_PER_ADDRESS = env_int("JALON_PASSWORD_RESETS_PER_ADDRESS", 5)
PASSWORD_RESETS_PER_ACCOUNT = env_int("JALON_PASSWORD_RESETS_PER_ACCOUNT", 3)
INVITATION_DAYS = env_int("JALON_INVITATION_DAYS", 14)
# How long deleted plan items wait in their plan's corbeille before `jalon manage purge_trash`
# removes them for good (with their files).
TRASH_DAYS = env_int("JALON_TRASH_DAYS", 90)
# Report generations one person may ask for per hour (each is a background job; PDFs are costly).
REPORTS_PER_HOUR = env_int("JALON_REPORTS_PER_HOUR", 30)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx sends the token from hx-headers on <body>
CSRF_FAILURE_VIEW = "jalon.core.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
HTTPS = env_bool("JALON_HTTPS", False)  # behind a TLS proxy in production: JALON_HTTPS=1
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("JALON_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("JALON_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# The geographic map's base tiles: a tile server the administrator runs or chooses, as a
# Leaflet URL template ("https://tiles.example.org/{z}/{x}/{y}.png"). Unset, the map shows
# its points over nothing but the regions' outlines Jalon has: no request leaves the site.
MAP_TILES = env_str("JALON_MAP_TILES").strip()
MAP_TILES_ATTRIBUTION = env_str("JALON_MAP_TILES_ATTRIBUTION").strip()
# A "{s}" subdomain (a.tiles…, b.tiles…) becomes the CSP's wildcard "*.tiles…".
_tiles_origin = urlsplit(MAP_TILES.replace("{s}", "*")) if MAP_TILES else None
MAP_TILES_ORIGIN = (
    f"{_tiles_origin.scheme}://{_tiles_origin.netloc}"
    if _tiles_origin and _tiles_origin.scheme in ("http", "https") and _tiles_origin.netloc
    else ""
)
if MAP_TILES and not MAP_TILES_ORIGIN:
    raise ImproperlyConfigured(
        f"JALON_MAP_TILES={MAP_TILES!r} : donnez une adresse http(s)://…/{{z}}/{{x}}/{{y}}.png. "
        "(JALON_MAP_TILES must be an http(s) URL template.)"
    )

# Strict Content-Security-Policy: no inline script or style, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([MAP_TILES_ORIGIN] if MAP_TILES_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Internationalization ---------------------------------------------------------------
LANGUAGE_CODE = "fr-ca"
LANGUAGES = [("fr-ca", _("Français")), ("en", _("English"))]
LOCALE_PATHS: list[Path] = []  # each app keeps its own catalogue in <app>/locale
TIME_ZONE = "America/Montreal"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "jalon_language"

# --- Static and uploaded files ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Leaflet and its marker clustering come from their XStatic Python packages, served as our own.
STATICFILES_DIRS = [
    ("leaflet", xstatic_leaflet.BASE_DIR),
    ("leaflet-markercluster", xstatic_leaflet_markercluster.BASE_DIR),
]
WHITENOISE_USE_FINDERS = True  # the demo and the tests run without collectstatic
MAX_UPLOAD_BYTES = env_int("JALON_MAX_UPLOAD_MB", 20) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_MAX_PAGES = env_int("JALON_IMPORT_MAX_PAGES", 300)
# Scanned PDF pages are read by OCR (Tesseract) in the background task, within these bounds.
IMPORT_OCR = env_bool("JALON_OCR", True)
IMPORT_OCR_MAX_PAGES = env_int("JALON_OCR_MAX_PAGES", 30)
IMPORT_OCR_PAGE_SECONDS = env_int("JALON_OCR_PAGE_SECONDS", 60)
IMPORT_OCR_TOTAL_SECONDS = env_int("JALON_OCR_TOTAL_SECONDS", 600)

# --- E-mail -------------------------------------------------------------------------------
vars().update(email_from_url(env_str("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Jalon <jalon@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background work -----------------------------------------------------------------------
TASKS_BACKEND = env_str("JALON_TASKS", "immediate")
if TASKS_BACKEND not in {"immediate", "database"}:
    raise ImproperlyConfigured(
        f"JALON_TASKS={TASKS_BACKEND!r} : utilisez « immediate » ou « database ». "
        "(JALON_TASKS must be 'immediate' or 'database'.)"
    )
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TASKS_BACKEND == "immediate"
        else "django_tasks_db.DatabaseBackend"
    }
}

# --- Observability --------------------------------------------------------------------------
SERVER_TIMING = env_bool("JALON_SERVER_TIMING", True)
# /healthz answers 503 below this much free space in the data directory, and when a queued task
# has waited longer than this (no worker running).
HEALTH_MIN_FREE_MB = env_int("JALON_HEALTH_MIN_FREE_MB", 200)
HEALTH_WORKER_STALL_MINUTES = env_int("JALON_HEALTH_WORKER_STALL_MINUTES", 15)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("JALON_LOG_LEVEL", "INFO").upper()},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- API (jalon.api, docs/api.md) ----------------------------------------------------------
# Sessions (the site's own scripts) and personal tokens; every read and write goes through
# the apps' access queries and services. Tokens are throttled each on its own (default cache).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "jalon.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["jalon.api.permissions.SignedInWithScope"],
    "DEFAULT_THROTTLE_CLASSES": ["jalon.api.throttling.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": env_str("JALON_API_TOKEN_RATE", "600/hour")},
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "jalon.api.pagination.Cursor",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "jalon.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Jalon API",
    "DESCRIPTION": "Plans, follow-up and figures of a network, with the rules of its pages.",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "jalon.api.schema.same_on_every_database",
    ],
    "ENUM_NAME_OVERRIDES": {
        "OrganizationKindEnum": "jalon.network.enums.OrganizationKind",
        "PlanKindEnum": "jalon.plans.enums.PlanKind",
        "ObjectiveKindEnum": "jalon.plans.enums.ObjectiveKind",
        "IndicatorKindEnum": "jalon.plans.enums.IndicatorKind",
        "ActivityKindEnum": "jalon.tracking.enums.ActivityKind",
        "ActionStatusEnum": "jalon.plans.enums.ActionStatus",
    },
}

SILENCED_SYSTEM_CHECKS: list[str] = []
