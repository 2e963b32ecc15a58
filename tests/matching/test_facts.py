"""The reads that narrow down in the database which candidates a changed vacancy reaches and which vacancies a
candidate's list is recomputed from must never leave out a pair the engine's gates let through."""

import dataclasses
import random

import pytest
from django.utils import timezone

from common.vocabulary import GermanLevel
from matching import pair_scoring
from matching.engine import CandidateFacts, CourseTargets, VacancyTargets
from matching.facts import (
    _candidate_state,
    _course_state,
    _vacancy_state,
    candidate_facts_load,
    candidate_facts_reached_by,
    candidate_facts_reaching,
    vacancy_facts_around,
    vacancy_facts_load,
)
from occupations.models import Occupation

from . import helpers, world

pytestmark = pytest.mark.django_db

# Hannover, Langenhagen, Nienburg, Hildesheim, Peine, Celle, Braunschweig, Göttingen: a few km to 100 km apart.
CODES = ["30159", "30851", "31582", "31134", "31224", "29221", "38100", "37073"]
KINDS = ["job", "ausbildung", "eq", "internship", "hospitation", "work_trial", "language_course"]
# Skilled and helper jobs of one group (333), a related group (332) and other fields; the nurse is regulated.
KLDB = ["33302", "33301", "33201", "33222", "29302", "29301", "52122", "81302"]


def build(seed: int):
    rng = random.Random(seed)
    catalogue = [world.occupation(code, name=f"Beruf {code}") for code in KLDB]
    Occupation.objects.filter(kldb_code="81302").update(regulated=True)
    for _ in range(60):
        profile = world.candidate(
            occupations=[(o, rng.choice([0, 1, 2, 5])) for o in rng.sample(catalogue, rng.choice([0, 1, 1, 2]))],
            german_level=rng.choice(GermanLevel.values),
            looking_for=rng.sample(KINDS, rng.choice([0, 1, 1, 2, 3])),
            postal_code=rng.choice(CODES + [""]),
            travel_radius_km=rng.choice([None, 5, 15, 30, 60, 100]),
            transport=rng.choice(["public", "car", ""]),
            shift_work_possible=rng.choice([True, False, None]),
            recognition_status=rng.choice(["", "in_progress", "full"]),
            driving_licences=rng.choice([[], ["B"], ["CE"]]),
        )
        if rng.random() < 0.1:
            profile.user.is_active = False
            profile.user.save()
    # At the edge of the occupation gate: two years in a helper job of the same field open a skilled one.
    plasterer, painter = catalogue[2], catalogue[0]
    world.candidate(occupations=[(plasterer, 2)], german_level="B2", looking_for=["job"], travel_radius_km=60)
    world.vacancy(occupation=painter, kind="job", german_level_required="A2")
    for _ in range(40):
        kind = rng.choice(KINDS[:6])
        world.vacancy(
            occupation=rng.choice(catalogue),
            kind=kind,
            german_level_required=rng.choice(GermanLevel.values[:6]),
            postal_code=rng.choice(CODES),
            shift_work=rng.random() < 0.3,
            recognition_required=rng.random() < 0.2,
            driving_licences_required=rng.choice([[], [], ["B"], ["C"]]),
        )


@pytest.mark.parametrize("seed", [1, 2])
def test_the_candidates_a_vacancy_reaches_include_everybody_its_gates_let_through(seed):
    build(seed)
    today = timezone.localdate()
    candidates = {c.id: c for c in candidate_facts_load(today=today)}
    let_through = found = within_reach = 0

    for vacancy in vacancy_facts_load(today=today):
        reached = candidate_facts_reached_by(vacancy, today)
        passing = {pk for pk, c in candidates.items() if pair_scoring.vacancy_gate(c, vacancy) is None}

        assert passing <= {c.id for c in reached}, vacancy
        assert all(c == candidates[c.id] for c in reached)  # the same facts as read one by one
        let_through += len(passing)
        found += len(reached)
        within_reach += len(list(candidate_facts_reaching(vacancy.location)))

    assert let_through > 20
    assert found < within_reach  # the gates narrow down


@pytest.mark.parametrize("seed", [3, 4])
def test_the_vacancies_around_candidates_include_every_one_their_gates_let_through(seed):
    build(seed)
    today = timezone.localdate()
    rng = random.Random(seed)
    candidates = candidate_facts_load(today=today)
    vacancies = {v.id: v for v in vacancy_facts_load(today=today)}
    let_through = 0

    for size in (1, 1, 1, 4, 12, len(candidates)):
        group = rng.sample(candidates, size)
        around = vacancy_facts_around(group, today)
        passing = {pk for c in group for pk, v in vacancies.items() if pair_scoring.vacancy_gate(c, v) is None}

        assert passing <= {v.id for v in around}, [c.id for c in group]
        assert all(v == vacancies[v.id] for v in around)
        if size == 1 and passing:
            assert len(around) < len(vacancies)  # the gates narrow down
        let_through += len(passing)

    assert let_through > 20


# --- The nightly fingerprint reads every fact --------------------------------------------------------------

# Facts the vacancy and course matches are not computed from: only mentor matches, not fingerprinted, read them.
NOT_FINGERPRINTED = {CandidateFacts: {"languages"}}


class Reading:
    """Facts that note which of their fields are read."""

    def __init__(self, facts):
        self._facts = facts
        self.read = set()

    def __getattr__(self, name):
        self.read.add(name)
        return getattr(self._facts, name)


@pytest.mark.parametrize(
    ("facts", "state"),
    [
        (helpers.candidate(), _candidate_state),
        (helpers.vacancy(), _vacancy_state),
        (helpers.course(), _course_state),
    ],
    ids=["candidate", "vacancy", "course"],
)
def test_the_inputs_fingerprint_reads_every_fact_matching_is_computed_from(facts, state):
    """The states the nightly run's fingerprint hashes are lists kept by hand: a fact added to the engine must be
    added to them too, or a change of it would let the nightly run skip candidates whose matches it changes."""
    reading = Reading(facts)

    state(reading, helpers.TODAY)

    fields = {field.name for field in dataclasses.fields(type(facts))}
    assert fields - reading.read == NOT_FINGERPRINTED.get(type(facts), set())


def test_the_facts_left_out_of_the_fingerprint_change_no_vacancy_or_course_match():
    vacancies = VacancyTargets([helpers.vacancy()], today=helpers.TODAY)
    courses = CourseTargets([helpers.course()], today=helpers.TODAY)
    candidate = helpers.candidate(german=1)
    for name in NOT_FINGERPRINTED[CandidateFacts]:
        other = dataclasses.replace(candidate, **{name: frozenset({"ar", "fa"})})

        assert vacancies.best_for(other) == vacancies.best_for(candidate) != []
        assert courses.best_for(other) == courses.best_for(candidate) != []
