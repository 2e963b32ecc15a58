"""The public course finder: filters, distance, the proposal for the searcher's level, facts in their language."""

import datetime

import pytest
from django.urls import reverse

from courses.models import CourseStatus
from courses.selectors import next_sensible_level
from tests.factories import CandidateProfileFactory, CourseFactory, DraftCourseFactory, OnlineCourseFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("courses:search")
TODAY = datetime.date.today()


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return [course.title for course in response.context["courses"]]


def test_anyone_sees_published_courses_that_have_not_ended(client):
    CourseFactory(title="Offen")
    CourseFactory(
        title="Läuft noch", start_date=TODAY - datetime.timedelta(days=30), end_date=TODAY + datetime.timedelta(days=5)
    )
    DraftCourseFactory(title="Entwurf")
    CourseFactory(title="Abgesagt", status=CourseStatus.CANCELLED)
    CourseFactory(
        title="Vorbei", start_date=TODAY - datetime.timedelta(days=90), end_date=TODAY - datetime.timedelta(days=1)
    )

    response = search(client)

    assert sorted(titles(response)) == ["Läuft noch", "Offen"]
    for hidden in ("Entwurf", "Abgesagt", "Vorbei"):
        assert hidden not in response.content.decode()


def test_kind_filter(client):
    CourseFactory(title="IK", kind="integration")
    CourseFactory(title="Job", kind="job_bsk")

    assert titles(search(client, kind="job_bsk")) == ["Job"]


def test_level_filter_keeps_courses_whose_range_covers_the_level(client):
    CourseFactory(title="A1-A2", level_from="A1", level_to="A2")
    CourseFactory(title="A2-B1", level_from="A2", level_to="B1")
    CourseFactory(title="B2", level_from="B2", level_to="B2")

    assert sorted(titles(search(client, level="B1"))) == ["A2-B1"]
    assert sorted(titles(search(client, level="A2"))) == ["A1-A2", "A2-B1"]


def test_schedule_and_childcare_filters(client):
    CourseFactory(title="Abends mit Kita", schedule="evenings", childcare=True)
    CourseFactory(title="Abends", schedule="evenings", childcare=False)
    CourseFactory(title="Vollzeit mit Kita", schedule="full_time", childcare=True)

    assert sorted(titles(search(client, schedule="evenings"))) == ["Abends", "Abends mit Kita"]
    assert sorted(titles(search(client, childcare="on"))) == ["Abends mit Kita", "Vollzeit mit Kita"]
    assert titles(search(client, schedule="evenings", childcare="on")) == ["Abends mit Kita"]


@pytest.mark.parametrize(("weeks", "expected"), [("4", ["Bald"]), ("8", ["Bald", "In sieben Wochen"]), ("", None)])
def test_start_within_weeks(client, weeks, expected):
    CourseFactory(title="Bald", start_date=TODAY + datetime.timedelta(days=10))
    CourseFactory(title="In sieben Wochen", start_date=TODAY + datetime.timedelta(weeks=7))
    CourseFactory(title="Im Herbst", start_date=TODAY + datetime.timedelta(weeks=20))

    response = search(client, start_within_weeks=weeks)

    assert titles(response) == (expected or ["Bald", "In sieben Wochen", "Im Herbst"])


def test_distance_keeps_courses_within_the_radius_nearest_first_and_online_courses_when_wanted(client):
    CourseFactory(title="Neustadt", postal_code="31535")
    CourseFactory(title="Hannover", postal_code="30161")
    CourseFactory(title="Lüchow", postal_code="29439")
    OnlineCourseFactory(title="Online")

    near = search(client, postal_code="30159", radius_km="50", online="include")
    without_online = search(client, postal_code="30159", radius_km="50", online="exclude")
    only_online = search(client, postal_code="30159", radius_km="50", online="only")
    far = search(client, postal_code="30159", radius_km="100", online="exclude")

    assert titles(near) == ["Hannover", "Neustadt", "Online"]
    assert titles(without_online) == ["Hannover", "Neustadt"]
    assert titles(only_online) == ["Online"]
    assert "Lüchow" not in titles(far)  # about 130 km away
    assert "27 km entfernt" in near.content.decode()


def test_a_hybrid_course_far_away_counts_as_online(client):
    CourseFactory(title="Hybrid in Lüchow", postal_code="29439", delivery="hybrid")

    assert titles(search(client, postal_code="30159", radius_km="25", online="include")) == ["Hybrid in Lüchow"]
    assert titles(search(client, postal_code="30159", radius_km="25", online="exclude")) == []


def test_an_unknown_postal_code_is_an_error_next_to_the_field_and_the_other_filters_still_apply(client):
    CourseFactory(title="Job", kind="job_bsk")
    CourseFactory(title="IK", kind="integration")

    response = search(client, postal_code="99999", kind="job_bsk")

    assert "postal_code" in response.context["form"].errors
    assert "Die Postleitzahl 99999 ist uns nicht bekannt" in response.content.decode()
    assert titles(response) == ["Job"]


