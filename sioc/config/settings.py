"""SIOC settings: one module, driven by environment variables (see README.md).

SIOC_ENV selects the profile: ``development`` (default: DEBUG, console e-mail, a generated
secret kept in the var dir), ``test`` (used by the test suite) or ``production`` (DEBUG off,
secret and hosts required, HTTPS hardening).
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent  # the sioc package
PROJECT_DIR = BASE_DIR.parent  # the checkout


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "si", "sí", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SIOC_ENV = env("SIOC_ENV", "development")
if SIOC_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured(
        "SIOC_ENV debe ser development, test o production (se recibió «%s»)." % SIOC_ENV
    )
PRODUCTION = SIOC_ENV == "production"
DEBUG = SIOC_ENV == "development"

# State that is not code: SQLite file, uploads, the development secret.
VAR_DIR = Path(env("SIOC_VAR_DIR", PROJECT_DIR / "var")).resolve()
DATA_DIR = Path(env("SIOC_DATA_DIR", PROJECT_DIR.parent / "shared" / "data")).resolve()


def _secret_key():
    key = env("SIOC_SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "En producción debe definir SIOC_SECRET_KEY (50 caracteres o más)."
        )
    # Development and tests: a random secret kept in the var dir, so sessions survive restarts.
    path = VAR_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(64)
        path.write_text(key)
        return key


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list(
    "SIOC_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver"
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "En producción debe definir SIOC_ALLOWED_HOSTS (dominios separados por comas)."
    )
CSRF_FAILURE_VIEW = "sioc.common.views.csrf_failure"
CSRF_TRUSTED_ORIGINS = env_list("SIOC_CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SIOC_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_filters",
    "django_tables2",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks.backends.database",
    "sioc.common",
    "sioc.audit",
    "sioc.territory",
    "sioc.codelists",
    "sioc.organizations",
    "sioc.accounts",
    "sioc.offers",
    "sioc.demands",
    "sioc.missions",
    "sioc.projects",
    "sioc.matching",
    "sioc.dashboards",
    "sioc.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:  # WhiteNoise serves the collected static files; development uses the finders
    INSTALLED_APPS.insert(
        INSTALLED_APPS.index("django.contrib.staticfiles"), "whitenoise.runserver_nostatic"
    )
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "sioc.config.urls"
WSGI_APPLICATION = "sioc.config.wsgi.application"

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
                "sioc.common.context_processors.sioc",
            ],
        },
    },
]

# Database: SQLite in the var dir unless SIOC_DATABASE_URL says otherwise.
DATABASE_URL = env("SIOC_DATABASE_URL", "sqlite:///" + str(VAR_DIR / "sioc.sqlite3"))
if DATABASE_URL.startswith("sqlite:///") and ":memory:" not in DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if SIOC_ENV == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

# Sessions expire after 8 idle hours and when the browser closes.
SESSION_COOKIE_AGE = int(env("SIOC_SESSION_AGE", 8 * 60 * 60))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login rate limiting (django-axes): 5 failures lock the user+address pair for 15 minutes.
AXES_FAILURE_LIMIT = int(env("SIOC_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "es-ec"
LANGUAGES = [("es-ec", _("Español (Ecuador)"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["sioc.config.formats"]
TIME_ZONE = "America/Guayaquil"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("SIOC_STATIC_ROOT", PROJECT_DIR / "staticfiles"))
NODE_MODULES = Path(env("SIOC_NODE_MODULES", PROJECT_DIR / "node_modules"))
STATICFILES_DIRS = [
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("SIOC_MEDIA_ROOT", VAR_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Background work (django-tasks): jobs are rows in the database, run by `sioc db_worker`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.database.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# E-mail: console in development and tests; SMTP when SIOC_EMAIL_HOST is set.
EMAIL_HOST = env("SIOC_EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env("SIOC_EMAIL_PORT", 587))
    EMAIL_HOST_USER = env("SIOC_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env("SIOC_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("SIOC_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("SIOC_EMAIL_FROM", "SIOC <no-responder@sioc.ame.gob.ec>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers (all profiles) and HTTPS hardening (production).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SIOC_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("SIOC_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("SIOC_BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API de SIOC",
    "DESCRIPTION": "Sistema de Información de Cooperación Internacional de los municipios del Ecuador.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env("SIOC_LOG_LEVEL", "WARNING" if SIOC_ENV == "test" else "INFO"),
    },
}
