"""Soak test (not a test of the suite, not in CI): simulated people using the portal for a long while.

    make soak                                     # 100 people for 10 minutes
    SOAK_USERS=50 SOAK_SECONDS=120 .venv/bin/python benchmarks/soak.py

Runs against the production shape: gunicorn in production settings (DJANGO_DEBUG=false), PostgreSQL (its own
database `bruecke_soak` next to the one in DATABASE_URL, migrated and filled with the demo data when empty),
Redis (REDIS_URL) as cache and broker, and a Celery worker. Each simulated person is anonymous or logged in as
one of the demo roles and goes from page to page with a pause of 0.5-2.5 s: searches, dashboards, notifications,
the data export, now and then a form sent (marking notifications read). Meanwhile the full recomputation of
matches is queued every two minutes, as the nightly run would collide with daytime traffic.

Prints requests, errors (5xx, timeouts, refused connections, unexpected answers), requests/s and p50/p90/p99
overall and per page, and exits with 1 if there was any error.
"""

import os
import random
import secrets
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

USERS = int(os.environ.get("SOAK_USERS", 100))
SECONDS = int(os.environ.get("SOAK_SECONDS", 600))
PORT = int(os.environ.get("SOAK_PORT", 8091))
RECOMPUTE_EVERY = int(os.environ.get("SOAK_RECOMPUTE_EVERY", 120))
TIMEOUT = 30.0
SECRET_KEY = os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


def _database_url() -> tuple[str, str]:
    configured = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bruecke")
    parts = urlsplit(configured)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        sys.exit("The soak test needs PostgreSQL: set DATABASE_URL=postgres://...")
    name = os.environ.get("SOAK_DATABASE", "bruecke_soak")
    return urlunsplit(parts._replace(path=f"/{name}")), name


SOAK_URL, SOAK_NAME = _database_url()
ENV = {
    **os.environ,
    "DATABASE_URL": SOAK_URL,
    "REDIS_URL": REDIS_URL,
    "DJANGO_SECRET_KEY": SECRET_KEY,
    "DJANGO_LOG_LEVEL": "WARNING",
    "EMAIL_URL": "dummymail://",  # demo people are made up: nothing leaves the machine
    "CELERY_TASK_DEFAULT_QUEUE": "bruecke-soak",
}


def _prepare_database() -> None:
    import psycopg

    admin = urlunsplit(urlsplit(SOAK_URL)._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [SOAK_NAME]).fetchone():
            connection.execute(f'CREATE DATABASE "{SOAK_NAME}"')
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=ENV, check=True)  # noqa: S603
    with psycopg.connect(urlunsplit(urlsplit(SOAK_URL)._replace(scheme="postgresql"))) as connection:
        users = connection.execute("SELECT count(*) FROM accounts_user").fetchone()[0]
    if not users:
        # Seeded in-process (no Redis: tasks run eagerly), so nothing is left queued.
        seed_env = {key: value for key, value in ENV.items() if key != "REDIS_URL"} | {"DJANGO_DEBUG": "true"}
        subprocess.run([*manage, "seed_demo"], cwd=ROOT, env=seed_env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def _sessions() -> dict[str, str]:
    """A logged-in session per demo role (made directly in the database, signed with the server's key)."""
    os.environ["DATABASE_URL"] = SOAK_URL
    os.environ["REDIS_URL"] = REDIS_URL
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.models import Role, User

    sessions = {}
    for role in (Role.CANDIDATE, Role.EMPLOYER, Role.PROVIDER, Role.MENTOR, Role.COORDINATOR):
        user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
        if user is None:
            continue
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions[role] = session.session_key
    return sessions


# What each kind of person opens, by weight; (method, path).
PUBLIC = [
    ("GET", "/de/"),
    ("GET", "/de/vacancies/"),
    ("GET", "/de/vacancies/?q=Koch&postal_code=30159&radius=25"),
    ("GET", "/ar/vacancies/?q=%D9%86%D8%AC%D8%A7%D8%B1"),
    ("GET", "/de/vacancies/?q=Tischlr"),
    ("GET", "/uk/courses/?postal_code=29439"),
    ("GET", "/de/courses/"),
    ("GET", "/de/events/"),
    ("GET", "/de/occupations/?q=Koch"),
    ("GET", "/fa/about/contact/"),
]
BY_ROLE = {
    "candidate": [
        ("GET", "/de/dashboard/"),
        ("GET", "/de/matching/my-matches/"),
        ("GET", "/de/notifications/"),
        ("GET", "/de/candidate/my-data/export/"),
        ("GET", "/de/candidate/applications/"),
        ("POST", "/de/notifications/read-all/"),
    ],
    "employer": [("GET", "/de/dashboard/"), ("GET", "/de/employer/staff/"), ("GET", "/de/notifications/")],
    "provider": [("GET", "/de/dashboard/"), ("GET", "/de/notifications/")],
    "mentor": [("GET", "/de/dashboard/"), ("GET", "/de/notifications/")],
    "coordinator": [("GET", "/de/dashboard/"), ("GET", "/de/courses/report/"), ("GET", "/de/notifications/")],
}
# Of every 100 simulated people: 55 anonymous visitors, 25 candidates, 10 employers, 10 others.
MIX = (
    ["anonymous"] * 55
    + ["candidate"] * 25
    + ["employer"] * 10
    + ["provider", "mentor", "coordinator"] * 3
    + ["coordinator"]
)


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.samples: list[str] = []

    def record(self, label: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.times[label].append(seconds)
            if error:
                self.errors[label] += 1
                if len(self.samples) < 10:
                    self.samples.append(f"{label}: {error}")


def _person(kind: str, session: str | None, stop_at: float, results: Results, seed: int) -> None:
    rng = random.Random(seed)
    pages = PUBLIC + (BY_ROLE.get(kind, []) * 2 if session else [])
    csrf = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(32))
    cookies = {"csrftoken": csrf, **({"sessionid": session} if session else {})}
    headers = {"X-Forwarded-Proto": "https", "Origin": f"https://127.0.0.1:{PORT}"}
    # Idle connections are dropped before gunicorn's keep-alive (5 s) ends, so no request races a closing socket.
    limits = httpx.Limits(keepalive_expiry=3.0)
    with httpx.Client(
        base_url=f"http://127.0.0.1:{PORT}", headers=headers, cookies=cookies, timeout=TIMEOUT, limits=limits
    ) as http:
        time.sleep(rng.uniform(0, 3))  # people do not all arrive in the same second
        while time.monotonic() < stop_at:
            method, path = rng.choice(pages)
            label = f"{method} {path.split('?')[0]}" + (" (search)" if "?" in path else "")
            started = time.perf_counter()
            error = None
            try:
                if method == "POST":
                    response = http.post(path, data={"csrfmiddlewaretoken": csrf})
                    if response.status_code not in (200, 302):
                        error = f"HTTP {response.status_code}"
                else:
                    response = http.get(path, follow_redirects=True)  # /dashboard/ leads to the role's own
                    if response.status_code != 200:
                        error = f"HTTP {response.status_code}"
            except httpx.HTTPError as failure:
                error = type(failure).__name__
            results.record(label, time.perf_counter() - started, error)
            time.sleep(rng.uniform(0.5, 2.5))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def _start(command: list[str], log) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env={**ENV, "DJANGO_DEBUG": "false"}, stdout=log, stderr=log)  # noqa: S603


