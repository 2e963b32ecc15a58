"""Benchmark of the matching engine on PostgreSQL at the scale of Lower Saxony (not a test).

    make bench                                        # the sizes of the issue (takes a while)
    BENCH_CANDIDATES=10000 BENCH_VACANCIES=5000 BENCH_COURSES=500 BENCH_MENTORS=1000 \
        .venv/bin/python benchmarks/matching.py      # smaller

Works in its own database next to the one in DATABASE_URL (default postgres://postgres@127.0.0.1:5432/...),
named by BENCH_DATABASE (default `bruecke_matching_bench`): created and migrated when missing, filled by
`generate_state_data` when the synthetic data there has other sizes, and kept for the next run. Prints:

* the full recomputation of all candidate–vacancy and candidate–course matches with one worker process (and
  more with BENCH_WORKERS=1,2): from an empty match table (cold), again with nothing changed (warm: unchanged
  candidates are skipped), after a few changes (some profiles, vacancies and courses changed, two vacancies
  closed), and with nothing changed but no record of the inputs (every candidate recomputed, as before
  candidates could be skipped);
* the 95th percentile of one candidate's recomputation after a profile change, over 200 random candidates;
* p50/p95 of the recomputation after one vacancy changed (BENCH_OFFER_SAMPLES vacancies, each changed twice:
  once timed as before, every affected candidate recomputed in full, once as now, only the delta written; only
  this part with BENCH_ONLY=vacancies) and after one course changed, in a worker that does not hold the changed
  offers yet;
* the peak memory (RSS) of a worker.
"""

import datetime
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
OFFER_SAMPLES = int(os.environ.get("BENCH_OFFER_SAMPLES", 20))
# BENCH_ONLY=vacancies: only the recomputation after one vacancy changed (before and now), on the stored matches
# (computed first when there are none).
ONLY = os.environ.get("BENCH_ONLY", "")
WORKER_COUNTS = tuple(int(n) for n in os.environ.get("BENCH_WORKERS", "1").split(","))


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


def _truncate(*, matches: bool = True) -> None:
    from matching.models import Match, MatchInputs

    tables = [MatchInputs._meta.db_table] + ([Match._meta.db_table] if matches else [])
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)}")  # noqa: S608


def _change_a_few(rng: random.Random) -> str:
    """What a quiet day changes: 20 profiles, 10 vacancies, 3 courses, 2 vacancies closed (closed rather than
    deleted, so that the next run finds the data of its sizes and does not generate it again)."""
    from django.utils import timezone

    from common.vocabulary import GermanLevel
    from courses.models import Course
    from employers.models import Vacancy
    from portal.models import CandidateProfile

    levels = GermanLevel.values
    profiles = list(CandidateProfile.objects.order_by("?")[:20])
    for profile in profiles:
        profile.german_level = levels[(levels.index(profile.german_level) + 1) % len(levels)]
        profile.save(update_fields=["german_level", "updated_at"])
    vacancies = list(Vacancy.objects.published().order_by("?")[:12])
    for vacancy in vacancies[:10]:
        vacancy.hours_per_week = rng.choice([20, 30, 38])
        vacancy.german_level_required = rng.choice(levels[:5])
        vacancy.save(update_fields=["hours_per_week", "german_level_required", "updated_at"])
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Vacancy.objects.filter(pk__in=[v.pk for v in vacancies[10:]]).update(
        expires_on=yesterday, updated_at=timezone.now()
    )
    for course in Course.objects.published().order_by("?")[:3]:
        course.seats_left = max(course.seats_left - 1, 0)
        course.save(update_fields=["seats_left", "updated_at"])
    return "20 profiles, 10 vacancies and 3 courses changed, 2 vacancies closed"


def _percentiles(timings: list[float]) -> str:
    timings = sorted(timings)
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return f"p50 {statistics.median(timings) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms"


def _single_candidates() -> list[float]:
    """Change one candidate's profile, then time the recomputation of their matches (200 candidates)."""
    from common.vocabulary import GermanLevel
    from matching.facts import match_targets
    from matching.services import match_recompute_for_candidate
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


