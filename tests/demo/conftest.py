"""The demo is seeded once per test module, not once per test: a whole seed takes seconds.

A module that looks at the pristine demo marks itself with `pytest.mark.usefixtures("seeded_demo")`. The seed
runs in a transaction that stays open for the module and is rolled back after its last test; each test runs in a
savepoint inside it (pytest-django's `db`), so a test that changes or seeds again is undone before the next one,
and no demo row reaches another module. Tests of the first seed itself (its refusals, the command, the e-mails it
does not send) need an empty database and live in modules without it.
"""

import sys
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from accounts.models import User
from config.celery import app as celery_app
from demo.data.people import DEMO_DOMAIN
from demo.services import demo_seed
from tests.conftest import FAST_PASSWORD_HASHERS


@contextmanager
def _as_in_a_test():
    """What tests/conftest.py's autouse fixtures set for each test, which a module-scoped fixture runs before:
    the same password hasher (or the demo logins would not work in the tests), language and eager tasks."""
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS), translation.override(settings.LANGUAGE_CODE):
            yield
    finally:
        celery_app.conf.task_always_eager = eager


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker):
    """The demo without the recorded Jobbörse ads (tests/demo/test_jobboerse.py seeds them); its logins by role."""
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        try:
            with _as_in_a_test():
                logins = demo_seed(with_jobboerse=False)
        except BaseException:
            module_transaction.__exit__(*sys.exc_info())
            raise
    try:
        yield logins
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)
            assert not User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").exists(), "the demo outlived its module"
