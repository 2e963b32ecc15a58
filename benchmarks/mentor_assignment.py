"""Time "Suggest for my region": 2,000 waiting candidates and 500 mentors in the Region Hannover.

    .venv/bin/python benchmarks/mentor_assignment.py                                  # SQLite
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/mentor_assignment.py      # PostgreSQL
    BENCH_CANDIDATES=5000 BENCH_MENTORS=1000 .venv/bin/python benchmarks/mentor_assignment.py

Everything happens in a throwaway database next to the configured one (the configured name plus
"_bench", or a temporary SQLite file), created by migrations and dropped at the end.

Printed: the suggestion as the selector computes it (loading, scoring by the matching engine, the optimal
assignment, the greedy comparison), its parts, the whole page as a coordinator gets it, and what pruning
each candidate to their best K mentors costs in total fit.
"""

import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from scratch_database import run_in_scratch_database  # noqa: E402

CANDIDATES = int(os.environ.get("BENCH_CANDIDATES", 2_000))
MENTORS = int(os.environ.get("BENCH_MENTORS", 500))
ROUNDS = 3
BATCH = 2_000
REGION = "Region Hannover"


class Seconds(float):
    """Wall-clock seconds that also carry the CPU seconds of the same run (a busy machine inflates the first)."""

    cpu: float = 0.0

    def __format__(self, spec: str) -> str:
        return f"{float(self):{spec}} s wall, {self.cpu:{spec}} s CPU"


def best_of(rounds: int, function) -> tuple[Seconds, object]:
    best, result = None, None
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = function()
        seconds = Seconds(time.perf_counter() - started)
        seconds.cpu = time.process_time() - started_cpu
        if best is None or seconds.cpu < best.cpu:
            best = seconds
    return best, result


def create_synthetic_data(rng: random.Random):
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from accounts.models import Role, User
    from common.vocabulary import GermanLevel
    from demo.data.regions import REGIONS
    from mentoring.models import HelpTopic, MentorProfile, MentorRequest
    from places.geo import coordinates_of
    from places.services import region_save
    from portal.models import CandidateLanguage, CandidateProfile

    codes = next(region["postal_codes"] for region in REGIONS if region["name"] == REGION)
    region = region_save(name=REGION, postal_codes=codes)
    coordinator = User.objects.create_user(
        email="bench-coordinator@example.invalid", role=Role.COORDINATOR, region=region
    )
    no_password = make_password(None)  # unusable: nobody logs in as a benchmark person
    topics = HelpTopic.values
    languages = ["ar", "fa", "uk", "ru", "tr", "en", "ku", "ti", "ps", "so"]
    levels = ["native", "C1", "B2", "B1", "A2", "A1"]

    User.objects.bulk_create(
        (
            User(email=f"bench-candidate-{n}@example.invalid", role=Role.CANDIDATE, password=no_password)
            for n in range(CANDIDATES)
        ),
        batch_size=BATCH,
    )
    user_ids = list(User.objects.filter(email__startswith="bench-candidate-").values_list("pk", flat=True))
    CandidateProfile.objects.bulk_create(
        (
            CandidateProfile(
                user_id=user_id,
                german_level=rng.choices(GermanLevel.values, [15, 25, 25, 15, 10, 6, 4])[0],
                postal_code=rng.choice(codes),
            )
            for user_id in user_ids
        ),
        batch_size=BATCH,
    )
    profile_ids = list(CandidateProfile.objects.values_list("pk", flat=True))
    CandidateLanguage.objects.bulk_create(
        (
            CandidateLanguage(profile_id=profile_id, language=language, level=level)
            for profile_id in profile_ids
            for language, level in zip(
                rng.sample(languages, rng.randint(1, 3)), ["native", *rng.sample(levels, 2)], strict=False
            )
        ),
        batch_size=BATCH,
    )
    MentorRequest.objects.bulk_create(
        (
            MentorRequest(profile_id=profile_id, topics=rng.sample(topics, rng.randint(1, 3)))
            for profile_id in profile_ids
        ),
        batch_size=BATCH,
    )

    User.objects.bulk_create(
        (
            User(email=f"bench-mentor-{n}@example.invalid", role=Role.MENTOR, password=no_password)
            for n in range(MENTORS)
        ),
        batch_size=BATCH,
    )
    now = timezone.now()
    mentors = []
    for user_id in User.objects.filter(email__startswith="bench-mentor-").values_list("pk", flat=True):
        code = rng.choice(codes)
        latitude, longitude = coordinates_of(code)
        mentors.append(
            MentorProfile(
                user_id=user_id,
                languages=["de", *rng.sample(languages, rng.choice([0, 0, 1, 1, 2]))],
                postal_code=code,
                latitude=latitude,
                longitude=longitude,
                travel_radius_km=rng.choice([5, 10, 15, 20, 30]),
                capacity=rng.choices([1, 2, 3, 5], [40, 30, 20, 10])[0],
                helps_with=rng.sample(topics, rng.randint(2, 4)),
                availability=["evenings"],
                approved_at=now,
                approved_by=coordinator,
            )
        )
    MentorProfile.objects.bulk_create(mentors, batch_size=BATCH)
    return region, coordinator


