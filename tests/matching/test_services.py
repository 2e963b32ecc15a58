"""Recomputing stored matches: through the services and the tasks, after commits, idempotently."""

import datetime
import random

import pytest
from django.utils import timezone

from common.vocabulary import GermanLevel
from courses.models import CourseStatus
from matching import pair_scoring
from matching.engine import CandidateFacts, CourseFacts, VacancyFacts
from matching.models import Match, MatchInputs, MatchKind
from matching.selectors import matches_new_since
from matching.services import (
    match_mark_notified,
    match_recompute_all,
    match_recompute_chunk,
    match_recompute_for_candidate,
    match_recompute_for_course,
    match_recompute_for_vacancy,
)
from places.geo import coordinates_of
from tests.factories import DraftVacancyFactory

from . import world

pytestmark = pytest.mark.django_db


def stored(profile, kind=MatchKind.VACANCY):
    field = "vacancy_id" if kind == MatchKind.VACANCY else "course_id"
    return {getattr(m, field): m.score for m in Match.objects.filter(profile=profile, kind=kind)}


def snapshot():
    return sorted(
        Match.objects.values_list(
            "pk", "profile_id", "kind", "vacancy_id", "course_id", "score", "parts", "fingerprint", "created_at",
            "computed_at",
        )
    )  # fmt: skip


@pytest.fixture
def painter():
    return world.occupation("33302", "Maler/in")


def test_recompute_stores_the_candidates_best_vacancies_and_courses_with_their_parts(painter):
    profile = world.candidate(occupations=[(painter, 4)])
    near = world.vacancy(occupation=painter, postal_code="30851")
    far = world.vacancy(occupation=painter, postal_code="37073")  # Göttingen: beyond 30 km
    draft = DraftVacancyFactory(occupation=painter)
    lesson = world.course()

    result = match_recompute_for_candidate(profile=profile)

    assert result.inserted == 2
    assert set(stored(profile)) == {near.pk}
    assert far.pk not in stored(profile) and draft.pk not in stored(profile)
    match = Match.objects.get(profile=profile, vacancy=near)
    assert match.parts[0] == ["occupation_same", 34, {"years": 4}]
    assert sum(part[1] for part in match.parts) == match.score
    assert set(stored(profile, MatchKind.COURSE)) == {lesson.pk}


def test_running_a_recomputation_twice_leaves_identical_rows(painter):
    profile = world.candidate(occupations=[(painter, 2)], looking_for=["job", "internship", "language_course"])
    world.vacancy(occupation=painter)
    world.vacancy(occupation=painter, kind="internship", postal_code="30851")
    world.course()
    match_recompute_for_candidate(profile=profile)
    before = snapshot()

    again = match_recompute_for_candidate(profile=profile)
    match_recompute_all()

    assert again.inserted == again.updated == again.deleted == 0
    assert again.unchanged == len(before) == 3
    assert snapshot() == before


def test_a_profile_change_recomputes_through_the_service(painter):
    profile = world.candidate(occupations=[(painter, 2)], german_level="A2")
    needs_b1 = world.vacancy(occupation=painter, german_level_required="B1")
    match_recompute_for_candidate(profile=profile)
    assert stored(profile)[needs_b1.pk] < 80
    first_found = Match.objects.get(vacancy=needs_b1).created_at

    profile.german_level = "B1"
    profile.save()
    result = match_recompute_for_candidate(profile=profile)

    assert result.updated == 1
    match = Match.objects.get(vacancy=needs_b1)
    assert ["german_enough", 25, {"have": "B1", "need": "B1"}] in match.parts
    assert match.created_at == first_found  # the same match, found earlier: no new digest entry


