"""The scoring rules: each part of a score, the hard limits, and the fast engine against the plain reference."""

import datetime
import random

import pytest

from courses.lower_saxony import lower_saxony_postal_codes
from matching import engine, pair_scoring
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
    return pair_scoring.score_vacancy(c, v, today=TODAY)


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


def test_a_skilled_job_in_an_unrelated_occupation_is_closed_but_offers_to_start_or_try_stay_open():
    assert score(candidate(), vacancy(kldb=COOK)) is None
    assert fast(candidate(), [vacancy(kldb=COOK)]) == []
    changer = candidate(looking_for=frozenset())
    for kind in ("internship", "hospitation", "work_trial", "eq", "ausbildung"):
        total, parts = score(changer, vacancy(kldb=COOK, kind=kind))
        assert parts[0] == ["occupation_other", 0, {}]
        assert total == 100 - 35 - 5 - (15 - parts_by_code(parts)["distance"][0])
    helper_job = 29301  # Koch-Helfer: requirement level 1
    assert score(candidate(), vacancy(kldb=helper_job)) is not None


def test_experience_in_the_same_field_opens_a_skilled_job_of_that_field():
    plasterer_job = vacancy(kldb=33212)  # Fliesenleger/in: skilled, same field (33) as the painter
    assert score(candidate(occupations=((PAINTER, 1),)), plasterer_job) is None
    assert score(candidate(occupations=((PAINTER, 2),)), plasterer_job) is not None


def test_experience_adds_a_point_a_year_up_to_five():
    assert parts_by_code(score(candidate(occupations=((PAINTER, 2),)), vacancy())[1])["occupation_same"][0] == 32
    assert parts_by_code(score(candidate(occupations=((PAINTER, 12),)), vacancy())[1])["occupation_same"] == (
        35,
        {"years": 12},
    )


def test_one_german_level_below_costs_more_than_the_whole_way_and_two_levels_close_the_gate():
    total, parts = score(candidate(german=2), vacancy(german=3, location=HANNOVER))
    assert parts_by_code(parts)["german_gap"] == (0, {"have": "A2", "need": "B1"})
    assert engine.GERMAN_ENOUGH - engine.GERMAN_ONE_BELOW > engine.DISTANCE_POINTS
    far_but_enough = score(candidate(german=2, radius_km=30), vacancy(german=2, location=coordinates_of("31535")))
    assert far_but_enough[0] > total
    assert score(candidate(german=1), vacancy(german=3)) is None
    assert fast(candidate(german=1), [vacancy(german=3)]) == []


def test_no_german_needed_is_full_points_for_everybody():
    assert parts_by_code(score(candidate(german=0), vacancy(german=0))[1])["german_not_needed"][0] == 25


def test_outside_the_travel_radius_excludes():
    assert score(candidate(radius_km=30), vacancy(location=NIENBURG)) is None
    assert score(candidate(radius_km=60), vacancy(location=NIENBURG)) is not None
    assert fast(candidate(radius_km=30), [vacancy(location=NIENBURG)]) == []


def test_public_transport_makes_the_same_distance_cost_more_than_a_car():
    by_car = parts_by_code(score(candidate(transport="car", radius_km=10), vacancy())[1])["distance"]
    by_bus = parts_by_code(score(candidate(transport="public", radius_km=10), vacancy())[1])["distance"]
    assert by_car[1]["km"] == by_bus[1]["km"]
    assert 5 < by_car[1]["km"] < 8
    assert by_bus[0] < by_car[0]


def test_the_radius_is_shorter_by_public_transport_than_by_car():
    # Langenhagen lies about 6 km away: within 7 km by car, beyond it by bus (6 km count as 7.5).
    assert score(candidate(transport="car", radius_km=7), vacancy()) is not None
    assert score(candidate(transport="public", radius_km=7), vacancy()) is None
    assert fast(candidate(transport="public", radius_km=7), [vacancy()]) == []


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
    parts = parts_by_code(score(candidate(shift_work_possible=None), vacancy(shift_work=True, childcare=True))[1])
    assert parts["shift_unknown"] == (1, {})
    assert parts["childcare_not_needed"] == (5, {})


def test_shift_work_the_candidate_cannot_do_closes_the_gate():
    assert score(candidate(shift_work_possible=False), vacancy(shift_work=True)) is None
    assert fast(candidate(shift_work_possible=False), [vacancy(shift_work=True)]) == []
    assert score(candidate(shift_work_possible=False), vacancy(shift_work=False)) is not None


def test_a_required_driving_licence_class_must_be_held_and_larger_classes_include_smaller_ones():
    needs_c = vacancy(licences=frozenset({"C"}))
    assert score(candidate(licences=frozenset({"B"})), needs_c) is None
    assert fast(candidate(licences=frozenset({"B"})), [needs_c]) == []
    total, parts = score(candidate(licences=frozenset({"CE"})), needs_c)
    assert parts_by_code(parts)["licence_ok"] == (0, {"classes": ["C"]})
    assert [s.target_id for s in fast(candidate(licences=frozenset({"CE"})), [needs_c])] == [needs_c.id]


def test_a_required_recognition_closes_the_gate_until_the_qualification_is_recognised():
    nurse_job = vacancy(recognition=True)
    assert score(candidate(recognised=False), nurse_job) is None
    assert fast(candidate(recognised=False), [nurse_job]) == []
    assert parts_by_code(score(candidate(recognised=True), nurse_job)[1])["recognition_ok"] == (0, {})


def test_bands_are_named_by_score_and_never_overlap():
    assert [engine.band(s) for s in (100, 80, 79, 60, 59, 30)] == [
        "very_good", "very_good", "good", "good", "support", "support",
    ]  # fmt: skip


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
    assert found == pair_scoring.best_vacancies(candidate(), offers, today=TODAY)


