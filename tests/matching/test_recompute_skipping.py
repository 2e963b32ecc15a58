"""The nightly recomputation skips candidates whose inputs have not changed, and still stores exactly what a
recomputation from scratch would, whatever changed in between: profiles, offers, or just the date."""

import datetime
import random

import pytest
from django.db.models import Max, Min
from django.utils import timezone

from common.vocabulary import GermanLevel
from courses.models import Course
from employers.models import Vacancy, VacancyStatus
from matching.facts import match_targets_forget
from matching.models import Match, MatchInputs
from matching.services import (
    match_recompute_chunk,
    match_recompute_for_course,
    match_recompute_for_vacancy,
)
from places.geo import coordinates_of
from portal.models import CandidateProfile

from . import world

pytestmark = pytest.mark.django_db

CODES = ["30159", "30851", "31582", "31535", "30952", "31134", "29221", "38100"]
LEVELS = GermanLevel.values


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def rows() -> list[tuple]:
    return sorted(
        (m.profile_id, m.kind, m.vacancy_id or m.course_id, m.score, m.parts)
        for m in Match.objects.filter(kind__in=["vacancy", "course"])
    )


def rows_of(profile) -> list[tuple]:
    return [row for row in rows() if row[0] == profile.pk]


def nightly(today=None):
    """The whole nightly run, in one chunk (the chunks are independent of each other)."""
    bounds = CandidateProfile.objects.aggregate(low=Min("pk"), high=Max("pk"))
    return match_recompute_chunk(first_id=bounds["low"], last_id=bounds["high"], today=today)


def from_scratch(today=None) -> list[tuple]:
    """What a recomputation that knows nothing of earlier runs stores; the incremental rows are put back."""
    kept = list(Match.objects.all())
    inputs = list(MatchInputs.objects.all())
    Match.objects.all().delete()
    MatchInputs.objects.all().delete()
    match_targets_forget()
    nightly(today)
    found = rows()
    Match.objects.all().delete()
    MatchInputs.objects.all().delete()
    Match.objects.bulk_create(kept)
    MatchInputs.objects.bulk_create(inputs)
    return found


# (start, end) of courses: one ending today, running ones, one starting today, one a day beyond "soon".
COURSE_DATES = [(-10, 0), (-10, 60), (0, 90), (30, 150), (91, 200)]


def build_world(seed: int) -> dict:
    """Candidates, vacancies and courses around Hannover whose dates sit right at the edges that move with the day:
    a vacancy open only until today, one closing in three days, a course starting in 91 days, a candidate turning
    25 tomorrow, candidates who can start only later."""
    rng = random.Random(seed)
    catalogue = [world.occupation(code) for code in ("33302", "33301", "33201", "29302", "52122")]
    kinds = ["job", "ausbildung", "internship", "hospitation", "language_course"]
    profiles = [
        world.candidate(
            occupations=[(o, rng.randint(0, 8)) for o in rng.sample(catalogue, rng.randint(0, 2))],
            german_level=rng.choice(LEVELS),
            looking_for=rng.sample(kinds, rng.randint(0, 3)),
            postal_code=rng.choice(CODES),
            travel_radius_km=rng.choice([10, 30, 60]),
            transport=rng.choice(["public", "car"]),
            hours_per_week=rng.choice([None, 20, 38]),
            earliest_start=rng.choice([None, None, days(-5), days(1), days(40)]),
            birth_date=rng.choice([None, days(1) - datetime.timedelta(days=round(25 * 365.25)), days(-9000)]),
        )
        for _ in range(20)
    ]
    young = world.candidate(
        german_level="B1",
        looking_for=[],
        birth_date=days(1).replace(year=days(1).year - 25),  # 24 today, 25 tomorrow
    )
    vacancies = [
        world.vacancy(
            occupation=rng.choice(catalogue),
            kind=rng.choice(kinds[:4]),
            german_level_required=rng.choice(LEVELS[:5]),
            postal_code=rng.choice(CODES),
            hours_per_week=rng.choice([20, 30, 38]),
            shift_work=rng.random() < 0.3,
            start_date=rng.choice([None, days(-3), days(20)]),
            expires_on=rng.choice([None, None, days(0), days(3), days(30)]),
        )
        for _ in range(30)
    ]
    courses = [
        world.course(
            level_from=start,
            level_to=LEVELS[LEVELS.index(start) + 1],
            postal_code=rng.choice(CODES),
            kind=rng.choice(["integration", "job_bsk", "azubi_bsk"]),
            start_date=days(dates[0]),
            end_date=days(dates[1]),
        )
        for start, dates in zip(rng.choices(LEVELS[:5], k=10), rng.choices(COURSE_DATES, k=10), strict=True)
    ]
    # In Göttingen, far from every offer: nothing they are matched from changes.
    far = [world.candidate(postal_code="37073", travel_radius_km=10) for _ in range(2)]
    return {"profiles": profiles + [young] + far, "vacancies": vacancies, "courses": courses}


