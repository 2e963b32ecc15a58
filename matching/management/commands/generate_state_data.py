"""Synthetic but realistic data at the scale of Lower Saxony, for the matching benchmark.

    manage.py generate_state_data                       # 100,000 candidates, 50,000 vacancies, 5,000 courses,
                                                        # 10,000 mentors
    manage.py generate_state_data --candidates 10000 --vacancies 5000 --courses 500 --mentors 1000

Deterministic for a seed. Every account it creates has an address at `@state.example.invalid` and no usable
password; `--delete` removes them (with their organisations, vacancies and courses) before generating. Places
are the postal codes of Lower Saxony, chosen alike, so cities with many postal codes get many people.
Never run it against production data.
"""

import datetime
import random
import time

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from common.vocabulary import GermanLevel, OfferKind
from courses.lower_saxony import lower_saxony_postal_codes
from courses.models import Course, CourseStatus, CourseSubject
from employers.models import TIME_LIMITED_KINDS, Organisation, Vacancy, VacancyKind, VacancyStatus
from mentoring.models import HelpTopic, MentorProfile
from occupations.models import Occupation
from places.geo import coordinates_of
from portal.models import CandidateLanguage, CandidateOccupation, CandidateProfile, RecognitionStatus

DOMAIN = "state.example.invalid"
ORGANISATION_PREFIX = "Synthetisch"
BATCH = 5000

KIND_WISHES = [  # (kind, share of candidates who look for it)
    (OfferKind.JOB, 0.70), (OfferKind.AUSBILDUNG, 0.22), (OfferKind.EQ, 0.08), (OfferKind.INTERNSHIP, 0.18),
    (OfferKind.HOSPITATION, 0.08), (OfferKind.WORK_TRIAL, 0.06), (OfferKind.LANGUAGE_COURSE, 0.45),
]  # fmt: skip
VACANCY_KINDS = (["job", "ausbildung", "eq", "internship", "hospitation", "work_trial"], [50, 15, 8, 12, 8, 7])
CANDIDATE_GERMAN = [10, 20, 28, 22, 12, 6, 2]
VACANCY_GERMAN = [15, 15, 30, 28, 10, 2, 0]
# Recognition of a foreign qualification: not stated, not started, in progress, partly, fully recognised.
RECOGNITION = ["", *(status.value for status in RecognitionStatus)]
SUBJECTS = [subject.value for subject in CourseSubject]
RADII = ([None, 5, 10, 15, 20, 25, 30, 40, 50, 75, 100], [8, 4, 12, 14, 16, 14, 12, 8, 7, 3, 2])
HOME_LANGUAGES = ["ar", "fa", "uk", "ru", "tr", "ku", "ti", "ps", "so", "sq", "en", "fr"]
COURSE_KINDS = {  # kind: (weight, [(level_from, level_to), ...])
    "integration": (35, [("0", "B1"), ("A1", "B1"), ("A2", "B1")]),
    "literacy": (8, [("0", "A1"), ("0", "A2")]),
    "women_parents": (7, [("0", "B1"), ("A1", "B1")]),
    "job_bsk": (30, [("A2", "B1"), ("B1", "B2"), ("B2", "C1"), ("A1", "A2")]),
    "azubi_bsk": (5, [("B1", "B2"), ("A2", "B1")]),
    "vocational": (10, [("A2", "B1"), ("B1", "B2")]),
    "other": (5, [("A1", "A2"), ("B2", "C1")]),
}


class Command(BaseCommand):
    help = "Generate synthetic candidates, vacancies, courses and mentors across Lower Saxony (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--candidates", type=int, default=100_000)
        parser.add_argument("--vacancies", type=int, default=50_000)
        parser.add_argument("--courses", type=int, default=5_000)
        parser.add_argument("--mentors", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--delete", action="store_true", help="Remove earlier synthetic data first.")
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off (never on real data).")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Refusing to generate synthetic data with DEBUG off (use --force on a test database).")
        started = time.perf_counter()
        if options["delete"]:
            state_data_delete()
        counts = state_data_generate(
            candidates=options["candidates"],
            vacancies=options["vacancies"],
            courses=options["courses"],
            mentors=options["mentors"],
            seed=options["seed"],
        )
        self.stdout.write(
            f"Generated {counts['candidates']:,} candidates, {counts['vacancies']:,} vacancies, "
            f"{counts['courses']:,} courses and {counts['mentors']:,} mentors in {time.perf_counter() - started:.1f} s"
        )


def state_data_delete() -> None:
    with transaction.atomic():
        Organisation.objects.filter(name__startswith=ORGANISATION_PREFIX).delete()
        User.objects.filter(email__endswith=f"@{DOMAIN}").delete()


