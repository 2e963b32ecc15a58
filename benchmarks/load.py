"""Load benchmark of the search and finder pages on PostgreSQL at the scale of Lower Saxony (not a test).

    make bench                                                  # 50,000 vacancies
    BENCH_VACANCIES=200000 BENCH_DATABASE=bruecke_search_bench_200k .venv/bin/python benchmarks/load.py

Works in its own database next to the one in DATABASE_URL, named by BENCH_DATABASE (default
`bruecke_search_bench`): created and migrated when missing, filled by `generate_state_data` (2,000 candidates,
50,000 vacancies, 5,000 courses, 200 mentors) when the synthetic data there has other sizes, and kept for the
next run. It adds what the pages need besides: upcoming events, a coordinator with a region, an employer with
matched candidates for one vacancy, and the region's supply report.

Then it collects the static files into a temporary folder, starts gunicorn with two workers in production
settings (DJANGO_DEBUG=false) on BENCH_PORT, drives every page with wrk (10 connections, 15 s each,
BENCH_CONNECTIONS and BENCH_DURATION change that, BENCH_PAGES picks pages by label; logged-in pages carry
a session cookie) and prints requests/s, p50, p90, p99 and the ratio of requests/s to the home page's, all
from one run. Since the load of a shared machine comes and goes, each page is measured in BENCH_ROUNDS rounds
(3), each right after the home page, and the round with the median ratio is shown; the load average is
printed too. It never fails on time.
"""

import datetime
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

SIZES = {
    "candidates": int(os.environ.get("BENCH_CANDIDATES", 2_000)),
    "vacancies": int(os.environ.get("BENCH_VACANCIES", 50_000)),
    "courses": int(os.environ.get("BENCH_COURSES", 5_000)),
    "mentors": int(os.environ.get("BENCH_MENTORS", 200)),
}
EVENTS = int(os.environ.get("BENCH_EVENTS", 1_000))
PORT = int(os.environ.get("BENCH_PORT", 8089))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 10))
DURATION = int(os.environ.get("BENCH_DURATION", 15))
# Each page is measured in ROUNDS rounds, each right after the home page; the ratio is the median of the rounds'.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
PAGE_ROUND = max(DURATION // ROUNDS, 2)
HOME_ROUND = max(PAGE_ROUND // 2, 2)
# Only the pages whose labels are listed, comma-separated (for example "vacancies,courses near 29439 (uk)");
# every page when empty. The home page is measured anyway, as the yardstick.
ONLY_PAGES = {label.strip() for label in os.environ.get("BENCH_PAGES", "").split(",") if label.strip()}
WORKERS = 2
BENCH_DOMAIN = "load.example.invalid"
REGION_NAME = "Lastprobe Region Hannover"
# The region of the bench coordinator: Hannover and its surroundings.
REGION_PREFIXES = ("30", "31")
# The sessions are signed with this key, so the server must use the same one.
SECRET_KEY = os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))


