"""Settings for Brücke, read from the environment (12-factor).

With no environment set the portal runs embedded: SQLite, Celery tasks executed eagerly
in-process, e-mails printed to the console. DATABASE_URL and REDIS_URL switch to
PostgreSQL, a Redis broker/cache and a real Celery worker.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=True)

# A development key is only acceptable while DEBUG is on; production must set its own.
if DEBUG:
    SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-bruecke-development-only")
else:
    SECRET_KEY = env("DJANGO_SECRET_KEY")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "common",
    "accounts",
    "places",
    "occupations",
    "portal",
    "documents",
    "privacy",
    "applications",
    "notifications",
    "employers",
    "courses",
    "matching",
    "mentoring",
    "events",
    "alerts",
    "conversations",
    "webapp",
    "imports",
    "jobboerse",
    # Last: the demo data reaches into every app above, and none of them imports it.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "webapp.middleware.OfflineSafetyMiddleware",
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
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "common.context_processors.navigation",
                "common.context_processors.reader_placeholders",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# A worker keeps its connection between requests: opening one costs as much as a search page's queries.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The public search and finder pages as visitors who are not signed in see them, kept whole (common.page_cache):
# at most this many seconds after a change no service announced; 0 switches the page cache off. "worker" keeps
# them in each worker's memory (at most PAGE_CACHE_WORKER_PAGES), "cache" in CACHES (Redis in production).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
PAGE_CACHE_STORE = env("PAGE_CACHE_STORE", default="worker")
PAGE_CACHE_WORKER_PAGES = env.int("PAGE_CACHE_WORKER_PAGES", default=500)
# The signed-in finder pages kept whole per region, vacancy or report in each worker (common.scoped_cache), at
# most SCOPED_CACHE_WORKER_PAGES of them (some 50 kB each): at most this many seconds after a change no write
# announced; 0 switches it off.
SCOPED_CACHE_SECONDS = env.int("SCOPED_CACHE_SECONDS", default=60)
SCOPED_CACHE_WORKER_PAGES = env.int("SCOPED_CACHE_WORKER_PAGES", default=1000)

REDIS_URL = env("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions are written to the database and read from the cache (the database when the cache has lost one):
# every signed-in request reads its session, and the cache answers that in a fraction of the time. Signing out
# and deleting an account delete both copies (privacy.services).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: e-mail is the login, verification is mandatory; failed logins slow further attempts down
# (accounts.adapters, see the hardening block below) instead of allauth's lock of the account.
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming the address signs the person in (when it happens in the browser that signed up), no second login.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Brücke] "
ACCOUNT_PRESERVE_USERNAME_CASING = False

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Languages: German is the default; Arabic and Farsi are right-to-left.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("ar", _("Arabic")),
    ("fa", _("Dari/Farsi")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own date formats for Arabic and Farsi (day before month; portal/formats/).
FORMAT_MODULE_PATH = ["common.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded personal documents live outside the web root and are never served by URL.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Brücke <noreply@bruecke.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: a real worker behind Redis in production; tasks run eagerly in-process when embedded.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Every task is idempotent (recomputations write differences, e-mails go through the outbox), so a task whose
# worker died is handed to another one: acknowledged only when done, given back when the worker is lost.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The longest task (one chunk of the nightly recomputation, an import) is stopped after 20 minutes; an unacknowledged
# task becomes visible again just after that, not after Redis' default hour. Retries wait at most 10 minutes, so a
# task held back for its retry is never handed out twice.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=1200)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=1230)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=1260),
    # How often a worker looks for tasks a lost worker left unacknowledged (seconds × throttle).
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
}
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="bruecke")
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Expired invitations of every kind (coordinators, staff, imported accounts).
    "expire-invitations": {
        "task": "accounts.tasks.expire_invitations",
        "schedule": crontab(hour=3, minute=15),
    },
    "expire-vacancies": {
        "task": "employers.tasks.expire_vacancies",
        "schedule": crontab(hour=0, minute=5),
    },
    "refresh-supply-reports": {
        "task": "courses.tasks.refresh_supply_reports",
        "schedule": crontab(minute=20),
    },
    "recompute-matches": {
        "task": "matching.tasks.recompute_all",
        "schedule": crontab(hour=2, minute=30),
    },
    "send-event-reminders": {
        "task": "events.tasks.send_event_reminders",
        "schedule": crontab(minute=40),
    },
    "sync-jobboerse": {
        "task": "jobboerse.tasks.sync",
        "schedule": crontab(hour="*/4", minute=10),
    },
    "flush-email-outbox": {
        "task": "notifications.tasks.flush_outbox",
        "schedule": crontab(minute="*/5"),
    },
    "send-match-digests": {
        "task": "matching.tasks.send_match_digests",
        "schedule": crontab(hour=7, minute=30),
    },
}

# Production hardening; `manage.py check --deploy` is clean when DJANGO_DEBUG=false.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Personal data is never logged: no request bodies, no e-mail addresses, only ids and events.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # In-process (eager) tasks would print a line each; a real worker logs them through its own logger.
        "celery.app.trace": {"level": "INFO" if REDIS_URL else "WARNING"},
        # One line per request of the Jobbörse sync would be tens of thousands a run.
        "httpx": {"level": "WARNING"},
    },
}

# The demo logins are printed by `make run`; seed_demo refuses to run outside DEBUG.
DEMO_PASSWORD = "bruecke-demo-2026"  # noqa: S105 (public demo data, refused outside DEBUG)

# Messages from the contact form go here; without it, to every active admin account.
CONTACT_EMAILS = env.list("CONTACT_EMAILS", default=[])

# The Bundesagentur für Arbeit's Jobbörse, whose offers are imported every four hours when enabled.
# JOBBOERSE_API_KEY is the public client id of the Jobsuche API unless the Bundesagentur gives its own.
JOBBOERSE_ENABLED = env.bool("JOBBOERSE_ENABLED", default=False)
JOBBOERSE_BASE_URL = env("JOBBOERSE_BASE_URL", default="https://rest.arbeitsagentur.de/jobboerse/jobsuche-service")
JOBBOERSE_API_KEY = env("JOBBOERSE_API_KEY", default="jobboerse-jobsuche")
JOBBOERSE_AD_URL = env("JOBBOERSE_AD_URL", default="https://www.arbeitsagentur.de/jobsuche/jobdetail/{refnr}")
JOBBOERSE_TIMEOUT_SECONDS = env.float("JOBBOERSE_TIMEOUT_SECONDS", default=20.0)
JOBBOERSE_REQUESTS_PER_SECOND = env.float("JOBBOERSE_REQUESTS_PER_SECOND", default=2.0)
# "districts": every district of Lower Saxony; "regions": the coordinators' regions.
JOBBOERSE_AREAS = env("JOBBOERSE_AREAS", default="districts")

# Absolute links in e-mails (invitations, digests) point here.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

# --- Hardening (issue 12) ----------------------------------------------------------------------------------
# The embedded SQLite serves parallel requests: write-ahead logging lets readers go on while one writes, every
# transaction takes the write lock when it begins (a read that later writes cannot be refused halfway), and a
# writer waits up to 20 s for the lock instead of failing with "database is locked".
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

# Content-Security-Policy and Permissions-Policy on every response (common.middleware.security_headers).
# No inline script or style anywhere: JavaScript and CSS come from static/ files; Bootstrap's CSS draws its
# form icons as data: images. Forms post only to the portal itself, and no other site may frame it.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "common.middleware.security_headers"
)
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
        "microphone", "midi", "payment", "publickey-credentials-get", "usb", "xr-spatial-tracking",
    )
)  # fmt: skip

# Request size: the proxy refuses bodies above 12 MB first (README, "Request size"); Django answers 413 to
# a larger announced body without reading it, stops a file that streams in beyond 10 MB (the document
# limit), keeps at most 2.5 MB of form fields or of a file in memory, and takes at most 10 files at once.
UPLOAD_MAX_FILE_BYTES = 10 * 1024 * 1024
UPLOAD_MAX_REQUEST_BYTES = UPLOAD_MAX_FILE_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_HANDLERS = [
    "common.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Last in the chain, so that the 413 page knows the language and the user; still before anything reads the
# body (the CSRF check reads the form in process_view, which runs after every middleware's request phase).
MIDDLEWARE.append("common.uploads.request_size_limit")

# Failed logins: allauth's limit per account locked the owner out too; a progressive delay per account and
# address replaces it (accounts.selectors.LOGIN_THROTTLES). Behind a reverse proxy the client's address is
# the proxy's last X-Forwarded-For entry: DJANGO_TRUSTED_PROXY_COUNT says how many proxies stand in front.
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS, "login_failed": None}
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