def test_a_new_vacancy_pushes_the_weakest_match_out_of_a_full_list(painter, settings):
    profile = world.candidate(occupations=[(painter, 2)], hours_per_week=20)
    weak = [world.vacancy(occupation=painter, hours_per_week=38) for _ in range(50)]
    match_recompute_for_candidate(profile=profile)
    assert len(stored(profile)) == 50

    strong = world.vacancy(occupation=painter, hours_per_week=20)
    result = match_recompute_for_vacancy(vacancy=strong)

    assert result.candidates == 1
    assert strong.pk in stored(profile)
    assert len(stored(profile)) == 50
    assert max(vacancy.pk for vacancy in weak) not in stored(profile)


def test_a_cancelled_course_disappears_from_the_matches(painter):
    profile = world.candidate(occupations=[(painter, 2)])
    lesson = world.course()
    match_recompute_for_candidate(profile=profile)
    assert lesson.pk in stored(profile, MatchKind.COURSE)

    lesson.status = CourseStatus.CANCELLED
    lesson.save()
    match_recompute_for_course(course=lesson)

    assert stored(profile, MatchKind.COURSE) == {}


def test_a_closed_account_loses_its_matches(painter):
    profile = world.candidate(occupations=[(painter, 2)])
    world.vacancy(occupation=painter)
    match_recompute_for_candidate(profile=profile)
    profile.user.is_active = False
    profile.user.save()

    match_recompute_all()

    assert not Match.objects.filter(profile=profile).exists()


def test_new_matches_are_listed_for_digests_until_marked_notified(painter):
    profile = world.candidate(occupations=[(painter, 2)])
    world.vacancy(occupation=painter)
    since = timezone.now() - datetime.timedelta(seconds=1)
    match_recompute_for_candidate(profile=profile)

    new = list(matches_new_since(since=since))
    assert [m.profile_id for m in new] == [profile.pk]
    assert match_mark_notified(matches=new) == 1
    assert not matches_new_since(since=since).exists()


# --- The whole pipeline against the reference ----------------------------------------------------------------


def _facts_from_models(profile, today):
    return CandidateFacts(
        id=profile.pk,
        german=GermanLevel.rank(profile.german_level),
        looking_for=frozenset(profile.looking_for),
        hours=profile.hours_per_week,
        earliest_start=profile.earliest_start,
        location=coordinates_of(profile.postal_code) if profile.postal_code else None,
        radius_km=profile.travel_radius_km or 25,
        transport=profile.transport,
        occupations=tuple(sorted((int(o.occupation.kldb_code), o.years_experience) for o in profile.occupations.all())),
        childcare_needed=profile.childcare_needed,
        shift_work_possible=profile.shift_work_possible,
        licences=frozenset(profile.driving_licences),
        recognised=profile.recognition_status == "full",
    )


