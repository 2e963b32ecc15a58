"""Deleting an account gives its course seat and event place to the first person waiting."""

import pytest

from courses.models import CourseRegistration, RegistrationStatus
from courses.services import course_register
from events.models import EventRegistration
from events.models import RegistrationStatus as EventRegistrationStatus
from events.services import event_register
from privacy.services import account_delete
from tests.factories import CandidateProfileFactory, CourseFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_deleting_an_account_moves_the_first_waiting_person_into_the_course():
    course = CourseFactory(seats_total=1, seats_left=1)
    leaving, waiting = CandidateProfileFactory(), CandidateProfileFactory()
    course_register(course=course, profile=leaving)
    course_register(course=course, profile=waiting)

    account_delete(user=leaving.user)

    assert CourseRegistration.objects.get(profile=waiting).status == RegistrationStatus.REGISTERED
    course.refresh_from_db()
    assert course.seats_left == 0


def test_deleting_an_account_moves_the_first_waiting_person_into_the_event():
    event = EventFactory(capacity=1)
    leaving, waiting = CandidateProfileFactory(), CandidateProfileFactory()
    event_register(event=event, user=leaving.user)
    event_register(event=event, user=waiting.user)

    account_delete(user=leaving.user)

    assert EventRegistration.objects.get(user=waiting.user).status == EventRegistrationStatus.REGISTERED
