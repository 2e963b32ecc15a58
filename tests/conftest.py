import os

import pytest

from config.celery import app as celery_app

# In CI every test must run: a missing browser or service is a failure there, not a skip.
REQUIRE_ALL = os.environ.get("BRUECKE_REQUIRE_ALL_TESTS") == "1"


@pytest.fixture(autouse=True)
def _celery_runs_eagerly():
    """Tasks run in-process in tests; the worker test switches this off for itself."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


# Full-strength hashing of every test account would cost minutes across the suite.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest needs collectstatic; tests serve static files straight from static/.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; one test's failed logins must not lock out the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def skip_or_fail(reason: str):
    if REQUIRE_ALL:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _private_media_root(settings, tmp_path):
    """Uploaded documents go to a folder of the test's own and vanish with it."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _matching_reads_offers_anew():
    """The engine keeps offers in memory between tasks; a rolled-back test must not leave its offers there."""
    from matching.facts import match_targets_forget

    match_targets_forget()
    yield
    match_targets_forget()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the portal's default language: a request or an activate() in one test must not
    decide the language, and the URLs reversed, of the next."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_fragments_from_earlier_tests():
    """Rendered fragments live in the process; a rolled-back test's offers must not be shown to the next one."""
    from common import page_cache, scoped_cache
    from common.render_cache import fragments

    for store in (fragments, page_cache.pages_in_worker, scoped_cache.pages_in_worker):
        store.clear()
    yield
    for store in (fragments, page_cache.pages_in_worker, scoped_cache.pages_in_worker):
        store.clear()