@pytest.mark.parametrize(("level", "proposal"), [("0", "A1"), ("A1", "A2"), ("A2", "B1"), ("B2", "C1"), ("C2", "C2")])
def test_the_next_sensible_level(level, proposal):
    assert next_sensible_level(level) == proposal


def test_a_candidate_at_a2_sees_b1_courses_first_then_by_distance(client):
    CourseFactory(title="A1-A2 nah", level_from="A1", level_to="A2", postal_code="30159")
    CourseFactory(title="A1-B1 nah", level_from="A1", level_to="B1", postal_code="30159")
    CourseFactory(title="B1-B2 weit", level_from="B1", level_to="B2", postal_code="31535")
    CourseFactory(title="A2-B1 nah", level_from="A2", level_to="B1", postal_code="30161")
    CourseFactory(title="C1", level_from="C1", level_to="C1", postal_code="30159")
    profile = CandidateProfileFactory(german_level="A2", postal_code="30159", travel_radius_km=50)
    client.force_login(profile.user)

    response = search(client)

    assert titles(response) == ["A2-B1 nah", "B1-B2 weit", "A1-B1 nah", "A1-A2 nah", "C1"]
    content = response.content.decode()
    assert "Für Ihr Niveau vorgeschlagen: B1" in content
    assert 'name="near" value="me"' in content and "30159 Hannover" in content
    assert 'value="30159' not in content  # the home postal code never goes into a URL
    assert sorted(titles(search(client, near="me", radius_km="50"))) == sorted(titles(response))


def test_a_candidates_own_travel_distance_is_offered_and_preset(client):
    profile = CandidateProfileFactory(postal_code="30159", travel_radius_km=30)
    CourseFactory(title="Celle", postal_code="29221")  # about 36 km
    CourseFactory(title="Garbsen", postal_code="30823")  # about 10 km
    client.force_login(profile.user)

    response = search(client)

    assert response.context["form"]["radius_km"].value() == 30
    assert titles(response) == ["Garbsen"]


def test_anyone_can_ask_for_the_proposal_by_giving_their_level(client):
    CourseFactory(title="A1", level_from="A1", level_to="A1", start_date=TODAY + datetime.timedelta(days=1))
    CourseFactory(title="B2", level_from="B2", level_to="B2", start_date=TODAY + datetime.timedelta(days=2))

    assert titles(search(client, my_level="B1")) == ["B2", "A1"]
    assert titles(search(client)) == ["A1", "B2"]


def test_a_candidate_who_submits_the_filters_is_not_overridden_by_the_profile(client):
    profile = CandidateProfileFactory(german_level="A2", postal_code="30159")
    CourseFactory(title="Lüchow", postal_code="29439")
    client.force_login(profile.user)

    assert titles(search(client)) == []  # 130 km from home, beyond the default distance
    assert titles(search(client, postal_code="")) == ["Lüchow"]


def test_results_are_paginated_and_the_filters_stay_in_the_page_links(client):
    for number in range(23):
        CourseFactory(title=f"Kurs {number:02d}", kind="job_bsk")

    first = search(client, kind="job_bsk")
    second = search(client, kind="job_bsk", page="2")

    assert len(titles(first)) == 20 and len(titles(second)) == 3
    assert "kind=job_bsk&amp;page=2" in first.content.decode()


def test_facts_are_shown_in_the_readers_language(client):
    CourseFactory(
        title="Integrationskurs", kind="integration", schedule="evenings", childcare=True, cost="free", seats_total=10
    )

    arabic = client.get("/ar/courses/").content.decode()
    ukrainian = client.get("/uk/courses/").content.decode()
    german = client.get("/de/courses/").content.decode()

    assert "Integrationskurs" in german and "Abends" in german and "Kostenlos" in german
    for content in (arabic, ukrainian):
        assert "Integrationskurs" in content  # the provider's own title stays as written
        assert "Abends" not in content and "Kostenlos" not in content


def test_a_candidate_who_has_not_stated_a_german_level_gets_no_proposal(client):
    profile = CandidateProfileFactory()
    CourseFactory(title="Kurs")
    client.force_login(profile.user)

    response = search(client)

    assert titles(response) == ["Kurs"]
    assert response.context["proposed_level"] == ""
    assert "Für Ihr Niveau vorgeschlagen" not in response.content.decode()


def test_a_course_for_beginners_says_that_no_german_is_needed(client):
    CourseFactory(title="Alphakurs", kind="literacy", level_from="0", level_to="A1")

    assert "bis A1, ohne Deutschkenntnisse zu Beginn" in search(client).content.decode()
