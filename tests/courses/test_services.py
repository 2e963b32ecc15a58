"""Seats and waiting lists: registering, cancelling, moving up, and what providers may change."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from courses.models import Course, CourseStatus, RegistrationStatus
from courses.services import (
    course_cancel,
    course_create,
    course_publish,
    course_register,
    course_registration_cancel,
    course_update,
)
from notifications.models import Notification
from tests.factories import (
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    CourseFactory,
    DraftCourseFactory,
    EmployerStaffFactory,
    MembershipFactory,
    OrganisationFactory,
    ProviderStaffFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def course_fields(**overrides):
    fields = {
        "kind": "integration",
        "title": "Integrationskurs Hannover-Mitte",
        "description": "Allgemeiner Integrationskurs.",
        "level_from": "A1",
        "level_to": "B1",
        "delivery": "in_person",
        "postal_code": "30159",
        "start_date": TODAY + datetime.timedelta(days=10),
        "end_date": TODAY + datetime.timedelta(days=200),
        "schedule": "part_time",
        "childcare": True,
        "seats_total": 15,
        "cost": "funded",
        "contact_name": "Frau Yilmaz",
        "contact_email": "kurse@example.org",
        "contact_phone": "0511 123456",
    }
    return {**fields, **overrides}


def provider_of(staff):
    return staff.membership.organisation


# --- Creating and changing courses -------------------------------------------------------------------------


def test_new_course_has_every_seat_free_and_the_coordinates_of_its_postal_code():
    staff = ProviderStaffFactory()

    course = course_create(provider=provider_of(staff), created_by=staff, **course_fields())

    course.refresh_from_db()
    assert (course.seats_total, course.seats_left, course.status) == (15, 15, CourseStatus.DRAFT)
    assert round(course.latitude, 2) == 52.37 and round(course.longitude, 2) == 9.74


def test_online_course_needs_no_place_and_has_no_coordinates():
    staff = ProviderStaffFactory()

    course = course_create(
        provider=provider_of(staff), created_by=staff, publish=True, **course_fields(delivery="online", postal_code="")
    )

    assert course.status == CourseStatus.PUBLISHED
    assert course.latitude is None and course.longitude is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end_date": TODAY}, "end_date"),
        ({"level_from": "B1", "level_to": "A2"}, "level_to"),
        ({"delivery": "hybrid", "postal_code": ""}, "postal_code"),
        ({"postal_code": "99999"}, "postal_code"),
        ({"seats_total": 0}, "seats_total"),
    ],
)
def test_invalid_course_is_refused_with_an_error_on_the_field_and_nothing_saved(overrides, field):
    staff = ProviderStaffFactory()

    with pytest.raises(ValidationError) as error:
        course_create(provider=provider_of(staff), created_by=staff, **course_fields(**overrides))

    assert field in error.value.message_dict
    assert not Course.objects.exists()


def test_employer_staff_of_a_company_with_a_training_centre_may_publish_courses():
    staff = EmployerStaffFactory(membership__organisation__is_course_provider=True)

    course = course_create(provider=provider_of(staff), created_by=staff, **course_fields())

    assert course.provider == provider_of(staff)


def test_staff_of_another_organisation_or_a_pure_employer_cannot_create_courses():
    other_staff = ProviderStaffFactory()
    employer = EmployerStaffFactory()

    with pytest.raises(PermissionDenied):
        course_create(provider=provider_of(ProviderStaffFactory()), created_by=other_staff, **course_fields())
    with pytest.raises(PermissionDenied):
        course_create(provider=provider_of(employer), created_by=employer, **course_fields())
    assert not Course.objects.exists()


def test_coordinator_may_create_courses_for_a_course_provider_of_their_region():
    provider = provider_of(ProviderStaffFactory(membership__organisation__locations=["30159"]))

    course = course_create(provider=provider, created_by=CoordinatorFactory(region__codes=["30159"]), **course_fields())

    assert course.provider == provider


def test_fewer_seats_than_people_registered_are_refused():
    course = CourseFactory(seats_total=3)
    for _ in range(2):
        course_register(course=course, profile=CompleteCandidateProfileFactory())

    with pytest.raises(ValidationError) as error:
        course_update(course=course, seats_total=1)

    assert "seats_total" in error.value.message_dict
    course.refresh_from_db()
    assert (course.seats_total, course.seats_left) == (3, 1)


def test_more_seats_move_the_waiting_list_up():
    course = CourseFactory(seats_total=1)
    course_register(course=course, profile=CompleteCandidateProfileFactory())
    waiting = course_register(course=course, profile=CompleteCandidateProfileFactory())

    course = course_update(course=course, seats_total=3)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED
    assert course.seats_left == 1
    assert Notification.objects.filter(recipient=waiting.profile.user, kind="course_seat_free").count() == 1


def test_a_course_that_has_ended_cannot_be_published():
    course = DraftCourseFactory(
        start_date=TODAY - datetime.timedelta(days=60), end_date=TODAY - datetime.timedelta(days=1)
    )

    with pytest.raises(ValidationError):
        course_publish(course=course)

    course.refresh_from_db()
    assert course.status == CourseStatus.DRAFT


def test_cancelling_a_course_cancels_every_registration_and_tells_the_people():
    course = CourseFactory(seats_total=1)
    seated = course_register(course=course, profile=CompleteCandidateProfileFactory())
    waiting = course_register(course=course, profile=CompleteCandidateProfileFactory())

    course_cancel(course=course)

    course.refresh_from_db()
    assert course.status == CourseStatus.CANCELLED
    for registration in (seated, waiting):
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.CANCELLED
        assert Notification.objects.filter(recipient=registration.profile.user, kind="course_cancelled").exists()
    with pytest.raises(ValidationError):
        course_publish(course=course)


# --- Registering -------------------------------------------------------------------------------------------


def test_registering_takes_a_seat():
    course = CourseFactory(seats_total=12)
    profile = CompleteCandidateProfileFactory()

    registration = course_register(course=course, profile=profile)

    course.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED
    assert course.seats_left == 11


def test_when_the_course_is_full_people_join_the_waiting_list_and_seats_never_drop_below_zero():
    course = CourseFactory(seats_total=1)
    first = course_register(course=course, profile=CompleteCandidateProfileFactory())

    second = course_register(course=course, profile=CompleteCandidateProfileFactory())
    third = course_register(course=course, profile=CompleteCandidateProfileFactory())

    course.refresh_from_db()
    assert first.status == RegistrationStatus.REGISTERED
    assert [second.status, third.status] == [RegistrationStatus.WAITING, RegistrationStatus.WAITING]
    assert course.seats_left == 0


@pytest.mark.parametrize(
    ("seats_total", "message"),
    [
        (5, "Sie haben bereits einen Platz in diesem Kurs."),
        (1, "Sie stehen bereits auf der Warteliste für diesen Kurs."),
    ],
)
def test_registering_twice_is_refused_with_a_friendly_error(seats_total, message):
    course = CourseFactory(seats_total=seats_total)
    profile = CompleteCandidateProfileFactory()
    course_register(course=course, profile=CompleteCandidateProfileFactory())
    course_register(course=course, profile=profile)

    with pytest.raises(ValidationError) as error:
        course_register(course=course, profile=profile)

    assert error.value.messages == [message]
    assert course.registrations.count() == 2


@pytest.mark.parametrize("factory", [DraftCourseFactory, lambda: CourseFactory(status=CourseStatus.CANCELLED)])
def test_drafts_and_cancelled_courses_take_no_registrations(factory):
    course = factory()

    with pytest.raises(ValidationError):
        course_register(course=course, profile=CompleteCandidateProfileFactory())

    assert not course.registrations.exists()


def test_cancelling_a_seat_frees_it_and_the_first_waiting_person_moves_up_and_is_told():
    course = CourseFactory(seats_total=1, title="Job-BSK Pflege")
    seated = course_register(course=course, profile=CompleteCandidateProfileFactory())
    first_waiting = course_register(course=course, profile=CompleteCandidateProfileFactory())
    second_waiting = course_register(course=course, profile=CompleteCandidateProfileFactory())

    course_registration_cancel(registration=seated)

    for registration in (seated, first_waiting, second_waiting):
        registration.refresh_from_db()
    course.refresh_from_db()
    assert seated.status == RegistrationStatus.CANCELLED
    assert first_waiting.status == RegistrationStatus.REGISTERED
    assert second_waiting.status == RegistrationStatus.WAITING
    assert course.seats_left == 0
    notice = Notification.objects.get(kind="course_seat_free")
    assert notice.recipient == first_waiting.profile.user
    assert notice.params == {"title": "Job-BSK Pflege"}
    assert notice.link == f"/de/courses/{course.pk}/"


def test_cancelling_a_seat_with_nobody_waiting_gives_the_seat_back():
    course = CourseFactory(seats_total=2)
    registration = course_register(course=course, profile=CompleteCandidateProfileFactory())

    course_registration_cancel(registration=registration)
    course_registration_cancel(registration=registration)

    course.refresh_from_db()
    assert course.seats_left == 2
    assert not Notification.objects.exists()


def test_leaving_the_waiting_list_frees_no_seat():
    course = CourseFactory(seats_total=1)
    course_register(course=course, profile=CompleteCandidateProfileFactory())
    waiting = course_register(course=course, profile=CompleteCandidateProfileFactory())

    course_registration_cancel(registration=waiting)

    course.refresh_from_db()
    assert course.seats_left == 0
    assert not Notification.objects.exists()


def test_someone_who_cancelled_can_register_again_and_joins_the_end_of_the_queue():
    course = CourseFactory(seats_total=1)
    course_register(course=course, profile=CompleteCandidateProfileFactory())
    comeback = CompleteCandidateProfileFactory()
    first = course_register(course=course, profile=comeback)
    course_registration_cancel(registration=first)
    other = course_register(course=course, profile=CompleteCandidateProfileFactory())

    again = course_register(course=course, profile=comeback)

    assert again.pk == first.pk and again.status == RegistrationStatus.WAITING
    assert again.created_at > other.created_at


def test_staff_membership_in_an_organisation_without_courses_gives_no_right():
    organisation = OrganisationFactory(is_course_provider=False)
    staff = MembershipFactory(organisation=organisation).user

    with pytest.raises(PermissionDenied):
        course_create(provider=organisation, created_by=staff, **course_fields())
