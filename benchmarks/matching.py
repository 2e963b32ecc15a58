"""Benchmark of the matching engine on PostgreSQL at the scale of Lower Saxony (not a test).

    make bench                                        # the sizes of the issue (takes a while)
    BENCH_CANDIDATES=10000 BENCH_VACANCIES=5000 BENCH_COURSES=500 BENCH_MENTORS=1000 \
        .venv/bin/python benchmarks/matching.py      # smaller

Works in its own database next to the one in DATABASE_URL (default postgres://postgres@127.0.0.1:5432/...),
named by BENCH_DATABASE (default `bruecke_matching_bench`): created and migrated when missing, filled by
`generate_state_data` when the synthetic data there has other sizes, and kept for the next run. Prints:

* the full recomputation of all candidate–vacancy and candidate–course matches with one worker process and
  with two, from an empty match table (cold) and again with nothing changed (warm);
* the 95th percentile of one candidate's recomputation after a profile change, over 200 random candidates;
* the peak memory (RSS) of a worker.
"""

import multiprocessing
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

SIZES = {
    "candidates": int(os.environ.get("BENCH_CANDIDATES", 100_000)),
    "vacancies": int(os.environ.get("BENCH_VACANCIES", 50_000)),
    "courses": int(os.environ.get("BENCH_COURSES", 5_000)),
    "mentors": int(os.environ.get("BENCH_MENTORS", 10_000)),
}
SAMPLES = int(os.environ.get("BENCH_SAMPLES", 200))
WORKER_COUNTS = (1, 2)


def _bench_database_url() -> tuple[str, str]:
    configured = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bruecke")
    parts = urlsplit(configured)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        sys.exit("The matching benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
    name = os.environ.get("BENCH_DATABASE", "bruecke_matching_bench")
    return urlunsplit(parts._replace(path=f"/{name}")), name


def _ensure_database(url: str, name: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))
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
from django.db import connection, connections  # noqa: E402


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


def _prepare() -> None:
    call_command("migrate", verbosity=0, skip_checks=True)
    if _synthetic_sizes() == SIZES:
        print(f"Reusing the synthetic data in {BENCH_NAME}.")
        return
    from matching.management.commands.generate_state_data import state_data_delete, state_data_generate

    started = time.perf_counter()
    state_data_delete()
    state_data_generate(**SIZES, seed=2026)
    print(f"Generated the synthetic data in {BENCH_NAME} in {time.perf_counter() - started:.0f} s.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _chunk(first_last: tuple[int, int]) -> tuple[dict, int]:
    """One chunk in a worker process, as the Celery task runs it; returns the result and the worker's peak RSS."""
    from matching.services import match_recompute_chunk

    result = match_recompute_chunk(first_id=first_last[0], last_id=first_last[1]).as_dict()
    return result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _chunks() -> list[tuple[int, int]]:
    from django.db.models import Max, Min

    from matching.services import CHUNK_SIZE
    from portal.models import CandidateProfile

    bounds = CandidateProfile.objects.aggregate(low=Min("pk"), high=Max("pk"))
    first = bounds["low"] - bounds["low"] % CHUNK_SIZE
    return [(start, start + CHUNK_SIZE - 1) for start in range(first, bounds["high"] + 1, CHUNK_SIZE)]


def _full_run(workers: int) -> tuple[float, dict, int]:
    chunks = _chunks()
    connections.close_all()  # the workers open their own connections
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        results = pool.map(_chunk, chunks, chunksize=1)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE matching_match")  # what autovacuum does after large changes, outside the timing
    totals: dict = {}
    for result, _rss in results:
        for key, value in result.items():
            totals[key] = totals.get(key, 0) + value
    return seconds, totals, max(rss for _result, rss in results)


def _truncate() -> None:
    from matching.models import Match

    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {Match._meta.db_table}")  # noqa: S608


def _single_candidates() -> list[float]:
    """Change one candidate's profile, then time the recomputation of their matches (200 candidates)."""
    from common.vocabulary import GermanLevel
    from matching.services import match_recompute_for_candidate, match_targets
    from portal.models import CandidateProfile

    rng = random.Random(7)
    ids = list(
        CandidateProfile.objects.filter(user__is_active=True).exclude(postal_code="").values_list("pk", flat=True)
    )
    chosen = rng.sample(ids, min(SAMPLES, len(ids)))
    match_targets()  # a worker keeps the offers in memory between tasks
    levels = GermanLevel.values
    timings = []
    for profile_id in chosen:
        profile = CandidateProfile.objects.get(pk=profile_id)
        profile.german_level = levels[(levels.index(profile.german_level) + 1) % len(levels)]
        profile.travel_radius_km = rng.choice([10, 20, 30, 50])
        profile.save(update_fields=["german_level", "travel_radius_km", "updated_at"])
        started = time.perf_counter()
        match_recompute_for_candidate(profile=profile)
        timings.append(time.perf_counter() - started)
    return timings


def _one_vacancy() -> float:
    from employers.models import Vacancy
    from matching.services import match_recompute_for_vacancy

    vacancy = Vacancy.objects.published().order_by("pk").first()
    vacancy.german_level_required = "A1"
    vacancy.save(update_fields=["german_level_required", "updated_at"])
    started = time.perf_counter()
    result = match_recompute_for_vacancy(vacancy=vacancy)
    seconds = time.perf_counter() - started
    print(f"One vacancy changed: {result.candidates:,} candidates affected, recomputed in {seconds:.2f} s")
    return seconds


def main() -> None:
    from matching.models import Match

    _prepare()
    print(
        f"Data: {SIZES['candidates']:,} candidates, {SIZES['vacancies']:,} vacancies, {SIZES['courses']:,} courses, "
        f"{SIZES['mentors']:,} mentors over Lower Saxony's postal codes; {len(_chunks())} chunks."
    )
    peak = 0
    for workers in WORKER_COUNTS:
        _truncate()
        seconds, totals, rss = _full_run(workers)
        peak = max(peak, rss)
        print(
            f"Full recomputation, {workers} worker(s), empty table: {seconds:.1f} s "
            f"({totals.get('inserted', 0):,} matches written, worker peak RSS {rss / 2**20:.0f} MiB)"
        )
        seconds, totals, rss = _full_run(workers)
        peak = max(peak, rss)
        print(
            f"Full recomputation, {workers} worker(s), nothing changed: {seconds:.1f} s "
            f"({totals.get('unchanged', 0):,} unchanged, "
            f"{totals.get('updated', 0) + totals.get('inserted', 0):,} written)"
        )
    print(f"Stored matches: {Match.objects.count():,}")
    timings = sorted(_single_candidates())
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    print(
        f"One candidate after a profile change ({len(timings)} candidates): "
        f"p50 {statistics.median(timings) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms"
    )
    _one_vacancy()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"Peak memory of a worker: {peak / 2**20:.0f} MiB (benchmark process itself: {own / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
