"""Time the state-wide supply report: on the demo data, then on 50,000 candidates and 5,000 courses.

    make bench                                   # SQLite
    DATABASE_URL=postgres://... make bench       # PostgreSQL

Everything happens in a throwaway database next to the configured one (the configured name plus
"_bench", or a temporary SQLite file), created by migrations and dropped at the end, so the
configured database is never touched.
"""

import datetime
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

CANDIDATES = int(os.environ.get("BENCH_CANDIDATES", 50_000))
COURSES = int(os.environ.get("BENCH_COURSES", 5_000))
ROUNDS = 3
BATCH = 2_000


def best_of(rounds: int, function) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(rounds):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def report_line(label: str, seconds: float, data: dict) -> str:
    totals = data["totals"]
    return (
        f"{label}: {seconds:.2f} s (best of {ROUNDS}) — {totals['demand']} candidates need a course, "
        f"{totals['courses']} courses with {totals['seats']} seats within reach, {totals['unmet']} unmet, "
        f"{len(data['areas_without_course'])} postal codes without a course within 30 km"
    )


def create_synthetic_data(rng: random.Random) -> None:
    from django.contrib.auth.hashers import make_password

    from accounts.models import Role, User
    from common.vocabulary import GermanLevel, OfferKind
    from courses.lower_saxony import lower_saxony_postal_codes
    from courses.models import Course, CourseKind, CourseStatus, Delivery
    from employers.models import Organisation
    from places.geo import coordinates_of
    from portal.models import CandidateProfile

    codes = sorted(lower_saxony_postal_codes())
    levels = GermanLevel.values
    level_weights = [15, 25, 25, 15, 10, 6, 4]  # no German … C2
    radii = [None, None, None, None, 10, 20, 30, 50, 80]
    today = datetime.date.today()
    no_password = make_password(None)  # unusable: nobody logs in as a benchmark candidate

    User.objects.bulk_create(
        (
            User(email=f"bench-{n}@example.invalid", role=Role.CANDIDATE, password=no_password, is_active=n % 50 != 0)
            for n in range(CANDIDATES)
        ),
        batch_size=BATCH,
    )
    user_ids = list(User.objects.filter(email__startswith="bench-").values_list("pk", flat=True))
    CandidateProfile.objects.bulk_create(
        (
            CandidateProfile(
                user_id=user_id,
                german_level=rng.choices(levels, level_weights)[0],
                postal_code=rng.choice(codes),
                travel_radius_km=rng.choice(radii),
                looking_for=[OfferKind.LANGUAGE_COURSE] if rng.random() < 0.5 else [OfferKind.JOB],
            )
            for user_id in user_ids
        ),
        batch_size=BATCH,
    )

    provider = Organisation.objects.create(name="Bench-Sprachschule", is_employer=False, is_course_provider=True)
    courses = []
    for n in range(COURSES):
        start = rng.randint(1, 5)
        end = min(start + rng.randint(0, 2), 6)
        delivery = rng.choices([Delivery.IN_PERSON, Delivery.HYBRID, Delivery.ONLINE], [85, 10, 5])[0]
        postal_code = "" if delivery == Delivery.ONLINE else rng.choice(codes)
        latitude, longitude = coordinates_of(postal_code) if postal_code else (None, None)
        starts = today + datetime.timedelta(days=rng.randint(-30, 200))
        seats = rng.randint(10, 25)
        courses.append(
            Course(
                provider=provider,
                kind=CourseKind.INTEGRATION,
                title=f"Benchkurs {n}",
                level_from=levels[start],
                level_to=levels[end],
                delivery=delivery,
                postal_code=postal_code,
                latitude=latitude,
                longitude=longitude,
                start_date=starts,
                end_date=starts + datetime.timedelta(days=120),
                schedule="part_time",
                seats_total=seats,
                seats_left=rng.randint(0, seats),
                cost="funded",
                status=rng.choices([CourseStatus.PUBLISHED, CourseStatus.DRAFT, CourseStatus.CANCELLED], [90, 5, 5])[0],
            )
        )
    Course.objects.bulk_create(courses, batch_size=BATCH)


def run() -> None:
    from courses.report_services import supply_reports_refresh_all
    from courses.supply import supply_report_compute
    from demo.services import demo_seed

    demo_seed()
    seconds, data = best_of(ROUNDS, supply_report_compute)
    print(report_line("State report on the demo data", seconds, data))

    started = time.perf_counter()
    create_synthetic_data(random.Random(2026))
    print(f"Created {CANDIDATES:,} candidates and {COURSES:,} courses in {time.perf_counter() - started:.1f} s")

    seconds, data = best_of(ROUNDS, supply_report_compute)
    print(report_line(f"State report on {CANDIDATES:,} candidates and {COURSES:,} courses", seconds, data))

    started = time.perf_counter()
    stored = supply_reports_refresh_all()
    print(f"Refresh job (state and {stored - 1} regions, stored): {time.perf_counter() - started:.2f} s")


def main() -> None:
    run_in_scratch_database(run)


if __name__ == "__main__":
    main()
