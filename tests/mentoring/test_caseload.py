"""The caseload of a region: counts at the top, filters, last activity, and one timeline per candidate."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from applications.models import ApplicationStatus
from courses.models import RegistrationStatus
from mentoring.models import HelpTopic
from portal.models import CandidateProfile
from tests.factories import (
    ActiveMentorshipFactory,
    ApplicationFactory,
    CompleteCandidateProfileFactory,
    CourseRegistrationFactory,
    EventRegistrationFactory,
    MentorshipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    amal = CompleteCandidateProfileFactory(user__last_name="Amal", german_level="B1", postal_code="30161")
    ActiveMentorshipFactory(profile=amal)
    CourseRegistrationFactory(profile=amal, status=RegistrationStatus.REGISTERED)
    ApplicationFactory(profile=amal, status=ApplicationStatus.AGREED)

    bilal = CompleteCandidateProfileFactory(user__last_name="Bilal", german_level="A2", postal_code="30159")
    CourseRegistrationFactory(profile=bilal, status=RegistrationStatus.WAITING)
    ApplicationFactory(profile=bilal, status=ApplicationStatus.SUBMITTED)

    chiara = CompleteCandidateProfileFactory(user__last_name="Chiara", german_level="A2", postal_code="30163")
    ApplicationFactory(profile=chiara, status=ApplicationStatus.HIRED)
    MentorshipFactory(profile=chiara)

    emil = CompleteCandidateProfileFactory(user__last_name="Emil", german_level="0", postal_code="30165")
    long_ago = timezone.now() - datetime.timedelta(days=40)
    CandidateProfile.objects.filter(pk=emil.pk).update(created_at=long_ago, updated_at=long_ago)

    elsewhere = CompleteCandidateProfileFactory(user__last_name="Nordsee", postal_code="27472")
    ApplicationFactory(profile=elsewhere, status=ApplicationStatus.HIRED)
    return {"amal": amal, "bilal": bilal, "chiara": chiara, "emil": emil}


def caseload(client, coordinator, **filters):
    client.force_login(coordinator)
    page = client.get(reverse("mentoring:caseload"), filters).content.decode()
    shown = {name for name in ("Amal", "Bilal", "Chiara", "Emil", "Nordsee") if f"{name}</a>" in page}
    return page, shown


def count(page: str, name: str) -> int:
    return int(re.search(rf'data-count="{name}">(\d+)<', page).group(1))


def test_the_counts_at_the_top_cover_the_region(client, coordinator, people):
    page, shown = caseload(client, coordinator)

    assert shown == {"Amal", "Bilal", "Chiara", "Emil"}
    assert count(page, "candidates") == 4
    assert count(page, "with_mentor") == 1  # Chiara's mentor is only proposed
    assert count(page, "in_course") == 1
    assert count(page, "in_trial") == 1
    assert count(page, "hired") == 1  # the hired candidate of Cuxhaven does not count here


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"no_mentor": "on"}, {"Bilal", "Chiara", "Emil"}),
        ({"inactive": "on"}, {"Emil"}),
        ({"german_level": "A2"}, {"Bilal", "Chiara"}),
        ({"waiting_for_course": "on"}, {"Bilal"}),
        ({"application_in_progress": "on"}, {"Amal", "Bilal"}),
        ({"no_mentor": "on", "german_level": "A2", "application_in_progress": "on"}, {"Bilal"}),
    ],
)
def test_filters_narrow_the_list(client, coordinator, people, filters, expected):
    _page, shown = caseload(client, coordinator, **filters)

    assert shown == expected


def test_any_activity_counts_against_inactivity(client, coordinator, people):
    EventRegistrationFactory(user=people["emil"].user)

    _page, shown = caseload(client, coordinator, inactive="on")

    assert shown == set()


def test_the_timeline_lists_profile_applications_courses_events_and_mentoring(client, coordinator, people):
    amal = people["amal"]
    EventRegistrationFactory(user=amal.user, event__title="Jobmesse Hannover")
    client.force_login(coordinator)

    page = client.get(reverse("mentoring:timeline", kwargs={"public_id": amal.public_id})).content.decode()

    application = amal.applications.get()
    course = amal.course_registrations.get().course
    assert application.vacancy.title in page
    assert course.title in page
    assert "Jobmesse Hannover" in page
    assert amal.mentorships.get().mentor.user.get_full_name() in page
    with translation.override("de"):
        asked = translation.gettext("Asked for a mentor: %(topics)s") % {"topics": HelpTopic.JOB_SEARCH.label}
    assert asked in page