def test_a_nightly_rerun_with_nothing_changed_skips_every_candidate_and_writes_nothing():
    found = build_world(seed=1)
    cold = nightly()
    assert cold.skipped == 0
    assert cold.inserted == len(rows()) > 30
    before = list(Match.objects.order_by("pk").values_list("pk", "score", "computed_at"))

    warm = nightly()

    assert warm.skipped == len(found["profiles"])
    assert warm.inserted == warm.updated == warm.deleted == warm.unchanged == 0
    assert list(Match.objects.order_by("pk").values_list("pk", "score", "computed_at")) == before


@pytest.mark.parametrize("seed", [2, 3])
def test_after_changes_and_a_new_day_the_incremental_run_stores_what_a_fresh_run_does(seed):
    found = build_world(seed)
    nightly()
    profiles, vacancies, courses = found["profiles"], found["vacancies"], found["courses"]
    tomorrow = days(1)

    # A candidate's profile, one vacancy, a course's dates; one vacancy deleted, one candidate's account closed.
    profile = profiles[0]
    profile.german_level = LEVELS[(LEVELS.index(profile.german_level) + 2) % len(LEVELS)]
    profile.travel_radius_km = 60
    profile.save()
    vacancies[1].german_level_required = "A1"
    vacancies[1].hours_per_week = 20
    vacancies[1].save()
    courses[2].start_date, courses[2].end_date = days(5), days(200)
    courses[2].save()
    Vacancy.objects.filter(pk=vacancies[3].pk).delete()
    profiles[4].user.is_active = False
    profiles[4].user.save()
    # The same day, then the next one: closing dates pass, "apply soon" begins, a course moves into "soon", a
    # candidate becomes 25, those who can start later are a day nearer.
    for today in (None, tomorrow):
        match_targets_forget()
        incremental = nightly(today)
        assert incremental.skipped >= 2  # at least those in Göttingen
        assert rows() == from_scratch(today)
    assert not Match.objects.filter(profile=profiles[4]).exists()
    assert not Match.objects.filter(vacancy_id=vacancies[3].pk).exists()


def test_the_date_alone_moving_on_recomputes_exactly_the_candidates_it_concerns():
    """Six towns far apart, one candidate each within 10 km; overnight nothing is edited, only the day moves."""
    painter = world.occupation("33302")
    tomorrow = days(1)

    def local(postal_code, **fields):
        return world.candidate(occupations=[(painter, 3)], postal_code=postal_code, travel_radius_km=10, **fields)

    closes = local("37073")  # Göttingen: the only vacancy is open until today
    world.vacancy(occupation=painter, postal_code="37073", expires_on=days(0))
    hurry = local("49074")  # Osnabrück: tomorrow the vacancy closes within two days, "apply soon"
    world.vacancy(occupation=painter, postal_code="49074", expires_on=days(3))
    soon = local("26121", looking_for=["language_course"])  # Oldenburg: the course start moves into "soon"
    world.course(postal_code="26121", start_date=days(91), end_date=days(200))
    grown = local("21335", german_level="B1", looking_for=[], birth_date=tomorrow.replace(year=tomorrow.year - 25))
    world.course(postal_code="21335", kind="azubi_bsk", level_from="B1", level_to="B2")  # Lüneburg: 25 tomorrow
    later = local("26721", earliest_start=days(40))  # Emden: can start later; the job starts "now"
    world.vacancy(occupation=painter, postal_code="26721")
    quiet = local("27570")  # Bremerhaven: nothing here depends on the day
    world.vacancy(occupation=painter, postal_code="27570", expires_on=days(30))
    nightly()
    before = {p.pk: rows_of(p) for p in (closes, hurry, soon, grown, later, quiet)}

    next_day = nightly(tomorrow)

    assert next_day.skipped == 1
    assert rows() == from_scratch(tomorrow)
    assert rows_of(quiet) == before[quiet.pk]
    for changed in (closes, hurry, soon, grown, later):
        assert rows_of(changed) != before[changed.pk]