def _bench_database_url() -> tuple[str, str]:
    configured = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bruecke")
    parts = urlsplit(configured)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        sys.exit("The load benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
    name = os.environ.get("BENCH_DATABASE", "bruecke_search_bench")
    return urlunsplit(parts._replace(path=f"/{name}")), name


def _ensure_database(url: str, name: str) -> None:
    import psycopg

    admin = urlunsplit(urlsplit(url)._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


BENCH_URL, BENCH_NAME = _bench_database_url()
os.environ["DATABASE_URL"] = BENCH_URL
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
_ensure_database(BENCH_URL, BENCH_NAME)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def _synthetic_sizes() -> dict:
    from courses.models import Course
    from employers.models import Vacancy
    from matching.management.commands.generate_state_data import DOMAIN, ORGANISATION_PREFIX
    from mentoring.models import MentorProfile
    from portal.models import CandidateProfile

    return {
        "candidates": CandidateProfile.objects.filter(user__email__endswith=f"@{DOMAIN}").count(),
        "vacancies": Vacancy.objects.filter(organisation__name__startswith=ORGANISATION_PREFIX).count(),
        "courses": Course.objects.filter(provider__name__startswith=ORGANISATION_PREFIX).count(),
        "mentors": MentorProfile.objects.filter(user__email__endswith=f"@{DOMAIN}").count(),
    }


def _prepare_state_data() -> None:
    call_command("migrate", verbosity=0, skip_checks=True)
    if _synthetic_sizes() == SIZES:
        print(f"Reusing the synthetic data in {BENCH_NAME}.")
        return
    from accounts.models import User
    from matching.management.commands.generate_state_data import state_data_delete, state_data_generate

    started = time.perf_counter()
    User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").delete()
    state_data_delete()
    state_data_generate(**SIZES, seed=2026)
    print(f"Generated the synthetic data in {BENCH_NAME} in {time.perf_counter() - started:.0f} s.")


def _events() -> None:
    """Upcoming published events across the state, for the event calendar."""
    from django.utils import timezone

    from courses.lower_saxony import lower_saxony_postal_codes
    from events.models import Event, EventKind, EventStatus

    if Event.objects.filter(title__startswith="Lastprobe").count() == EVENTS:
        return
    Event.objects.filter(title__startswith="Lastprobe").delete()
    codes = sorted(lower_saxony_postal_codes())
    kinds = EventKind.values
    now = timezone.now()
    Event.objects.bulk_create(
        Event(
            kind=kinds[n % len(kinds)],
            title=f"Lastprobe Veranstaltung {n}",
            description="Synthetische Veranstaltung für Lasttests.",
            starts_at=now + datetime.timedelta(days=1 + n % 180, hours=n % 9),
            ends_at=now + datetime.timedelta(days=1 + n % 180, hours=3 + n % 9),
            postal_code=codes[(n * 7) % len(codes)],
            capacity=50,
            status=EventStatus.PUBLISHED,
        )
        for n in range(EVENTS)
    )


def _accounts() -> dict:
    """A coordinator for the region around Hannover and an employer with a vacancy near 30159 and its matches.

    Returns a session cookie for each, and the vacancy whose candidates the employer looks at.
    """
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Q

    from accounts.models import Role, User
    from courses.report_services import supply_report_refresh
    from employers.models import Membership, Vacancy
    from employers.selectors import vacancy_within
    from matching.services import match_recompute_for_vacancy
    from places.models import PostalCode, Region

    region, created = Region.objects.get_or_create(name=REGION_NAME)
    if created:
        prefixes = Q()
        for prefix in REGION_PREFIXES:
            prefixes |= Q(code__startswith=prefix)
        region.postal_codes.set(PostalCode.objects.filter(prefixes))
    coordinator, _ = User.objects.get_or_create(
        email=f"coordinator@{BENCH_DOMAIN}", defaults={"role": Role.COORDINATOR, "region": region}
    )
    employer = User.objects.filter(email=f"employer@{BENCH_DOMAIN}").first()
    if employer is None:
        vacancy = (
            vacancy_within(Vacancy.objects.published(), postal_code="30159", radius_km=10)
            .order_by("distance_km", "pk")
            .first()
        )
        employer = User.objects.create(email=f"employer@{BENCH_DOMAIN}", role=Role.EMPLOYER)
        Membership.objects.create(user=employer, organisation=vacancy.organisation, is_admin=True)
    vacancy = (
        vacancy_within(
            Vacancy.objects.published().filter(organisation=employer.membership.organisation),
            postal_code="30159",
            radius_km=None,
        )
        .order_by("distance_km", "pk")
        .first()
    )
    match_recompute_for_vacancy(vacancy=vacancy)
    supply_report_refresh(region=region)

    def session_of(user: User) -> str:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return session.session_key

    return {"coordinator": session_of(coordinator), "employer": session_of(employer), "vacancy": vacancy.pk}


def _pages(accounts: dict) -> list[tuple[str, str, str | None]]:
    """(label, path, session) for every page measured; the home page first, as the yardstick."""
    coordinator, employer = accounts["coordinator"], accounts["employer"]
    return [
        ("home", "/de/", None),
        ("vacancies", "/de/vacancies/", None),
        ("vacancies: Koch near 30159", "/de/vacancies/?q=Koch&postal_code=30159&radius=25", None),
        ("vacancies: نجار (ar)", f"/ar/vacancies/?q={quote('نجار')}", None),
        (
            "vacancies: internship A2 50 km",
            "/de/vacancies/?postal_code=30159&radius=50&kind=internship&german_level=A2",
            None,
        ),
        ("vacancies: typo Tischlr", "/de/vacancies/?q=Tischlr", None),
        ("vacancies: nearest to 30159", "/de/vacancies/?postal_code=30159", None),
        ("courses near 29439 (uk)", "/uk/courses/?postal_code=29439", None),
        ("courses", "/de/courses/", None),
        (
            "courses: A2 integration 25 km",
            "/de/courses/?kind=integration&level=A2&postal_code=30159&radius_km=25",
            None,
        ),
        ("events", "/de/events/", None),
        ("occupations: all", "/de/occupations/", None),
        ("occupations: Koch", "/de/occupations/?q=Koch", None),
        ("caseload (coordinator)", "/de/mentoring/coordinator/caseload/", coordinator),
        ("supply report (coordinator)", "/de/courses/report/", coordinator),
        ("candidates of a vacancy (employer)", f"/de/matching/vacancies/{accounts['vacancy']}/candidates/", employer),
    ]


def _headers(session: str | None) -> dict:
    # As behind the TLS proxy of production, so no redirect to https happens.
    headers = {"X-Forwarded-Proto": "https"}
    if session:
        headers["Cookie"] = f"sessionid={session}"
    return headers


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _fetch(path: str, session: str | None) -> tuple[int, bytes, str]:
    """Status, body and whether a kept page answered: "hit" when common.page_cache (visitors) or
    common.scoped_cache (the signed-in finder pages) did."""
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers=_headers(session))
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:
            kept = response.headers.get("X-Page-Cache") or response.headers.get("X-Scoped-Cache") or ""
            return response.status, response.read(), kept
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def _start_server(static_root: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": BENCH_URL,
        "STATIC_ROOT": static_root,
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [
            str(gunicorn),
            "config.wsgi:application",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
            "--no-control-socket",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            if _fetch("/de/", None)[0] == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            sys.exit("gunicorn did not start.")
        time.sleep(0.5)
    server.terminate()
    sys.exit("gunicorn did not answer within a minute.")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def _wrk(path: str, session: str | None, duration: int = DURATION) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "60s", "--latency"]
    for name, value in _headers(session).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(  # noqa: S603
        [*command, f"http://127.0.0.1:{PORT}{path}"], capture_output=True, text=True, check=True
    ).stdout
    percentiles = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if len(percentiles) != 3:
        sys.exit(f"wrk said something unexpected:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _milliseconds(percentiles["50"]),
        "p90": _milliseconds(percentiles["90"]),
        "p99": _milliseconds(percentiles["99"]),
        "errors": int(errors.group(1)) if errors else 0,
    }


def _median_round(rounds: list[tuple[dict, dict]]) -> tuple[dict, dict]:
    """The round whose ratio to the home page is the median; its errors counted over all rounds."""
    ordered = sorted(rounds, key=lambda pair: pair[0]["rps"] / pair[1]["rps"])
    figures, home = ordered[len(ordered) // 2]
    return {**figures, "errors": sum(page["errors"] for page, _home in rounds)}, home


def _ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    sys.exit("wrk is missing: install Debian's wrk package (make bench does so when run as root).")


def main() -> None:
    _ensure_wrk()
    _prepare_state_data()
    _events()
    accounts = _accounts()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # the state autovacuum keeps a running database in
    connection.close()
    pages = [page for page in _pages(accounts) if not ONLY_PAGES or page[0] in ONLY_PAGES]
    print(
        f"Data: {SIZES['candidates']:,} candidates, {SIZES['vacancies']:,} vacancies, {SIZES['courses']:,} courses, "
        f"{SIZES['mentors']:,} mentors, {EVENTS:,} events. gunicorn with {WORKERS} workers, production settings; "
        f"wrk with {CONNECTIONS} connections, {ROUNDS} rounds per page of {PAGE_ROUND} s each after {HOME_ROUND} s of "
        f"the home page (the median round shown); {os.cpu_count()} CPUs."
    )
    static_root = tempfile.mkdtemp(prefix="bruecke-static-")
    server = _start_server(static_root)
    results = []
    from_page_cache = []
    try:
        _wrk("/de/", None, duration=2)  # both workers warm: templates compiled, catalogues loaded
        for label, path, session in pages:
            status, _body, _cache = _fetch(path, session)
            if status != 200:
                sys.exit(f"{label}: {path} answered {status}, not 200.")
            # Each worker keeps its own pages (PAGE_CACHE_STORE=worker, the scoped pages always): a few requests
            # reach both.
            if any(_fetch(path, session)[2] == "hit" for _ in range(4)):
                from_page_cache.append(label)
            # The machine is shared and its load comes and goes: each page is measured in rounds, each round
            # right after the home page, and the ratio of each round is taken, so a change of load between
            # rounds does not count as a change of speed. The median round is reported.
            load = os.getloadavg()[0]
            rounds = []
            for _ in range(ROUNDS):
                home = _wrk("/de/", None, duration=HOME_ROUND)
                rounds.append((_wrk(path, session, duration=PAGE_ROUND), home))
            results.append((label, path, load, *_median_round(rounds)))
            print(f"  measured {label} (load {load:.1f})", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)

    print()
    print("| page | requests/s | p50 ms | p90 ms | p99 ms | home requests/s just before | × home | load |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, _path, load, figures, home in results:
        flag = f" ({figures['errors']} errors)" if figures["errors"] else ""
        print(
            f"| {label}{flag} | {figures['rps']:.1f} | {figures['p50']:.0f} | {figures['p90']:.0f} | "
            f"{figures['p99']:.0f} | {home['rps']:.1f} | {figures['rps'] / home['rps']:.2f} | {load:.1f} |"
        )
    print()
    print(
        f"Served from kept pages (common.page_cache for visitors who are not signed in, "
        f"PAGE_CACHE_STORE={os.environ.get('PAGE_CACHE_STORE', 'worker')}; common.scoped_cache for the signed-in "
        f"finder pages): {', '.join(from_page_cache) or 'none'}; every other page is rendered for each request."
    )
    print()
    for label, path, _load, _figures, _home in results:
        print(f"{label}: {path}")


if __name__ == "__main__":
    main()
