"""A task submitted by a view runs on a real Celery worker process behind Redis."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from kombu import pools

from accounts.models import Invitation
from config.celery import app as celery_app
from tests.conftest import skip_or_fail
from tests.factories import AdminFactory, RegionFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

BROKER_DB = 15  # a Redis database of its own, so a developer's running worker cannot take the task


def broker_url() -> str:
    return os.environ.get("BRUECKE_TEST_BROKER_URL") or settings.REDIS_URL.rsplit("/", 1)[0] + f"/{BROKER_DB}"


def database_url_for_worker() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def use_broker(url: str) -> None:
    """Point the app at another broker, dropping connections it pooled for the old one.

    Eager tasks in earlier tests already open a producer pool (Celery acquires a producer even when
    it runs a task in-process); left in place, it would send this test's task to the old broker.
    """
    celery_app.conf.broker_url = url
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    celery_app._pool = None
    pools.reset()  # kombu keeps the closed pool per connection and would hand it out again
    celery_app.amqp._producer_pool = None


@pytest.fixture
def worker(tmp_path):
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        skip_or_fail("The worker test needs DATABASE_URL (PostgreSQL) and REDIS_URL.")
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": database_url_for_worker(),
        "REDIS_URL": broker_url(),
        "EMAIL_URL": f"filemail:///{mail_dir}",  # django-environ drops one leading slash
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager = False
    use_broker(broker_url())
    celery_app.control.purge()  # leftovers of an interrupted run must not be mistaken for this one
    celery = Path(sys.executable).with_name("celery")
    process = subprocess.Popen(
        [
            str(celery),
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield mail_dir
    finally:
        celery_app.conf.task_always_eager = previous[0]
        use_broker(previous[1])
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        print(output[-4000:])


def test_invitation_submitted_by_the_admin_view_is_sent_by_the_worker(client, worker):
    region = RegionFactory(name="Landkreis Emsland", codes=["49716"])
    client.force_login(AdminFactory())

    response = client.post(
        reverse("accounts:admin_dashboard"),
        {"email": "emsland@example.org", "region": region.pk, "language": "de"},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.sent_at is None  # nothing ran in this process

    # The invitation is marked sent in the transaction that puts the e-mail in the outbox; the e-mail leaves
    # the outbox after that commit, so the file may appear a moment after the mark.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        invitation.refresh_from_db()
        if invitation.sent_at is not None and any(worker.iterdir()):
            break
        time.sleep(0.5)

    assert invitation.sent_at is not None, "the worker did not run the task within 60 seconds"
    sent = [path.read_text() for path in worker.iterdir()]
    assert len(sent) == 1
    assert "emsland@example.org" in sent[0]
    assert "Landkreis Emsland" in sent[0]