def test_a_changed_vacancy_or_course_read_only_near_offers_and_store_what_a_fresh_run_does():
    found = build_world(seed=4)
    nightly()
    vacancy, course = found["vacancies"][5], found["courses"][1]
    vacancy.german_level_required = "0"
    vacancy.postal_code, vacancy.latitude, vacancy.longitude = (
        "31134",
        *Vacancy.objects.filter(postal_code="31134").values_list("latitude", "longitude").first(),
    )
    vacancy.save()
    course.seats_left = 0
    course.waiting_list_open = True
    course.save()
    match_targets_forget()  # as in a worker that has not read the changed offers yet

    by_vacancy = match_recompute_for_vacancy(vacancy=vacancy)
    by_course = match_recompute_for_course(course=Course.objects.get(pk=course.pk))

    assert by_vacancy.candidates > 0 and by_course.candidates > 0
    assert rows() == from_scratch()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_after_each_vacancy_change_the_written_difference_equals_a_fresh_run(seed):
    """A changed vacancy (its requirements, place, closing date, or filled) only writes its own match and the one
    it pushes out, or recomputes a candidate's vacancy list where the stored rows cannot tell; either way the rows
    are those of a recomputation from scratch. Lists are full (more than 50 fitting vacancies), so vacancies enter,
    push out, fall behind and leave full lists."""
    rng = random.Random(seed)
    painter = world.occupation("33302")
    profiles = [
        world.candidate(
            occupations=[(painter, rng.randint(0, 5))],
            german_level=rng.choice(["A2", "B1", "B2"]),
            postal_code=rng.choice(CODES[:4]),
            travel_radius_km=rng.choice([30, 60]),
            transport=rng.choice(["public", "car"]),
            hours_per_week=rng.choice([None, 20, 38]),
        )
        for _ in range(8)
    ]
    vacancies = [
        world.vacancy(
            occupation=painter,
            german_level_required=rng.choice(LEVELS[:4]),
            postal_code=rng.choice(CODES[:4]),
            hours_per_week=rng.choice([20, 30, 38]),
            shift_work=rng.random() < 0.2,
        )
        for _ in range(70)
    ]
    nightly()
    assert max(Match.objects.filter(kind="vacancy", profile=p).count() for p in profiles) == 50
    written = change_vacancies_and_compare(rng, vacancies)
    # Every way of writing is taken: rows inserted, deleted and updated, and lists the vacancy fell back in or
    # left computed afresh.
    assert all(written.values()), written


@pytest.mark.parametrize("seed", [4, 5])
def test_after_each_vacancy_change_lists_computed_afresh_equal_a_fresh_run_whatever_the_gates(seed):
    """As above, with candidates whose gates differ (kinds looked for, shift work, occupations of the same group
    or field, means of transport, radii up to 100 km) and vacancies of several kinds and occupations: the lists
    computed afresh read only the vacancies the gates let through, and still find the one taking the changed
    vacancy's place."""
    rng = random.Random(seed)
    painter, varnisher, plasterer = (world.occupation(code) for code in ("33302", "33301", "33201"))
    profiles = [
        world.candidate(
            occupations=[(rng.choice([painter, plasterer]), rng.randint(0, 5))],
            german_level=rng.choice(["A2", "B1", "B2"]),
            looking_for=rng.choice([["job"], ["job", "internship"], []]),
            postal_code=rng.choice(CODES[:4]),
            travel_radius_km=rng.choice([30, 60, 100]),
            transport=rng.choice(["public", "car", ""]),
            shift_work_possible=rng.choice([True, False, None]),
            hours_per_week=rng.choice([None, 20, 38]),
        )
        for _ in range(10)
    ]
    vacancies = [
        world.vacancy(
            occupation=rng.choice([painter, painter, varnisher, plasterer]),
            kind=rng.choice(["job", "job", "internship"]),
            german_level_required=rng.choice(LEVELS[:4]),
            postal_code=rng.choice(CODES[:4]),
            hours_per_week=rng.choice([20, 30, 38]),
            shift_work=rng.random() < 0.2,
        )
        for _ in range(90)
    ]
    nightly()
    assert max(Match.objects.filter(kind="vacancy", profile=p).count() for p in profiles) == 50

    written = change_vacancies_and_compare(rng, vacancies)

    assert written["relisted"] > 0, written


def change_vacancies_and_compare(rng: random.Random, vacancies: list, steps: int = 24) -> dict:
    """Change one vacancy after another, recompute after each change and compare the rows with those of a
    recomputation from scratch; returns what the recomputations wrote, summed."""
    written = {"inserted": 0, "deleted": 0, "updated": 0, "relisted": 0}
    for step in range(steps):
        vacancy = Vacancy.objects.get(pk=rng.choice(vacancies).pk)
        change = step % 6
        if change == 0:
            vacancy.german_level_required = rng.choice(LEVELS[:5])
        elif change == 1:
            vacancy.hours_per_week = rng.choice([20, 30, 38])
        elif change == 2:
            code = rng.choice(CODES)
            vacancy.postal_code, (vacancy.latitude, vacancy.longitude) = code, coordinates_of(code)
        elif change == 3:
            vacancy.shift_work = not vacancy.shift_work
        elif change == 4:
            vacancy.expires_on = days(rng.choice([-1, 30]))
        elif change == 5:
            vacancy.status = rng.choice([VacancyStatus.FILLED, VacancyStatus.PUBLISHED])
        vacancy.save()
        match_targets_forget()
        result = match_recompute_for_vacancy(vacancy=vacancy)
        for name in written:
            written[name] += getattr(result, name)
        assert rows() == from_scratch(), f"step {step}"
    return written