def learner(**changes):
    return candidate(looking_for=frozenset({"job", "language_course"}), **changes)


def test_a_course_starting_at_the_candidates_level_fits_best():
    fits = pair_scoring.score_course(learner(german=2), course(level_from=2, level_to=3), today=TODAY)
    assert parts_by_code(fits[1])["level_start"] == (35, {"from": "A2", "to": "B1"})
    below = pair_scoring.score_course(learner(german=1), course(level_from=2, level_to=3), today=TODAY)
    assert parts_by_code(below[1])["level_below"][0] == 13
    assert pair_scoring.score_course(learner(german=0), course(level_from=2, level_to=3), today=TODAY) is None
    assert pair_scoring.score_course(learner(german=3), course(level_from=2, level_to=3), today=TODAY) is None


def test_online_courses_reach_candidates_without_a_place_and_ended_courses_nobody():
    online = course(location=None)
    assert pair_scoring.score_course(learner(location=None), online, today=TODAY) is not None
    assert CourseTargets([online], today=TODAY).best_for(learner(location=None))[0].parts[3] == ["online", 15, {}]
    ended = course(end_date=TODAY - datetime.timedelta(days=1))
    assert pair_scoring.score_course(learner(), ended, today=TODAY) is None
    assert CourseTargets([ended], today=TODAY).best_for(learner()) == []


def test_courses_for_everybody_below_b2_and_ticking_language_course_adds_points_not_eligibility():
    without_tick = pair_scoring.score_course(candidate(looking_for=frozenset({"job"})), course(), today=TODAY)
    with_tick = pair_scoring.score_course(
        candidate(looking_for=frozenset({"job", "language_course"})), course(), today=TODAY
    )
    assert with_tick[0] - without_tick[0] == 10
    assert parts_by_code(with_tick[1])["kind_wanted"][0] == 10
    assert pair_scoring.score_course(candidate(looking_for=frozenset()), course(), today=TODAY) is not None
    b2_course = course(level_from=4, level_to=5)
    assert (
        pair_scoring.score_course(candidate(german=4, looking_for=frozenset({"job"})), b2_course, today=TODAY) is None
    )
    wants_training = candidate(german=4, looking_for=frozenset({"ausbildung"}))
    assert pair_scoring.score_course(wants_training, b2_course, today=TODAY) is not None


def test_an_azubi_bsk_suits_those_who_want_an_ausbildung_and_the_young_who_have_not_said():
    azubi = course(kind="azubi_bsk")
    for c, fits in (
        (candidate(looking_for=frozenset({"ausbildung"})), True),
        (candidate(looking_for=frozenset(), age=19), True),
        (candidate(looking_for=frozenset(), age=40), False),
        (candidate(looking_for=frozenset({"job"}), age=19), False),
    ):
        assert ("course_kind_fit" in parts_by_code(pair_scoring.score_course(c, azubi, today=TODAY)[1])) is fits


def test_a_full_course_drops_out_unless_its_waiting_list_is_open():
    full = course(seats_left=0, waiting_list=False)
    assert pair_scoring.score_course(learner(), full, today=TODAY) is None
    assert CourseTargets([full], today=TODAY).best_for(learner()) == []
    waiting = course(seats_left=0, waiting_list=True)
    free = course(id=21, seats_left=3)
    assert parts_by_code(pair_scoring.score_course(learner(), waiting, today=TODAY)[1])["waiting_list"] == (0, {})
    assert [s.target_id for s in CourseTargets([waiting, free], today=TODAY).best_for(learner())] == [21, 20]


def test_a_job_bsk_of_the_candidates_field_ranks_above_a_general_one_and_that_above_another_field():
    painter = learner(occupations=((PAINTER, 3),))
    crafts, general, care = course(id=1, subject="crafts"), course(id=2), course(id=3, subject="care")
    assert [s.target_id for s in CourseTargets([care, general, crafts], today=TODAY).best_for(painter)] == [1, 2, 3]


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
            licences=frozenset(rng.sample(["B", "C", "CE", "D1", "T"], rng.randint(0, 2))),
            recognised=rng.random() < 0.4,
            age=rng.choice([None, 17, 22, 30, 45]),
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
            licences=rng.choice([frozenset(), frozenset(), frozenset({"B"}), frozenset({"C"}), frozenset({"B", "T"})]),
            recognition=rng.random() < 0.15,
            closes_on=rng.choice([None, TODAY, TODAY + datetime.timedelta(days=2), TODAY + datetime.timedelta(days=9)]),
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
                subject=rng.choice(["", "", "care", "crafts", "hospitality", "logistics"]),
                seats_left=rng.choice([0, 0, 1, 8]),
                waiting_list=rng.random() < 0.5,
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
        assert vacancies.best_for(person, limit=10_000) == pair_scoring.best_vacancies(
            person, offers, today=TODAY, limit=10_000
        )
        assert courses.best_for(person, limit=10_000) == pair_scoring.best_courses(
            person, lessons, today=TODAY, limit=10_000
        )
        # ... and the best few that are stored.
        found = vacancies.best_for(person, limit=5)
        assert found == pair_scoring.best_vacancies(person, offers, today=TODAY, limit=5)
        assert courses.best_for(person, limit=3) == pair_scoring.best_courses(person, lessons, today=TODAY, limit=3)
        for scored in found:
            assert 0 <= scored.score <= 100
            assert sum(points for _code, points, _params in scored.parts) == scored.score
        compared += len(found)
    assert compared > 300  # the data set is not so sparse that the comparison proves nothing
