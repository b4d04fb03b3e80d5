"""The one settings file. Every value comes from the environment; bad values stop start-up.

Two modes:
- local (default without DATABASE_URL): one person on their own computer, SQLite in the
  user data dir, a secret generated there, sign-in by one-time link.
- hosted (default with DATABASE_URL): many accounts, PostgreSQL, SECRET_KEY required.
"""

import ipaddress
import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from coffeechat.datadir import (
    FILE_MODE,
    FOLDER_MODE,
    data_dir,
    load_or_create_secret,
    private_database,
)

BASE_DIR = Path(__file__).resolve().parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (got {raw!r}).")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number (got {raw!r}).") from None


def envchoice(name: str, choices: tuple[str, ...], default: str) -> str:
    value = os.environ.get(name, "").strip().lower() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)} (got {value!r}).")
    return value


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
COFFEECHAT_MODE = envchoice("COFFEECHAT_MODE", ("local", "hosted"), "hosted" if DATABASE_URL else "local")
LOCAL_MODE = COFFEECHAT_MODE == "local"
DATA_DIR = data_dir()

SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not LOCAL_MODE:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in hosted mode (a long random string, kept private)."
        )
    SECRET_KEY = load_or_create_secret(DATA_DIR)

DEBUG = envbool("COFFEECHAT_DEBUG", False)
ALLOW_SIGNUP = envbool("COFFEECHAT_ALLOW_SIGNUP", False)
LOGIN_LINK_MINUTES = envint("COFFEECHAT_LOGIN_LINK_MINUTES", 10)

if LOCAL_MODE:
    ALLOWED_HOSTS = envlist("COFFEECHAT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
else:
    ALLOWED_HOSTS = envlist("COFFEECHAT_ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS and not DEBUG:
        raise ImproperlyConfigured(
            "COFFEECHAT_ALLOWED_HOSTS must name the site's host names in hosted mode "
            "(comma-separated, e.g. coffeechat.example.edu)."
        )
CSRF_TRUSTED_ORIGINS = envlist("COFFEECHAT_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "coffeechat.accounts",
    "coffeechat.people",
    "coffeechat.mail",
    "coffeechat.conversations",
    "coffeechat.outreach",
    "coffeechat.meetings",
    "coffeechat.questions",
    "coffeechat.events",
    "coffeechat.followups",
    "coffeechat.insights",
    "coffeechat.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "coffeechat.accounts.middleware.permissions_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "coffeechat.accounts.middleware.user_time_zone",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coffeechat.urls"
WSGI_APPLICATION = "coffeechat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coffeechat.accounts.context_processors.coffeechat",
                "coffeechat.followups.context_processors.due_count",
            ],
        },
    },
]

FORM_RENDERER = "coffeechat.forms.FormRenderer"

