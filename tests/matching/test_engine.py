"""The scoring rules: each part of a score, the hard limits, and the fast engine against the plain reference."""

import datetime
import random

import pytest

from courses.lower_saxony import lower_saxony_postal_codes
from matching import engine, reference
from matching.engine import CandidateFacts, CourseFacts, CourseTargets, MentorFacts, VacancyFacts, VacancyTargets
from places.geo import coordinates_of

from .helpers import (
    COOK,
    GOETTINGEN,
    HANNOVER,
    LANGENHAGEN,
    NIENBURG,
    PAINTER,
    PLASTERER,
    TODAY,
    VARNISHER,
    candidate,
    course,
    parts_by_code,
    vacancy,
)


def score(c, v):
    return reference.score_vacancy(c, v, today=TODAY)


def fast(c, offers):
    return VacancyTargets(offers, today=TODAY).best_for(c)


def test_a_perfect_nearby_vacancy_scores_almost_full_points():
    total, parts = score(candidate(), vacancy(location=HANNOVER))
    assert total == 100
    assert sum(points for _code, points, _params in parts) == total
    assert parts_by_code(parts)["occupation_same"] == (35, {"years": 5})


@pytest.mark.parametrize(
    ("kldb", "code", "points"),
    [(PAINTER, "occupation_same", 35), (VARNISHER, "occupation_related", 20), (PLASTERER, "occupation_field", 12)],
)
def test_occupation_part_rewards_the_same_related_and_field(kldb, code, points):
    _total, parts = score(candidate(), vacancy(kldb=kldb))
    assert parts[0][:2] == [code, points]


def test_an_unrelated_occupation_gives_no_occupation_points_but_still_matches():
    total, parts = score(candidate(), vacancy(kldb=COOK))
    assert parts[0] == ["occupation_other", 0, {}]
    assert total == 100 - 35 - (20 - parts_by_code(parts)["distance"][0])


def test_experience_adds_a_point_a_year_up_to_five():
    assert parts_by_code(score(candidate(occupations=((PAINTER, 2),)), vacancy())[1])["occupation_same"][0] == 32
    assert parts_by_code(score(candidate(occupations=((PAINTER, 12),)), vacancy())[1])["occupation_same"] == (
        35,
        {"years": 12},
    )


def test_german_below_the_minimum_costs_points_and_far_below_excludes():
    assert parts_by_code(score(candidate(german=2), vacancy(german=3))[1])["german_gap"] == (
        8,
        {"have": "A2", "need": "B1"},
    )
    assert parts_by_code(score(candidate(german=1), vacancy(german=3))[1])["german_gap"][0] == 0
    assert score(candidate(german=0), vacancy(german=3)) is None
    assert fast(candidate(german=0), [vacancy(german=3)]) == []


def test_no_german_needed_is_full_points_for_everybody():
    assert parts_by_code(score(candidate(german=0), vacancy(german=0))[1])["german_not_needed"][0] == 20


def test_outside_the_travel_radius_excludes():
    assert score(candidate(radius_km=30), vacancy(location=NIENBURG)) is None
    assert score(candidate(radius_km=60), vacancy(location=NIENBURG)) is not None
    assert fast(candidate(radius_km=30), [vacancy(location=NIENBURG)]) == []


def test_public_transport_makes_the_same_distance_cost_more_than_a_car():
    by_car = parts_by_code(score(candidate(transport="car"), vacancy())[1])["distance"]
    by_bus = parts_by_code(score(candidate(transport="public"), vacancy())[1])["distance"]
    assert by_car[1]["km"] == by_bus[1]["km"]
    assert 5 < by_car[1]["km"] < 8
    assert by_bus[0] < by_car[0]


def test_a_kind_the_candidate_does_not_look_for_excludes():
    assert score(candidate(looking_for=frozenset({"ausbildung"})), vacancy(kind="job")) is None
    assert fast(candidate(looking_for=frozenset({"ausbildung"})), [vacancy(kind="job")]) == []


def test_a_candidate_who_has_not_said_what_they_look_for_gets_every_kind_without_kind_points():
    _total, parts = score(candidate(looking_for=frozenset()), vacancy(kind="internship"))
    assert parts_by_code(parts)["kind_open"] == (0, {"kind": "internship"})


