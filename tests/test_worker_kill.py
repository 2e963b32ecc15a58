"""Nothing lost, nothing doubled when a worker dies: real Celery workers behind Redis, killed with SIGKILL.

The broker is Redis database 15 (or BRUECKE_TEST_BROKER_URL); the workers get a visibility timeout of a few
seconds, so a task their killed predecessor held comes back quickly instead of after the production 21 minutes.
"""

import contextlib
import hashlib
import os
import re
import select
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app
from matching.models import Match
from matching.services import match_recompute_all, match_recompute_candidates
from matching.store import LOCK_BLOCK, LOCK_NAMESPACE
from notifications.models import Notification, OutboxEmail
from notifications.services import notification_create
from portal.models import CandidateProfile
from tests.conftest import skip_or_fail
from tests.factories import UserFactory
from tests.matching import world
from tests.test_celery_worker import broker_url, database_url_for_worker, use_broker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

VISIBILITY_SECONDS = 4
BOUND_SECONDS = 60


# --- A local SMTP sink ------------------------------------------------------------------------------------------


class SmtpSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP for Django's backend. A message counts as delivered only once the sink answered 250 to its
    data, as with a real mail server; `hold` keeps that answer back until the client disappears."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SmtpHandler)
        self.delivered: list[str] = []
        self.abandoned: list[str] = []
        self.hold = False
        self.data_received = threading.Event()

    @property
    def port(self) -> int:
        return self.server_address[1]


class SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def client_gone(self, seconds: float) -> bool:
        readable, _, _ = select.select([self.connection], [], [], seconds)
        return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""

    def handle(self):
        sink: SmtpSink = self.server
        self.reply("220 sink ESMTP")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 sink")
            elif command == "DATA":
                self.reply("354 go ahead")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk.decode(errors="replace"))
                message = "".join(data)
                if sink.hold:
                    sink.data_received.set()
                    while not self.client_gone(0.2):
                        pass
                    sink.abandoned.append(message)
                    return
                sink.delivered.append(message)
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


def message_id(message: str) -> str:
    return re.search(r"^Message-ID: (.+)$", message, re.MULTILINE | re.IGNORECASE).group(1).strip()


@pytest.fixture
def smtp_sink():
    sink = SmtpSink()
    thread = threading.Thread(target=sink.serve_forever, daemon=True)
    thread.start()
    yield sink
    sink.shutdown()
    sink.server_close()


# --- Workers ------------------------------------------------------------------------------------------------------


@pytest.fixture
def workers(smtp_sink):
    """Starts workers on demand (`workers.start()`); stops whatever is left at the end."""
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        skip_or_fail("The worker-kill tests need DATABASE_URL (PostgreSQL) and REDIS_URL.")
    env = {
        **os.environ,
        "DATABASE_URL": database_url_for_worker(),
        "REDIS_URL": broker_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_sink.port}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_SECONDS),
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
    }
    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager = False
    use_broker(broker_url())
    celery_app.control.purge()
    with celery_app.connection_for_write() as conn:  # unacknowledged leftovers of an interrupted run
        client = conn.default_channel.client
        client.delete("unacked", "unacked_index", "unacked_mutex")
    started: list[subprocess.Popen] = []

    class Workers:
        def start(self) -> subprocess.Popen:
            celery = Path(sys.executable).with_name("celery")
            process = subprocess.Popen(
                [str(celery), "-A", "config", "worker", "--pool=solo", "--loglevel=INFO",
                 "--without-gossip", "--without-mingle", "--without-heartbeat"],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            )  # fmt: skip
            started.append(process)
            return process

    try:
        yield Workers()
    finally:
        celery_app.conf.task_always_eager = previous[0]
        use_broker(previous[1])
        for process in started:
            if process.poll() is None:
                process.terminate()
            try:
                output, _ = process.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                output, _ = process.communicate()
            print(output[-3000:])


