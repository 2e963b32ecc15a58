"""Pathways: a vacancy that fits except for German, the course that closes the gap near both places, and an
offer to try the occupation meanwhile."""

import datetime

import pytest
from django.utils import timezone

from matching.selectors import pathways_for_candidate

from . import world

pytestmark = pytest.mark.django_db

NEUSTADT, NIENBURG, GOETTINGEN = "31535", "31582", "37073"


@pytest.fixture
def painter():
    return world.occupation("33302", "Maler/in")


@pytest.fixture
def example(painter):
    """An A2 painter in Neustadt am Rübenberge; a painting job in Nienburg needs B1."""
    profile = world.candidate(
        occupations=[(painter, 6)], german_level="A2", postal_code=NEUSTADT, travel_radius_km=40, looking_for=["job"]
    )
    job = world.vacancy(occupation=painter, postal_code=NIENBURG, german_level_required="B1", title="Maler/in Nienburg")
    course = world.course(
        kind="job_bsk",
        level_from="A2",
        level_to="B1",
        postal_code=NIENBURG,
        title="B1 Job-BSK Nienburg",
        start_date=timezone.localdate() + datetime.timedelta(days=40),
    )
    shadowing = world.vacancy(
        occupation=painter, kind="hospitation", postal_code=NEUSTADT, german_level_required="A1", title="Hospitation"
    )
    return profile, job, course, shadowing


def test_a_candidate_who_fits_except_for_german_gets_a_course_and_a_hospitation(example):
    profile, job, course, shadowing = example

    pathways = pathways_for_candidate(profile=profile)

    assert len(pathways) == 1
    pathway = pathways[0]
    assert (pathway.vacancy, pathway.course, pathway.trial) == (job, course, shadowing)
    assert (pathway.have, pathway.need) == ("A2", "B1")
    assert pathway.score >= 80


def test_no_pathway_without_a_course_near_both_places(example):
    profile, _job, course, _shadowing = example
    course.postal_code, course.latitude, course.longitude = GOETTINGEN, 51.53, 9.93
    course.save()
    assert pathways_for_candidate(profile=profile) == []


def test_no_pathway_when_the_german_is_already_enough(example):
    profile, _job, _course, _shadowing = example
    profile.german_level = "B1"
    profile.save()
    assert pathways_for_candidate(profile=profile) == []


def test_the_pathway_needs_no_trial_offer_but_proposes_one_only_in_the_same_occupation(example):
    profile, job, course, shadowing = example
    shadowing.occupation = world.occupation("29302", "Koch/Köchin")
    shadowing.save()
    [pathway] = pathways_for_candidate(profile=profile)
    assert (pathway.vacancy, pathway.course, pathway.trial) == (job, course, None)