if DATABASE_URL:
    try:
        # Each gunicorn worker keeps its connection (checked once per request before reuse, so a
        # restarted database costs no failed page) instead of connecting again every minute.
        DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)}
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL we understand: {exc}") from None
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"]["ENGINE"] = "coffeechat.postgres"  # Django's, within the parameter limit
        options = DATABASES["default"].setdefault("OPTIONS", {})
        # No JIT compilation: our queries are small and owner-scoped, but a heavy account's estimates
        # can pass jit_above_cost, and compiling then took ~75 ms of a 10 ms query. `?options=…` in
        # DATABASE_URL replaces this (PgBouncer needs `options` in its ignore_startup_parameters).
        options.setdefault("options", "-c jit=off")
        if envbool("COFFEECHAT_DB_PREPARED", True):
            # PostgreSQL binds the parameters, and a statement a connection has run 5 times is
            # prepared: planned once, not on every page (Today's due count took 9 ms to plan).
            options.update(server_side_binding=True, prepare_threshold=5)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": private_database(DATA_DIR / "coffeechat.sqlite3"),
            "OPTIONS": {
                # One writer at a time without "database is locked" surprises.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # django-axes counts failed password sign-ins and refuses them once locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"

# Throttles. Password sign-in (django-axes): locked by account and, separately, by client address
# after COFFEECHAT_LOGIN_ATTEMPTS failures, for COFFEECHAT_LOGIN_LOCKOUT_MINUTES; a password reset
# lifts an account's lock. Reset requests and sign-in links are limited in accounts/throttle.py.
TRUSTED_PROXIES = envint("COFFEECHAT_TRUSTED_PROXIES", 0)
AXES_FAILURE_LIMIT = envint("COFFEECHAT_LOGIN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("COFFEECHAT_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_CLIENT_IP_CALLABLE = "coffeechat.accounts.throttle.client_ip"
AXES_VERBOSE = False
PASSWORD_RESET_LIMIT = envint("COFFEECHAT_PASSWORD_RESET_PER_HOUR", 5)
LOGIN_LINK_FAILURE_LIMIT = 10  # unknown or used sign-in links a client may try in 15 minutes
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
# Coffeechat speaks English only: without the translation machinery every page skips a look-up per
# date, number and message it formats (4 % of the Today page's work); formats stay English ones.
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Optional: `coffeechat collectstatic` copies files here for a front web server to serve.
STATIC_ROOT = os.environ.get("COFFEECHAT_STATIC_ROOT", "").strip() or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the app folders: `coffeechat serve` needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "media"
# Uploads (a résumé) are private like the rest of the data folder.
FILE_UPLOAD_PERMISSIONS = FILE_MODE
FILE_UPLOAD_DIRECTORY_PERMISSIONS = FOLDER_MODE

# Background work (imports, the daily digest): Django's tasks framework. Hosted mode queues tasks
# in the database for `coffeechat worker`; local mode runs them at once, in process.
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[
    envchoice("COFFEECHAT_TASKS", tuple(TASKS_BACKENDS), "immediate" if LOCAL_MODE else "database")
]}}
# On PostgreSQL, Today and the People list are kept as rendered for their owner until any of the owner's
# data changes, and at most this long (time alone brings items due): accounts/pagecache.py. 0 turns it off.
PAGE_CACHE_SECONDS = envint("COFFEECHAT_PAGE_CACHE_SECONDS", 60)
IMPORT_MAX_BYTES = envint("COFFEECHAT_IMPORT_MAX_MB", 20) * 1024 * 1024
DIGEST_EVERY_MINUTES = envint("COFFEECHAT_DIGEST_EVERY_MINUTES", 15)

# The JSON API (/api/v1/): requests a minute per token, and per client address before sign-in.
API_RATE = os.environ.get("COFFEECHAT_API_RATE", "").strip() or "600/m"
if not re.fullmatch(r"\d+/[smhd]", API_RATE):
    raise ImproperlyConfigured(f"COFFEECHAT_API_RATE must look like 600/m (got {API_RATE!r}).")
API_ANON_RATE = "60/m"

# Mail: the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", EMAIL_PORT == 465)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Coffeechat <coffeechat@localhost>")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Users' own SMTP servers (hosted mode): only these ports, and only public addresses unless an
# address falls in one of these networks (e.g. a campus relay: 10.20.0.0/16). See mail/guard.py.
SMTP_ALLOWED_PORTS = []
for _port in envlist("COFFEECHAT_SMTP_PORTS", ["25", "465", "587", "2525"]):
    if not _port.isdigit() or not 1 <= int(_port) <= 65535:
        raise ImproperlyConfigured(f"COFFEECHAT_SMTP_PORTS must list port numbers (got {_port!r}).")
    SMTP_ALLOWED_PORTS.append(int(_port))
SMTP_ALLOWED_NETWORKS = envlist("COFFEECHAT_SMTP_ALLOWED_NETWORKS", [])
for _network in SMTP_ALLOWED_NETWORKS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"COFFEECHAT_SMTP_ALLOWED_NETWORKS must list networks like 10.20.0.0/16 (got {_network!r})."
        ) from None

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
HTTPS = envbool("COFFEECHAT_HTTPS", False)
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("COFFEECHAT_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer's plain-HTTP probe
    SECURE_HSTS_SECONDS = envint("COFFEECHAT_HSTS_SECONDS", 31_536_000)  # a year
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("COFFEECHAT_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("COFFEECHAT_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading commits the whole domain to HTTPS in browsers for good: the operator's call.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy (django-csp): scripts only from our own static files — no inline
# script, no event-handler attributes, no eval (htmx is configured for it in base.html).
# Inline style attributes stay allowed: templates use a few for layout, and style cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    },
}
# Browser features no page of Coffeechat uses, switched off for every page (and anything injected).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("COFFEECHAT_LOG_LEVEL", "WARNING")},
    # A 404 or an expired link is not worth a line in the user's terminal.
    "loggers": {"django.request": {"level": "ERROR"}},
}