def _recompute_for_vacancy_in_full(vacancy):
    """The recomputation after a changed vacancy as it was before it wrote only the difference (for comparison):
    the candidates within reach found from every candidate's postal code and radius, and every candidate whose
    list the vacancy may enter or leave recomputed against all offers in one area around them all."""
    from django.utils import timezone

    from common.batching import batched
    from matching import engine, facts, pair_scoring
    from matching.models import MatchKind
    from matching.services import candidates_affected_by, match_recompute_candidates
    from places.geo import coordinates_of
    from portal.models import CandidateProfile

    def reaching(location):
        distances, ids = {}, []
        profiles = CandidateProfile.objects.filter(user__is_active=True).exclude(postal_code="")
        for pk, postal_code, radius in profiles.values_list("pk", "postal_code", "travel_radius_km"):
            if postal_code not in distances:
                place = coordinates_of(postal_code)
                distances[postal_code] = engine.distance_tenths(place, location) if place else None
            reach = min(radius or engine.DEFAULT_RADIUS_KM, engine.MAX_RADIUS_KM) * 10
            if distances[postal_code] is not None and distances[postal_code] <= reach:
                ids.append(pk)
        for chunk in batched(sorted(ids), 5000):
            yield from facts.candidate_facts_load(profile_ids=chunk)

    today = timezone.localdate()
    scores = {}
    found = facts.vacancy_facts_load(vacancy_ids=[vacancy.pk])
    separate = facts.SEPARATE_AREAS
    facts.SEPARATE_AREAS = 0  # one area around all of them, as before
    if found:
        for candidate in reaching(found[0].location):
            scored = pair_scoring.score_vacancy(candidate, found[0], today=today)
            if scored is not None and scored[0] >= engine.MIN_SCORE:
                scores[candidate.id] = scored[0]
    affected = candidates_affected_by(MatchKind.VACANCY, vacancy.pk, scores, engine.MAX_VACANCY_MATCHES)
    try:
        return match_recompute_candidates(profile_ids=affected)
    finally:
        facts.SEPARATE_AREAS = separate


def _changed_vacancies() -> None:
    """Change one vacancy after another and time the recomputation of the candidates it reaches, in a process
    that does not hold the changed offers (as a worker after the change): the way before (every affected
    candidate recomputed in full) and now (only the vacancy's delta written), alternately on the same vacancies
    in this run: the German asked for goes one level down (timed one way), then back up (timed the other)."""
    from common.vocabulary import GermanLevel
    from employers.models import Vacancy
    from matching.facts import match_targets_forget
    from matching.services import match_recompute_for_vacancy

    rng = random.Random(11)
    levels = GermanLevel.values
    ids = list(Vacancy.objects.published().values_list("pk", flat=True))
    timings = {"before": [], "now": []}
    candidates = {"before": [], "now": []}
    for sample, pk in enumerate(rng.sample(ids, min(OFFER_SAMPLES, len(ids)))):
        vacancy = Vacancy.objects.get(pk=pk)
        original = vacancy.german_level_required
        lower = levels[max(levels.index(original) - 1, 0)] if levels.index(original) > 0 else levels[1]
        ways = [("before", _recompute_for_vacancy_in_full), ("now", match_recompute_for_vacancy)]
        if sample % 2:
            ways.reverse()
        for level, (way, recompute) in zip((lower, original), ways, strict=True):
            vacancy.german_level_required = level
            vacancy.save(update_fields=["german_level_required", "updated_at"])
            match_targets_forget()
            started = time.perf_counter()
            result = recompute(vacancy=vacancy)
            timings[way].append(time.perf_counter() - started)
            candidates[way].append(result.candidates)
    for way, label in (("before", "recomputed in full (before)"), ("now", "delta written (now)")):
        print(
            f"One vacancy changed, {label} ({len(timings[way])} changes, median "
            f"{statistics.median(candidates[way]):.0f} candidates, max {max(candidates[way])}): "
            f"{_percentiles(timings[way])}"
        )