def _wait_until_up() -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{PORT}/de/", headers={"X-Forwarded-Proto": "https"}).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    sys.exit("gunicorn did not answer within a minute")


def _queue_recomputations(stop_at: float, count: list[int]) -> None:
    from config.celery import app as celery_app

    celery_app.conf.broker_url = REDIS_URL
    celery_app.conf.task_always_eager = False
    while time.monotonic() < stop_at:
        celery_app.send_task("matching.tasks.recompute_all", queue="bruecke-soak")
        count[0] += 1
        time.sleep(RECOMPUTE_EVERY)


def main() -> int:
    _prepare_database()
    sessions = _sessions()
    static_root = tempfile.mkdtemp(prefix="bruecke-soak-static-")
    ENV["STATIC_ROOT"] = static_root
    ENV["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT, env={**ENV, "DJANGO_DEBUG": "false"}, check=True,
    )  # fmt: skip
    bin_dir = Path(sys.executable).parent
    log = open(Path(tempfile.gettempdir()) / "bruecke-soak.log", "w")  # noqa: SIM115
    server = _start(
        [str(bin_dir / "gunicorn"), "config.wsgi:application", "--workers", "2", "--threads", "4",
         "--bind", f"127.0.0.1:{PORT}", "--keep-alive", "5", "--log-level", "warning", "--no-control-socket"],
        log,
    )  # fmt: skip
    worker = _start(
        [str(bin_dir / "celery"), "-A", "config", "worker", "--concurrency=1", "--loglevel=WARNING",
         "-Q", "bruecke-soak", "--without-gossip", "--without-mingle"],
        log,
    )  # fmt: skip
    try:
        _wait_until_up()
        print(f"Soak: {USERS} people for {SECONDS} s against gunicorn (2 workers × 4 threads), PostgreSQL, Redis "
              f"and a worker; load average before: {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
        results = Results()
        started = time.monotonic()
        stop_at = started + SECONDS
        recomputations = [0]
        threads = [threading.Thread(target=_queue_recomputations, args=(stop_at, recomputations), daemon=True)]
        mix = random.Random(0).sample(MIX, len(MIX))  # every share of the mix from the first people on
        for n in range(USERS):
            kind = mix[n % len(mix)]
            session = sessions.get(kind)
            threads.append(threading.Thread(target=_person, args=(kind, session, stop_at, results, n), daemon=True))
        for thread in threads:
            thread.start()
        for thread in threads[1:]:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        worker.terminate()
        server.wait(30)
        worker.wait(60)
        log.close()
    every = [value for values in results.times.values() for value in values]
    errors = sum(results.errors.values())
    print(f"\n{'page':<48} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8}")
    for label in sorted(results.times):
        values = results.times[label]
        print(
            f"{label[:48]:<48} {len(values):>9} {results.errors[label]:>7} {statistics.median(values) * 1000:>8.0f} "
            f"{_percentile(values, 0.9):>8.0f} {_percentile(values, 0.99):>8.0f}"
        )
    print(
        f"\nTotal: {len(every)} requests in {elapsed:.0f} s ({len(every) / elapsed:.1f}/s), {errors} errors; "
        f"p50 {statistics.median(every) * 1000:.0f} ms, p90 {_percentile(every, 0.9):.0f} ms, "
        f"p99 {_percentile(every, 0.99):.0f} ms; {recomputations[0]} full recomputations queued; "
        f"load average after: {os.getloadavg()[0]:.1f}"
    )
    for sample in results.samples:
        print("  error:", sample)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
