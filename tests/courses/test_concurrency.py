"""Two people ask for the last seat at the same moment: one gets it, the other waits, nobody is overbooked."""

import threading

import pytest
from django.db import connection, connections

from courses.models import Course, CourseRegistration, RegistrationStatus
from courses.services import course_register
from tests.conftest import skip_or_fail
from tests.factories import CompleteCandidateProfileFactory, CourseFactory


@pytest.mark.django_db(transaction=True)
def test_two_people_registering_for_the_last_seat_at_once_cannot_overbook_it():
    if connection.vendor != "postgresql":
        skip_or_fail("The concurrent registration test needs PostgreSQL (row locks); set DATABASE_URL.")
    course = CourseFactory(seats_total=5, seats_left=1)
    profiles = [CompleteCandidateProfileFactory(), CompleteCandidateProfileFactory()]
    barrier = threading.Barrier(len(profiles))
    outcomes, errors = {}, []

    def register(profile):
        try:
            barrier.wait(timeout=10)
            outcomes[profile.pk] = course_register(course=Course.objects.get(pk=course.pk), profile=profile).status
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            # Each thread has its own connection; close it so the test database can be dropped.
            connections.close_all()

    threads = [threading.Thread(target=register, args=(profile,)) for profile in profiles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(outcomes.values()) == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    course.refresh_from_db()
    assert course.seats_left == 0
    assert CourseRegistration.objects.filter(course=course).registered().count() == 1
    assert CourseRegistration.objects.filter(course=course).waiting().count() == 1