def run() -> None:
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from mentoring.assignment import assignment_greedy, assignment_optimal, assignment_total
    from mentoring.selectors import mentor_assignment_options, mentor_assignment_suggest

    started = time.perf_counter()
    region, coordinator = create_synthetic_data(random.Random(2026))
    print(f"Created {CANDIDATES:,} waiting candidates and {MENTORS:,} mentors in {time.perf_counter() - started:.1f} s")

    seconds, suggestion = best_of(ROUNDS, lambda: mentor_assignment_suggest(region=region))
    slots = sum(mentor.capacity for mentor in suggestion.mentors.values())
    print(
        f"Suggest for my region (selector): {seconds:.2f} (best of {ROUNDS}) — {suggestion.assigned:,} of "
        f"{len(suggestion.rows):,} candidates get a mentor ({slots:,} places), total fit {suggestion.total:,}, "
        f"greedy {suggestion.greedy_total:,}"
    )

    seconds, (requests, mentors, options) = best_of(ROUNDS, lambda: mentor_assignment_options(region=region))
    pairs = sum(len(choices) for choices in options.values())
    print(f"  loading and scoring (matching engine, top 20 each): {seconds:.2f}, {pairs:,} candidate-mentor pairs")
    capacities = {pk: mentor.capacity - mentor.current_mentorships for pk, mentor in mentors.items()}
    seconds, optimal = best_of(ROUNDS, lambda: assignment_optimal(options=options, capacities=capacities))
    print(f"  optimal assignment (min-cost flow): {seconds:.2f}")
    seconds, greedy = best_of(ROUNDS, lambda: assignment_greedy(options=options, capacities=capacities))
    print(f"  greedy, for comparison: {seconds:.3f}")

    for k in (5, 10, 40):
        _requests, _mentors, wider = mentor_assignment_options(region=region, k=k)
        seconds, result = best_of(1, lambda wider=wider: assignment_optimal(options=wider, capacities=capacities))
        print(
            f"  top {k} mentors per candidate: total fit {assignment_total(options=wider, assignment=result):,}"
            f" (top 20: {assignment_total(options=options, assignment=optimal):,}), flow {seconds:.2f}"
        )

    setup_test_environment()
    client = Client()
    client.force_login(coordinator)
    url = reverse("mentoring:suggest")
    seconds, response = best_of(ROUNDS, lambda: client.get(url))
    size = len(response.content) / 1_000_000
    print(f"The whole page as the coordinator gets it: {seconds:.2f} (status {response.status_code}, {size:.1f} MB)")


def main() -> None:
    run_in_scratch_database(run)


if __name__ == "__main__":
    main()
