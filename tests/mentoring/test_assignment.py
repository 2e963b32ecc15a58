"""The optimal assignment under capacity: better than greedy, never over capacity, equal to brute force."""

import itertools
import random
from collections import Counter

import pytest

from mentoring.assignment import assignment_greedy, assignment_optimal, assignment_total, top_k


def brute_force_best(options, capacities) -> int:
    """Try every way of giving each candidate one of their mentors or none."""
    candidates = list(options)
    fits = {(candidate, mentor): fit for candidate, choices in options.items() for mentor, fit in choices}
    best = 0
    for combination in itertools.product(*[[None, *[m for m, _fit in options[c]]] for c in candidates]):
        load = Counter(mentor for mentor in combination if mentor is not None)
        if all(load[mentor] <= capacities.get(mentor, 0) for mentor in load):
            best = max(best, sum(fits[(c, m)] for c, m in zip(candidates, combination, strict=True) if m is not None))
    return best


def test_optimal_assignment_beats_taking_the_best_pair_first():
    # Greedy gives Amal her best mentor Xaver (10) and leaves Bilal with Yvonne (1): 11.
    # Giving Amal Yvonne (8) frees Xaver for Bilal (9): 17.
    options = {"Amal": [("Xaver", 10), ("Yvonne", 8)], "Bilal": [("Xaver", 9), ("Yvonne", 1)]}
    capacities = {"Xaver": 1, "Yvonne": 1}

    greedy = assignment_greedy(options=options, capacities=capacities)
    optimal = assignment_optimal(options=options, capacities=capacities)

    assert greedy == {"Amal": "Xaver", "Bilal": "Yvonne"}
    assert assignment_total(options=options, assignment=greedy) == 11
    assert optimal == {"Amal": "Yvonne", "Bilal": "Xaver"}
    assert assignment_total(options=options, assignment=optimal) == 17


def test_optimal_assignment_beats_greedy_in_a_three_by_three_case_with_capacity():
    # Xaver has two places; greedy fills them with Amal and Bilal and strands Chiara, whose only mentor is Xaver.
    options = {
        "Amal": [("Xaver", 9), ("Yvonne", 7)],
        "Bilal": [("Xaver", 8), ("Zeynep", 4)],
        "Chiara": [("Xaver", 5)],
    }
    capacities = {"Xaver": 2, "Yvonne": 1, "Zeynep": 1}

    greedy = assignment_greedy(options=options, capacities=capacities)
    optimal = assignment_optimal(options=options, capacities=capacities)

    assert assignment_total(options=options, assignment=greedy) == 9 + 8
    assert optimal == {"Amal": "Yvonne", "Bilal": "Xaver", "Chiara": "Xaver"}
    assert assignment_total(options=options, assignment=optimal) == 7 + 8 + 5


def test_no_mentor_gets_more_people_than_free_places():
    options = {f"c{i}": [("Xaver", 50 - i), ("Yvonne", 40 - i)] for i in range(10)}
    capacities = {"Xaver": 3, "Yvonne": 2}

    result = assignment_optimal(options=options, capacities=capacities)

    assert Counter(result.values()) == {"Xaver": 3, "Yvonne": 2}
    assert len(result) == 5


def test_mentors_without_free_places_and_worthless_pairs_are_not_used():
    options = {"Amal": [("Full", 90), ("Zero", 0)], "Bilal": [("Free", -5)]}

    assert assignment_optimal(options=options, capacities={"Full": 0, "Zero": 1, "Free": 1}) == {}


@pytest.mark.parametrize("seed", range(40))
def test_optimal_assignment_equals_brute_force_on_small_random_cases(seed):
    rng = random.Random(seed)
    capacities = {f"m{j}": rng.randint(0, 2) for j in range(rng.randint(1, 4))}
    options = {
        f"c{i}": [(mentor, rng.randint(1, 20)) for mentor in capacities if rng.random() < 0.75]
        for i in range(rng.randint(1, 6))
    }

    result = assignment_optimal(options=options, capacities=capacities)

    load = Counter(result.values())
    assert all(load[mentor] <= capacities[mentor] for mentor in load)
    assert all(mentor in dict(options[candidate]) for candidate, mentor in result.items())
    assert assignment_total(options=options, assignment=result) == brute_force_best(options, capacities)


def test_top_k_keeps_the_best_positive_options_best_first():
    options = [("a", 5), ("b", 0), ("c", 9), ("d", 7), ("e", -1)]

    assert top_k(options, 2) == [("c", 9), ("d", 7)]
    assert top_k(options, 10) == [("c", 9), ("d", 7), ("a", 5)]