def _changed_courses() -> None:
    """Change one course after another and time the recomputation of the candidates it reaches, in a process
    that does not hold the changed offers (as a worker after the change)."""
    from courses.models import Course
    from matching.facts import match_targets_forget
    from matching.services import match_recompute_for_course

    rng = random.Random(11)
    ids = list(Course.objects.published().values_list("pk", flat=True))
    timings, candidates = [], []
    for pk in rng.sample(ids, min(OFFER_SAMPLES, len(ids))):
        course = Course.objects.get(pk=pk)
        course.childcare = True
        course.save(update_fields=["childcare", "updated_at"])
        match_targets_forget()
        started = time.perf_counter()
        result = match_recompute_for_course(course=course)
        timings.append(time.perf_counter() - started)
        candidates.append(result.candidates)
    print(
        f"One course changed ({len(timings)} courses, median {statistics.median(candidates):.0f} candidates "
        f"recomputed, max {max(candidates)}): {_percentiles(timings)}"
    )


def main() -> None:
    from matching.models import Match

    _prepare()
    if ONLY == "vacancies":
        from matching.models import Match

        if not Match.objects.exists():  # the stored lists the delta is written against
            seconds, _totals, _rss = _full_run(WORKER_COUNTS[-1])
            print(f"Stored the matches of all candidates first: {seconds:.1f} s")
        _changed_vacancies()
        return
    print(
        f"Data: {SIZES['candidates']:,} candidates, {SIZES['vacancies']:,} vacancies, {SIZES['courses']:,} courses, "
        f"{SIZES['mentors']:,} mentors over Lower Saxony's postal codes; {len(_chunks())} chunks."
    )
    peak = 0
    rng = random.Random(3)
    for workers in WORKER_COUNTS:
        _truncate()
        cold, totals, rss = _full_run(workers)
        peak = max(peak, rss)
        print(
            f"Full recomputation, {workers} worker(s), empty table: {cold:.1f} s "
            f"({totals.get('inserted', 0):,} matches written, worker peak RSS {rss / 2**20:.0f} MiB)"
        )
        warm, totals, rss = _full_run(workers)
        recomputed = totals.get("candidates", 0) - totals.get("skipped", 0)
        print(
            f"Full recomputation, {workers} worker(s), nothing changed: {warm:.1f} s = {warm / cold:.0%} of cold "
            f"({totals.get('skipped', 0):,} candidates skipped, {recomputed:,} recomputed, "
            f"{totals.get('updated', 0) + totals.get('inserted', 0):,} matches written)"
        )
        changes = _change_a_few(rng)
        seconds, totals, rss = _full_run(workers)
        print(
            f"Full recomputation, {workers} worker(s), after {changes}: {seconds:.1f} s = {seconds / cold:.0%} of cold "
            f"({totals.get('skipped', 0):,} skipped, {totals.get('candidates', 0) - totals.get('skipped', 0):,} "
            f"recomputed; {totals.get('inserted', 0):,} inserted, {totals.get('updated', 0):,} updated, "
            f"{totals.get('deleted', 0):,} deleted)"
        )
        _truncate(matches=False)  # no record of the inputs: every candidate is recomputed, as before skipping
        before, totals, rss = _full_run(workers)
        peak = max(peak, rss)
        print(
            f"Full recomputation, {workers} worker(s), nothing changed, no candidate skipped (as before): "
            f"{before:.1f} s ({totals.get('unchanged', 0):,} unchanged); skipping makes the warm run "
            f"{before / warm:.1f}× faster"
        )
    print(f"Stored matches: {Match.objects.count():,}")
    timings = _single_candidates()
    print(f"One candidate after a profile change ({len(timings)} candidates): {_percentiles(timings)}")
    _changed_vacancies()
    _changed_courses()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"Peak memory of a worker: {peak / 2**20:.0f} MiB (benchmark process itself: {own / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