def test_a_candidate_without_a_place_gets_no_vacancies():
    assert score(candidate(location=None), vacancy()) is None
    assert fast(candidate(location=None), [vacancy()]) == []


def test_hours_start_date_and_circumstances_are_parts_of_the_score():
    c = candidate(hours=20, earliest_start=TODAY + datetime.timedelta(days=60), childcare_needed=True)
    v = vacancy(hours=38, start_date=TODAY + datetime.timedelta(days=10), shift_work=True, childcare=False)
    parts = parts_by_code(score(c, v)[1])
    assert parts["hours_far"] == (0, {"hours": 38, "wanted": 20})
    assert parts["start_early"][0] == 0
    assert parts["childcare_missing"] == (0, {})
    assert parts["shift_ok"] == (3, {})
    parts = parts_by_code(score(candidate(shift_work_possible=False), vacancy(shift_work=True, childcare=True))[1])
    assert parts["shift_not_possible"] == (0, {})
    assert parts["childcare_not_needed"] == (3, {})


def test_the_best_matches_come_first_and_ties_go_to_the_nearest():
    near, far = vacancy(id=7, location=LANGENHAGEN), vacancy(id=3, location=HANNOVER)
    found = fast(candidate(radius_km=200), [near, far])
    assert [s.target_id for s in found] == [3, 7]
    same_score = [vacancy(id=n, location=HANNOVER) for n in (5, 4, 6)]
    assert [s.target_id for s in fast(candidate(), same_score)] == [4, 5, 6]


def test_only_the_best_fifty_vacancies_are_kept():
    offers = [vacancy(id=n, hours=10 + n % 30) for n in range(1, 80)]
    found = fast(candidate(), offers)
    assert len(found) == engine.MAX_VACANCY_MATCHES
    assert found == reference.best_vacancies(candidate(), offers, today=TODAY)


def learner(**changes):
    return candidate(looking_for=frozenset({"job", "language_course"}), **changes)


def test_a_course_starting_at_the_candidates_level_fits_best():
    fits = reference.score_course(learner(german=2), course(level_from=2, level_to=3), today=TODAY)
    assert parts_by_code(fits[1])["level_start"] == (40, {"from": "A2", "to": "B1"})
    below = reference.score_course(learner(german=1), course(level_from=2, level_to=3), today=TODAY)
    assert parts_by_code(below[1])["level_below"][0] == 15
    assert reference.score_course(learner(german=0), course(level_from=2, level_to=3), today=TODAY) is None
    assert reference.score_course(learner(german=3), course(level_from=2, level_to=3), today=TODAY) is None


def test_online_courses_reach_candidates_without_a_place_and_ended_courses_nobody():
    online = course(location=None)
    assert reference.score_course(learner(location=None), online, today=TODAY) is not None
    assert CourseTargets([online], today=TODAY).best_for(learner(location=None))[0].parts[2] == ["online", 20, {}]
    ended = course(end_date=TODAY - datetime.timedelta(days=1))
    assert reference.score_course(learner(), ended, today=TODAY) is None
    assert CourseTargets([ended], today=TODAY).best_for(learner()) == []


def test_courses_only_for_candidates_who_look_for_one_or_have_not_said():
    c = candidate(looking_for=frozenset({"job"}))
    assert reference.score_course(c, course(), today=TODAY) is None
    c = candidate(looking_for=frozenset({"job", "language_course"}))
    assert parts_by_code(reference.score_course(c, course(), today=TODAY)[1])["kind_wanted"][0] == 10
    assert reference.score_course(candidate(looking_for=frozenset()), course(), today=TODAY) is not None


def test_mentor_without_free_place_or_out_of_reach_or_without_the_topics_is_excluded():
    c = candidate(languages=frozenset({"ar"}))
    mentor = MentorFacts(id=1, location=HANNOVER, radius_km=20, free_places=1, helps_with=frozenset({"job_search"}),
                         languages=frozenset({"de", "ar"}))  # fmt: skip
    total, parts = engine.score_mentor(c, mentor, ["job_search"])
    assert parts_by_code(parts)["mentor_language"] == (20, {"languages": ["ar"]})
    assert total == 30 + 40 + 20 + 6
    assert engine.score_mentor(c, MentorFacts(**{**_mentor_dict(mentor), "free_places": 0}), ["job_search"]) is None
    assert engine.score_mentor(c, mentor, ["paperwork"]) is None
    assert engine.score_mentor(c, MentorFacts(**{**_mentor_dict(mentor), "location": GOETTINGEN}), []) is None