def _users(role: str, prefix: str, count: int, password: str) -> list[int]:
    User.objects.bulk_create(
        (User(email=f"{prefix}-{n}@{DOMAIN}", role=role, password=password) for n in range(count)),
        batch_size=BATCH,
    )
    return list(
        User.objects.filter(email__startswith=f"{prefix}-", email__endswith=f"@{DOMAIN}")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _zipf_weights(count: int, rng: random.Random) -> list[float]:
    """Some occupations are far more common than others."""
    weights = [1 / (rank + 1) ** 0.8 for rank in range(count)]
    rng.shuffle(weights)
    return weights


@transaction.atomic
def state_data_generate(*, candidates: int, vacancies: int, courses: int, mentors: int, seed: int) -> dict:
    rng = random.Random(seed)
    today = timezone.localdate()
    codes = sorted(lower_saxony_postal_codes())
    levels = GermanLevel.values
    occupations = list(Occupation.objects.order_by("kldb_code").values_list("pk", "names"))
    regulated = set(Occupation.objects.filter(regulated=True).values_list("pk", flat=True))
    if not occupations:
        raise CommandError("The occupation catalogue is empty: run the migrations first.")
    occupation_weights = _zipf_weights(len(occupations), rng)
    no_password = make_password(None)
    run = f"s{seed}-{rng.randrange(10**6)}"

    # Candidates
    user_ids = _users(Role.CANDIDATE, f"{run}-candidate", candidates, no_password)
    inactive = set(rng.sample(user_ids, len(user_ids) // 50))
    if inactive:
        User.objects.filter(pk__in=list(inactive)).update(is_active=False)
    profiles = []
    for user_id in user_ids:
        wishes = [kind.value for kind, share in KIND_WISHES if rng.random() < share] or [OfferKind.JOB.value]
        transport = rng.choices(["public", "car", ""], [65, 30, 5])[0]
        profiles.append(
            CandidateProfile(
                user_id=user_id,
                german_level=rng.choices(levels, CANDIDATE_GERMAN)[0],
                looking_for=wishes,
                hours_per_week=rng.choice([None, 15, 20, 25, 30, 35, 38, 40]),
                earliest_start=None if rng.random() < 0.6 else today + datetime.timedelta(days=rng.randint(0, 180)),
                postal_code="" if rng.random() < 0.04 else rng.choice(codes),
                travel_radius_km=rng.choices(*RADII)[0],
                transport=transport,
                driving_licences=rng.choices([["B"], ["CE"]], [95, 5])[0] if transport == "car" else [],
                childcare_needed=rng.choices([True, False, None], [20, 60, 20])[0],
                shift_work_possible=rng.choices([True, False, None], [45, 25, 30])[0],
                recognition_status=rng.choices(RECOGNITION, [40, 20, 15, 10, 15])[0],
                birth_date=None if rng.random() < 0.5 else today - datetime.timedelta(days=rng.randint(17, 60) * 365),
                visible_to_employers=rng.random() < 0.6,
                completed_steps=["languages", "experience", "wishes", "place", "circumstances"],
            )
        )
    CandidateProfile.objects.bulk_create(profiles, batch_size=BATCH)
    profile_ids = list(
        CandidateProfile.objects.filter(user_id__in=user_ids).order_by("pk").values_list("pk", flat=True)
    )
    experience, spoken = [], []
    for profile_id in profile_ids:
        count = rng.choices([0, 1, 2, 3], [25, 50, 20, 5])[0]
        chosen = {occupations[i][0] for i in rng.choices(range(len(occupations)), occupation_weights, k=count)}
        experience.extend(
            CandidateOccupation(profile_id=profile_id, occupation_id=pk, years_experience=rng.randint(0, 15))
            for pk in sorted(chosen)
        )
        spoken.append(CandidateLanguage(profile_id=profile_id, language=rng.choice(HOME_LANGUAGES), level="native"))
    CandidateOccupation.objects.bulk_create(experience, batch_size=BATCH)
    CandidateLanguage.objects.bulk_create(spoken, batch_size=BATCH)

    # Employers and vacancies
    employers = Organisation.objects.bulk_create(
        (
            Organisation(name=f"{ORGANISATION_PREFIX} Betrieb {n}", is_employer=True, locations=[rng.choice(codes)])
            for n in range(max(1, vacancies // 10))
        ),
        batch_size=BATCH,
    )
    offers = []
    for n in range(vacancies):
        organisation = rng.choice(employers)
        kind = rng.choices(*VACANCY_KINDS)[0]
        code = organisation.locations[0] if rng.random() < 0.8 else rng.choice(codes)
        latitude, longitude = coordinates_of(code)
        occupation_id, names = occupations[rng.choices(range(len(occupations)), occupation_weights)[0]]
        status = rng.choices(
            [VacancyStatus.PUBLISHED, VacancyStatus.DRAFT, VacancyStatus.FILLED, VacancyStatus.EXPIRED], [85, 8, 4, 3]
        )[0]
        offers.append(
            Vacancy(
                organisation=organisation,
                kind=kind,
                title=f"{names.get('de', '')} ({n})",
                description="Synthetische Stelle für Lasttests.",
                occupation_id=occupation_id,
                german_level_required=rng.choices(levels, VACANCY_GERMAN)[0],
                postal_code=code,
                latitude=latitude,
                longitude=longitude,
                hours_per_week=rng.choice([15, 20, 25, 30, 35, 38, 39, 40]),
                shift_work=rng.random() < 0.25,
                start_date=None if rng.random() < 0.5 else today + datetime.timedelta(days=rng.randint(-10, 150)),
                duration_weeks=rng.randint(1, 12) if kind in TIME_LIMITED_KINDS else None,
                support_childcare=rng.random() < 0.1,
                driving_licences_required=rng.choices([[], ["B"], ["C"]], [88, 10, 2])[0],
                recognition_required=kind == VacancyKind.JOB and occupation_id in regulated,
                status=status,
                published_at=timezone.now() if status != VacancyStatus.DRAFT else None,
            )
        )
    Vacancy.objects.bulk_create(offers, batch_size=BATCH)

    # Course providers and courses
    providers = Organisation.objects.bulk_create(
        (
            Organisation(
                name=f"{ORGANISATION_PREFIX} Sprachschule {n}",
                is_employer=False,
                is_course_provider=True,
                locations=[rng.choice(codes)],
            )
            for n in range(max(1, courses // 10))
        ),
        batch_size=BATCH,
    )
    course_kinds = list(COURSE_KINDS)
    course_weights = [COURSE_KINDS[kind][0] for kind in course_kinds]
    lessons = []
    for n in range(courses):
        provider = rng.choice(providers)
        kind = rng.choices(course_kinds, course_weights)[0]
        level_from, level_to = rng.choice(COURSE_KINDS[kind][1])
        delivery = rng.choices(["in_person", "hybrid", "online"], [80, 10, 10])[0]
        code = "" if delivery == "online" else (provider.locations[0] if rng.random() < 0.8 else rng.choice(codes))
        latitude, longitude = coordinates_of(code) if code else (None, None)
        start = today + datetime.timedelta(days=rng.randint(-30, 180))
        seats = rng.randint(8, 25)
        lessons.append(
            Course(
                provider=provider,
                kind=kind,
                title=f"Kurs {n} ({level_from}–{level_to})",
                level_from=level_from,
                level_to=level_to,
                delivery=delivery,
                postal_code=code,
                latitude=latitude,
                longitude=longitude,
                start_date=start,
                end_date=start + datetime.timedelta(days=rng.randint(60, 240)),
                schedule=rng.choices(["full_time", "part_time", "evenings", "weekends"], [40, 40, 15, 5])[0],
                childcare=rng.random() < 0.2,
                subject=rng.choice(SUBJECTS) if kind in ("job_bsk", "vocational", "azubi_bsk") else "",
                waiting_list_open=rng.random() < 0.5,
                seats_total=seats,
                seats_left=rng.randint(0, seats),
                cost=rng.choice(["free", "funded", "paid"]),
                status=rng.choices([CourseStatus.PUBLISHED, CourseStatus.DRAFT, CourseStatus.CANCELLED], [90, 5, 5])[0],
            )
        )
    Course.objects.bulk_create(lessons, batch_size=BATCH)

    # Mentors
    mentor_user_ids = _users(Role.MENTOR, f"{run}-mentor", mentors, no_password)
    topics = HelpTopic.values
    volunteers = []
    for user_id in mentor_user_ids:
        code = rng.choice(codes)
        latitude, longitude = coordinates_of(code)
        volunteers.append(
            MentorProfile(
                user_id=user_id,
                languages=sorted({"de", *rng.sample(HOME_LANGUAGES, rng.randint(0, 2))}),
                postal_code=code,
                latitude=latitude,
                longitude=longitude,
                travel_radius_km=rng.choice([5, 10, 15, 20, 30]),
                capacity=rng.choice([1, 1, 2, 3]),
                helps_with=sorted(rng.sample(topics, rng.randint(1, len(topics)))),
                availability=["evenings"],
                approved_at=timezone.now() if rng.random() < 0.8 else None,
            )
        )
    MentorProfile.objects.bulk_create(volunteers, batch_size=BATCH)
    return {"candidates": len(profiles), "vacancies": len(offers), "courses": len(lessons), "mentors": len(volunteers)}