def wait_for(condition, seconds: float = BOUND_SECONDS, step: float = 0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(step)
    return condition()


# --- E-mail exactly once ------------------------------------------------------------------------------------------


def test_a_redelivered_email_task_does_not_send_the_message_again(workers, smtp_sink):
    workers.start()
    first = UserFactory(email="first@example.org")
    notification = notification_create(recipient=first, kind="welcome", params={})

    assert wait_for(lambda: len(smtp_sink.delivered) == 1), "the worker sent nothing within a minute"
    outbox = OutboxEmail.objects.get()
    # The same tasks again, as a broker hands them out after a lost acknowledgement.
    from notifications.tasks import deliver_email, send_notification_email

    deliver_email.delay(outbox.pk)
    deliver_email.delay(outbox.pk)
    send_notification_email.delay(notification.pk)
    # A later message: the worker takes tasks in order, so once it arrives the repeats above have run.
    notification_create(recipient=UserFactory(email="second@example.org"), kind="welcome", params={})

    assert wait_for(lambda: len(smtp_sink.delivered) == 2)
    time.sleep(1)
    recipients = [re.search(r"^To: (.+)$", m, re.MULTILINE).group(1).strip() for m in smtp_sink.delivered]
    assert recipients == ["first@example.org", "second@example.org"]
    assert OutboxEmail.objects.unsent().count() == 0
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


def test_an_email_whose_worker_was_killed_mid_send_is_sent_once_by_the_next_worker(workers, smtp_sink):
    smtp_sink.hold = True
    doomed = workers.start()
    notification_create(recipient=UserFactory(email="once@example.org"), kind="welcome", params={})
    assert smtp_sink.data_received.wait(BOUND_SECONDS), "the first worker never reached SMTP"

    os.kill(doomed.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    doomed.wait(10)
    assert wait_for(lambda: len(smtp_sink.abandoned) == 1, 10)
    smtp_sink.hold = False
    workers.start()

    assert wait_for(lambda: len(smtp_sink.delivered) == 1), "the message was lost with the killed worker"
    recovered_after = time.monotonic() - killed_at
    time.sleep(VISIBILITY_SECONDS + 2)  # a second redelivery would have come by now
    print(f"e-mail delivered {recovered_after:.1f} s after the worker was killed")

    assert len(smtp_sink.delivered) == 1
    assert message_id(smtp_sink.delivered[0]) == message_id(smtp_sink.abandoned[0])
    assert OutboxEmail.objects.get().sent_at is not None
    assert recovered_after < BOUND_SECONDS


# --- Recomputation survives a killed worker -----------------------------------------------------------------------


def matches_checksum() -> tuple[int, str]:
    rows = Match.objects.order_by("profile_id", "vacancy_id", "course_id").values_list(
        "profile_id", "vacancy_id", "course_id", "score", "parts"
    )
    digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
    return Match.objects.count(), digest


def small_world_over_three_blocks() -> list[int]:
    """Ten candidates in each of three lock blocks (so three chunks), a few vacancies and courses."""
    painter = world.occupation("33302", "Maler/in")
    cook = world.occupation("29302", "Koch/Köchin")
    for postal_code in ("30159", "30851", "31582"):
        world.vacancy(occupation=painter, postal_code=postal_code)
        world.vacancy(occupation=cook, postal_code=postal_code)
        world.course(postal_code=postal_code)
    ids = []
    for block in (1, 2, 3):
        for n in range(10):
            profile = world.candidate(
                id=block * LOCK_BLOCK + n + 1,
                occupations=[(painter if n % 2 else cook, n % 6)],
                postal_code=("30159", "30851", "31582")[n % 3],
                travel_radius_km=20 + 10 * (n % 4),
            )
            ids.append(profile.pk)
    return ids


def test_killing_the_worker_mid_recomputation_ends_with_the_same_matches_as_an_uninterrupted_run(workers):
    profile_ids = small_world_over_three_blocks()
    celery_app.conf.task_always_eager = True
    match_recompute_candidates(profile_ids=profile_ids)
    uninterrupted = matches_checksum()
    assert uninterrupted[0] > 0
    Match.objects.all().delete()
    celery_app.conf.task_always_eager = False

    # The test holds the lock of the middle block, so the worker stops inside that chunk's task.
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"], dbname=db["NAME"], autocommit=True
    ) as holder:
        holder.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_NAMESPACE, 2])
        doomed = workers.start()
        assert match_recompute_all(chunk_size=LOCK_BLOCK) == 3

        def worker_waits_for_the_lock() -> bool:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = 2"
                )
                return cursor.fetchone()[0] > 0

        assert wait_for(worker_waits_for_the_lock), "the worker never reached the middle chunk"
        assert Match.objects.filter(profile_id__lt=2 * LOCK_BLOCK).exists()  # the first chunk is done

        os.kill(doomed.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        doomed.wait(10)
        holder.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, 2])

    with contextlib.suppress(Exception):
        # The killed worker's database session ends with it; wait until PostgreSQL noticed.
        wait_for(lambda: not worker_waits_for_the_lock(), 10)
    workers.start()
    finished = wait_for(lambda: matches_checksum() == uninterrupted)
    recovered_after = time.monotonic() - killed_at
    print(f"recomputation complete {recovered_after:.1f} s after the worker was killed")

    assert finished, f"after {BOUND_SECONDS} s: {matches_checksum()[0]} matches instead of {uninterrupted[0]}"
    assert CandidateProfile.objects.count() == 30
    assert recovered_after < BOUND_SECONDS