def _mentor_dict(mentor):
    return {name: getattr(mentor, name) for name in mentor.__slots__}


# --- The fast engine against the plain reference ------------------------------------------------------------


def random_world(seed: int, candidates: int = 200, vacancies: int = 300, courses: int = 50):
    rng = random.Random(seed)
    codes = sorted(lower_saxony_postal_codes())
    # A few dozen places, so that many candidates and offers share a place or lie near each other.
    places = [coordinates_of(code) for code in rng.sample(codes, 40)]
    occupations = [PAINTER, VARNISHER, PLASTERER, COOK, 29301, 52122, 52101, 81302, 81301, 51301]

    def day():
        return None if rng.random() < 0.4 else TODAY + datetime.timedelta(days=rng.randint(-40, 150))

    people = [
        CandidateFacts(
            id=n,
            german=rng.randint(0, 6),
            looking_for=frozenset(rng.sample([*engine.VACANCY_KINDS, engine.LANGUAGE_COURSE], rng.randint(0, 4))),
            hours=rng.choice([None, 15, 20, 30, 38, 40]),
            earliest_start=day(),
            location=rng.choice([None, *places, *places]),
            radius_km=rng.choice([5, 10, 20, 30, 50, 100, 200]),
            transport=rng.choice(["", "public", "car"]),
            occupations=tuple(sorted((k, rng.randint(0, 12)) for k in rng.sample(occupations, rng.randint(0, 3)))),
            childcare_needed=rng.choice([None, True, False]),
            shift_work_possible=rng.choice([None, True, False]),
        )
        for n in range(1, candidates + 1)
    ]
    offers = [
        VacancyFacts(
            id=n * 7,
            kind=rng.choice(engine.VACANCY_KINDS),
            kldb=rng.choice(occupations),
            german=rng.randint(0, 6),
            location=rng.choice(places),
            hours=rng.randint(8, 48),
            shift_work=rng.random() < 0.3,
            start_date=day(),
            childcare=rng.random() < 0.2,
        )
        for n in range(1, vacancies + 1)
    ]
    lessons = []
    for n in range(1, courses + 1):
        start = TODAY + datetime.timedelta(days=rng.randint(-90, 200))
        level_from = rng.randint(0, 5)
        lessons.append(
            CourseFacts(
                id=n * 3,
                kind=rng.choice(engine.COURSE_KINDS),
                level_from=level_from,
                level_to=rng.randint(level_from, 6),
                location=rng.choice([None, *places]),
                start_date=start,
                end_date=start + datetime.timedelta(days=rng.randint(0, 200)),
                schedule=rng.choice(["full_time", "part_time", "evenings"]),
                childcare=rng.random() < 0.3,
            )
        )
    return people, offers, lessons


@pytest.mark.parametrize("seed", [1, 2])
def test_fast_engine_finds_exactly_what_the_reference_scoring_of_every_pair_finds(seed):
    people, offers, lessons = random_world(seed)
    vacancies, courses = VacancyTargets(offers, today=TODAY), CourseTargets(lessons, today=TODAY)
    compared = 0
    for person in people:
        # Every pair that is not excluded (a limit above the number of offers) ...
        assert vacancies.best_for(person, limit=10_000) == reference.best_vacancies(
            person, offers, today=TODAY, limit=10_000
        )
        assert courses.best_for(person, limit=10_000) == reference.best_courses(
            person, lessons, today=TODAY, limit=10_000
        )
        # ... and the best few that are stored.
        found = vacancies.best_for(person, limit=5)
        assert found == reference.best_vacancies(person, offers, today=TODAY, limit=5)
        assert courses.best_for(person, limit=3) == reference.best_courses(person, lessons, today=TODAY, limit=3)
        for scored in found:
            assert 0 <= scored.score <= 100
            assert sum(points for _code, points, _params in scored.parts) == scored.score
        compared += len(found)
    assert compared > 300  # the data set is not so sparse that the comparison proves nothing
