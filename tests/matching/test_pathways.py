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


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_a_course_above_the_candidates_level_is_never_the_first_step(example):
    profile, job, course, _shadowing = example
    course.level_from, course.level_to = "B1", "B2"
    course.save()
    assert pathways_for_candidate(profile=profile) == []


def test_two_courses_in_date_order_reach_the_level_and_the_pathway_says_when(painter):
    """An A1 painter, a job needing B1 that starts in nine months: A1→A2, then A2→B1 after the first ends."""
    profile = world.candidate(occupations=[(painter, 4)], german_level="A1", looking_for=["job"])
    job = world.vacancy(occupation=painter, german_level_required="B1", start_date=days(270))
    first = world.course(kind="integration", level_from="A1", level_to="A2", start_date=days(10), end_date=days(100))
    world.course(kind="job_bsk", level_from="A2", level_to="B1", start_date=days(50), end_date=days(150))  # overlaps
    second = world.course(kind="job_bsk", level_from="A2", level_to="B1", start_date=days(110), end_date=days(200))

    [pathway] = pathways_for_candidate(profile=profile)

    assert pathway.vacancy == job
    assert pathway.courses == [first, second]
    assert pathway.ready_on == days(200)
    assert pathway.before_start is True
    assert pathway.before_close is None


def test_a_pathway_that_ends_after_the_offer_closes_says_so_and_comes_last(painter):
    profile = world.candidate(occupations=[(painter, 4)], german_level="A2", looking_for=["job"])
    closing = world.vacancy(occupation=painter, german_level_required="B1", expires_on=days(30))
    open_ended = world.vacancy(occupation=painter, german_level_required="B1", hours_per_week=20)
    world.course(level_from="A2", level_to="B1", start_date=days(10), end_date=days(90))

    pathways = pathways_for_candidate(profile=profile)

    assert [p.vacancy for p in pathways] == [open_ended, closing]
    assert pathways[1].before_close is False


def test_a_regulated_occupation_gets_a_recognition_step_with_the_official_finder():
    nurse = world.occupation("81302", "Pflegefachmann/-frau")
    nurse.regulated = True
    nurse.save()
    profile = world.candidate(
        occupations=[(nurse, 6)], german_level="B2", looking_for=["job"], recognition_status="in_progress"
    )
    job = world.vacancy(occupation=nurse, german_level_required="B2", recognition_required=True)

    [pathway] = pathways_for_candidate(profile=profile)

    assert (pathway.vacancy, pathway.courses, pathway.recognition_status) == (job, [], "in_progress")
    assert pathway.recognition_url == "https://www.anerkennung-in-deutschland.de/"