def test_the_nightly_recomputation_stores_what_the_reference_finds(settings):
    rng = random.Random(6)
    today = timezone.localdate()
    codes = ["30159", "30851", "31582", "31535", "30952", "31134", "29221", "38100"]
    kinds = ["job", "ausbildung", "internship", "hospitation", "language_course"]
    catalogue = [world.occupation(code) for code in ("33302", "33301", "33201", "29302", "52122")]
    levels = GermanLevel.values
    profiles = [
        world.candidate(
            occupations=[(o, rng.randint(0, 8)) for o in rng.sample(catalogue, rng.randint(0, 2))],
            german_level=rng.choice(levels),
            looking_for=rng.sample(kinds, rng.randint(0, 3)),
            postal_code=rng.choice(codes),
            travel_radius_km=rng.choice([10, 30, 60]),
            transport=rng.choice(["public", "car"]),
            hours_per_week=rng.choice([None, 20, 38]),
            driving_licences=rng.choice([[], ["B"], ["CE"]]),
            recognition_status=rng.choice(["", "in_progress", "full"]),
        )
        for _ in range(25)
    ]
    vacancies = [
        world.vacancy(
            occupation=rng.choice(catalogue),
            kind=rng.choice(kinds[:4]),
            german_level_required=rng.choice(levels[:5]),
            postal_code=rng.choice(codes),
            hours_per_week=rng.choice([20, 30, 38]),
            shift_work=rng.random() < 0.3,
            driving_licences_required=rng.choice([[], [], ["B"], ["C"]]),
            recognition_required=rng.random() < 0.2,
        )
        for _ in range(40)
    ]
    courses = [
        world.course(
            level_from=start, level_to=levels[levels.index(start) + 1], postal_code=rng.choice(codes),
            subject=rng.choice(["", "crafts", "care"]), seats_left=rng.choice([0, 1, 5]),
            waiting_list_open=rng.random() < 0.5,
        )
        for start in rng.choices(levels[:5], k=10)
    ]  # fmt: skip

    assert match_recompute_all() == 1

    vacancy_facts = [
        VacancyFacts(
            id=v.pk, kind=v.kind, kldb=int(v.occupation.kldb_code), german=GermanLevel.rank(v.german_level_required),
            location=(v.latitude, v.longitude), hours=v.hours_per_week, shift_work=v.shift_work,
            start_date=v.start_date, childcare=v.support_childcare, licences=frozenset(v.driving_licences_required),
            recognition=v.kind == "job" and (v.recognition_required or v.occupation.regulated), closes_on=v.expires_on,
        )
        for v in vacancies
    ]  # fmt: skip
    course_facts = [
        CourseFacts(
            id=c.pk, kind=c.kind, level_from=GermanLevel.rank(c.level_from), level_to=GermanLevel.rank(c.level_to),
            location=(c.latitude, c.longitude), start_date=c.start_date, end_date=c.end_date, schedule=c.schedule,
            childcare=c.childcare, subject=c.subject, seats_left=c.seats_left, waiting_list=c.waiting_list_open,
        )
        for c in courses
    ]  # fmt: skip
    total = 0
    for profile in profiles:
        facts = _facts_from_models(profile, today)
        expected = {
            s.target_id: (s.score, s.parts) for s in pair_scoring.best_vacancies(facts, vacancy_facts, today=today)
        }
        actual = {m.vacancy_id: (m.score, m.parts) for m in Match.objects.filter(profile=profile, kind="vacancy")}
        assert actual == expected
        expected = {
            s.target_id: (s.score, s.parts) for s in pair_scoring.best_courses(facts, course_facts, today=today)
        }
        actual = {m.course_id: (m.score, m.parts) for m in Match.objects.filter(profile=profile, kind="course")}
        assert actual == expected
        total += len(actual)
    assert Match.objects.count() > 40


def test_a_new_engine_version_rewrites_every_stored_match_in_the_nightly_run(painter):
    profile = world.candidate(occupations=[(painter, 2)])
    world.vacancy(occupation=painter)
    world.course()
    match_recompute_chunk(first_id=profile.pk, last_id=profile.pk)
    fresh = {m.pk: m.fingerprint for m in Match.objects.all()}
    assert len(fresh) == 2
    # As if the stored rows came from an older engine: their fingerprints, and those of the inputs they were
    # computed from, carry another version.
    Match.objects.update(fingerprint=0)
    MatchInputs.objects.update(fingerprint=0)

    result = match_recompute_chunk(first_id=profile.pk, last_id=profile.pk)

    assert (result.updated, result.inserted, result.deleted) == (2, 0, 0)
    assert {m.pk: m.fingerprint for m in Match.objects.all()} == fresh


def test_a_digest_never_announces_an_old_match_again_because_its_score_changed(painter):
    profile = world.candidate(occupations=[(painter, 2)], german_level="A2")
    job = world.vacancy(occupation=painter, german_level_required="B1")
    match_recompute_for_candidate(profile=profile)
    found = Match.objects.get(vacancy=job)
    since_last_digest = timezone.now()
    assert list(matches_new_since(since=found.created_at - datetime.timedelta(seconds=1))) == [found]

    job.german_level_required = "A2"
    job.save()
    result = match_recompute_for_candidate(profile=profile)

    changed = Match.objects.get(vacancy=job)
    assert result.updated == 1
    assert changed.score > found.score
    assert changed.created_at == found.created_at
    assert list(matches_new_since(since=since_last_digest)) == []
